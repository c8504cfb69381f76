"""The export's rows through a plain DBAPI (sqlite3) cursor: every session with each of
its sets, oldest first, as (SessionRecord, LoggedSet | None).

One query for both readers: the store's service runs it on its own connection
(repository.iter_export_rows) and `backleg export` on a plain sqlite3 connection, so the
command reads the history without importing SQLAlchemy (services/history_reader.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import Any

from backleg_desktop.domain.history import LoggedSet, SessionRecord, user_exercise_id
from backleg_desktop.storage.utc_text import from_utc_text

# The tables' columns are the records' fields, in order (tests/storage checks both).
SESSION_COLUMNS = tuple(f.name for f in fields(SessionRecord))
SET_COLUMNS = tuple(f.name for f in fields(LoggedSet))
# The columns stored as UTC text (storage/types.py UTCDateTime).
SESSION_TIMES = ("started_at", "ended_at")
SET_TIMES = ("completed_at",)

EXPORT_SQL = (
    "SELECT "
    + ", ".join([*(f"s.{c}" for c in SESSION_COLUMNS), *(f"x.{c}" for c in SET_COLUMNS)])
    + " FROM sessions AS s LEFT OUTER JOIN sets AS x ON x.session_id = s.id"
    " ORDER BY s.started_at, s.id, x.completed_at, x.id"
)
USER_EXERCISES_SQL = "SELECT name FROM user_exercises ORDER BY name"

_WIDTH = len(SESSION_COLUMNS)
_SESSION_AT = [SESSION_COLUMNS.index(c) for c in SESSION_TIMES]
_DONE_AT = SET_COLUMNS.index("completed_at")


def iter_rows(
    cursor: sqlite3.Cursor | Any,
) -> Iterator[tuple[SessionRecord, LoggedSet | None]]:
    """Run the export query on `cursor` and yield its rows; a session without sets comes
    once, with None. The cursor steps through the result, so memory stays flat."""
    cursor.execute(EXPORT_SQL)
    current: SessionRecord | None = None
    for row in cursor:
        if current is None or current.id != row[0]:
            # A session's columns repeat on each of its rows: made into a record once.
            current = session_record(row)
        if row[_WIDTH] is None:
            yield current, None
            continue
        cells = list(row[_WIDTH:])
        cells[_DONE_AT] = from_utc_text(cells[_DONE_AT])
        yield current, LoggedSet(*cells)


def session_record(row: Sequence[Any]) -> SessionRecord:
    """A row that starts with SESSION_COLUMNS (times as UTC text) as a SessionRecord."""
    cells = list(row[:_WIDTH])
    for i in _SESSION_AT:
        if cells[i] is not None:
            cells[i] = from_utc_text(cells[i])
    return SessionRecord(*cells)


def user_exercises(cursor: sqlite3.Cursor | Any) -> list[tuple[str, str]]:
    """(id, name) of the user's own exercises, by name (the column's NOCASE order)."""
    # The id carries the stored name itself, so an export re-imports to the same exercise.
    return [(user_exercise_id(n), n) for (n,) in cursor.execute(USER_EXERCISES_SQL)]
