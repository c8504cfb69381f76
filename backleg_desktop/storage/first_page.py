"""History's first rows through the plain sqlite3 module, before SQLAlchemy is loaded.

Start-up shows these while the store (SQLAlchemy, a quarter of a second to import) opens
behind them; the queries give exactly what repository.list_sessions and count_sessions
give for the unfiltered list (tests/storage/test_first_page.py compares the two).
Reading only: nothing here writes, and it is only used on a file whose check passed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from backleg_desktop.domain.history import SessionSummary
from backleg_desktop.domain.set_count import NOT_DONE_KINDS
from backleg_desktop.storage import sqlite_files
from backleg_desktop.storage.export_rows import SESSION_COLUMNS, session_record

_SESSION_COLUMNS = ", ".join(SESSION_COLUMNS)
_PAGE_COLUMNS = ", ".join(f"p.{c}" for c in SESSION_COLUMNS)
_PAGE = """
SELECT {page_columns},
       count(DISTINCT CASE WHEN s.kind NOT IN ({not_done})
                           THEN s.exercise_id || ':' || s.set_number END),
       coalesce(sum(CASE WHEN s.kind != 'warmup' THEN s.reps * s.load_kg END), 0.0)
FROM (SELECT {columns} FROM sessions ORDER BY started_at {order}, id {order}
      LIMIT ? OFFSET ?) AS p
LEFT OUTER JOIN sets AS s ON s.session_id = p.id
GROUP BY p.id
ORDER BY p.started_at {order}, p.id {order}
"""
# Sets done as domain/set_count.py counts them: distinct (exercise, set number), warm-ups
# left out. The set number is an integer, so "<exercise id>:<number>" is one pair's key.
_NOT_DONE = ", ".join(f"'{kind}'" for kind in sorted(NOT_DONE_KINDS))
_NEWEST_FIRST = _PAGE.format(
    columns=_SESSION_COLUMNS, page_columns=_PAGE_COLUMNS, order="DESC", not_done=_NOT_DONE
)
_OLDEST_FIRST = _PAGE.format(
    columns=_SESSION_COLUMNS, page_columns=_PAGE_COLUMNS, order="ASC", not_done=_NOT_DONE
)


def connect(db_path: Path) -> sqlite3.Connection:
    """A reading connection (mode=rw never creates the file; nothing is written)."""
    return sqlite_files.connect(db_path)


def count_sessions(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


def list_sessions(
    conn: sqlite3.Connection, *, offset: int, limit: int, newest_first: bool
) -> list[SessionSummary]:
    query = _NEWEST_FIRST if newest_first else _OLDEST_FIRST
    summaries = []
    for row in conn.execute(query, (limit, offset)):
        record = session_record(row)
        sets_done, volume = row[len(SESSION_COLUMNS) :]
        ended = record.ended_at
        duration = None if ended is None else (ended - record.started_at).total_seconds()
        summaries.append(SessionSummary(record, sets_done, float(volume), duration))
    return summaries
