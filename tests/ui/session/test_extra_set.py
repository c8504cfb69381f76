"""\"2–3 sets\": after the minimum the extra set is offered; Space does it, D leaves it out."""

from __future__ import annotations

from PySide6.QtCore import Qt

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def two_lunge_sets(drive) -> None:  # type: ignore[no-untyped-def]
    drive.start()
    for _ in range(3):  # on to the reverse lunge: 2–3 sets
        drive.key(K.Key_S, SHIFT)
    for _ in range(2):
        drive.do_set()
        drive.space()  # skip the rest
    screen = drive.page.exercise_screen
    assert screen.set_label.text() == "Set 3 of 3 (optional)"


def test_the_third_set_is_offered_and_declined_with_d(drive) -> None:
    page, screen = drive.page, drive.page.exercise_screen
    two_lunge_sets(drive)
    assert screen.status.text() == "Set 3 is an extra set"
    assert screen.hint.text() == (
        "You have done the sets the plan asks for. Space starts this one; D leaves it out today."
    )
    assert screen.decline_button.isVisible()
    assert screen.decline_button.text() == "Leave it out  [D]"
    drive.key(K.Key_D)
    assert screen.name.text() == "Split-stance Romanian deadlift"
    assert not screen.decline_button.isVisible()
    assert page.message.text() == "Reverse lunge: set 3 left out today."
    lunges = {s.set_number for s in drive.stored().sets if s.exercise_id == "reverse-lunge"}
    assert lunges == {1, 2}  # nothing stored for the set left out
    drive.key(K.Key_Z, CTRL)  # and it can be taken back
    assert screen.name.text() == "Reverse lunge" and screen.set_label.text().startswith("Set 3")


def test_space_accepts_the_extra_set_as_usual(drive) -> None:
    page = drive.page
    two_lunge_sets(drive)
    drive.space()
    assert not page.exercise_screen.decline_button.isVisible()  # under way: nothing to decline
    drive.key(K.Key_D)
    assert page.flow.state == "in_set"
    drive.space()
    lunges = [s.set_number for s in drive.stored().sets if s.exercise_id == "reverse-lunge"]
    assert lunges == [1, 1, 2, 2, 3, 3]  # left and right rows of three sets
    assert page.current_screen() is page.rest_screen


def test_d_does_nothing_before_the_minimum(drive) -> None:
    page = drive.page
    drive.start()
    assert "extra set" not in page.exercise_screen.status.text()
    drive.key(K.Key_D)
    assert page.exercise_screen.set_label.text() == "Set 1 of 3"
    assert page.flow.progress() == (0, 16)


def test_the_button_leaves_it_out_too(drive, qtbot) -> None:  # type: ignore[no-untyped-def]
    two_lunge_sets(drive)
    screen = drive.page.exercise_screen
    qtbot.mouseClick(screen.decline_button, Qt.MouseButton.LeftButton)
    assert screen.name.text() == "Split-stance Romanian deadlift"
