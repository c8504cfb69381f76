"""The guided session's state machine, driven with the real plans and a fake clock."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Library, Plan, PlanItem
from backleg_desktop.domain.history import LoggedSet, SetEntry, Side
from backleg_desktop.domain.session_flow import (
    FlowError,
    Prefill,
    RestTaken,
    SessionFlow,
    SetKey,
    Step,
    build_steps,
    planned_rest,
    prefill,
)
from tests.support.clock import FakeClock

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def make_flow(
    library: Library, plan_id: str = "strength", clock: FakeClock | None = None, **kwargs: object
) -> SessionFlow:
    return SessionFlow(
        library.plan(plan_id),
        library,
        clock=clock or FakeClock(),
        utc_now=lambda: NOW,
        **kwargs,  # type: ignore[arg-type]
    )


def logged(entry: SetEntry, set_id: int) -> LoggedSet:
    return LoggedSet(set_id, 1, **(asdict(entry) | {"completed_at": entry.completed_at or NOW}))


def describe(step: Step) -> str:
    side = "" if step.side == "both" else f" {step.side[0].upper()}"
    if step.alternating:
        side = " L+R"  # legs take turns: one step logs both
    return f"{step.exercise_id} {step.set_number}/{step.total_sets}{side}"


def test_the_strength_plan_has_every_set_and_side_in_order(library: Library) -> None:
    steps = build_steps(library.plan("strength"), library)
    assert [describe(s) for s in steps] == [
        "leg-extension 1/3",
        "leg-extension 2/3",
        "leg-extension 3/3",
        "goblet-squat 1/3",
        "goblet-squat 2/3",
        "goblet-squat 3/3",
        "lying-leg-curl 1/3",
        "lying-leg-curl 2/3",
        "lying-leg-curl 3/3",
        "reverse-lunge 1/3 L+R",  # alternating legs: one step logs both sides
        "reverse-lunge 2/3 L+R",
        "reverse-lunge 3/3 L+R",
        "split-stance-rdl 1/2 L",
        "split-stance-rdl 1/2 R",
        "split-stance-rdl 2/2 L",
        "split-stance-rdl 2/2 R",
    ]
    lunge3 = steps[11]
    assert lunge3.optional and not steps[10].optional  # 2–3 sets: the third may be skipped
    assert lunge3.per_leg and lunge3.reps_text == "8"
    assert lunge3.logged_sides == ("left", "right") and lunge3.side == "right"
    assert [k.side for k in lunge3.keys] == ["left", "right"]
    assert not steps[12].alternating and steps[12].logged_sides == ("left",)
    assert steps[0].reps_text == "12–15" and steps[0].reps_low == 12
    # Rest: the bottom of the range, none between sides and none after the last set.
    assert [s.rest_after_s for s in steps[:4]] == [45, 45, 45, 60]
    assert steps[9].rest_after_s == 60  # after an alternating set (both legs)
    assert steps[12].rest_after_s is None and steps[13].rest_after_s == 60  # RDL left, right
    assert steps[-1].rest_after_s is None


def test_the_rest_setting_picks_bottom_middle_or_top(library: Library) -> None:
    assert planned_rest(IntRange(60, 90)) == 60
    assert planned_rest(IntRange(60, 90), "middle") == 75
    assert planned_rest(IntRange(60, 90), "top") == 90
    top = build_steps(library.plan("strength"), library, rest_choice="top")
    assert top[0].rest_after_s == 60 and top[6].rest_after_s == 90


def test_an_exercise_s_own_rest_replaces_the_plan_s_range(library: Library) -> None:
    plan = library.plan("strength")
    first = plan.items[0].exercise_id
    plain = build_steps(plan, library, "top")
    own = build_steps(plan, library, "top", rest_overrides={first: 75})
    for before, after in zip(plain, own, strict=True):
        if before.exercise_id == first and before.rest_after_s is not None:
            assert after.rest_after_s == 75
        else:
            assert after == before  # other exercises, and "no rest here", are untouched
    flow = SessionFlow(plan, library, rest_choice="top", rest_overrides={first: 75}, ask_pain=False)
    assert flow.steps == own


def test_a_whole_quick_add_on_session_with_sides_and_rests(library: Library) -> None:
    clock = FakeClock()
    rests: list[RestTaken] = []
    flow = make_flow(library, "quick-add-on", clock, on_rest_taken=rests.append)
    assert len(flow.steps) == 2 + 2 + 2 * 2
    assert flow.state == "pain_check" and flow.primary_action() == "confirm_pain"
    flow.confirm_pain(2)
    assert flow.pain_before == 2

    entries: list[SetEntry] = []
    while flow.state != "finished":
        action = flow.primary_action()
        if action == "start_set":
            flow.start_set()
        elif action == "log_set":
            clock.advance(30)
            step = flow.current_step
            assert step is not None
            entries.append(flow.complete_set(step.reps_low, 20.0))
        elif action == "skip_rest":
            assert flow.rest_timer.is_running
            clock.advance(flow.rest_timer.remaining())
            assert flow.rest_timer.is_finished
            flow.end_rest()
    assert flow.primary_action() == "finish"
    flow.finish()
    assert flow.state == "ended" and flow.end_status == "completed"
    assert flow.progress() == (8, 8)

    assert [(e.exercise_id, e.set_number, e.side) for e in entries] == [
        ("leg-extension", 1, "both"),
        ("leg-extension", 2, "both"),
        ("goblet-squat", 1, "both"),
        ("goblet-squat", 2, "both"),
        ("split-stance-rdl", 1, "left"),
        ("split-stance-rdl", 1, "right"),
        ("split-stance-rdl", 2, "left"),
        ("split-stance-rdl", 2, "right"),
    ]
    assert all(e.duration_s == pytest.approx(30) and e.completed_at == NOW for e in entries)
    assert [e.rest_planned_s for e in entries] == [30, 30, 45, 45, None, 60, None, None]
    # One rest per set that has one; each ended at its deadline.
    assert [(r.key.exercise_id, r.key.set_number, r.taken_s) for r in rests] == [
        ("leg-extension", 1, 30),
        ("leg-extension", 2, 30),
        ("goblet-squat", 1, 45),
        ("goblet-squat", 2, 45),
        ("split-stance-rdl", 1, 60),
    ]
    assert not any(r.skipped for r in rests)


def test_the_right_side_follows_the_left_at_once_with_no_rest(library: Library) -> None:
    clock = FakeClock()
    flow = make_flow(library, "quick-add-on", clock, ask_pain=False)
    flow.skip_exercise()
    flow.skip_exercise()
    step = flow.start_set()
    assert (step.exercise_id, step.side) == ("split-stance-rdl", "left")
    clock.advance(25)
    left = flow.complete_set(8, 12.5)
    assert left.side == "left" and left.duration_s == pytest.approx(25)
    assert left.rest_planned_s is None
    assert flow.state == "in_set" and not flow.rest_timer.is_running
    assert flow.current_step is not None and flow.current_step.side == "right"
    assert flow.set_timer.is_running and flow.set_timer.elapsed() == 0.0
    clock.advance(20)
    right = flow.complete_set(8, 12.5)
    assert (right.side, right.set_number, right.duration_s) == ("right", 1, pytest.approx(20))
    assert flow.state == "resting" and flow.rest_timer.display_seconds() == 60
    assert flow.resting_after is not None and flow.resting_after.side == "right"


def test_space_skips_the_rest_and_the_rest_taken_is_reported(library: Library) -> None:
    clock = FakeClock()
    rests: list[RestTaken] = []
    flow = make_flow(library, clock=clock, ask_pain=False, on_rest_taken=rests.append)
    flow.start_set()
    flow.complete_set(12, 30.0)
    assert flow.primary_action() == "skip_rest"
    flow.rest_timer.adjust(+15)
    clock.advance(12)
    taken = flow.skip_rest()
    assert taken == RestTaken(SetKey("leg-extension", 1, "both"), 45.0, 12.0, skipped=True)
    assert rests == [taken]
    assert flow.state == "ready" and flow.primary_action() == "start_set"
    assert flow.current_step is not None and flow.current_step.set_number == 2
    assert flow.end_rest() is None  # not resting any more


def test_skip_set_and_skip_exercise_move_the_cursor_without_logging(library: Library) -> None:
    flow = make_flow(library, ask_pain=False)
    flow.skip_set()
    assert flow.step_status(0) == "skipped"
    assert flow.current_step is not None and flow.current_step.set_number == 2
    flow.start_set()
    flow.skip_exercise()  # abandons the running set too
    assert not flow.set_timer.is_running
    assert flow.current_step is not None and flow.current_step.exercise_id == "goblet-squat"
    assert flow.state == "ready" and flow.progress() == (0, 16)
    for _ in range(2):
        flow.skip_exercise()
    assert describe(flow.current_step) == "reverse-lunge 1/3 L+R"
    flow.skip_set()  # an alternating set: both legs at once
    assert describe(flow.current_step) == "reverse-lunge 2/3 L+R"
    flow.skip_exercise()
    assert describe(flow.current_step) == "split-stance-rdl 1/2 L"
    flow.skip_set()  # on the left side: the whole set, both sides
    assert describe(flow.current_step) == "split-stance-rdl 2/2 L"
    flow.skip_exercise()
    assert flow.state == "finished" and flow.primary_action() == "finish"


def test_skipping_during_a_rest_ends_the_rest_and_skips_the_next_set(library: Library) -> None:
    rests: list[RestTaken] = []
    flow = make_flow(library, ask_pain=False, on_rest_taken=rests.append)
    flow.start_set()
    flow.complete_set(12, None)
    flow.skip_set()
    assert len(rests) == 1 and not flow.rest_timer.is_running
    assert flow.step_status(1) == "skipped"
    assert flow.current_step is not None and flow.current_step.set_number == 3


def test_undo_takes_back_the_last_set_and_returns_to_it(library: Library) -> None:
    clock = FakeClock()
    rests: list[RestTaken] = []
    flow = make_flow(library, "quick-add-on", clock, ask_pain=False, on_rest_taken=rests.append)
    assert flow.undo_last() is None  # nothing logged yet
    flow.start_set()
    flow.complete_set(12, 20.0)
    assert flow.state == "resting"
    undone = flow.undo_last()
    assert undone is not None and undone.key == SetKey("leg-extension", 1, "both")
    assert undone.step is not None and undone.step.index == 0
    assert flow.state == "ready" and not flow.rest_timer.is_running
    assert rests == []  # the rest of a deleted set is not reported
    assert flow.step_status(0) == "pending" and flow.last_logged is None

    # Undo from the right side of a one-sided set: the left is taken back.
    flow.skip_exercise()
    flow.skip_exercise()
    flow.start_set()
    flow.complete_set(8, 10.0)  # left; the right is now running
    undone = flow.undo_last()
    assert undone is not None and undone.key == SetKey("split-stance-rdl", 1, "left")
    assert flow.state == "ready" and not flow.set_timer.is_running
    assert flow.current_step is not None and flow.current_step.side == "left"

    # Undo after the last set leaves "finished".
    for _ in range(2):  # both sets, left then right
        flow.start_set()
        flow.complete_set(8, 10.0)
        flow.complete_set(8, 10.0)
        flow.end_rest()
    assert flow.state == "finished"
    undone = flow.undo_last()
    assert undone is not None and undone.key == SetKey("split-stance-rdl", 2, "right")
    assert flow.state == "ready" and flow.current_step is not None
    assert describe(flow.current_step) == "split-stance-rdl 2/2 R"


def test_resume_stands_ready_for_the_next_set_after_the_furthest_logged(
    library: Library,
) -> None:
    first = make_flow(library, ask_pain=False)
    stored: list[LoggedSet] = []
    for _ in range(3):
        first.start_set()
        stored.append(logged(first.complete_set(12, 25.0), len(stored) + 1))
        first.end_rest()
    first.skip_set()  # goblet squat 1 skipped
    first.start_set()
    stored.append(logged(first.complete_set(8, 16.0), len(stored) + 1))

    resumed = make_flow(library, logged=stored)
    assert resumed.state == "ready"  # no second pain check-in on resume
    assert resumed.current_step is not None and describe(resumed.current_step) == "goblet-squat 3/3"
    assert resumed.progress() == (4, 16)
    assert resumed.last_logged == SetKey("goblet-squat", 2, "both")
    undone = resumed.undo_last()  # what was logged before the crash can be undone
    assert undone is not None and undone.key == SetKey("goblet-squat", 2, "both")


def test_resume_between_the_two_sides_continues_with_the_right(library: Library) -> None:
    left = LoggedSet(
        1, 1, "split-stance-rdl", 2, "left", "working", 8, 10.0, 30.0, None, None, NOW, ""
    )
    flow = make_flow(library, logged=[left])
    assert describe(flow.current_step) == "split-stance-rdl 2/2 R"
    assert flow.primary_action() == "start_set"


def test_resume_after_the_last_set_offers_finish(library: Library) -> None:
    steps = build_steps(library.plan("quick-add-on"), library)
    last = steps[-1]
    done = logged(entry(last.exercise_id, last.log_set_number, last.side, 8, None), 1)
    flow = make_flow(library, "quick-add-on", logged=[done])
    assert flow.state == "finished" and flow.primary_action() == "finish"


def test_sets_outside_the_plan_do_not_move_the_cursor(library: Library) -> None:
    odd = LoggedSet(
        1, 1, "user:sled-push", 1, "both", "working", 5, 40.0, None, None, None, NOW, ""
    )
    flow = make_flow(library, logged=[odd])
    assert flow.current_step is not None and flow.current_step.index == 0
    undone = flow.undo_last()
    assert undone is not None and undone.step is None


def test_end_early_and_stop_for_pain(library: Library) -> None:
    rests: list[RestTaken] = []
    flow = make_flow(library, ask_pain=False, on_rest_taken=rests.append)
    flow.start_set()
    flow.complete_set(12, 20.0)
    flow.end_early()
    assert flow.end_status == "ended_early" and flow.primary_action() == "none"
    assert len(rests) == 1 and not flow.rest_timer.is_running
    with pytest.raises(FlowError):
        flow.start_set()

    during = make_flow(library, ask_pain=False)
    during.skip_exercise()
    during.start_set()
    assert during.stop_for_pain() is not None
    assert during.end_status == "stopped_pain"
    assert during.stop_point is not None
    assert (during.stop_point.exercise_id, during.stop_point.set_number) == ("goblet-squat", 1)
    assert not during.set_timer.is_running

    between = make_flow(library, ask_pain=False)
    between.start_set()
    between.complete_set(12, 20.0)  # resting before set 2: set 1 is where it hurt
    point = between.stop_for_pain()
    assert point is not None and (point.exercise_id, point.set_number) == ("leg-extension", 1)


def test_finish_is_only_allowed_when_the_sets_are_done(library: Library) -> None:
    flow = make_flow(library, ask_pain=False)
    with pytest.raises(FlowError):
        flow.finish()
    with pytest.raises(FlowError):
        flow.complete_set(10, None)  # no set running
    with pytest.raises(FlowError):
        flow.confirm_pain(3)  # the check-in is over


def test_only_optional_sets_left_may_finish(library: Library) -> None:
    plan = Plan(
        id="user-plan",
        name="Lunges",
        summary="",
        items=(
            PlanItem("split-stance-rdl", IntRange(1, 2), IntRange(8, 8), True, IntRange(60, 60)),
        ),
    )
    flow = SessionFlow(plan, library, ask_pain=False, clock=FakeClock())
    flow.start_set()
    flow.complete_set(8, None)
    assert not flow.can_finish
    flow.complete_set(8, None)
    assert flow.can_finish and flow.state == "resting"
    flow.finish()
    assert flow.end_status == "completed"


def test_a_repeated_exercise_numbers_its_sets_on(library: Library) -> None:
    item = PlanItem("goblet-squat", IntRange(2, 2), IntRange(8, 10), False, IntRange(60, 60))
    plan = Plan(id="twice", name="Twice", summary="", items=(item, item))
    steps = build_steps(plan, library)
    assert [(s.set_number, s.log_set_number) for s in steps] == [(1, 1), (2, 2), (1, 3), (2, 4)]
    assert len({s.key for s in steps}) == 4


def test_pain_check_validates_and_can_be_skipped(library: Library) -> None:
    flow = make_flow(library)
    with pytest.raises(ValueError, match="0 to 10"):
        flow.confirm_pain(11)
    flow.confirm_pain(None)
    assert flow.pain_before is None and flow.state == "ready"


# -- prefill --------------------------------------------------------------------------
def entry(exercise: str, number: int, side: Side, reps: int | None, load: float | None) -> SetEntry:
    return SetEntry(exercise, number, side, reps=reps, load_kg=load)


def test_prefill_first_time_is_the_bottom_of_the_range_with_no_load(library: Library) -> None:
    step = build_steps(library.plan("strength"), library)[0]
    assert prefill(step, []) == Prefill(12, None)


def test_prefill_takes_todays_latest_set_before_last_times(library: Library) -> None:
    steps = build_steps(library.plan("strength"), library)
    rdl2_right = next(s for s in steps if describe(s) == "split-stance-rdl 2/2 R")
    rdl2_left = next(s for s in steps if describe(s) == "split-stance-rdl 2/2 L")
    last_time = [
        entry("split-stance-rdl", 1, "left", 8, 10.0),
        entry("split-stance-rdl", 1, "right", 8, 10.0),
        entry("split-stance-rdl", 2, "left", 7, 12.0),
        entry("split-stance-rdl", 2, "right", 6, 12.5),
        entry("goblet-squat", 2, "both", 10, 20.0),
    ]
    # Nothing today yet: last time's values for the same set and side.
    assert prefill(rdl2_right, last_time) == Prefill(6, 12.5)
    # Set 1 done today: what was typed for it carries on (issue 11), same side first.
    today = [entry("split-stance-rdl", 1, "right", 8, 14.0)]
    assert prefill(rdl2_right, last_time, today) == Prefill(8, 14.0)
    today.append(entry("split-stance-rdl", 1, "left", 9, 15.0))
    assert prefill(rdl2_left, last_time, today) == Prefill(9, 15.0)


def test_prefill_of_an_alternating_set_gives_each_legs_reps(library: Library) -> None:
    steps = build_steps(library.plan("strength"), library)
    lunge2, lunge3 = (
        next(s for s in steps if describe(s) == f"reverse-lunge {n}/3 L+R") for n in (2, 3)
    )
    last_time = [
        entry("reverse-lunge", 1, "left", 8, 10.0),
        entry("reverse-lunge", 1, "right", 8, 10.0),
        entry("reverse-lunge", 2, "left", 7, 12.5),
        entry("reverse-lunge", 2, "right", 6, 12.5),
    ]
    # Last time's same set, each leg from its own row.
    assert prefill(lunge2, last_time) == Prefill(6, 12.5, left_reps=7)
    # Nothing for set 3 last time: the closest set on each side.
    assert prefill(lunge3, last_time) == Prefill(6, 12.5, left_reps=7)
    # Today's set 1 carries on, leg by leg.
    today = [
        entry("reverse-lunge", 1, "left", 9, 14.0),
        entry("reverse-lunge", 1, "right", 8, 14.0),
    ]
    assert prefill(lunge2, last_time, today) == Prefill(8, 14.0, left_reps=9)


def test_prefill_carries_a_first_sessions_load_to_the_next_set(library: Library) -> None:
    steps = build_steps(library.plan("strength"), library)
    today = [entry("leg-extension", 1, "both", 13, 22.5)]
    assert prefill(steps[1], [], today) == Prefill(13, 22.5)
    missing_reps = [entry("leg-extension", 2, "both", None, 22.5)]
    assert prefill(steps[1], missing_reps) == Prefill(12, 22.5)
