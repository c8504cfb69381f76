"""Checks at the service boundary: a bad value raises ValidationError before anything is written.

Every message names the field and the value, e.g. "reps must be between 0 and 1000 (got 1500)".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from backleg_desktop.domain.history import SESSION_STATUSES, SET_KINDS, SIDES, SetEntry
from backleg_desktop.services.errors import ValidationError

MAX_REPS = 1000
MAX_LOAD_KG = 1000.0
MAX_DURATION_S = 24 * 60 * 60
MAX_PAIN = 10
MAX_SET_NUMBER = 1000
MAX_NAME = 200
MAX_TEXT = 10_000
MAX_RPE = 10.0
MAX_DISTANCE_M = 1_000_000.0  # 1000 km: more is a unit mistake
# Dates outside this range are typing or export mistakes; the calendar and charts cannot
# place them (year 1 or 9999 overflows on conversion to local time).
EARLIEST_TIME = datetime(1900, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)


def plausible_time(moment: datetime, now: datetime | None = None) -> bool:
    """Whether an aware time lies between 1900 and a day after `now` (default: the clock)."""
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    return EARLIEST_TIME <= moment <= latest


_NUMBERS = (int, float)  # exactly these classes; bool (a subclass of int) is refused


def whole_number(field: str, value: object, low: int, high: int, unit: str = "") -> None:
    if value is None or (value.__class__ is int and low <= value <= high):
        return  # the common case, first: an import checks a few hundred thousand
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, value, f"{field} must be a whole number (got {value!r})")
    if not low <= value <= high:
        raise ValidationError(
            field, value, f"{field} must be between {low} and {high}{unit} (got {value})"
        )


def number(field: str, value: object, low: float, high: float, unit: str = "") -> None:
    # The common case first (an import checks a few hundred thousand); NaN fails the
    # comparison, so it still goes on to the checks below.
    if value is None or (value.__class__ in _NUMBERS and low <= value <= high):
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, value, f"{field} must be a number (got {value!r})")
    if math.isnan(value) or not low <= value <= high:
        raise ValidationError(
            field, value, f"{field} must be between {low:g} and {high:g}{unit} (got {value})"
        )


def pain(field: str, value: object) -> None:
    whole_number(field, value, 0, MAX_PAIN)


def duration(field: str, value: object) -> None:
    number(field, value, 0, MAX_DURATION_S, " seconds (24 hours)")


def text(field: str, value: object, limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        raise ValidationError(field, value, f"{field} must be text (got {value!r})")
    if len(value) > limit:
        raise ValidationError(
            field,
            f"{value[:40]}…",
            f"{field} must be at most {limit} characters (got {len(value)})",
        )


def name(field: str, value: object) -> None:
    text(field, value, MAX_NAME)
    assert isinstance(value, str)
    if not value.strip():
        raise ValidationError(field, value, f"{field} must not be empty")


def aware_time(field: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            field, value, f"{field} must be a date and time with a time zone (got {value!r})"
        )


def one_of(field: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        choices = ", ".join(allowed)
        raise ValidationError(field, value, f"{field} must be one of {choices} (got {value!r})")


def status(value: object) -> None:
    one_of("status", value, SESSION_STATUSES)


def set_entry(entry: SetEntry, exercise_known: Callable[[str], bool]) -> None:
    exercise(entry.exercise_id, exercise_known)
    whole_number("set_number", entry.set_number, 1, MAX_SET_NUMBER)
    if entry.set_number is None:
        raise ValidationError("set_number", None, "set_number is required")
    one_of("side", entry.side, SIDES)
    one_of("kind", entry.kind, SET_KINDS)
    whole_number("reps", entry.reps, 0, MAX_REPS)
    number("load_kg", entry.load_kg, 0, MAX_LOAD_KG, " kg")
    duration("duration_s", entry.duration_s)
    duration("rest_planned_s", entry.rest_planned_s)
    duration("rest_taken_s", entry.rest_taken_s)
    aware_time("completed_at", entry.completed_at)
    text("note", entry.note)
    number("rpe", entry.rpe, 0, MAX_RPE)
    number("distance_m", entry.distance_m, 0, MAX_DISTANCE_M, " m")


def rpe_entry(value: object) -> None:
    """An RPE typed in a session: 0 to 10 in halves (imports keep the file's decimals)."""
    number("rpe", value, 0, MAX_RPE)
    if value is not None and not (float(value) * 2).is_integer():  # type: ignore[arg-type]
        raise ValidationError("rpe", value, f"rpe must be a whole or half number (got {value})")


def exercise(
    exercise_id: object, exercise_known: Callable[[str], bool], field: str = "exercise_id"
) -> None:
    if not isinstance(exercise_id, str) or not exercise_known(exercise_id):
        raise ValidationError(
            field, exercise_id, f"{field} {exercise_id!r} is not a known exercise"
        )
