"""WorkoutService.progression_hint: the suggestion for the exercise screen, from stored sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.workouts import WorkoutService
from tests.support.stores import WallClock, open_test_store


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def workouts(data_dir: Path, clock: WallClock) -> Iterator[WorkoutService]:
    with open_test_store(data_dir, clock) as store:
        yield store.workouts


def seed(
    workouts: WorkoutService,
    clock: WallClock,
    reps: tuple[int, ...],
    pain: tuple[int | None, int | None] = (2, 2),
    load: float | None = 40.0,
    exercise: str = "leg-extension",
) -> int:
    """A finished strength session with `reps` for one exercise, a day after the last one."""
    clock.advance(days=1)
    session = workouts.start_session("strength", pain_before=pain[0])
    for number, count in enumerate(reps, start=1):
        workouts.log_set(session.id, SetEntry(exercise, number, reps=count, load_kg=load))
    workouts.finish_session(session.id, pain_after=pain[1])
    return session.id


def test_two_sessions_at_the_top_with_calm_pain_suggest_a_little_more_load(
    workouts: WorkoutService, clock: WallClock
) -> None:
    seed(workouts, clock, (15, 15, 15))
    newest = seed(workouts, clock, (15, 15, 15), pain=(3, 2))
    hint = workouts.progression_hint("leg-extension", "strength")
    assert hint is not None and hint.kind == "add_load"
    assert hint.exercise_id == "leg-extension" and hint.session_id == newest
    assert hint.suggested_load_kg == 42.0
    assert "your pain did not rise" in hint.text and "could try about 2 kg more" in hint.text


def test_one_set_short_or_only_one_session_gives_no_hint(
    workouts: WorkoutService, clock: WallClock
) -> None:
    seed(workouts, clock, (15, 15, 15))
    assert workouts.progression_hint("leg-extension", "strength") is None
    seed(workouts, clock, (15, 14, 15))
    assert workouts.progression_hint("leg-extension", "strength") is None


def test_a_pain_rise_last_time_suggests_easing_off_instead(
    workouts: WorkoutService, clock: WallClock
) -> None:
    seed(workouts, clock, (15, 15, 15))
    newest = seed(workouts, clock, (15, 15, 15), pain=(2, 4))
    hint = workouts.progression_hint("leg-extension", "strength")
    assert hint is not None and hint.kind == "ease_off" and hint.session_id == newest
    assert "from 2 to 4" in hint.text and "might choose" in hint.text


def test_the_running_session_and_later_ones_are_not_counted(
    workouts: WorkoutService, clock: WallClock
) -> None:
    seed(workouts, clock, (15, 15, 15))
    seed(workouts, clock, (15, 15, 15))
    clock.advance(days=1)
    running = workouts.start_session("strength", pain_before=2)
    workouts.log_set(running.id, SetEntry("leg-extension", 1, reps=9, load_kg=40.0))
    # Counted, the running session's short set would block the suggestion.
    assert workouts.progression_hint("leg-extension", "strength") is None
    hint = workouts.progression_hint("leg-extension", "strength", before_session_id=running.id)
    assert hint is not None and hint.kind == "add_load"


def test_other_exercises_and_unknown_plans_give_no_hint(
    workouts: WorkoutService, clock: WallClock
) -> None:
    seed(workouts, clock, (15, 15, 15))
    seed(workouts, clock, (15, 15, 15))
    assert workouts.progression_hint("goblet-squat", "strength") is None
    assert workouts.progression_hint("leg-extension", "no-such-plan") is None
    assert workouts.progression_hint("leg-extension", "strength") is not None


def test_after_a_session_counts_it_and_the_one_before_worded_for_next_time(
    workouts: WorkoutService, clock: WallClock
) -> None:
    first = seed(workouts, clock, (15, 15, 15))
    second = seed(workouts, clock, (15, 15, 15))
    seed(workouts, clock, (15, 9, 15))  # later: History's view of `second` ignores it
    assert workouts.progression_hint("leg-extension", "strength") is None
    hint = workouts.progression_hint("leg-extension", "strength", after_session_id=second)
    assert hint is not None and hint.kind == "add_load" and hint.session_id == second
    assert hint.text.endswith("about 2 kg more (42 kg) next time.")
    assert workouts.progression_hint("leg-extension", "strength", after_session_id=first) is None


def test_a_plan_of_the_users_own_gets_hints_from_its_own_ranges(
    workouts: WorkoutService, clock: WallClock
) -> None:
    from backleg_desktop.content.model import IntRange, Plan, PlanItem

    item = PlanItem("leg-extension", IntRange(3, 3), IntRange(10, 12), False, IntRange(60, 60))
    mine = workouts.plans.save(Plan("", "Mine", "", (item,), "user"))
    seed(workouts, clock, (12, 12, 12))
    seed(workouts, clock, (12, 12, 12))
    # 12 is the top of this plan's range (the strength session's is 15).
    hint = workouts.progression_hint("leg-extension", mine.id)
    assert hint is not None and hint.kind == "add_load"
    assert workouts.progression_hint("leg-extension", "strength") is None
    assert workouts.progression_hint("leg-extension", "user-plan:gone") is None
