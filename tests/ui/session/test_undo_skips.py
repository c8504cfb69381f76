"""Ctrl+Z undoes the last session action, whatever it was (issue 11): a logged set, a
skipped set (S) or a skipped exercise (Shift+S). Undoing a skip deletes nothing and
puts the session back on what was skipped. Real window, fake clock, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def logged(drive):  # type: ignore[no-untyped-def]
    return [(s.exercise_id, s.set_number) for s in drive.stored().sets]


def test_ctrl_z_after_s_takes_back_the_skip_not_the_set_before(drive) -> None:
    page, exercise = drive.page, drive.page.exercise_screen
    drive.start()
    drive.do_set()  # leg extension set 1 logged; resting
    drive.key(K.Key_S)  # skip set 2 from the rest screen
    assert exercise.set_label.text() == "Set 3 of 3"
    drive.key(K.Key_Z, CTRL)
    assert logged(drive) == [("leg-extension", 1)]  # set 1 is still there
    assert page.current_screen() is exercise
    assert exercise.name.text() == "Leg extension" and exercise.set_label.text() == "Set 2 of 3"
    assert page.flow.state == "ready"
    assert page.message.text() == "Skip undone: back to Leg extension, set 2 of 3."
    drive.do_set()  # set 2 can be done after all
    assert logged(drive) == [("leg-extension", 1), ("leg-extension", 2)]
    drive.key(K.Key_Z, CTRL)  # now the last action is a set: it is deleted
    assert logged(drive) == [("leg-extension", 1)]
    assert exercise.set_label.text() == "Set 2 of 3"


def test_ctrl_z_after_shift_s_returns_to_the_skipped_exercise(drive) -> None:
    page, exercise = drive.page, drive.page.exercise_screen
    drive.start()
    drive.do_set()
    drive.space()  # skip the rest: ready for set 2
    drive.key(K.Key_S, SHIFT)  # skip the rest of leg extension
    assert exercise.name.text() == "Goblet squat"
    drive.space()  # goblet squat set 1 under way: undo abandons it
    drive.key(K.Key_Z, CTRL)
    assert logged(drive) == [("leg-extension", 1)]
    assert exercise.name.text() == "Leg extension" and exercise.set_label.text() == "Set 2 of 3"
    assert page.flow.state == "ready"
    assert page.message.text() == "Exercise skip undone: back to Leg extension, set 2 of 3."
    assert page.progress.text().endswith("1 of 14 sets logged")
    drive.key(K.Key_Z, CTRL)  # then the set before it
    drive.key(K.Key_Z, CTRL)  # nothing left: harmless
    assert drive.stored().sets == ()
    assert exercise.set_label.text() == "Set 1 of 3"
    assert page.message.text() == "Nothing to undo yet."


def test_two_skips_undo_one_at_a_time(drive) -> None:
    exercise = drive.page.exercise_screen
    drive.start()
    drive.key(K.Key_S)
    drive.key(K.Key_S)
    assert exercise.set_label.text() == "Set 3 of 3"
    drive.key(K.Key_Z, CTRL)
    assert exercise.set_label.text() == "Set 2 of 3"
    drive.key(K.Key_Z, CTRL)
    assert exercise.set_label.text() == "Set 1 of 3"
    assert drive.stored().sets == ()
