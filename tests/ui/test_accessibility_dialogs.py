"""Accessibility of the dialogs: each one, opened through the real window on a real
data folder, names and describes every control in it (tests/support/accessible.py says
what counts). The handout's plan question and print dialog, and the yes/no questions,
are Qt's own standard dialogs (QInputDialog, QPrintDialog, QMessageBox.question)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.disc_question import DiscQuestionDialog
from backleg_desktop.ui.help_menu import show_about, show_problem_report
from backleg_desktop.ui.history.transfer_dialogs import ImportDialog
from backleg_desktop.ui.preferences.data_section import DataFolderSection
from backleg_desktop.ui.preferences.install import show_preferences
from tests.support.accessible import problems
from tests.support.stores import close_when_jobs_are_done

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
