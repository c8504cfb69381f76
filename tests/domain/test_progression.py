"""Progression hints: when a small load step or easing off is suggested, and how it reads."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.domain.progression import (
    ExerciseOutcome,
    load_increase_hint,
    outcome_of,
    pain_rise_hint,
    small_load_step,
)

WHEN = datetime(2026, 3, 2, 8, tzinfo=UTC)


def outcome(
    session_id: int, reps: tuple[int | None, ...], load: float | None = 16.0, pain=(2, 2)
) -> ExerciseOutcome:
    return ExerciseOutcome(session_id, reps, load, pain[0], pain[1])


def session(pain_before: int | None, pain_after: int | None) -> SessionRecord:
    return SessionRecord(
        7, "strength", "Strength", WHEN, None, "completed", pain_before, pain_after, ""
    )


def test_all_sets_at_the_top_twice_with_calm_pain_suggests_a_small_step() -> None:
    hint = load_increase_hint(
        "goblet-squat", "Goblet squat", 10, [outcome(2, (10, 10, 11)), outcome(1, (10, 10, 10))]
    )
    assert hint is not None and hint.kind == "add_load"
    assert hint.suggested_load_kg == 17.0
    assert hint.session_id == 2
    assert "could try about 1 kg more" in hint.text and "(17 kg)" in hint.text


@pytest.mark.parametrize(
    "recent",
    [
        [outcome(2, (10, 10, 9)), outcome(1, (10, 10, 10))],  # one set short
        [outcome(2, (10, 10, 10)), outcome(1, (10, None, 10))],  # a set with no reps logged
        [outcome(2, (10, 10, 10))],  # only one session so far
        [outcome(2, (10, 10, 10), pain=(2, 3)), outcome(1, (10, 10, 10))],  # pain went up
        [outcome(2, (10, 10, 10)), outcome(1, (10, 10, 10), pain=(None, 2))],  # pain unknown
        [outcome(2, ()), outcome(1, (10,))],  # no working sets
    ],
)
def test_no_load_hint_without_two_clean_sessions_at_the_top(recent) -> None:
    assert load_increase_hint("goblet-squat", "Goblet squat", 10, recent) is None


def test_only_the_last_two_sessions_count() -> None:
    recent = [outcome(3, (10, 10)), outcome(2, (10, 10)), outcome(1, (6, 6), pain=(1, 6))]
    assert load_increase_hint("goblet-squat", "Goblet squat", 10, recent) is not None


def test_bodyweight_sets_get_a_hint_without_a_load() -> None:
    hint = load_increase_hint(
        "bridge", "Bridge", 12, [outcome(2, (12,), None), outcome(1, (12,), None)]
    )
    assert hint is not None and hint.suggested_load_kg is None
    assert "a little harder" in hint.text


@pytest.mark.parametrize(("load", "step"), [(10.0, 1.0), (30.0, 1.5), (45.0, 2.5), (200.0, 2.5)])
def test_small_load_step(load: float, step: float) -> None:
    assert small_load_step(load) == step


def test_pain_rise_of_two_suggests_the_quick_add_on() -> None:
    hint = pain_rise_hint(session(2, 4))
    assert hint is not None and hint.kind == "ease_off" and hint.session_id == 7
    assert "from 2 to 4" in hint.text and "Quick add-on" in hint.text
    assert pain_rise_hint(session(2, 3)) is None
    assert pain_rise_hint(session(None, 6)) is None
    assert pain_rise_hint(session(5, 2)) is None


def test_hints_are_worded_as_suggestions() -> None:
    add = load_increase_hint(
        "goblet-squat", "Goblet squat", 10, [outcome(2, (10,)), outcome(1, (10,))]
    )
    ease = pain_rise_hint(session(1, 5))
    for hint in (add, ease):
        assert hint is not None
        assert "could" in hint.text or "might" in hint.text
        assert "must" not in hint.text.lower()


def test_outcome_of_leaves_out_warm_ups_and_other_exercises() -> None:
    def logged(i: int, exercise: str, kind: str, reps: int, load: float) -> LoggedSet:
        return LoggedSet(i, 7, exercise, i, "both", kind, reps, load, None, None, None, WHEN, "")  # type: ignore[arg-type]

    sets = [
        logged(1, "goblet-squat", "warmup", 15, 8.0),
        logged(2, "goblet-squat", "working", 10, 16.0),
        logged(3, "goblet-squat", "working", 9, 18.0),
        logged(4, "leg-extension", "working", 12, 30.0),
    ]
    found = outcome_of(session(2, 2), sets, "goblet-squat")
    assert found == ExerciseOutcome(7, (10, 9), 18.0, 2, 2)
    assert outcome_of(session(2, 2), sets, "lying-leg-curl") is None
