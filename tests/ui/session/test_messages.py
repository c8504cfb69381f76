"""Messages go away after a few seconds and never outlive their screen; the "All sets
done" screen has nothing left to type in, read or skip (issue 11). Real window, the
app's fake clock, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.ui.session.chrome import MESSAGE_S, PROBLEM_S

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_a_message_goes_away_after_a_few_seconds_of_the_apps_clock(drive, qtbot) -> None:
    page = drive.page
    drive.start()
    drive.key(K.Key_S)
    assert page.message.text() == "Set skipped."
    drive.clock.advance(MESSAGE_S - 0.5)
    qtbot.wait(400)  # the check runs, the deadline is not reached yet
    assert page.message.text() == "Set skipped."
    drive.clock.advance(1)
    qtbot.waitUntil(lambda: page.message.text() == "", timeout=2000)
    page.say("Could not be saved: the disk is full", error=True)
    drive.clock.advance(MESSAGE_S + 1)
    qtbot.wait(400)
    assert page.message.text() != ""  # a problem stays a little longer
    drive.clock.advance(PROBLEM_S)
    qtbot.waitUntil(lambda: page.message.text() == "", timeout=2000)


def test_a_message_never_outlives_its_screen(drive) -> None:
    page = drive.page
    drive.start()
    drive.space()
    drive.advance(1)
    drive.space()  # set 1 logged: the rest screen
    drive.key(K.Key_Z, CTRL)
    assert page.current_screen() is page.exercise_screen
    assert page.message.text().startswith("Undone: ")
    drive.space()
    drive.advance(1)
    drive.space()  # logged again: a new screen, the old message is gone
    assert page.current_screen() is page.rest_screen
    assert page.message.text() == ""
    drive.key(K.Key_S)  # skip set 2 from the rest: said on the screen it leads to
    assert page.current_screen() is page.exercise_screen
    assert page.message.text() == "Set skipped."
    drive.key(K.Key_E, CTRL)  # end early (the question defaults to yes)
    assert page.current_screen() is page.pain_screen
    assert page.message.text() == ""


def test_all_sets_done_leaves_no_inputs_cues_or_skip_buttons(drive) -> None:
    page, exercise, chrome = drive.page, drive.page.exercise_screen, drive.page.chrome
    drive.start()
    assert exercise.reps.isVisibleTo(exercise) and exercise.cues.isVisibleTo(exercise)
    while page.flow.state != "finished":
        drive.key(K.Key_S, SHIFT)
    assert exercise.status.text() == "All sets done"
    for widget in (exercise.reps, exercise.load, exercise.cues, exercise.illustration):
        assert not widget.isVisibleTo(exercise)
    assert not exercise.load_note.isVisibleTo(exercise)
    assert not chrome.skip_set_button.isEnabled()
    assert not chrome.skip_exercise_button.isEnabled()
    assert chrome.undo_button.isEnabled()  # the last skip can still be taken back
    drive.key(K.Key_Z, CTRL)
    assert page.flow.state == "ready"
    for widget in (exercise.reps, exercise.load, exercise.cues, exercise.illustration):
        assert widget.isVisibleTo(exercise)
    assert chrome.skip_set_button.isEnabled() and chrome.skip_exercise_button.isEnabled()
