"""Backleg's own CSV: one row per set, written for spreadsheets and read back exactly.

The `plan` column holds the plan id of a guided session. An imported workout has no plan,
so the column holds its title instead; on import a value that is a plan id in the library
becomes a plan session again and anything else is a workout title.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import partial
from pathlib import Path
from typing import Any, TextIO, cast

from backleg_desktop.content.model import Plan
from backleg_desktop.domain.history import (
    SESSION_STATUSES,
    SET_KINDS,
    SIDES,
    ImportedSession,
    LoggedSet,
    SessionRecord,
    SessionStatus,
    SetEntry,
)
from backleg_desktop.services.transfer.csvio import (
    ESCAPE,
    CsvRows,
    Row,
    cell,
    neutralise,
    restore,
)
from backleg_desktop.services.transfer.formats import BACKLEG_CSV_HEADER
from backleg_desktop.services.transfer.grouping import ParsedRow, SessionDraft, read_csv_sessions
from backleg_desktop.services.transfer.names import USER_PREFIX, ExerciseMatcher, user_exercise_id
from backleg_desktop.services.transfer.values import (
    CellError,
    format_number,
    format_time,
    load_value,
    metres_value,
    pain_value,
    parse_iso_time,
    reps_value,
    required_count,
    rpe_value,
    seconds_value,
    shown,
)
from backleg_desktop.services.validation import MAX_SET_NUMBER

ExportRow = tuple[SessionRecord, LoggedSet | None]
UNNAMED = "Imported workout"  # a hand-made file may leave the plan/title column empty


@dataclass(frozen=True)
class ExportSummary:
    sessions: int
    sets: int


# Plan ids look like this; a workout title that does too is marked as text (see plan_cell).
_PLAN_ID_LIKE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def plan_cell(session: SessionRecord) -> str:
    """The plan id, or the workout's title. A title that could be read as a plan id (a
    workout named "strength") gets the leading ' that marks text, so it comes back as a
    title and not as that plan's session."""
    if session.plan_id:
        return neutralise(session.plan_id)
    if _PLAN_ID_LIKE.fullmatch(session.name):
        return "'" + session.name
    return neutralise(session.name)


def _number(value: float | int | None) -> str:
    return "" if value is None else format_number(value)


