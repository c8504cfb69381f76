"""Start-up without waiting for SQLAlchemy: History's first rows, read with the plain
sqlite3 module once the file's health check (services/health_check.py) has passed.

    check = HealthCheck.start(data_dir)   # right after the folder lock is held
    rows = FirstRows.open(check)          # None unless the file is healthy and current
    store = open_store(data_dir, library, check=check)   # uses the same check

The check (PRAGMA quick_check, ~70 ms on ten years) runs in SQLite's C code, which lets
go of the GIL, so it overlaps the first frame and the content load instead of following
them. Issue 10's rule holds: nothing reads rows from, or writes to, a file before the
check passed; a damaged file still goes to open_store, which sets it aside and says so.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Protocol

from backleg_desktop.domain.history import SessionSummary
from backleg_desktop.services.health_check import HealthCheck
from backleg_desktop.storage import first_page
from backleg_desktop.storage.revisions import HEAD_REVISION

__all__ = ["FirstRows", "HealthCheck", "SessionPages"]


class SessionPages(Protocol):
    """What History's sessions table reads: WorkoutService, or FirstRows before it."""

    def count_sessions(
        self,
        *,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        title: str | None = None,
    ) -> int: ...

    def list_sessions(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        newest_first: bool = True,
        title: str | None = None,
    ) -> list[SessionSummary]: ...


class FirstRows:
    """History's unfiltered sessions list, newest or oldest first, read through plain
    sqlite3; the page shows it, not yet editable, until the store is open."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn: sqlite3.Connection | None = conn

    @classmethod
    def open(cls, check: HealthCheck) -> FirstRows | None:
        """None when the file is not a healthy history at the current schema (missing,
        damaged, to be upgraded, unreadable): open_store deals with those."""
        try:
            found = check.result()
        except (OSError, sqlite3.Error):
            return None
        if found.state != "ok" or found.revision != HEAD_REVISION:
            return None
        try:
            return cls(first_page.connect(check.db_path))
        except sqlite3.Error:
            return None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def count_sessions(
        self,
        *,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        title: str | None = None,
    ) -> int:
        _unfiltered(plan_id, exercise_id, since, until, title)
        if self._conn is None:
            return 0
        try:
            return first_page.count_sessions(self._conn)
        except sqlite3.Error:
            return 0  # a busy or failing read: the store, opening next, will say why

    def list_sessions(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        newest_first: bool = True,
        title: str | None = None,
    ) -> list[SessionSummary]:
        _unfiltered(plan_id, exercise_id, since, until, title)
        if self._conn is None:
            return []
        try:
            return first_page.list_sessions(
                self._conn, offset=offset, limit=limit, newest_first=newest_first
            )
        except sqlite3.Error:
            return []


def _unfiltered(*filters: object) -> None:
    # History's filters stay disabled until the store is open.
    if any(f is not None for f in filters):
        raise ValueError("FirstRows reads the unfiltered list only")
