"""Queries and writes on the history tables; every function returns domain objects.

Callers own the transaction (pass an ORM Session or a Connection). History views are
aggregated in SQL with GROUP BY so a 10-year history never comes into Python set by set.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    String,
    case,
    exists,
    func,
    insert,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from backleg_desktop.domain.history import (
    LOGGED_FIELDS,
    LoggedSet,
    SessionRecord,
    SessionStatus,
    SessionSummary,
    SetEntry,
    user_exercise_id,
)
from backleg_desktop.domain.records import ExercisePoint, SetFigures
from backleg_desktop.domain.set_count import sets_done_of
from backleg_desktop.storage import exercise_rows, export_rows
from backleg_desktop.storage.models import ExercisePainRow, SessionRow, SetRow, UserExerciseRow
from backleg_desktop.storage.types import to_utc_text

# --- row ↔ domain -----------------------------------------------------------------------


def session_record(row: SessionRow | Row[Any]) -> SessionRecord:
    """From an ORM row, or a Core result row that has the sessions table's columns."""
    return SessionRecord(
        id=row.id,
        plan_id=row.plan_id,
        name=row.name,
        started_at=row.started_at,
        ended_at=row.ended_at,
        status=cast(SessionStatus, row.status),
        pain_before=row.pain_before,
        pain_after=row.pain_after,
        notes=row.notes,
        stop_exercise_id=row.stop_exercise_id,
        stop_set_number=row.stop_set_number,
        source_time=getattr(row, "source_time", None),
    )


# The sets table's columns carry LoggedSet's field names (domain/history.py), which are
# SetEntry's behind the two ids: rows map by name both ways, in C (export and import are
# measured in tests/bench, so no per-field Python code here).
_SET_COLUMNS = attrgetter(*LOGGED_FIELDS)


def logged_set(row: SetRow | Row[Any], columns: attrgetter[Any] = _SET_COLUMNS) -> LoggedSet:
    """From an ORM row, or a Core row whose set columns `columns` picks out."""
    return LoggedSet(*columns(row))


def set_values(session_id: int, entry: SetEntry, completed_at: datetime) -> dict[str, Any]:
    """The sets-table row for `entry` (which may lack the `completed_at` to store)."""
    values = vars(entry).copy()  # every SetEntry field by name
    values["session_id"] = session_id
    values["completed_at"] = completed_at
    return values


def set_row(session_id: int, entry: SetEntry, completed_at: datetime) -> SetRow:
    return SetRow(**set_values(session_id, entry, completed_at))


# --- sessions and sets ------------------------------------------------------------------


def sets_of(db: Session, session_id: int) -> tuple[LoggedSet, ...]:
    rows = db.scalars(
        select(SetRow)
        .where(SetRow.session_id == session_id)
        .order_by(SetRow.completed_at, SetRow.id)
    )
    return tuple(logged_set(r) for r in rows)


def newest_in_progress(db: Session) -> SessionRow | None:
    return db.scalars(
        select(SessionRow)
        .where(SessionRow.status == "in_progress")
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(1)
    ).first()


def last_sets(db: Session, exercise_id: str, before_session_id: int | None) -> list[LoggedSet]:
    newest = (
        select(SetRow.session_id)
        .join(SessionRow, SessionRow.id == SetRow.session_id)
        .where(SetRow.exercise_id == exercise_id)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(1)
    )
    if before_session_id is not None:
        newest = newest.where(SetRow.session_id != before_session_id)
    session_id = db.scalar(newest)
    if session_id is None:
        return []
    rows = db.scalars(
        select(SetRow)
        .where(SetRow.session_id == session_id, SetRow.exercise_id == exercise_id)
        .order_by(SetRow.set_number, SetRow.completed_at, SetRow.id)
    )
    return [logged_set(r) for r in rows]


@dataclass(frozen=True)
class SessionFilter:
    plan_id: str | None = None
    exercise_id: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    title: str | None = None  # an imported workout's title (sessions without a plan)

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.plan_id is not None:
            found.append(SessionRow.plan_id == self.plan_id)
        if self.title is not None:
            found.append(SessionRow.plan_id.is_(None))
            found.append(SessionRow.name == self.title)
        if self.since is not None:
            found.append(SessionRow.started_at >= self.since)
        if self.until is not None:
            found.append(SessionRow.started_at < self.until)
        if self.exercise_id is not None:
            found.append(
                exists().where(
                    SetRow.session_id == SessionRow.id, SetRow.exercise_id == self.exercise_id
                )
            )
        return found


