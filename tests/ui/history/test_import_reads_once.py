"""File → Import… reads the file once: the preview's figures, the dry run and the import
all come from that one read, so Import adds what the figures showed."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path

import pytest

from tests.ui.history.test_transfer_dialogs import export_file, open_dialog


@pytest.fixture
def opens_of(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Counts every open() of one path (builtins.open and io.open, which Path.open uses)."""
    counted: dict[str, int] = {}
    real = builtins.open

    def counting(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, str | os.PathLike):
            key = os.path.realpath(file)
            if key in counted:
                counted[key] += 1
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting)
    monkeypatch.setattr(io, "open", counting)

    def watch(path: Path) -> dict[str, int]:
        counted[os.path.realpath(path)] = 0
        return counted

    return watch


def test_the_file_is_read_once_and_import_adds_what_the_preview_showed(
    qtbot, monkeypatch, page, store, tmp_path, opens_of
) -> None:
    path = export_file(tmp_path, page.library)
    counted = opens_of(path)
    before = store.workouts.count_sessions()
    dialog = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert dialog.counts["new_sessions"].text().startswith("40 (")
    # Format detection peeks at the start; the whole file is read once after it.
    assert counted[os.path.realpath(path)] <= 2

    path.write_text("not the file that was previewed\n", "utf-8")  # changed meanwhile
    preview_opens = counted[os.path.realpath(path)]  # the write above counts too
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10000)
    assert dialog.summary.sessions_added == 40
    assert store.workouts.count_sessions() == before + 40
    assert counted[os.path.realpath(path)] == preview_opens  # Import read nothing again
