"""Hevy's CSV export, metric (`weight_kg`, `distance_km`) or imperial (`weight_lbs`,
`distance_miles`). Times look like `21 Oct 2025, 18:04`; `set_index` counts from 0."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import tzinfo
from functools import partial
from pathlib import Path

from backleg_desktop.domain.history import ImportedSession, SetEntry, SetKind
from backleg_desktop.services.transfer.common import HEVY_SET_TYPES, set_note
from backleg_desktop.services.transfer.csvio import CsvRows, Row, cell
from backleg_desktop.services.transfer.formats import FileFormat
from backleg_desktop.services.transfer.grouping import ParsedRow, SessionDraft, read_csv_sessions
from backleg_desktop.services.transfer.names import ExerciseMatcher
from backleg_desktop.services.transfer.values import (
    MAX_REPS,
    CellError,
    distance_value,
    file_time,
    load_value,
    parse_app_time,
    reps_value,
    required_count,
    rpe_value,
    seconds_value,
    shown,
)


def read_hevy(
    path: Path, fmt: FileFormat, matcher: ExerciseMatcher, *, local: tzinfo | None = None
) -> Iterator[ImportedSession]:
    yield from read_csv_sessions(
        path, lambda rows: _parse_rows(rows, fmt, matcher, local), number_sets=True
    )


def _set_type(text: str) -> SetKind:
    kind = HEVY_SET_TYPES.get(text.strip().lower() or "normal")
    if kind is None:
        raise CellError(f"{shown(text)} is not a set type ({', '.join(HEVY_SET_TYPES)})")
    return kind


def _set_index(text: str) -> int:
    return required_count(text, 0, MAX_REPS, "set index")


def _parse_rows(
    rows: CsvRows, fmt: FileFormat, matcher: ExerciseMatcher, local: tzinfo | None
) -> Iterator[ParsedRow]:
    distance_column, distance_unit = (
        ("distance_km", "km") if "distance_km" in rows.header else ("distance_miles", "mi")
    )
    load = partial(load_value, kg_per_unit=fmt.kg_per_unit or 1.0)
    session: SessionDraft | None = None
    key: tuple[str, str] | None = None
    exercise_notes_seen: tuple[str, str] = ("", "")
    for row in rows.rows():
        row_key = (row.get("start_time"), row.get("title"))
        if row_key != key:
            key, session = row_key, _session(rows, row, local)
        assert session is not None
        cell(rows, row, "set_index", _set_index)  # checked, but sets are renumbered from 1
        exercise_id = cell(rows, row, "exercise_title", matcher.exercise_id)
        # Hevy repeats the exercise's notes on every set: keep them once, on its first set.
        exercise_note = row.get("exercise_notes").strip()
        if (exercise_id, exercise_note) == exercise_notes_seen:
            exercise_note = ""
        else:
            exercise_notes_seen = (exercise_id, exercise_note)
        entry = SetEntry(
            exercise_id=exercise_id,
            set_number=0,
            kind=cell(rows, row, "set_type", _set_type),
            reps=cell(rows, row, "reps", reps_value),
            load_kg=cell(rows, row, fmt.weight_column, load),
            duration_s=cell(rows, row, "duration_seconds", seconds_value) or None,
            note=set_note(exercise_note),
            rpe=cell(rows, row, "rpe", rpe_value),
            distance_m=cell(
                rows, row, distance_column, partial(distance_value, unit=distance_unit)
            ),
        )
        yield ParsedRow(row.line, key, session, entry)


def _session(rows: CsvRows, row: Row, local: tzinfo | None) -> SessionDraft:
    when = partial(parse_app_time, local=local)
    started_at = cell(rows, row, "start_time", when)
    ended_at = cell(rows, row, "end_time", lambda text: when(text) if text.strip() else None)
    if ended_at is not None and ended_at < started_at:
        raise rows.error(row.line, "end_time: the workout ends before it starts")
    return SessionDraft(
        name=" ".join(row.get("title").split()) or "Hevy workout",
        started_at=started_at,
        ended_at=ended_at,
        notes=row.get("description").strip(),
        source_time=file_time(row.get("start_time")),
    )
