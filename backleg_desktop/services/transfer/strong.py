"""Strong's CSV exports: the current comma format, and the older semicolon one that has a
`Weight Unit` column (and, in some locales, decimal commas)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import tzinfo
from functools import partial
from pathlib import Path

from backleg_desktop.domain.history import ImportedSession, SetEntry, SetKind
from backleg_desktop.services.transfer.common import (
    STRONG_SET_ORDER_KINDS,
    expand_escaped_newlines,
    kg_per,
    set_note,
)
from backleg_desktop.services.transfer.csvio import CsvRows, Row, cell
from backleg_desktop.services.transfer.formats import FileFormat
from backleg_desktop.services.transfer.grouping import ParsedRow, SessionDraft, read_csv_sessions
from backleg_desktop.services.transfer.names import ExerciseMatcher
from backleg_desktop.services.transfer.values import (
    CellError,
    distance_value,
    file_time,
    load_value,
    parse_iso_time,
    parse_workout_duration,
    reps_value,
    rpe_value,
    seconds_value,
    shown,
)

REST_TIMER = "rest timer"
# Keys of the `skipped` counter: rows that carry no set, and why.
SKIPPED_REST_TIMER = "rest timer"
SKIPPED_NOTE = "note"
SKIPPED_EMPTY = "empty"


def read_strong(
    path: Path,
    fmt: FileFormat,
    matcher: ExerciseMatcher,
    *,
    kg_per_unit: float,
    local: tzinfo | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[ImportedSession]:
    """kg_per_unit: the unit of the comma format's weights (`--unit`); the semicolon
    format states its unit on every row instead. skipped counts the rest timer rows."""
    yield from read_csv_sessions(
        path,
        lambda rows: _parse_rows(rows, fmt, matcher, kg_per_unit, local, skipped),
        number_sets=True,
        delimiter=fmt.delimiter,
    )


def set_kind(text: str) -> SetKind | None:
    """Set Order: `1`, `2`, ... working; `W`/`D`/`F`; None for a rest timer row."""
    value = text.strip()
    if value.lower() == REST_TIMER:
        return None
    kind = STRONG_SET_ORDER_KINDS.get(value.upper())
    if kind is not None:
        return kind
    if value.isdigit():
        return "working"
    raise CellError(f"{shown(text)} is not a set number, W, D, F or Rest Timer")


def _exercise(matcher: ExerciseMatcher, text: str) -> str:
    return matcher.exercise_id(text)


def _parse_rows(
    rows: CsvRows,
    fmt: FileFormat,
    matcher: ExerciseMatcher,
    kg_per_unit: float,
    local: tzinfo | None,
    skipped: Counter[str] | None,
) -> Iterator[ParsedRow]:
    comma_decimals = fmt.delimiter == ";"
    duration_column = "Duration" if "Duration" in rows.header else "Workout Duration"
    # The comma format gives no distance unit: it is the app's, metric or imperial like its
    # weights (`--unit`); the semicolon format names it on each row.
    file_distance_unit = "km" if kg_per_unit == 1.0 else "mi"
    session: SessionDraft | None = None
    key: tuple[str, str] | None = None
    for row in rows.rows():
        row_key = (row.get("Date"), row.get("Workout Name"))
        if row_key != key:
            key, session = row_key, _session(rows, row, duration_column, local)
        assert session is not None
        kind = cell(rows, row, "Set Order", set_kind)
        entry = None
        if kind is None and skipped is not None:
            skipped[SKIPPED_REST_TIMER] += 1
        if kind is not None:
            factor = kg_per_unit
            if fmt.unit_column:
                factor = cell(rows, row, fmt.unit_column, kg_per) if row.get("Weight") else 1.0
            # Strong fills the columns an exercise does not use with 0: a bodyweight move
            # has weight 0, an untimed set 0 seconds, a timed hold 0 reps.
            seconds = cell(rows, row, "Seconds", seconds_value) or None
            unit = row.get("Distance Unit") if fmt.unit_column else file_distance_unit
            distance = partial(distance_value, unit=unit or "km", decimal_comma=comma_decimals)
            reps = cell(rows, row, "Reps", reps_value)
            load = partial(load_value, kg_per_unit=factor, decimal_comma=comma_decimals)
            entry = SetEntry(
                exercise_id=cell(rows, row, "Exercise Name", partial(_exercise, matcher)),
                set_number=0,  # numbered per exercise by group_sessions
                kind=kind,
                reps=None if reps == 0 and seconds else reps,
                load_kg=cell(rows, row, "Weight", load) or None,
                duration_s=seconds,
                note=set_note(expand_escaped_newlines(row.get("Notes"))),
                rpe=cell(rows, row, "RPE", partial(rpe_value, decimal_comma=comma_decimals)),
                distance_m=cell(rows, row, "Distance", distance),
            )
        yield ParsedRow(
            row.line,
            key,
            session,
            entry,
            session_note=expand_escaped_newlines(row.get("Workout Notes")).strip(),
        )


def _session(rows: CsvRows, row: Row, duration_column: str, local: tzinfo | None) -> SessionDraft:
    started_at = cell(rows, row, "Date", partial(parse_iso_time, local=local))
    duration = cell(rows, row, duration_column, parse_workout_duration)
    name = " ".join(row.get("Workout Name").split()) or "Strong workout"
    return SessionDraft(
        name=name,
        started_at=started_at,
        ended_at=started_at + duration if duration is not None else None,
        source_time=file_time(row.get("Date")),
    )
