"""How history values read on screen: dates, durations, loads, pain, statuses."""

from __future__ import annotations

from datetime import datetime

from backleg_desktop.domain.units import LoadUnits
from backleg_desktop.services.validation import MAX_LOAD_KG

STATUS_LABELS = {
    "completed": "Completed",
    "ended_early": "Ended early",
    "stopped_pain": "Stopped for pain",
    "in_progress": "In progress",
}
SIDE_LABELS = {"both": "", "left": "Left", "right": "Right"}
KIND_LABELS = {"working": "", "warmup": "Warm-up", "drop": "Drop set", "failure": "To failure"}
NO_VALUE = "–"


def _local(when: datetime) -> datetime:
    """In the machine's zone; a stored year-1 or year-9999 time cannot move, so it stays."""
    try:
        return when.astimezone()
    except (OverflowError, ValueError, OSError):
        return when


def local_date_time(when: datetime) -> str:
    return _local(when).strftime("%a %d %b %Y, %H:%M")


def local_date(when: datetime) -> str:
    return _local(when).strftime("%d %b %Y")


def duration(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return NO_VALUE
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def seconds_short(seconds: float | None) -> str:
    if seconds is None:
        return NO_VALUE
    whole = round(seconds)
    return f"{whole} s" if whole < 120 else f"{whole // 60}:{whole % 60:02d} min"


def kg(value: float | None, *, unit: bool = True) -> str:
    if value is None:
        return NO_VALUE
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{text} kg" if unit else text


def load(value: float | None, units: LoadUnits, *, unit: bool = True) -> str:
    """A stored load (kg) in the user's unit: "55 lb", or "55" for a column that says lb."""
    if value is None:
        return NO_VALUE
    return units.text(value) if unit else units.number(value)


def edit_problem(error: Exception, units: LoadUnits) -> str:
    """Why an edit was refused; a load's limits in the unit it was typed in, not in kg."""
    if getattr(error, "field", None) == "load_kg":
        return f"A load must be between 0 and {units.text(MAX_LOAD_KG)}. Nothing was changed."
    if getattr(error, "field", None) == "rpe":  # the session's rule: 0 to 10 in halves
        value = getattr(error, "value", None)
        typed = f"{value:g}" if isinstance(value, int | float) else str(value)
        return (
            f"An RPE must be 0 to 10 in whole or half steps (7 or 7.5), not {typed}. "
            "Leave it empty for none. Nothing was changed."
        )
    return str(error)


def pain_change(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return NO_VALUE
    left = NO_VALUE if before is None else str(before)
    right = NO_VALUE if after is None else str(after)
    return f"{left} → {right}"


def status(value: str) -> str:
    return STATUS_LABELS.get(value, value)
