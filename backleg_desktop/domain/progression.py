"""Progression hints: gentle suggestions drawn from the last sessions, never instructions.

Pure functions over domain objects. Two rules:

* every working set of an exercise reached the top of its rep range in each of the last two
  sessions, and pain after was not above pain before in either: suggest a small load step;
* pain after a session rose by 2 points or more: suggest the shorter plan or an easier
  option next time.

The UI shows `ProgressionHint.text` as is; `kind` lets a screen pick an icon or colour.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits, Unit, from_kg, to_kg

HintKind = Literal["add_load", "ease_off"]
HintTime = Literal["today", "next time"]  # when the hint is read for

PAIN_RISE_POINTS = 2  # a rise this big after a session is worth acting on next time
SESSIONS_AT_TOP = 2  # sessions in a row with every set at the top of the range
SMALL_STEP_FRACTION = 0.05  # about 5 % more load ...
MIN_STEP_KG = 1.0  # ... but at least the smallest plate or dumbbell step
MAX_STEP_KG = 2.5  # ... and never a big jump at once
# The same in pounds, in whole pounds (the smallest dumbbell steps sold in pounds).
MIN_STEP_LB = 2.0
MAX_STEP_LB = 5.0


@dataclass(frozen=True)
class ExerciseOutcome:
    """One exercise in one session, as the hints need it (warm-up sets left out)."""

    session_id: int
    reps: tuple[int | None, ...]  # every working set, both legs for one-leg moves
    top_load_kg: float | None
    pain_before: int | None
    pain_after: int | None


@dataclass(frozen=True)
class ProgressionHint:
    kind: HintKind
    text: str
    exercise_id: str | None = None  # None: about the whole session
    session_id: int | None = None  # the session the hint was drawn from (the newest)
    suggested_load_kg: float | None = None


def outcome_of(
    session: SessionRecord, sets: Iterable[LoggedSet], exercise_id: str
) -> ExerciseOutcome | None:
    """The outcome of `exercise_id` in `session`, or None if it had no working set of it."""
    working = [s for s in sets if s.exercise_id == exercise_id and s.kind != "warmup"]
    if not working:
        return None
    loads = [s.load_kg for s in working if s.load_kg is not None]
    return ExerciseOutcome(
        session_id=session.id,
        reps=tuple(s.reps for s in working),
        top_load_kg=max(loads) if loads else None,
        pain_before=session.pain_before,
        pain_after=session.pain_after,
    )


def small_load_step(load_kg: float, unit: Unit = "kg") -> float:
    """A modest increase for `load_kg`, in kg: about 5 %, rounded up to half a kilo, 1 to
    2.5 kg; for someone in pounds, rounded up to a whole pound, 2 to 5 lb."""
    if unit == "lb":
        pounds = math.ceil(from_kg(load_kg, "lb") * SMALL_STEP_FRACTION)
        return to_kg(min(MAX_STEP_LB, max(MIN_STEP_LB, pounds)), "lb")
    step = math.ceil(load_kg * SMALL_STEP_FRACTION * 2) / 2
    return min(MAX_STEP_KG, max(MIN_STEP_KG, step))


def _reached_top(outcome: ExerciseOutcome, rep_top: int) -> bool:
    return bool(outcome.reps) and all(r is not None and r >= rep_top for r in outcome.reps)


def _pain_held(outcome: ExerciseOutcome) -> bool:
    # Unknown pain is not evidence that the back coped, so it blocks the suggestion.
    if outcome.pain_before is None or outcome.pain_after is None:
        return False
    return outcome.pain_after <= outcome.pain_before


def load_increase_hint(
    exercise_id: str,
    exercise_name: str,
    rep_top: int,
    recent: Sequence[ExerciseOutcome],
    units: LoadUnits = KILOGRAMS,
) -> ProgressionHint | None:
    """Suggest a small load step if the last two outcomes (newest first) earned one."""
    if len(recent) < SESSIONS_AT_TOP:
        return None
    last = recent[:SESSIONS_AT_TOP]
    if not all(_reached_top(o, rep_top) and _pain_held(o) for o in last):
        return None
    load = last[0].top_load_kg
    if load is None or load <= 0:
        text = (
            f"{exercise_name}: every set reached {rep_top} reps in your last two sessions and "
            "your back was no worse afterwards. If it feels right, you could make it a little "
            "harder next time."
        )
        return ProgressionHint("add_load", text, exercise_id, last[0].session_id)
    step = small_load_step(load, units.unit)
    new_load = load + step
    text = (
        f"{exercise_name}: every set reached {rep_top} reps in your last two sessions and your "
        f"back was no worse afterwards. If it feels right, you could try about "
        f"{units.text(step)} more next time ({units.text(new_load)})."
    )
    return ProgressionHint("add_load", text, exercise_id, last[0].session_id, new_load)


def pain_rise_hint(
    session: SessionRecord, easier_plan_name: str = "Quick add-on"
) -> ProgressionHint | None:
    """Suggest easing off if pain after the session rose by 2 points or more."""
    before, after = session.pain_before, session.pain_after
    if before is None or after is None or after - before < PAIN_RISE_POINTS:
        return None
    text = (
        f"Your pain went from {before} to {after} over this session. Next time you might "
        f"choose the {easier_plan_name}, or an easier option for the moves that bothered you. "
        "If the pain is sharp or keeps climbing, stop and get it checked."
    )
    return ProgressionHint("ease_off", text, None, session.id)


def exercise_screen_hint(
    exercise_id: str,
    rep_top: int,
    recent: Sequence[ExerciseOutcome],
    easier_plan_name: str | None = None,
    *,
    when: HintTime = "today",
    units: LoadUnits = KILOGRAMS,
) -> ProgressionHint | None:
    """The hint shown as `exercise_id` comes up in a session, from its earlier outcomes
    (newest first), worded for `when` (History words it for next time). Easing off comes
    first: if pain rose by 2 or more after the last time, no load step is suggested.
    `easier_plan_name` is None when the session already is the easier plan."""
    if not recent:
        return None
    last = recent[0]
    before, after = last.pain_before, last.pain_after
    if before is not None and after is not None and after - before >= PAIN_RISE_POINTS:
        choice = (
            f"you might choose the {easier_plan_name} or an easier option"
            if easier_plan_name
            else "you might choose an easier option or fewer sets"
        )
        text = (
            f"Your pain went from {before} to {after} after the last session with this "
            f"exercise. {when.capitalize()} {choice}, and stop if anything feels sharp."
        )
        return ProgressionHint("ease_off", text, exercise_id, last.session_id)
    hint = load_increase_hint(exercise_id, exercise_id, rep_top, recent, units)
    if hint is None:
        return None
    step = (
        f"about {units.text(hint.suggested_load_kg - (last.top_load_kg or 0))} more "
        f"({units.text(hint.suggested_load_kg)})"
        if hint.suggested_load_kg is not None
        else "a slightly harder version"
    )
    text = (
        f"Every set reached {rep_top} reps in your last two sessions and your pain did not "
        f"rise. If it feels right, you could try {step} {when}."
    )
    return replace(hint, text=text)
