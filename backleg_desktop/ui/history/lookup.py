"""Names and plan targets for ids found in the history, and the hints for one session."""

from __future__ import annotations

from typing import Any

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import SessionDetail, user_exercise_name
from backleg_desktop.domain.progression import (
    ProgressionHint,
    load_increase_hint,
    outcome_of,
    pain_rise_hint,
)


def exercise_name(library: Library, exercise_id: str) -> str:
    exercise = library.exercises.get(exercise_id)
    if exercise is not None:
        return exercise.name
    return user_exercise_name(exercise_id) or exercise_id


def exercise_choices(
    library: Library, user_exercises: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(name, id) of every exercise a chooser offers: the library's in its order, then the
    user's own (`user_exercises` as (id, name) pairs, as the store lists them)."""
    choices = [(exercise.name, exercise.id) for exercise in library.exercises.values()]
    choices += [(name, exercise_id) for exercise_id, name in user_exercises]
    return choices


def is_one_sided(library: Library, exercise_id: str) -> bool:
    exercise = library.exercises.get(exercise_id)
    return exercise is not None and exercise.one_sided


def rep_top(library: Library, plan_id: str | None, exercise_id: str) -> int | None:
    """The top of the rep range the session's plan (else the first plan using it) set."""
    plans = []
    if plan_id is not None and plan_id in library.plans:
        plans.append(library.plans[plan_id])
    plans.extend(library.plans_using(exercise_id))
    for plan in plans:
        for item in plan.items:
            if item.exercise_id == exercise_id:
                return item.reps.high
    return None


def session_hints(workouts: Any, library: Library, detail: SessionDetail) -> list[ProgressionHint]:
    """Suggestions drawn from this session and, per exercise, the one before it."""
    session = detail.session
    hints: list[ProgressionHint] = []
    easier = library.easier_plan()
    eased = pain_rise_hint(session, easier.name if easier else "shorter plan")
    if eased is not None:
        hints.append(eased)
    seen: list[str] = []
    for logged in detail.sets:
        if logged.exercise_id not in seen:
            seen.append(logged.exercise_id)
    for exercise_id in seen:
        top = rep_top(library, session.plan_id, exercise_id)
        current = outcome_of(session, detail.sets, exercise_id)
        if top is None or current is None:
            continue
        before = workouts.list_sessions(
            exercise_id=exercise_id, until=session.started_at, limit=1, newest_first=True
        )
        if not before:
            continue
        previous_detail = workouts.session_detail(before[0].session.id)
        previous = outcome_of(previous_detail.session, previous_detail.sets, exercise_id)
        if previous is None:
            continue
        hint = load_increase_hint(
            exercise_id, exercise_name(library, exercise_id), top, [current, previous]
        )
        if hint is not None:
            hints.append(hint)
    return hints