def write_csv(
    rows: Iterable[ExportRow], out: TextIO, exercise_name: Callable[[str], str]
) -> ExportSummary:
    """Write the header and one row per set to an open text file (opened with newline="")."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(BACKLEG_CSV_HEADER)
    sessions = sets = 0
    last_session: SessionRecord | None = None
    head: list[str] = []
    notes = ""
    # A 10-year history repeats a few dozen loads, rests and exercises in 60,000 rows:
    # each is formatted once (the session columns once per session).
    cached_number = _Cached(lambda key: _number(key[1]))

    def number(value: float | int | None) -> str:
        if value == 0:  # 0.0 and -0.0 are equal keys: never cached
            return _number(value)
        return cached_number((value.__class__, value))  # 1 and 1.0 stay apart

    # A set's five figures repeat together (same load, reps and rests set after set); the
    # columns' types are fixed by the table, so equal values format alike (zeros aside).
    cached_figures = _Cached(lambda values: [number(v) for v in values])

    def figures(values: tuple[float | int | None, ...]) -> list[str]:
        return [number(v) for v in values] if 0 in values else cached_figures(values)

    exercise = _Cached(
        lambda exercise_id: (neutralise(exercise_id), neutralise(exercise_name(exercise_id)))
    )
    empty_set = [""] * 12
    for session, logged in rows:
        if session is not last_session:
            if last_session is None or session.id != last_session.id:
                sessions += 1
            last_session = session
            head = [
                str(session.id),
                format_time(session.started_at),
                format_time(session.ended_at),
                plan_cell(session),
                session.status,
                number(session.pain_before),
                number(session.pain_after),
            ]
            notes = neutralise(session.notes)
        if logged is None:
            writer.writerow([*head, *empty_set, notes, "", ""])
            continue
        sets += 1
        writer.writerow(
            [
                *head,
                *exercise(logged.exercise_id),
                str(logged.set_number),
                logged.side,
                logged.kind,
                *figures(
                    (
                        logged.reps,
                        logged.load_kg,
                        logged.duration_s,
                        logged.rest_planned_s,
                        logged.rest_taken_s,
                    )
                ),
                _utc_time(logged.completed_at),
                neutralise(logged.note),
                notes,
                number(logged.rpe),
                number(logged.distance_m),
            ]
        )
    return ExportSummary(sessions, sets)


def _utc_time(moment: datetime) -> str:
    """format_time, without its conversion for the times the history hands out (in UTC)."""
    return moment.isoformat() if moment.tzinfo is UTC else format_time(moment)


class _Cached(dict[Hashable, Any]):
    """`function(key)`, computed once per distinct key."""

    def __init__(self, function: Callable[[Any], Any]) -> None:
        super().__init__()
        self._function = function

    def __call__(self, key: Hashable) -> Any:
        try:
            return self[key]
        except KeyError:
            value = self[key] = self._function(key)
            return value


def _choice(options: tuple[str, ...], what: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise CellError(f"{shown(text)} is not a {what} ({', '.join(options)})")
        return text

    return parse


def _set_number(text: str) -> int:
    return required_count(text, 1, MAX_SET_NUMBER, "set number")


def read_backleg_csv(
    path: Path, matcher: ExerciseMatcher, *, local: tzinfo | None = None
) -> Iterator[ImportedSession]:
    yield from read_csv_sessions(
        path,
        lambda rows: _parse_rows(rows, matcher, local),
        number_sets=False,
        describe="session",
    )


def _unescaped(row: Row) -> Row:
    cells = row.cells
    if ESCAPE not in "".join(cells.values()):
        return row  # nothing to restore: most rows of most files
    return Row(row.line, {name: restore(value) for name, value in cells.items()})


class _ParsedCells:
    """`cell(rows, row, column, parse)` remembered per (column, text): a history repeats
    a few dozen set numbers, loads, rests and exercises over tens of thousands of rows.
    Only for parsers whose result depends on the text alone; a failing cell is never
    remembered, so it fails again with its own line."""

    def __init__(self, rows: CsvRows) -> None:
        self._rows = rows
        self._seen: dict[tuple[str, str], Any] = {}

    def __call__(self, row: Row, column: str, parse: Callable[[str], Any]) -> Any:
        key = (column, row.get(column))
        try:
            return self._seen[key]
        except KeyError:
            value = self._seen[key] = cell(self._rows, row, column, parse)
            return value


_SIDE = _choice(SIDES, "side")
_SET_KIND = _choice(SET_KINDS, "set kind")
_LOAD_KG = partial(load_value, kg_per_unit=1.0)


def _parse_rows(
    rows: CsvRows, matcher: ExerciseMatcher, local: tzinfo | None
) -> Iterator[ParsedRow]:
    when = partial(parse_iso_time, local=local)

    def optional_time(text: str) -> datetime | None:
        return when(text) if text.strip() else None

    plans = matcher.library.plans
    parsed = _ParsedCells(rows)
    exercises: dict[tuple[str, str], str] = {}  # (exercise_id, exercise_name) -> id
    key: Hashable = None
    session: SessionDraft | None = None
    for raw in rows.rows():
        row = _unescaped(raw)
        plan_or_name = row.get("plan")
        marked_title = raw.get("plan").startswith("'")  # text, never a plan id
        row_key = row.get("session_id") or (row.get("started_at"), plan_or_name)
        if row_key != key or session is None:
            # Session columns repeat on every row of a session: read them once.
            key, session = row_key, _session(rows, row, {} if marked_title else plans, local)
        entry: SetEntry | None = None
        exercise_id = row.get("exercise_id")
        if exercise_id:
            # The same id and name always give the same exercise (the matcher decides
            # once and remembers), so each pair is looked up once.
            named = (exercise_id, row.get("exercise_name"))
            resolved = exercises.get(named)
            if resolved is None:
                resolved = exercises[named] = cell(
                    rows, row, "exercise_name", partial(_import_id, exercise_id, matcher=matcher)
                )
            entry = SetEntry(
                exercise_id=resolved,
                set_number=parsed(row, "set_number", _set_number),
                side=parsed(row, "side", _SIDE),
                kind=parsed(row, "set_kind", _SET_KIND),
                reps=parsed(row, "reps", reps_value),
                load_kg=parsed(row, "load_kg", _LOAD_KG),
                duration_s=parsed(row, "duration_s", seconds_value),
                rest_planned_s=parsed(row, "rest_planned_s", seconds_value),
                rest_taken_s=parsed(row, "rest_taken_s", seconds_value),
                completed_at=cell(rows, row, "completed_at", optional_time),
                note=row.get("notes"),
                # Absent from files written before these columns: empty, so None.
                rpe=parsed(row, "rpe", rpe_value),
                distance_m=parsed(row, "distance_m", metres_value),
            )
        yield ParsedRow(row.line, key, session, entry, session_note=row.get("session_notes"))


def _session(
    rows: CsvRows, row: Row, plans: Mapping[str, Plan], local: tzinfo | None
) -> SessionDraft:
    when = partial(parse_iso_time, local=local)

    def optional_time(text: str) -> datetime | None:
        return when(text) if text.strip() else None

    plan_or_name = row.get("plan")
    is_plan = plan_or_name in plans
    return SessionDraft(
        name=plans[plan_or_name].name if is_plan else (plan_or_name or UNNAMED),
        plan_id=plan_or_name if is_plan else None,
        started_at=cell(rows, row, "started_at", when),
        ended_at=cell(rows, row, "ended_at", optional_time),
        status=cast(
            SessionStatus, cell(rows, row, "status", _choice(SESSION_STATUSES, "session status"))
        ),
        pain_before=cell(rows, row, "pain_before", partial(pain_value, what="pain before")),
        pain_after=cell(rows, row, "pain_after", partial(pain_value, what="pain after")),
    )


def _import_id(exercise_id: str, name: str, *, matcher: ExerciseMatcher) -> str:
    """Library ids stay; a user exercise is recreated by its name (its id is per database)."""
    if matcher.is_library_id(exercise_id):
        return exercise_id
    if exercise_id.startswith(USER_PREFIX):
        user_name = name if name.strip() else exercise_id.removeprefix(USER_PREFIX)
        user_exercise_id(user_name)  # checks it is a usable name
        # The name as stored (inner spaces kept), so an export reads back as it was.
        return matcher.remember(user_name, USER_PREFIX + user_name.strip())
    # A library exercise this version does not have: match it by name like any other app's.
    return matcher.exercise_id(name if name.strip() else exercise_id)
