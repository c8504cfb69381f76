"""Noticing that another connection changed the history file (a CLI import, a restore).

SQLite's `PRAGMA data_version` changes, on one connection, whenever another connection
commits; this module keeps its own read-only connection for that question, so it never
mistakes the window's pooled connections for a change. A file replaced under it (a
restore swaps the file) is noticed by its inode.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from backleg_desktop.storage.sqlite_files import sqlite_uri


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


class DataVersionWatch:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._conn: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._version: int | None = None
        self.seen()

    def _read(self) -> int | None:
        identity = _identity(self.db_path)
        if identity != self._identity:
            self.close()
            self._identity = identity
        try:
            if self._conn is None:
                if identity is None:
                    return None
                self._conn = sqlite3.connect(
                    sqlite_uri(self.db_path, "ro"), uri=True, check_same_thread=False
                )
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            self.close()
            return None
        return int(row[0])

    def changed(self) -> bool:
        """Whether the file changed since the last call (or `seen`), by another connection
        or by being replaced. A file that cannot be read counts as unchanged."""
        before_identity, before = self._identity, self._version
        now = self._read()
        if now is None:
            return False
        self._version = now
        # A new connection's version says nothing about the old one's: a replaced file is
        # a change in itself.
        return self._identity != before_identity or (before is not None and now != before)

    def seen(self) -> None:
        """Take the file as it is now as known (after the window's own changes)."""
        self._version = self._read()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
