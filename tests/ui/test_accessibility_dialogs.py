"""Accessibility of the dialogs: each one, opened through the real window on a real
data folder, names and describes every control in it (tests/support/accessible.py says
what counts). The handout's plan question and print dialog are Qt's own standard dialogs
(QInputDialog, QPrintDialog). The yes/no questions and messages are Qt's QMessageBox,
made by ui/message_boxes.py: each one the window shows is opened here and checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.disc_question import DiscQuestionDialog
from backleg_desktop.ui.help_menu import show_about, show_problem_report
from backleg_desktop.ui.history.transfer_dialogs import ImportDialog
from backleg_desktop.ui.plans.actions import delete_plan, rename_plan
from backleg_desktop.ui.preferences.data_section import DataFolderSection
from backleg_desktop.ui.preferences.install import show_preferences
from tests.support.accessible import problems
from tests.support.stores import close_when_jobs_are_done
from tests.ui.plans.conftest import new_editor
from tests.ui.plans.test_plans_page import own_plan
from tests.ui.session.conftest import Driver, FakeAlert

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
    '2026-11-02 18:00:00,"Legs",45m,"Squat (Barbell)",1,85,5,0,0,"","",\n'
)


@pytest.fixture
def window(main_window, data_dir, library):  # type: ignore[no-untyped-def]
    store = open_store(data_dir, library, make_daily_backup=False)
    main_window.attach_store(store)
    yield main_window
    main_window.close()
    close_when_jobs_are_done(store)


def check(dialog: QWidget) -> None:
    found = problems(dialog)
    dialog.close()
    assert not found, "\n" + "\n".join(found)


def test_preferences_and_each_of_its_sections(qtbot, window) -> None:
    dialog = show_preferences(window)
    found = []
    for section in dialog.sections:  # type: ignore[attr-defined]
        dialog.show_section(type(section))  # type: ignore[attr-defined]
        found += problems(section)
    found += problems(dialog)
    dialog.close()
    assert not found, "\n" + "\n".join(found)


def test_the_restore_backup_list(qtbot, window) -> None:
    dialog = show_preferences(window)
    section = dialog.section(DataFolderSection)  # type: ignore[attr-defined]
    section.back_up_now()  # one backup in the list
    check(section.choose_backup())
    dialog.close()


def test_the_import_dialog(qtbot, window, tmp_path: Path) -> None:
    strong = tmp_path / "strong.csv"
    strong.write_text(STRONG, encoding="utf-8")
    dialog = ImportDialog(window.store.workouts, window.library, strong, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_data is not None, timeout=5000)
    check(dialog)


@pytest.mark.parametrize("opener", [show_about, show_problem_report])
def test_the_help_dialogs(qtbot, window, opener) -> None:  # type: ignore[no-untyped-def]
    check(opener(window))


def test_keyboard_shortcuts(qtbot, window) -> None:
    check(window.session.show_shortcuts())


def test_the_disclaimer(qtbot, window) -> None:
    check(window.show_disclaimer())


def test_the_herniated_disc_question(qtbot, window) -> None:
    content = window.disc.content
    assert content is not None
    dialog = DiscQuestionDialog(content.question, window)
    qtbot.addWidget(dialog)
    dialog.show()
    check(dialog)


# -- the message boxes ---------------------------------------------------------------------
Yes, No, Ok = (
    QMessageBox.StandardButton.Yes,
    QMessageBox.StandardButton.No,
    QMessageBox.StandardButton.Ok,
)


class Boxes(list):
    """Stands in for QMessageBox.exec (a real one is modal and would wait): notes each box
    the window built, as a screen reader would find it, and answers with Enter."""

    def exec(self, box: QMessageBox) -> int:
        buttons = {box.standardButton(b): b for b in box.buttons()}
        self.append(
            {
                "title": box.windowTitle(),
                "name": box.accessibleName(),
                "description": box.accessibleDescription(),
                "text": box.text(),
                "problems": problems(box),
                "default": box.standardButton(box.defaultButton()),
                "escape": box.standardButton(box.escapeButton())
                if box.escapeButton() is not None
                else None,
                "buttons": sorted(b.value for b in buttons),
            }
        )
        box.defaultButton().click()  # Enter
        return 0


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Boxes]:
    shown = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.exec(box))
    # A box made some other way (Qt's static QMessageBox.question) runs its own modal
    # loop: close it, so the test fails on what it finds instead of waiting for ever.
    stray: list[str] = []
    guard = QTimer()
    guard.timeout.connect(lambda: _close_stray(stray))
    guard.start(50)
    yield shown
    guard.stop()
    assert not stray, f"boxes not made by ui/message_boxes.py: {stray}"


def _close_stray(stray: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        stray.append(box.windowTitle())
        box.done(0)


def described_box(box: dict, title: str, buttons: list[QMessageBox.StandardButton]) -> None:  # type: ignore[type-arg]
    assert box["problems"] == [], box["problems"]
    assert box["name"] == box["title"] == title
    flat = " ".join(box["text"].split())
    assert box["description"] == flat, (box["description"], flat)
    assert box["buttons"] == sorted(b.value for b in buttons)


@pytest.mark.parametrize(
    ("action", "title"), [("end_action", "End session"), ("stop_action", "Stop: sharp pain")]
)
def test_ending_or_stopping_a_session_asks_with_described_buttons(
    qtbot, window, boxes, fake_clock, action, title
) -> None:  # type: ignore[no-untyped-def]
    drive = Driver(qtbot, window, fake_clock)
    drive.page._alert = FakeAlert()
    drive.start()
    drive.do_set()
    getattr(window.session, action).trigger()
    [box] = boxes
    described_box(box, title, [Yes, No])
    assert (box["default"], box["escape"]) == (Yes, No)  # Enter ends, as before; Esc goes back
    assert not drive.page.is_active  # Enter answered Yes


def test_deleting_a_plan_asks_with_described_buttons_and_no_by_default(
    qtbot, window, boxes, library
) -> None:  # type: ignore[no-untyped-def]
    plan = own_plan(window.store, library)
    window.plan_book.reload()
    assert not delete_plan(window, window.plan_book, plan)  # Enter: No, the safer choice
    [box] = boxes
    described_box(box, "Delete plan", [Yes, No])
    assert (box["default"], box["escape"]) == (No, No)
    assert [p.id for p in window.store.plans.all()] == [plan.id]


def test_leaving_the_plan_editor_with_changes_asks_with_no_by_default(qtbot, window, boxes) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, window)
    qtbot.keyClicks(editor.name, "Garden day")
    editor.reject()
    [box] = boxes
    described_box(box, "Discard changes", [Yes, No])
    assert (box["default"], box["escape"]) == (No, No)
    assert editor.isVisible()  # Enter kept the editor open
    editor.stack.setClean()
    editor.reject()


def test_a_message_and_a_warning_are_described_too(
    qtbot, main_window, window, boxes, library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    plan = own_plan(window.store, library, "Garden day")
    own_plan(window.store, library, "Yard day")
    window.plan_book.reload()
    typed = iter([("Yard day", True), ("", False)])  # a name taken, then Cancel
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(typed))
    rename_plan(window, window.plan_book, plan)  # the name taken: a warning
    window.store = None  # as before the history opens: File → Export… tells so
    window.export_action.trigger()
    assert [b["title"] for b in boxes] == ["Rename plan", "Backleg"]
    for box in boxes:
        described_box(box, box["title"], [Ok])
        assert box["default"] == Ok


def test_no_box_in_ui_uses_qts_static_functions() -> None:
    """Every question and message goes through ui/message_boxes.py, so each is described."""
    import re

    import backleg_desktop.ui as ui

    static = re.compile(r"QMessageBox\.(question|warning|information|critical|about)\(")
    found = [
        f"{path.relative_to(Path(ui.__file__).parent)}:{n}"
        for path in sorted(Path(ui.__file__).parent.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if static.search(line)
    ]
    assert found == []
