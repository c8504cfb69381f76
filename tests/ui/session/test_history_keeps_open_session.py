"""History does not delete the session the Session page is still writing to: deleting it
there (the button was enabled for "In progress") lost every set logged after, and a
set deleted under the page left its undo and counts wrong. Once the session is over,
it can be deleted as any other."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.store import open_store
from backleg_desktop.ui.history import sets_model
from backleg_desktop.ui.history.detail_panel import HELD_TEXT
from tests.ui.session.conftest import Driver, FakeAlert
from tests.ui.session.test_resume import build_window


def open_in_history(drive, qtbot, session_id: int):  # type: ignore[no-untyped-def]
    drive.window.show_page("history")
    history = drive.window.history_page
    history.show_session(session_id, select=True)
    qtbot.wait(20)
    return history


def test_the_running_session_cannot_be_deleted_from_history(drive, qtbot) -> None:
    page = drive.page
    drive.start(pain="2")
    drive.do_set()
    session_id = page.recorder.session_id
    history = open_in_history(drive, qtbot, session_id)
    detail = history.detail
    detail.sets_view.selectRow(0)
    for button in (detail.delete_session_button, detail.delete_set_button):
        assert not button.isEnabled(), button.objectName()
        assert button.toolTip() == HELD_TEXT
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert detail.status.text() == HELD_TEXT
    # Nor can its sets be changed there: the rest screen's correction box would write
    # the old values back.
    detail.sets_view.setFocus()
    detail.sets_view.setCurrentIndex(detail.sets_model.index(0, sets_model.REPS))
    qtbot.keyClick(detail.sets_view, Qt.Key.Key_F2)  # the edit key opens no editor
    typing_into = QApplication.focusWidget()
    qtbot.keyClick(typing_into, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(typing_into, "5")
    qtbot.keyClick(typing_into, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert typing_into is detail.sets_view
    assert drive.stored().sets[0].reps == 12
    assert drive.workouts().in_progress_session() is not None

    drive.window.show_page("session")
    assert page.flow.state == "resting"
    drive.space()  # the rest skipped
    drive.do_set()  # the session goes on and its next set is stored
    assert len(drive.stored().sets) == 2


def test_once_the_session_is_over_it_can_be_deleted(drive, qtbot) -> None:
    page = drive.page
    drive.start(pain="2")
    drive.do_set()
    session_id = page.recorder.session_id
    drive.window.session.end_action.trigger()  # Ctrl+E; the end is confirmed by default
    assert page.current_screen() is page.pain_screen  # pain after: still written to
    history = open_in_history(drive, qtbot, session_id)
    assert not history.detail.delete_session_button.isEnabled()
    drive.window.show_page("session")
    drive.type("1")
    drive.enter()  # pain after saved: the summary
    assert page.current_screen() is page.summary_screen
    history = open_in_history(drive, qtbot, session_id)
    assert history.detail.delete_session_button.isEnabled()
    assert history.detail.delete_session_button.toolTip() == ""
    qtbot.mouseClick(history.detail.delete_session_button, Qt.MouseButton.LeftButton)
    assert history.detail.status.text() == "Session deleted. Ctrl+Z brings it back."
    with pytest.raises(BacklegError):
        drive.workouts().session_detail(session_id)


def test_the_note_beside_the_buttons_leaves_the_list_its_columns(drive, qtbot) -> None:
    # Unwrapped, the note widened the detail until the list scrolled sideways with its
    # plan cut to "Streng".
    drive.window.resize(1024, 700)
    drive.start(pain="2")
    drive.do_set()
    history = open_in_history(drive, qtbot, drive.page.recorder.session_id)
    qtbot.wait(50)
    assert history.splitter.orientation() == Qt.Orientation.Horizontal
    assert history.splitter.sizes()[0] >= history.columns.needed_width()
    assert not history.table.horizontalScrollBar().isVisible()


def test_the_session_offered_for_resuming_is_kept_too(qtbot, data_dir, library, fake_clock) -> None:
    with open_store(data_dir, library, make_daily_backup=False) as store:
        session = store.workouts.start_session("strength", pain_before=3)  # then a crash
    with open_store(data_dir, library, make_daily_backup=False) as store:
        window = build_window(qtbot, data_dir, library, fake_clock)
        window.attach_store(store)
        page = window.session.page
        page._alert = FakeAlert()
        assert page.current_screen() is page.resume_screen
        drive = Driver(qtbot, window, fake_clock)
        history = open_in_history(drive, qtbot, session.id)
        # Deleted here, Resume carried on with its own copy and stored none of its sets.
        assert not history.detail.delete_session_button.isEnabled()
        window.show_page("session")
        drive.enter()  # Resume
        drive.do_set()
        assert len(store.workouts.session_detail(session.id).sets) == 1
        window.close()
