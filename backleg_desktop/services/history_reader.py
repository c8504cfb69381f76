"""The history read through plain sqlite3, for `backleg export`: no SQLAlchemy to import,
which was a quarter of the command's time.

    reader = open_reader(data_dir)
    if reader is None:            # open_store has something to do or to say first
        ...open_store as before...
    with reader:
        export_history(reader, library, path)

It is used only when opening the store would change nothing and report nothing: a
healthy file at this version's schema, writable and private, with no journal of sets
waiting to go in. Every other case (a new folder, a damaged, old or newer file, a
read-only one, a leftover journal, any error on the way) gets None, and open_store
handles it exactly as before.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.services import pending_journal
from backleg_desktop.services.data_folder import hold_folder, prepare_data_dir
from backleg_desktop.services.errors import BacklegError, DataDirError, storage_errors
from backleg_desktop.storage import export_rows, sqlite_files
from backleg_desktop.storage.lock import FolderLock
from backleg_desktop.storage.paths import database_path
from backleg_desktop.storage.revisions import HEAD_REVISION


class HistoryReader:
    """What an export reads (services/history_export.py ExportSource), from the file."""

    def __init__(self, db_path: Path, conn: sqlite3.Connection, lock: FolderLock | None) -> None:
        self.db_path = db_path
        self._conn: sqlite3.Connection | None = conn
        self._lock: FolderLock | None = lock

    def user_exercises(self) -> list[tuple[str, str]]:
        with storage_errors(self.db_path):
            return export_rows.user_exercises(self._open().cursor())

    def iter_export_rows(self) -> Iterator[tuple[SessionRecord, LoggedSet | None]]:
        """Streams, like WorkoutService.iter_export_rows: one statement, one snapshot."""
        with storage_errors(self.db_path):
            cursor = self._open().cursor()
            try:
                yield from export_rows.iter_rows(cursor)
            finally:
                # A writer that failed (a full disk) leaves this generator to be closed
                # after the reader, whose connection took the cursor with it.
                with contextlib.suppress(sqlite3.ProgrammingError):
                    cursor.close()

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the history reader is closed")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._lock is not None:
            self._lock.release_shared()
            self._lock = None

    def __enter__(self) -> HistoryReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_reader(data_dir: Path) -> HistoryReader | None:
    """The history for reading, or None when open_store has to deal with it first (see
    the module docstring). Holds the data-folder lock shared until closed, as a store does."""
    db_path = database_path(data_dir)
    if not db_path.is_file() or pending_journal.journal_files(data_dir):
        return None
    try:
        prepare_data_dir(data_dir)
        lock = hold_folder(data_dir)
    except BacklegError:
        return None  # open_store says why
    try:
        conn = _healthy(db_path)
    except (OSError, sqlite3.Error):
        conn = None  # open_store probes again and reports it
    if conn is None:
        lock.release_shared()
        return None
    return HistoryReader(db_path, conn, lock)


def _healthy(db_path: Path) -> sqlite3.Connection | None:
    """A connection to `db_path` if the store would open it as it is; else None."""
    found = sqlite_files.probe(db_path)  # the same health check open_store makes
    if found.state != "ok" or found.revision != HEAD_REVISION:
        return None
    if not os.access(db_path, os.W_OK) or sqlite_files.secure(db_path):
        return None  # open_store refuses it, or has a notice to give
    conn = sqlite_files.connect(db_path)
    try:
        (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
    except BaseException:
        conn.close()
        raise
    if str(mode).lower() != "wal":
        conn.close()
        return None  # open_store would switch it to WAL first
    return conn


def open_frozen_reader(data_dir: Path) -> HistoryReader | None:
    """The history on a read-only disk (an old disk mounted to rescue it), which
    `prepare_data_dir` refuses as a place to save workouts; None on a writable disk.

    Nothing can write there, so no lock is needed (none can be taken) and SQLite reads the
    file as immutable, without the WAL index it could not create. Sets still in a WAL or
    a journal beside it would be left out of the export, so those are refused instead.
    """
    db_path = database_path(data_dir)
    if not db_path.is_file() or not on_read_only_disk(data_dir):
        return None
    waiting = [p for p in (Path(f"{db_path}-wal"),) if p.is_file() and p.stat().st_size > 0]
    waiting += pending_journal.journal_files(data_dir)
    if waiting:
        raise DataDirError(
            f"Backleg's data folder {data_dir} is on a read-only disk, and {waiting[0]} holds "
            "sets not yet merged into the history, which only a writable disk allows. Copy "
            "the whole folder to a writable disk and export from there (--data-dir COPY)."
        )
    uri = f"{Path(os.path.abspath(db_path)).as_uri()}?mode=ro&immutable=1"
    with storage_errors(db_path, opening=True):
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except BaseException:
            conn.close()
            raise
    if row is None or row[0] != HEAD_REVISION:
        conn.close()
        return None  # open_store says why (an older schema cannot be upgraded there)
    return HistoryReader(db_path, conn, None)


def on_read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): not known to be read-only
        return False
