"""Strong 6's CSV export (2025): the units are in the column names.

`Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,
Distance (meters),Seconds,Notes,Workout Notes,RPE`, with commas, or with every cell quoted
and separated by semicolons (then RPE comes after Reps). Columns are read by name, so the
order does not matter. Strong 6 writes an exercise's note and its rest timer as rows that
look like sets with no reps: those carry no set and are counted in `skipped`; a note row's
text goes into the workout's notes, so nothing is lost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta, tzinfo
from functools import partial
from pathlib import Path

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.services.transfer.common import expand_escaped_newlines, set_note
from backleg_desktop.services.transfer.csvio import CsvRows, Row, cell
from backleg_desktop.services.transfer.formats import FileFormat
from backleg_desktop.services.transfer.grouping import ParsedRow, SessionDraft, read_csv_sessions
from backleg_desktop.services.transfer.names import ExerciseMatcher
from backleg_desktop.services.transfer.strong import (
    SKIPPED_EMPTY,
    SKIPPED_NOTE,
    SKIPPED_REST_TIMER,
    set_kind,
)
from backleg_desktop.services.transfer.values import (
    CellError,
    distance_value,
    file_time,
    load_value,
    parse_decimal,
    parse_iso_time,
    reps_value,
    rpe_value,
    seconds_value,
)

# The unit in a `Distance (...)` column's name -> the unit distance_value takes. Only
# `meters` has been seen; the others are spellings a pounds or other-locale export may use.
DISTANCE_UNITS = {
    "meters": "m",
    "metres": "m",
    "m": "m",
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "miles": "mi",
    "mi": "mi",
    "feet": "ft",
    "ft": "ft",
    "yards": "yd",
    "yd": "yd",
}


def read_strong6(
    path: Path,
    fmt: FileFormat,
    matcher: ExerciseMatcher,
    *,
    local: tzinfo | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[ImportedSession]:
    """The weights' unit comes from fmt (the header); `--unit` does not apply.
    skipped counts the rows that carry no set: rest timers, notes, empty rows."""
    yield from read_csv_sessions(
        path,
        lambda rows: _parse_rows(rows, fmt, matcher, local, skipped),
        number_sets=True,
        delimiter=fmt.delimiter,
    )


@dataclass
class _Notes:
    """A workout's notes: its Workout Notes, then each exercise note row's text."""

    workout: str = ""
    exercises: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(part for part in (self.workout, *self.exercises) if part)


def _distance_column(rows: CsvRows) -> tuple[str, str]:
    """The distance column and its unit, or ("", "") when the file has none."""
    names = [name for name in rows.header if name.lower().startswith("distance")]
    if not names:
        return "", ""
    name = names[0]
    inside = name[len("distance") :].strip()
    unit = DISTANCE_UNITS.get(inside.strip("()").strip().lower())
    if len(names) > 1 or unit is None or not (inside.startswith("(") and inside.endswith(")")):
        known = ", ".join(f"'Distance ({u})'" for u in ("meters", "km", "miles"))
        raise rows.error(1, f"{', '.join(map(repr, names))}: expected one column such as {known}")
    return name, unit


def _parse_rows(
    rows: CsvRows,
    fmt: FileFormat,
    matcher: ExerciseMatcher,
    local: tzinfo | None,
    skipped: Counter[str] | None,
) -> Iterator[ParsedRow]:
    comma_decimals = fmt.delimiter == ";"  # a semicolon file may come from a 1,5 locale
    distance_column, distance_unit = _distance_column(rows)
    load = partial(load_value, kg_per_unit=fmt.kg_per_unit or 1.0, decimal_comma=comma_decimals)
    distance = partial(distance_value, unit=distance_unit or "m", decimal_comma=comma_decimals)
    rpe = partial(rpe_value, decimal_comma=comma_decimals)
    counts: Counter[str] = skipped if skipped is not None else Counter()
    session: SessionDraft | None = None
    notes = _Notes()
    key: tuple[str, str, str] | None = None
    for row in rows.rows():
        row_key = (row.get("Workout #"), row.get("Date"), row.get("Workout Name"))
        if row_key != key:
            key, session, notes = row_key, _session(rows, row, local), _Notes()
        assert session is not None
        if not notes.workout:
            notes.workout = expand_escaped_newlines(row.get("Workout Notes")).strip()
        entry = None
        # A note row may leave Set Order empty; a set may not (checked below).
        no_order = not row.get("Set Order").strip()
        kind = "working" if no_order else cell(rows, row, "Set Order", set_kind)
        if kind is None:
            counts[SKIPPED_REST_TIMER] += 1
        else:
            seconds = cell(rows, row, "Seconds", seconds_value) or None
            reps = cell(rows, row, "Reps", reps_value)
            load_kg = cell(rows, row, fmt.weight_column, load) or None
            metres = cell(rows, row, distance_column, distance) if distance_column else None
            effort = cell(rows, row, "RPE", rpe)
            note = set_note(expand_escaped_newlines(row.get("Notes")))
            if reps is None and load_kg is None and seconds is None and metres is None:
                # Strong 6's note and rest timer rows: no figure at all. A note is kept.
                if effort is not None:
                    raise rows.error(row.line, "RPE: this row has an RPE but no set")
                if note:
                    counts[SKIPPED_NOTE] += 1
                    notes.exercises.append(f"{row.get('Exercise Name').strip()}: {note}")
                else:
                    counts[SKIPPED_EMPTY] += 1
            elif no_order:
                raise rows.error(row.line, "Set Order: empty, in a row that holds a set")
            else:
                entry = SetEntry(
                    exercise_id=cell(rows, row, "Exercise Name", matcher.exercise_id),
                    set_number=0,  # numbered per exercise by group_sessions
                    kind=kind,
                    reps=None if reps == 0 and seconds else reps,
                    load_kg=load_kg,
                    duration_s=seconds,
                    note=note,
                    rpe=effort,
                    distance_m=metres,
                )
        session.notes = notes.text()
        yield ParsedRow(row.line, key, session, entry)


def _duration(text: str) -> timedelta | None:
    seconds = seconds_value(text, "workout duration in seconds")
    return timedelta(seconds=seconds) if seconds else None


def _session(rows: CsvRows, row: Row, local: tzinfo | None) -> SessionDraft:
    started_at = cell(rows, row, "Date", partial(parse_iso_time, local=local))
    duration = cell(rows, row, "Duration (sec)", _duration)
    cell(rows, row, "Workout #", _workout_number)
    name = " ".join(row.get("Workout Name").split()) or "Strong workout"
    return SessionDraft(
        name=name,
        started_at=started_at,
        ended_at=started_at + duration if duration is not None else None,
        source_time=file_time(row.get("Date")),
    )


def _workout_number(text: str) -> float | None:
    """Only checked: rows are grouped by it, with the date and name, never stored."""
    number = parse_decimal(text)
    if number is not None and (number < 0 or not number.is_integer()):
        raise CellError(f"{text!r} is not a workout number")
    return number
