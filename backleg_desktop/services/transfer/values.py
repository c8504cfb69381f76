"""Parsing and formatting of the single values found in workout files.

Every parser raises `CellError` with a short reason; the row readers add the file name,
the line and the column, so the user sees exactly which cell to fix.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal

# The store enforces these limits too; readers check them so a bad cell is reported with its
# file and line instead of failing the whole import without saying where.
from backleg_desktop.services.validation import (
    EARLIEST_TIME,
    FUTURE_SLACK,
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_LOAD_KG,
    MAX_PAIN,
    MAX_REPS,
    MAX_RPE,
    plausible_time,
)

KG_PER_LB = 0.45359237  # exact, by definition of the international pound
# Converted loads are rounded to whole grams: far below any plate increment, and it keeps
# `20 lb` as 9.072 kg instead of 9.0718474 so exports stay readable.
LOAD_DECIMALS = 3

# No plausible value needs more characters; a longer one (a 400-digit weight) would become
# inf or lose its digits, so it is refused before float() sees it.
MAX_NUMBER_CHARS = 24
# Tiny values written exactly need many places after the point (5e-324 takes 324 zeros).
MAX_DECIMAL_CHARS = 400

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_EXPONENT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_HEVY_DATE = re.compile(
    r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3})[a-z]* (?P<year>\d{4}),? "
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
)
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)\b")
_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)")


class CellError(ValueError):
    """A cell that cannot be read; the message is the reason, written for the user."""


def shown(text: str, limit: int = 40) -> str:
    """A cell as quoted in a message: cut short, so a 400-digit value stays readable."""
    return repr(text) if len(text) <= limit else repr(text[: limit - 3] + "...")


def parse_decimal(text: str, *, decimal_comma: bool = False) -> float | None:
    """A plain decimal number, or None for an empty cell. Rejects nan, inf and exponents."""
    value = text.strip()
    if not value:
        return None
    if decimal_comma and _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")
    if not _DECIMAL.fullmatch(value):
        if _EXPONENT.fullmatch(value):  # what a spreadsheet writes for 0.0000001
            raise CellError(
                f"{shown(text)} is written with an exponent; write the number out "
                "(such as 0.0000001), as Backleg reads plain decimals only"
            )
        raise CellError(f"{shown(text)} is not a number")
    whole_digits = len(value.lstrip("+-").split(".")[0].lstrip("0"))
    if whole_digits > MAX_NUMBER_CHARS or len(value) > MAX_DECIMAL_CHARS:
        raise CellError(
            f"{shown(value)} is too long for a number ({len(value)} characters; "
            f"at most {MAX_NUMBER_CHARS} digits before the point)"
        )
    return float(value)


def parse_count(text: str) -> int | None:
    """A whole number such as reps; `8.0` is accepted because some apps write counts so."""
    number = parse_decimal(text)
    if number is None:
        return None
    if not number.is_integer():
        raise CellError(f"{shown(text)} is not a whole number")
    return int(number)


def check_range(value: float, low: float, high: float, what: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(f"{what} must be between {format_number(low)} and {format_number(high)}")
    if not low <= value <= high:
        raise CellError(
            f"{what} must be between {format_number(low)} and "
            f"{format_number(high)} (got {format_number(value)})"
        )


def required_count(text: str, low: int, high: int, what: str) -> int:
    """A whole number a row cannot do without, such as a set number."""
    number = parse_count(text)
    if number is None:
        raise CellError(f"the {what} is missing")
    check_range(number, low, high, what)
    return number


def reps_value(text: str) -> int | None:
    reps = parse_count(text)
    if reps is not None:
        check_range(reps, 0, MAX_REPS, "reps")
    return reps


def load_value(text: str, kg_per_unit: float, *, decimal_comma: bool = False) -> float | None:
    """A weight in the file's unit, returned in kg."""
    weight = parse_decimal(text, decimal_comma=decimal_comma)
    if weight is None:
        return None
    if weight < 0:
        # Strong writes assisted exercises (assisted dips, ...) as negative weights.
        raise CellError(
            f"weight {format_number(weight)} is negative (assisted exercises "
            "cannot be imported; remove the row or set the weight to 0)"
        )
    kg = round(weight * kg_per_unit, LOAD_DECIMALS) if kg_per_unit != 1.0 else weight
    check_range(kg, 0, MAX_LOAD_KG, "load in kg")
    return kg


def seconds_value(text: str, what: str = "duration in seconds") -> float | None:
    seconds = parse_decimal(text)
    if seconds is not None:
        check_range(seconds, 0, MAX_DURATION_S, what)
    return seconds


# Metres per distance unit as the apps write it.
METRES_PER = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "miles": 1609.344, "ft": 0.3048, "yd": 0.9144}


def rpe_value(text: str, *, decimal_comma: bool = False) -> float | None:
    """A rate of perceived exertion, 0 to 10 (halves and other decimals as written)."""
    rpe = parse_decimal(text, decimal_comma=decimal_comma)
    if rpe is not None:
        check_range(rpe, 0, MAX_RPE, "RPE")
    return rpe


