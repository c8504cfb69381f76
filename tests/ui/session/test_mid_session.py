"""Mid-session help on the exercise screen: the move's warning signs and easier options,
collapsed until I opens them, and last time's numbers from the store."""

from __future__ import annotations

from PySide6.QtCore import Qt

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_i_opens_and_closes_the_warning_signs_and_easier_options(drive) -> None:
    page = drive.page
    drive.start()
    panel = page.exercise_screen.safety
    extension = page.library.exercise("leg-extension")
    assert panel.isVisible() and not panel.is_expanded() and not panel.body.isVisible()
    assert panel.toggle.text() == "Warning signs and easier options  [I]"
    drive.key(K.Key_I)
    assert panel.is_expanded() and panel.body.isVisible()
    shown = " ".join(label.text() for label in panel.body.findChildren(type(page.message)))
    for line in (*extension.warning_signs, *extension.easier_options):
        assert line.replace("'", "&#x27;") in shown or line in shown
    assert not page.exercise_screen.illustration.isVisible()  # the lists take its place
    drive.space()  # the set starts as usual with the panel open
    assert page.flow.state == "in_set" and panel.is_expanded()
    drive.key(K.Key_I)
    assert not panel.is_expanded() and page.exercise_screen.illustration.isVisible()
    drive.key(K.Key_I)
    drive.advance(20)
    drive.space()  # logged; the rest
    drive.key(K.Key_S, SHIFT)  # a new exercise: collapsed again
    assert page.exercise_screen.name.text() == "Goblet squat" and not panel.is_expanded()


def finish_a_session(drive, sets: int) -> None:  # type: ignore[no-untyped-def]
    screen = drive.page.exercise_screen
    for _ in range(sets):
        drive.space()
        screen.reps.setValue(13)
        screen.load.setValue(25)
        drive.advance(20)
        drive.space()
        if drive.page.flow.state == "resting":
            drive.space()
    drive.key(K.Key_E, CTRL)  # end (Enter, the default, confirms)
    drive.key(K.Key_Escape)
    drive.enter()  # summary → the plans


def test_last_time_is_shown_after_an_earlier_session(drive) -> None:
    screen = drive.page.exercise_screen
    drive.start()
    assert screen.last_time.isHidden()  # a first session has no last time
    finish_a_session(drive, 3)
    drive.start()
    assert screen.last_time.isVisible()
    assert screen.last_time.text() == "Last time: 3 × 13 at 25 kg"


def test_last_time_for_an_alternating_move_is_per_leg(drive) -> None:
    page, screen = drive.page, drive.page.exercise_screen
    drive.start()
    for _ in range(3):
        drive.key(K.Key_S, SHIFT)
    for left, right in ((8, 8), (8, 7)):
        drive.space()
        screen.left_reps.setValue(left)
        screen.reps.setValue(right)
        screen.load.setValue(10)
        drive.space()
        drive.space()
    drive.key(K.Key_E, CTRL)
    drive.key(K.Key_Escape)
    drive.enter()
    drive.start()
    for _ in range(3):
        drive.key(K.Key_S, SHIFT)
    assert page.exercise_screen.name.text() == "Reverse lunge"
    assert screen.last_time.text() == "Last time: left 2 × 8 at 10 kg · right 8, 7 at 10 kg"
