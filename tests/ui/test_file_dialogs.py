"""File dialogs start in the last folder used (home at first) and suggest dated names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QInputDialog

from backleg_desktop.services.store import open_store
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.file_dialogs import dated_name, last_folder
from tests.support.stores import close_when_jobs_are_done

TODAY = date.today().isoformat()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def window_with_store(main_window, data_dir, library, qtbot):  # type: ignore[no-untyped-def]
    store = open_store(data_dir, library, make_daily_backup=False)
    main_window.attach_store(store)
    yield main_window
    close_when_jobs_are_done(store)


def test_dated_names() -> None:
    assert dated_name(".csv", today=date(2026, 12, 1)) == "backleg-2026-12-01.csv"
    assert (
        dated_name(".pdf", middle="handout", today=date(2026, 12, 1))
        == "backleg-handout-2026-12-01.pdf"
    )


def test_export_suggests_a_dated_name_at_home_then_import_starts_where_it_went(
    qtbot, window_with_store, home, tmp_path, monkeypatch
) -> None:
    window = window_with_store
    asked: list[tuple[str, str]] = []
    exports = tmp_path / "exports"
    exports.mkdir()

    def save(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(("save", start))
        return str(exports / Path(start).name), "JSON backup (*.json)"

    def open_(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(("open", start))
        return "", ""

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    monkeypatch.setattr(message_boxes, "inform", lambda *a: told.append(a[2]))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert asked == [("save", str(home / f"backleg-{TODAY}"))]
    written = exports / f"backleg-{TODAY}.json"  # the chosen type gave the suffix
    assert written.is_file() and str(written) in told[0]
    window.import_action.trigger()
    assert asked[-1] == ("open", str(exports))
    assert last_folder(window.settings) == exports


def test_a_folder_that_is_gone_falls_back_to_home(window_with_store, home, monkeypatch) -> None:
    window_with_store.settings.setValue("files/last_folder", str(home / "gone"))
    asked: list[str] = []

    def open_(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    window_with_store.import_action.trigger()
    assert asked == [str(home)]


def test_the_handout_pdf_gets_a_dated_name_in_the_last_folder(
    qtbot, main_window, tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    main_window.settings.setValue("files/last_folder", str(folder))
    seen: dict[str, str] = {}

    def accept(dialog: QPrintDialog) -> int:
        seen["doc"] = dialog.printer().docName()
        seen["file"] = dialog.printer().outputFileName()
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Quick add-on", True))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    main_window.print_handout_action.trigger()
    name = f"backleg-handout-{TODAY}"  # as File → Save handout as PDF… suggests
    assert seen == {"doc": name, "file": str(folder / f"{name}.pdf")}
    assert (folder / f"{name}.pdf").stat().st_size > 1000
