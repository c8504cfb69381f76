"""In pounds, the exercise screen's other words about load speak pounds too: last time's
numbers and a warm-up's note, and the warm-up load sits on the pound grid (found in the
merged app: "Last time: 3 × 12 at 40 kg" and "(40 kg for the working sets)" beside an
input in lb offering 44.09 lb)."""

from __future__ import annotations

import pytest

from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.domain.history import SetEntry
from tests.ui.preferences.test_units_session import KG_PER_LB, choose_pounds

SQUAT = PlanItem("goblet-squat", IntRange(2, 2), IntRange(8, 10), False, IntRange(60, 60), None, 1)


def test_last_time_and_the_warm_up_note_are_in_pounds(qtbot, drive, store) -> None:  # type: ignore[no-untyped-def]
    earlier = store.workouts.start_session("strength", pain_before=1)
    for number in (1, 2):
        entry = SetEntry("goblet-squat", number, reps=10, load_kg=40 * KG_PER_LB)
        store.workouts.log_set(earlier.id, entry)
    store.workouts.finish_session(earlier.id, pain_after=1)
    plan = store.plans.save(Plan("", "Squats", "", (SQUAT,), "user"))
    choose_pounds(qtbot, drive.window)
    drive.window.session.start()
    drive.page.choose_plan(plan.id)
    drive.type("2")
    drive.enter()
    screen = drive.page.exercise_screen
    assert screen.set_label.text() == "Warm-up 1 of 1"
    assert screen.last_time.text() == "Last time: 2 × 10 at 40 lb"
    assert screen.load_note.text() == "Warm-up at about half the load (40 lb for the working sets)"
    assert screen.load.value() == 20  # half of 40 lb on the 5 lb grid, not 9.07 kg shown
    drive.do_set()
    assert drive.stored().sets[0].load_kg == pytest.approx(20 * KG_PER_LB, abs=1e-6)