def _not_warmup() -> ColumnElement[bool]:
    return SetRow.kind != "warmup"


def list_sessions(
    conn: Connection,
    where: SessionFilter,
    *,
    offset: int,
    limit: int,
    newest_first: bool,
    count_sets: bool = True,
) -> list[SessionSummary]:
    """`count_sets=False` leaves `sets_done` None: counting reads every set's row."""
    order = (
        (SessionRow.started_at.desc(), SessionRow.id.desc())
        if newest_first
        else (SessionRow.started_at, SessionRow.id)
    )
    page = (
        select(SessionRow)
        .where(*where.conditions())
        .order_by(*order)
        .limit(limit)
        .offset(offset)
        .subquery("page")
    )
    volume = func.coalesce(
        func.sum(case((_not_warmup(), SetRow.reps * SetRow.load_kg), else_=None)), 0.0
    )
    started = page.c.started_at.desc() if newest_first else page.c.started_at
    ident = page.c.id.desc() if newest_first else page.c.id
    query = (
        # Warm-ups are not volume (nor sets done: see _sets_done).
        select(page, volume.label("volume"))
        .outerjoin(SetRow, SetRow.session_id == page.c.id)
        .group_by(page.c.id)
        .order_by(started, ident)
    )
    rows = conn.execute(query).all()
    done = _sets_done(conn, [row.id for row in rows]) if count_sets else None
    summaries = []
    for row in rows:
        record = session_record(row)
        duration = (
            (record.ended_at - record.started_at).total_seconds()
            if record.ended_at is not None
            else None
        )
        summaries.append(
            SessionSummary(
                record,
                None if done is None else done.get(record.id, 0),
                float(row.volume),
                duration,
            )
        )
    return summaries


def session_titles(conn: Connection) -> list[tuple[str | None, str]]:
    """Each (plan id, name) the sessions have, newest first; a plan's latest name only."""
    query = (
        select(SessionRow.plan_id, SessionRow.name, func.max(SessionRow.started_at))
        .group_by(SessionRow.plan_id, SessionRow.name)
        .order_by(func.max(SessionRow.started_at).desc())
    )
    seen: set[str | None] = {None}  # a plan renamed since: its newest name stands for it
    found: list[tuple[str | None, str]] = []
    for plan_id, name, _at in conn.execute(query):
        if plan_id not in seen or plan_id is None:
            found.append((plan_id, name))
        seen.add(plan_id)
    return found


def _sets_done(conn: Connection, session_ids: Sequence[int]) -> dict[int, int]:
    """Sets done per session, counted by domain.set_count like the summary and the
    detail (so the three never disagree); only the four columns it needs, by index."""
    done: dict[int, int] = {}
    for at in range(0, len(session_ids), _IDS_PER_QUERY):
        query = (
            select(SetRow.session_id, SetRow.exercise_id, SetRow.set_number, SetRow.kind)
            .where(SetRow.session_id.in_(session_ids[at : at + _IDS_PER_QUERY]))
            .order_by(SetRow.session_id)
        )
        for sid, group in groupby(conn.execute(query), itemgetter(0)):
            done[sid] = sets_done_of(r[1:] for r in group)
    return done


_IDS_PER_QUERY = 500  # well under SQLite's limit on bound parameters


def count_sessions(conn: Connection, where: SessionFilter) -> int:
    query = select(func.count()).select_from(SessionRow).where(*where.conditions())
    return int(conn.execute(query).scalar_one())


def exercise_series(conn: Connection, exercise_id: str) -> list[ExercisePoint]:
    """One point per session that did the exercise (storage/exercise_rows.py)."""
    cursor = conn.connection.cursor()
    try:
        return exercise_rows.exercise_series(cursor, exercise_id)
    finally:
        cursor.close()


def record_figures(conn: Connection, exercise_id: str) -> list[SetFigures]:
    """The working sets that can hold a record (storage/exercise_rows.py)."""
    cursor = conn.connection.cursor()
    try:
        return exercise_rows.record_figures(cursor, exercise_id)
    finally:
        cursor.close()


