"""Numbers that agree (issue 11): what was typed for set 1 carries to set 2 of the same
exercise, and a lighter day never offers more than its lighter load unless the user
typed it. Real window, fake clock, real SQLite."""

from __future__ import annotations

from tests.ui.session.test_check_in import open_check_in
from tests.ui.session.test_hints_and_tray import seed


def test_reps_and_load_typed_for_set_1_carry_to_set_2(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(2, 2))  # last time: 3 × 15 at 40 kg
    drive.start()
    exercise = drive.page.exercise_screen
    assert exercise.values() == (15, 40.0)  # set 1: last time's
    exercise.set_values(11, 35.0)  # today the user does less
    drive.do_set()
    drive.space()  # skip the rest
    assert exercise.set_label.text() == "Set 2 of 3"
    assert exercise.values() == (11, 35.0)  # not last time's 15 × 40 kg again
    drive.do_set()  # Space, Space: set 2 logged as shown
    sets = drive.stored().sets
    assert [(s.reps, s.load_kg) for s in sets] == [(11, 35.0), (11, 35.0)]


def test_a_lighter_day_carries_the_lighter_load_or_the_typed_one(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(2, 2))
    open_check_in(drive)
    drive.type("5")
    drive.enter()
    exercise = drive.page.exercise_screen
    assert exercise.values() == (15, 30.0)  # 40 kg offered lighter
    exercise.set_values(12, 30.0)  # fewer reps, the lighter load kept
    drive.do_set()
    drive.space()
    assert exercise.values() == (12, 30.0)  # never back up to last time's 40 kg
    exercise.set_values(12, 40.0)  # the user's own choice, typed
    drive.do_set()
    drive.space()
    assert exercise.values() == (12, 40.0)  # typed today: kept, not cut again
