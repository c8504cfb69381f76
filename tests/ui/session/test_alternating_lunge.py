"""The reverse lunge alternates legs rep by rep: one screen logs both legs' reps with one
Space; History shows the set as a left and a right row, and every count agrees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.ui.history.sets_model import REPS, SIDE

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def to_the_lunges(drive) -> None:  # type: ignore[no-untyped-def]
    drive.start()
    for _ in range(3):  # past leg extension, goblet squat and leg curl
        drive.key(K.Key_S, SHIFT)
    assert drive.page.exercise_screen.name.text() == "Reverse lunge"


def test_one_screen_and_one_space_log_both_legs(drive) -> None:
    page, screen = drive.page, drive.page.exercise_screen
    to_the_lunges(drive)
    assert screen.side.text() == "Both legs, alternating"
    assert screen.how.text() == (
        "Alternate legs rep by rep: 8 on each leg. Log both legs' reps together."
    )
    assert screen.left_reps.isVisible() and screen.reps.isVisible()
    assert screen.reps_label.text() == "R&ight leg reps"
    assert screen.next_label.text() == "Next: set 2 of 3"  # no "right leg, no rest"
    drive.space()
    texts = [screen.hint.text(), screen.primary_button.text()]
    assert texts == [
        "Set in progress. Press Space when done to log both legs and rest.",
        "Log both legs  [Space]",
    ]
    assert not any("switch" in text.lower() for text in texts)
    screen.left_reps.setValue(8)
    screen.reps.setValue(7)
    screen.load.setValue(10)
    drive.advance(40)
    drive.space()  # one Space: both legs logged, and the rest starts
    assert page.current_screen() is page.rest_screen
    assert page.rest_screen.logged_text.text() == (
        "Reverse lunge, set 1: left 8, right 7 reps × 10 kg per dumbbell"
    )
    rows = [(s.side, s.reps, s.load_kg, s.set_number, s.duration_s) for s in drive.stored().sets]
    assert rows == [("left", 8, 10.0, 1, 40.0), ("right", 7, 10.0, 1, 40.0)]
    assert page.progress.text().endswith("1 of 14 sets logged")  # one set, not two


def test_the_next_set_carries_each_legs_reps_and_a_correction_fixes_both(drive) -> None:
    screen, rest = drive.page.exercise_screen, drive.page.rest_screen
    to_the_lunges(drive)
    drive.space()
    screen.left_reps.setValue(9)
    screen.reps.setValue(8)
    screen.load.setValue(12)
    drive.space()
    assert (rest.left_reps.value(), rest.reps.value()) == (9, 8)
    assert rest.reps_label.text() == "Right reps"
    rest.left_reps.setValue(7)  # a correction while resting: the left leg did 7
    stored = {s.side: (s.reps, s.load_kg) for s in drive.stored().sets}
    assert stored == {"left": (7, 12.0), "right": (8, 12.0)}
    assert (
        rest.logged_text.text() == "Reverse lunge, set 1: left 7, right 8 reps × 12 kg per dumbbell"
    )
    drive.space()  # skip the rest
    assert (screen.left_reps.value(), screen.reps.value(), screen.load.value()) == (7, 8, 12)


def test_undo_takes_back_both_legs(drive) -> None:
    page, screen = drive.page, drive.page.exercise_screen
    to_the_lunges(drive)
    drive.space()
    screen.left_reps.setValue(8)
    screen.reps.setValue(6)
    drive.space()
    drive.key(K.Key_Z, CTRL)
    assert drive.stored().sets == ()
    assert page.message.text() == "Undone: Reverse lunge, set 1: left 8, right 6 reps × no load"
    assert (screen.left_reps.value(), screen.reps.value()) == (8, 6)
    assert screen.set_label.text() == "Set 1 of 3"


def test_history_shows_each_set_as_a_left_and_a_right_row(drive) -> None:
    page, screen = drive.page, drive.page.exercise_screen
    to_the_lunges(drive)
    for left, right in ((8, 8), (8, 7)):
        drive.space()
        screen.left_reps.setValue(left)
        screen.reps.setValue(right)
        drive.advance(30)
        drive.space()
        drive.space()  # skip the rest
    drive.key(K.Key_E, CTRL)  # end early (Enter, the default, confirms)
    drive.key(K.Key_Escape)  # no pain after
    assert page.summary_screen.values["sets"].text() == "2 of 14"

    window = drive.window
    window.show_page("history")
    history = window.history_page
    history.refresh()
    # Stored as any one-leg set is (a left and a right row), so whatever History counts
    # for a split-stance RDL set it counts for a lunge set too.
    history.table.selectRow(0)
    sets = history.detail.sets_model
    lunges = [
        (sets.index(r, SIDE).data(), sets.index(r, REPS).data())
        for r in range(sets.rowCount())
        if sets.logged_set(r).exercise_id == "reverse-lunge"
    ]
    assert sorted(lunges) == [("Left", "8"), ("Left", "8"), ("Right", "7"), ("Right", "8")]