def iter_export_rows(conn: Connection) -> Iterator[tuple[SessionRecord, LoggedSet | None]]:
    """Every session with each of its sets, oldest first (storage/export_rows.py): run on
    the transaction's own DBAPI cursor, so rows are plain tuples."""
    cursor = conn.connection.cursor()
    try:
        yield from export_rows.iter_rows(cursor)
    finally:
        cursor.close()


# --- user exercises ---------------------------------------------------------------------


def user_exercises(db: Session | Connection) -> list[tuple[str, str]]:
    # The id carries the stored name itself, so an export re-imports to the same exercise.
    names = db.execute(select(UserExerciseRow.name).order_by(UserExerciseRow.name)).scalars()
    return [(user_exercise_id(n), n) for n in names]


def find_user_exercise(db: Session | Connection, name: str) -> str | None:
    """The stored name matching `name` (case-insensitively), or None."""
    return db.execute(
        select(UserExerciseRow.name).where(UserExerciseRow.name == name)
    ).scalar_one_or_none()


def add_user_exercise(db: Session | Connection, name: str) -> None:
    db.execute(insert(UserExerciseRow).values(name=name))


# --- bulk import --------------------------------------------------------------------------


SessionKey = tuple[tuple[str, str, str], ...]  # the ways one session can be recognised


class SessionKeys:
    """What identifies the sessions already stored, to skip duplicates on import: the UTC
    start (to the microsecond) and name, and for imports of zone-less times the start as
    the file wrote it and name, so a re-import under another time zone still matches.
    Names are compared with runs of spaces collapsed, as every reader writes them."""

    def __init__(self) -> None:
        self._known: set[tuple[str, str, str]] = set()

    def __contains__(self, key: SessionKey) -> bool:
        return any(part in self._known for part in key)

    def add(self, key: SessionKey) -> None:
        self._known.update(key)


def _name_key(name: str) -> str:
    return " ".join(str(name).split())


def existing_session_keys(conn: Connection) -> SessionKeys:
    # The raw stored text, not a datetime: the key must match to the microsecond.
    query = select(
        type_coerce(SessionRow.started_at, String()), SessionRow.name, SessionRow.source_time
    )
    keys = SessionKeys()
    for started, name, source_time in conn.execute(query):
        keys.add(_key(str(started), str(name), source_time))
    return keys


def _key(started_text: str, name: str, source_time: str | None) -> SessionKey:
    utc = ("utc", started_text, _name_key(name))
    return (utc, ("file", source_time, _name_key(name))) if source_time else (utc,)


def session_key(started_at: datetime, name: str, source_time: str | None = None) -> SessionKey:
    return _key(to_utc_text(started_at), name, source_time)


def insert_sessions(conn: Connection, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert many sessions at once (insertmanyvalues); their new ids, in the same order."""
    if not rows:
        return []
    query = insert(SessionRow).returning(SessionRow.id, sort_by_parameter_order=True)
    return [int(row[0]) for row in conn.execute(query, list(rows))]


# The sets table's columns but its id, in table order: the shape of insert_set_rows' rows.
SET_COLUMNS = tuple(c.name for c in SetRow.__table__.c if c.name != "id")
_INSERT_SET_ROWS = (
    f"INSERT INTO sets ({', '.join(SET_COLUMNS)}) VALUES ({', '.join('?' * len(SET_COLUMNS))})"
)


def insert_set_rows(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Bulk insert for imports: tuples in SET_COLUMNS order, times already as stored text
    (to_utc_text). One DBAPI executemany: SQLAlchemy's per-row parameter processing was
    most of an import's write phase, which runs under the write lock."""
    if rows:
        conn.exec_driver_sql(_INSERT_SET_ROWS, list(rows))


def insert_back_answers(conn: Connection, rows: Sequence[tuple[int, str, int, datetime]]) -> None:
    """Imported "How is your back?" answers: (session id, exercise id, pain, asked at)."""
    if rows:
        conn.execute(
            insert(ExercisePainRow),
            [
                dict(zip(("session_id", "exercise_id", "pain", "asked_at"), r, strict=True))
                for r in rows
            ],
        )
