"""A plan of the user's own in the session page: warm-up sets and the item's note on screen."""

from __future__ import annotations

from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.domain.history import SetEntry

SQUAT = PlanItem(
    "goblet-squat",
    IntRange(2, 2),
    IntRange(8, 10),
    False,
    IntRange(60, 60),
    None,
    2,
    "Elbows inside the knees",
)
BRIDGE = PlanItem("glute-bridge", IntRange(1, 1), IntRange(10, 10), False, IntRange(30, 30))


def test_warmups_and_the_note_show_on_the_exercise_screen(drive, store) -> None:  # type: ignore[no-untyped-def]
    earlier = store.workouts.start_session("strength", pain_before=1)
    store.workouts.log_set(earlier.id, SetEntry("goblet-squat", 1, reps=10, load_kg=16.0))
    store.workouts.finish_session(earlier.id, pain_after=1)
    plan = store.plans.save(Plan("", "Squats first", "", (SQUAT, BRIDGE), "user"))
    drive.window.session.start()
    drive.page.choose_plan(plan.id)
    drive.type("2")
    drive.enter()
    screen = drive.page.exercise_screen
    assert drive.page.current_screen() is screen
    assert screen.set_label.text() == "Warm-up 1 of 2"
    assert screen.status.text() == "Ready for warm-up 1"
    assert not screen.item_note.isHidden()
    assert screen.item_note.text() == "Note: Elbows inside the knees"
    assert screen.values() == (10, 7.5)  # half of 16 kg, rounded down to 2.5 kg
    assert "half the load" in screen.load_note.text()
    assert screen.next_label.text() == "Next: warm-up 2 of 2"
    drive.do_set()
    rest = drive.page.rest_screen
    assert rest.logged_text.text() == "Goblet squat, set 1 (warm-up): 10 reps × 7.5 kg"
    assert rest.up_next_detail.text() == "Warm-up 2 of 2 · 8–10 reps"
    drive.space()  # cut the rest short
    drive.do_set()
    drive.space()
    assert screen.set_label.text() == "Set 1 of 2"
    assert screen.values() == (10, 16.0)  # the working set: last time's working load
    assert screen.load_note.isHidden()
    drive.do_set()
    drive.space()
    drive.do_set()
    drive.space()
    assert screen.set_label.text() == "Set 1 of 1"
    assert screen.item_note.isHidden()  # the glute bridge has no note
    stored = drive.stored()
    assert [s.kind for s in stored.sets] == ["warmup", "warmup", "working", "working"]
    assert (stored.session.plan_id, stored.session.name) == (plan.id, "Squats first")
