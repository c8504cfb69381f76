"""FitNotes' CSV export. It has no workouts, only dated sets, so each day becomes one
session starting at local midnight of that day (the export has no times of day)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, tzinfo
from functools import partial
from pathlib import Path

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.services.transfer.common import kg_per, set_note
from backleg_desktop.services.transfer.csvio import CsvRows, cell
from backleg_desktop.services.transfer.formats import FileFormat
from backleg_desktop.services.transfer.grouping import ParsedRow, SessionDraft, read_csv_sessions
from backleg_desktop.services.transfer.names import ExerciseMatcher
from backleg_desktop.services.transfer.values import (
    MAX_DURATION_S,
    CellError,
    check_range,
    clock_seconds,
    distance_value,
    load_value,
    parse_decimal,
    reps_value,
    shown,
    to_utc,
)

SESSION_NAME = "FitNotes workout"


def read_fitnotes(
    path: Path, fmt: FileFormat, matcher: ExerciseMatcher, *, local: tzinfo | None = None
) -> Iterator[ImportedSession]:
    yield from read_csv_sessions(
        path,
        lambda rows: _parse_rows(rows, fmt, matcher, local),
        number_sets=True,
        describe="day",
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CellError(f"{shown(text)} is not a date such as 2025-10-21") from None


def _midnight(text: str, local: tzinfo | None) -> datetime:
    return to_utc(datetime.combine(_day(text), time()), local)


def _time(text: str) -> float | None:
    """FitNotes writes durations as `0:01:30`; a plain number is taken as seconds."""
    value = text.strip()
    if not value:
        return None
    seconds = clock_seconds(value) if ":" in value else parse_decimal(value)
    if seconds is None:
        return None
    check_range(seconds, 0, MAX_DURATION_S, "time in seconds")
    return seconds or None


def _parse_rows(
    rows: CsvRows, fmt: FileFormat, matcher: ExerciseMatcher, local: tzinfo | None
) -> Iterator[ParsedRow]:
    session: SessionDraft | None = None
    key: str | None = None
    for row in rows.rows():
        if row.get("Date") != key or session is None:
            key = row.get("Date")
            started_at = cell(rows, row, "Date", partial(_midnight, local=local))
            session = SessionDraft(
                name=SESSION_NAME,
                started_at=started_at,
                source_time=_day(row.get("Date")).isoformat(),  # the day, whatever the zone
            )
        assert session is not None
        factor = fmt.kg_per_unit
        if factor is None:  # the `Weight,Weight Unit` variant
            factor = cell(rows, row, fmt.unit_column, kg_per) if row.get("Weight") else 1.0
        entry = SetEntry(
            exercise_id=cell(rows, row, "Exercise", matcher.exercise_id),
            set_number=0,
            reps=cell(rows, row, "Reps", reps_value),
            load_kg=cell(rows, row, fmt.weight_column, partial(load_value, kg_per_unit=factor)),
            duration_s=cell(rows, row, "Time", _time),
            note=set_note(row.get("Comment")),
            distance_m=cell(
                rows,
                row,
                "Distance",
                partial(distance_value, unit=row.get("Distance Unit") or "km"),
            ),
        )
        yield ParsedRow(row.line, key, session, entry)
