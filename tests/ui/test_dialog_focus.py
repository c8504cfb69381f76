"""When a dialog closes, its window is the active one again (a window manager would see
to that; offscreen nothing does, and keys went nowhere until a click), and a dialog
opened from a dialog gives the keyboard back to that one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.preferences.install import show_preferences
from tests.support.stores import close_when_jobs_are_done
from tests.ui.plans.conftest import activate, new_editor


def active_after_close(qtbot, dialog: QWidget, expected: QWidget) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, dialog)  # what a window manager does when it opens
    dialog.close()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is expected, timeout=2000)


def test_closing_preferences_leaves_the_main_window_active(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, main_window)
    active_after_close(qtbot, show_preferences(main_window), main_window)
    active_after_close(qtbot, main_window.show_disclaimer(), main_window)  # any dialog


def test_the_picker_gives_the_keyboard_back_to_the_plan_editor(
    qtbot, main_window, data_dir, library
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, library, make_daily_backup=False)
    main_window.attach_store(store)
    editor = new_editor(qtbot, main_window)
    editor.pick_exercises()
    active_after_close(qtbot, editor.picker, editor)  # not the main window: its dialog
    active_after_close(qtbot, editor, main_window)  # unchanged: nothing to discard
    close_when_jobs_are_done(store)


def test_a_dialog_that_opens_as_another_closes_gets_the_keyboard(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """Accepting the disclaimer opens the herniated-disc question: that one has the keys,
    not the window behind it, which the question blocks."""
    activate(qtbot, main_window)
    disclaimer = main_window.show_disclaimer()
    activate(qtbot, disclaimer)
    disclaimer.accept()
    question = main_window.disc_dialog
    assert question is not None and question.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is question, timeout=2000)
    question.close()
