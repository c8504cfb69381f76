"""A plan of the user's own run to the end without Qt: a hold, a per-leg item, warm-ups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Library, Plan, PlanItem
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.session_controller import SessionController
from backleg_desktop.services.store import Store, open_store
from tests.services.test_session_controller import Events, run_plan
from tests.support.clock import FakeClock
from tests.support.stores import WallClock

SQUAT = PlanItem(
    "goblet-squat", IntRange(2, 2), IntRange(8, 10), False, IntRange(60, 60), None, 2, "Heels down"
)
WALL = PlanItem("wall-squat", IntRange(1, 1), None, False, IntRange(30, 30), IntRange(20, 30))
RDL = PlanItem("split-stance-rdl", IntRange(1, 2), IntRange(8, 8), True, IntRange(45, 45), None, 1)
MINE = Plan(id="", name="My home legs", summary="", items=(SQUAT, WALL, RDL), source="user")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def store(data_dir: Path, library: Library, clock: WallClock) -> Iterator[Store]:
    with open_store(data_dir, library, make_daily_backup=False, now=clock) as opened:
        yield opened


def controller_for(store: Store, library: Library, fake_clock: FakeClock) -> SessionController:
    controller = SessionController(library, Events(store), clock=fake_clock)
    controller.attach(store.workouts, store.plans)
    return controller


def earlier_session(store: Store, **loads: float) -> None:
    """A finished session with working sets at these loads (and one heavy warm-up)."""
    session = store.workouts.start_session("strength", pain_before=2)
    for number, (exercise_id, load) in enumerate(loads.items(), start=1):
        store.workouts.log_set(session.id, SetEntry(exercise_id, 1, reps=10, load_kg=load))
        warmup = SetEntry(exercise_id, number + 10, kind="warmup", reps=5, load_kg=load * 3)
        store.workouts.log_set(session.id, warmup)
    store.workouts.finish_session(session.id, pain_after=2)


def test_a_user_plan_runs_to_the_end_with_warmups_a_hold_and_a_per_leg_item(
    store: Store, library: Library, fake_clock: FakeClock, clock: WallClock
) -> None:
    earlier_session(store, **{"goblet-squat": 17.5, "split-stance-rdl": 10.0})
    plan = store.plans.save(MINE)
    other = store.plans.save(replace(MINE, id="", name="Another"))
    store.plans.mark_used(other.id)
    clock.advance(minutes=30)
    controller = controller_for(store, library, fake_clock)
    assert controller.choose(plan.id, "bottom") == plan
    assert controller.begin(2)
    steps = controller.flow.steps
    assert [(s.exercise_id, s.kind, s.set_number, s.side) for s in steps] == [
        ("goblet-squat", "warmup", 1, "both"),
        ("goblet-squat", "warmup", 2, "both"),
        ("goblet-squat", "working", 1, "both"),
        ("goblet-squat", "working", 2, "both"),
        ("wall-squat", "working", 1, "both"),  # a hold: no warm-up
        ("split-stance-rdl", "warmup", 1, "left"),
        ("split-stance-rdl", "warmup", 1, "right"),
        ("split-stance-rdl", "working", 1, "left"),
        ("split-stance-rdl", "working", 1, "right"),
        ("split-stance-rdl", "working", 2, "left"),
        ("split-stance-rdl", "working", 2, "right"),
    ]
    warmup = controller.prefill(steps[0])
    # Half of last time's 17.5 kg working set, rounded down to the 2.5 kg step; never
    # the heavy warm-up logged last time.
    assert warmup.load_kg == 7.5 and "half" in (warmup.note or "")
    assert controller.prefill(steps[5]).load_kg == 5.0
    assert run_plan(controller, fake_clock) == 11
    assert controller.finish()
    summary = controller.summary()
    assert summary is not None
    session = summary.detail.session
    assert (session.plan_id, session.name) == (plan.id, "My home legs")
    kinds = [(s.exercise_id, s.kind, s.set_number, s.load_kg) for s in summary.detail.sets]
    assert kinds[:4] == [
        ("goblet-squat", "warmup", 1, 7.5),
        ("goblet-squat", "warmup", 2, 7.5),
        ("goblet-squat", "working", 3, 17.5),  # the working sets prefill from working sets
        ("goblet-squat", "working", 4, 17.5),
    ]
    hold = next(s for s in summary.detail.sets if s.exercise_id == "wall-squat")
    assert hold.reps is None and hold.duration_s == 20  # the low end of 20–30 s
    # Warm-ups are not working sets: 2 squats + 1 hold + 2 lunges done of 5 planned.
    assert (summary.report.sets_done, summary.report.sets_planned) == (5, 5)
    squat = next(line for line in summary.report.exercises if line.exercise_id == "goblet-squat")
    assert squat.volume_kg == 2 * 10 * 17.5  # prefilled reps 10: the warm-ups add nothing
    # Started now, so it comes first among the user's plans.
    assert [p.id for p in store.plans.all()] == [plan.id, other.id]


def test_warmups_on_a_sore_day_are_half_of_the_lighter_load(
    store: Store, library: Library, fake_clock: FakeClock
) -> None:
    earlier_session(store, **{"goblet-squat": 20.0})
    plan = store.plans.save(MINE)
    controller = controller_for(store, library, fake_clock)
    controller.choose(plan.id, "bottom")
    assert controller.begin(5, lighter=True)
    warmup, working = controller.flow.steps[0], controller.flow.steps[2]
    assert controller.prefill(working).load_kg == 15.0  # 20 kg less about 20 %
    assert controller.prefill(warmup).load_kg == 7.5  # half of that, rounded down
    # Logging the warm-ups does not stop the working set from being offered lighter.
    run_until(controller, fake_clock, working)
    assert controller.prefill(working).load_kg == 15.0


def run_until(controller: SessionController, fake_clock: FakeClock, target: object) -> None:
    flow = controller.flow
    while flow.current_step != target:
        if flow.state == "ready":
            controller.start_set()
        values = controller.prefill(flow.current_step)
        controller.log_set(values.reps, values.load_kg)
        if controller.resting:
            controller.end_rest(skipped=True)


def test_a_deleted_user_plan_cannot_be_chosen_and_its_session_can_be_resumed(
    store: Store, library: Library, fake_clock: FakeClock
) -> None:
    plan = store.plans.save(MINE)
    first = controller_for(store, library, fake_clock)
    first.choose(plan.id, "bottom")
    first.begin(1)
    first.start_set()
    first.log_set(8, 7.5)
    again = controller_for(store, library, fake_clock)
    assert again.find_unfinished() is not None and again.can_resume
    assert again.resume("bottom") and again.flow.current_step.index == 1
    store.plans.delete(plan.id)
    later = controller_for(store, library, fake_clock)
    assert later.choose(plan.id, "bottom") is None
    assert later.find_unfinished() is not None and not later.can_resume


def test_the_strength_session_copied_with_bridges_runs_and_travels_in_a_file(
    store: Store, library: Library, fake_clock: FakeClock, tmp_path: Path
) -> None:
    from backleg_desktop.services.plan_files import import_plans, write_plan_file

    strength = library.plan("strength")
    swapped = (replace(strength.items[0], exercise_id="glute-bridge"), *strength.items[1:])
    mine = store.plans.save(
        replace(strength, id="", name="Strength at home", items=swapped, source="user")
    )
    controller = controller_for(store, library, fake_clock)
    assert controller.choose(mine.id, "bottom") == mine and controller.begin(1)
    assert run_plan(controller, fake_clock) == 9 + 3 + 4  # the lunge: a step a set
    assert controller.finish()
    summary = controller.summary()
    assert summary is not None and summary.detail.session.plan_id == mine.id
    assert {s.exercise_id for s in summary.detail.sets} >= {"glute-bridge"}
    assert "leg-extension" not in {s.exercise_id for s in summary.detail.sets}
    path = tmp_path / "mine.toml"
    write_plan_file(path, store.plans.all(), store.data_dir)
    with open_store(tmp_path / "fresh", library, make_daily_backup=False) as fresh:
        assert import_plans(fresh, path) == [("Strength at home", "added")]
        (copied,) = fresh.plans.all()
        assert (copied.name, copied.summary, copied.items) == (mine.name, mine.summary, mine.items)
