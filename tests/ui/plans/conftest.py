"""A main window over a real SQLite history in a tmp folder, for the plan editor tests,
and helpers that drive the editor and its picker with keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from backleg_desktop.services.store import Store, open_store
from backleg_desktop.ui import message_boxes
from tests.support.stores import close_when_jobs_are_done


@pytest.fixture
def store(data_dir: Path, library) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    opened = open_store(data_dir, library, make_daily_backup=False)
    yield opened
    close_when_jobs_are_done(opened)


class Answers(list):
    """Answers for message_boxes.ask, in order (none queued: the default button);
    `asked` records (title, text) of each question."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []
        self.told: list[tuple[str, str]] = []  # information and warning boxes


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    queue = Answers()

    def ask(parent, title, text, *, yes, no, default):  # type: ignore[no-untyped-def]
        queue.asked.append((title, text))
        return (queue.pop(0) if queue else default) == QMessageBox.StandardButton.Yes

    def tell(parent, title, text, *args):  # type: ignore[no-untyped-def]
        queue.told.append((title, text))

    monkeypatch.setattr(message_boxes, "ask", ask)
    monkeypatch.setattr(message_boxes, "inform", tell)
    monkeypatch.setattr(message_boxes, "warn", tell)
    return queue


@pytest.fixture
def window(main_window, store, answers):  # type: ignore[no-untyped-def]
    main_window.attach_store(store)
    yield main_window
    main_window.close()


def focused() -> Any:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key, modifier)


def new_editor(qtbot, window):  # type: ignore[no-untyped-def]
    """Plans page → New plan: the editor, open."""
    window.show_page("plans")
    window.plans_page.new_button.click()
    editor = window.plans_page.editor
    assert editor is not None and editor.isVisible()
    activate(qtbot, editor)
    return editor


def activate(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """What the window manager does for a dialog that opens (offscreen nobody does)."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def add_exercise(qtbot, editor, words: str) -> None:  # type: ignore[no-untyped-def]
    """Add exercises… (Insert), type `words` in the search and press Enter."""
    qtbot.keyClick(editor.list, Qt.Key.Key_Insert)
    picker = editor.picker
    assert picker.isVisible()
    activate(qtbot, picker)
    qtbot.keyClicks(picker.search, words)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert not picker.isVisible()
    activate(qtbot, editor)


def names_in(editor) -> list[str]:  # type: ignore[no-untyped-def]
    return [editor.model.exercise_name(row) for row in range(editor.model.rowCount())]