def distance_value(text: str, unit: str, *, decimal_comma: bool = False) -> float | None:
    """A distance in `unit` (km, m, mi, ft, yd), returned in metres; 0 or empty is None
    (the apps write 0 in the distance of a set that has none)."""
    distance = parse_decimal(text, decimal_comma=decimal_comma)
    if not distance:
        return None
    factor = METRES_PER.get(unit.strip().lower())
    if factor is None:
        raise CellError(f"{shown(unit)} is not a distance unit ({', '.join(METRES_PER)})")
    metres = round(distance * factor, 3)
    check_range(metres, 0, MAX_DISTANCE_M, "distance in metres")
    return metres


def metres_value(text: str) -> float | None:
    """A distance in metres as Backleg writes it: exact, a 0 kept."""
    metres = parse_decimal(text)
    if metres is not None:
        check_range(metres, 0, MAX_DISTANCE_M, "distance in metres")
    return metres


def pain_value(text: str, what: str) -> int | None:
    pain = parse_count(text)
    if pain is not None:
        check_range(pain, 0, MAX_PAIN, what)
    return pain


def to_utc(moment: datetime, local: tzinfo | None, *, now: datetime | None = None) -> datetime:
    """Attach the machine's zone (or `local`) to a naive time, then convert to UTC.

    CellError for a time before 1900 or more than a day ahead of `now` (default: the clock):
    year 1 or 9999 would overflow on conversion or later in the calendar."""
    now = now or datetime.now(UTC)
    if not EARLIEST_TIME.year <= moment.year <= (now + FUTURE_SLACK).year:
        raise _implausible(moment)
    try:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=local) if local is not None else moment.astimezone()
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError, OSError):
        raise _implausible(moment) from None
    if not plausible_time(moment, now):
        raise _implausible(moment)
    return moment


def _implausible(moment: datetime) -> CellError:
    return CellError(
        f"{moment.isoformat(sep=' ')} is not a plausible date: Backleg takes dates from "
        "1900 up to tomorrow"
    )


def parse_iso_time(text: str, local: tzinfo | None) -> datetime:
    """ISO 8601 (`2026-11-25T10:15:00+00:00`, `2023-01-02 17:45:25`, `2025-10-21`)."""
    value = text.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CellError(f"{shown(text)} is not a date and time") from None
    return to_utc(moment, local)


def parse_app_time(text: str, local: tzinfo | None) -> datetime:
    """Hevy's `21 Oct 2025, 18:04` (English month names) or any ISO 8601 time."""
    match = _HEVY_DATE.fullmatch(text.strip())
    if match is None:
        return parse_iso_time(text, local)
    month = _MONTHS.get(match["month"].lower())
    if month is None:
        raise CellError(f"{shown(text)} is not a date and time")
    try:
        moment = datetime(
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"] or 0),
        )
    except ValueError:
        raise CellError(f"{shown(text)} is not a date and time") from None
    return to_utc(moment, local)


def file_time(text: str) -> str | None:
    """A zone-less time as the file wrote it, in one spelling (`2025-10-21T18:04:00`), or
    None when the text has an offset (then the UTC time identifies it). Call it on a cell
    that parsed: a re-import matches on this, independent of the machine's time zone."""
    value = text.strip()
    match = _HEVY_DATE.fullmatch(value)
    if match is not None:
        moment = datetime(
            int(match["year"]),
            _MONTHS.get(match["month"].lower(), 1),
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"] or 0),
        )
        return moment.isoformat()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.isoformat() if moment.tzinfo is None else None


def parse_workout_duration(text: str) -> timedelta | None:
    """Strong's workout duration: `1h 5m`, `45m`, `50s`, or a clock `1:05:00`."""
    value = text.strip().lower()
    if not value:
        return None
    if len(value) > MAX_NUMBER_CHARS:
        raise CellError(f"{shown(text)} is too long for a duration")
    seconds = 0.0
    if _CLOCK.fullmatch(value):
        seconds = clock_seconds(value)
    else:
        parts = _DURATION_PART.findall(value)
        if not parts or _DURATION_PART.sub("", value).strip():
            raise CellError(f"{shown(text)} is not a duration such as '1h 5m'")
        scale = {"h": 3600.0, "m": 60.0, "s": 1.0}
        seconds = sum(float(amount) * scale[unit] for amount, unit in parts)
    check_range(seconds, 0, MAX_DURATION_S, "workout duration in seconds")
    return timedelta(seconds=seconds) if seconds else None


def clock_seconds(text: str) -> float:
    """`1:30` (m:ss) or `0:01:30` (h:mm:ss) as seconds."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None or len(text.strip()) > MAX_NUMBER_CHARS:
        raise CellError(f"{shown(text)} is not a time such as 0:01:30")
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)


def format_number(value: float | int) -> str:
    """`20`, `22.5`, `0.0000001`: the shortest decimal that reads back as exactly `value`
    (Python's repr), written without an exponent and without a trailing `.0`."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r}")
    if value == 0:
        return "0"
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_time(moment: datetime | None) -> str:
    """ISO 8601 in UTC with an explicit offset; an unknown time is an empty cell."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        raise ValueError("naive datetime in history: times must be timezone-aware UTC")
    return moment.astimezone(UTC).isoformat()
