"""Names and plan targets for ids found in the history, the hints for one session, and
which sessions hold a record."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import SessionDetail, user_exercise_name
from backleg_desktop.domain.progression import ProgressionHint, pain_rise_hint
from backleg_desktop.domain.records import records_held
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits, load_label

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService


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


def load_words(library: Library, exercise_id: str) -> str:
    """ " per dumbbell" where the content says a load is one dumbbell's, else ""."""
    exercise = library.exercises.get(exercise_id)
    return load_label(exercise.load_is if exercise else None)


def is_one_sided(library: Library, exercise_id: str) -> bool:
    exercise = library.exercises.get(exercise_id)
    return exercise is not None and exercise.one_sided


def hint_plan(library: Library, plan_id: str | None, exercise_id: str) -> str | None:
    """The plan whose rep range a hint about `exercise_id` uses: the session's own plan,
    else (an imported session) the first plan with the exercise."""
    plans = []
    if plan_id is not None and plan_id in library.plans:
        plans.append(library.plans[plan_id])
    plans.extend(library.plans_using(exercise_id))
    for plan in plans:
        if any(item.exercise_id == exercise_id for item in plan.items):
            return plan.id
    return None


def session_hints(
    workouts: WorkoutService,
    library: Library,
    detail: SessionDetail,
    units: LoadUnits = KILOGRAMS,
) -> list[ProgressionHint]:
    """What this session suggests for next time: easing off once if pain rose over it,
    else per exercise the load step `WorkoutService.progression_hint` finds (the same
    rules and sessions as the exercise screen)."""
    session = detail.session
    easier = library.easier_plan()
    eased = pain_rise_hint(session, easier.name if easier else "shorter plan")
    if eased is not None:
        # Pain that rose over this session rules out a load step for any of its exercises.
        return [eased]
    hints: list[ProgressionHint] = []
    for exercise_id in dict.fromkeys(logged.exercise_id for logged in detail.sets):
        plan_id = hint_plan(library, session.plan_id, exercise_id)
        if plan_id is None:
            continue
        hint = workouts.progression_hint(
            exercise_id, plan_id, after_session_id=session.id, units=units
        )
        if hint is not None:
            name = exercise_name(library, exercise_id)
            hints.append(replace(hint, text=f"{name}: {hint.text}"))
    return hints


def record_sessions(workouts: WorkoutService, exercise_ids: list[str]) -> set[int]:
    """Ids of the sessions that hold a personal record in any of `exercise_ids`, by the
    rule the session summary's "records beaten" follows (domain.records.records_held)."""
    session_ids: set[int] = set()
    for exercise_id in exercise_ids:
        session_ids.update(records_held(workouts.records(exercise_id)))
    return session_ids
