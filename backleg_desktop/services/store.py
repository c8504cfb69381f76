"""Open the history store: check the folder and the file, migrate, back up, and hand out services.

    with open_store(data_dir, library) as store:
        store.workouts.log_set(...)

Everything that can go wrong on the way in ends as a BacklegError with a message for the
user, or as a notice in `store.notices` when Backleg could carry on (a damaged file set
aside, a backup that could not be made).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine

from backleg_desktop.content.model import Library
from backleg_desktop.services import backups, pending_journal
from backleg_desktop.services.data_folder import hold_folder, prepare_data_dir
from backleg_desktop.services.errors import (
    BacklegError,
    DataDirError,
    FolderInUseError,
    IncompatibleDatabaseError,
    StorageError,
    storage_errors,
)
from backleg_desktop.services.health_check import HealthCheck
from backleg_desktop.services.user_plans import UserPlans
from backleg_desktop.services.workouts import WorkoutService, utc_now
from backleg_desktop.storage import schema, sqlite_files
from backleg_desktop.storage.engine import BUSY_TIMEOUT_MS, make_engine, writer
from backleg_desktop.storage.lock import FolderBusy, FolderLock
from backleg_desktop.storage.paths import database_path


@dataclass
class Store:
    data_dir: Path
    db_path: Path
    workouts: WorkoutService
    plans: UserPlans  # the user's own plans (services/user_plans.py)
    notices: list[str] = field(default_factory=list)
    _engine: Engine | None = field(default=None, repr=False)
    _lock: FolderLock | None = field(default=None, repr=False)

    @property
    def backups_dir(self) -> Path:
        return backups.backups_dir(self.data_dir)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._lock is not None:
            self._lock.release_shared()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    data_dir: Path,
    library: Library,
    *,
    make_daily_backup: bool = True,
    now: Callable[[], datetime] = utc_now,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    check: HealthCheck | None = None,
) -> Store:
    """Open (creating if needed) the history in `data_dir`. See the module docstring.

    `busy_timeout_ms`: how long each call may wait for another program's write lock.
    `check`: the file's health check, started earlier (services/first_rows.py) by a
    caller that held the data-folder lock shared since before it started, so no restore
    can have replaced the file since; without it the check runs here.

    The store holds the data-folder lock shared until it is closed, so no restore can
    replace the file underneath it; setting a damaged file aside or upgrading the schema
    takes the lock exclusive, and is refused while another Backleg holds the folder.
    """
    prepare_data_dir(data_dir)
    lock = hold_folder(data_dir)
    try:
        engine, notices = _open_database(data_dir, lock, now, busy_timeout_ms, check)
    except BaseException:
        lock.release_shared()
        raise
    db_path = database_path(data_dir)
    workouts = WorkoutService(engine, library, db_path=db_path, now=now)
    # Sets a killed window had queued go in before anything reads the history.
    notices.extend(pending_journal.replay(data_dir, workouts))
    store = Store(data_dir, db_path, workouts, workouts.plans, notices, engine, lock)
    if make_daily_backup:
        try:
            backups.make_daily_backup(data_dir, now().astimezone().date())
        except BacklegError as error:
            notices.append(str(error))
    return store


def _open_database(
    data_dir: Path,
    lock: FolderLock,
    now: Callable[[], datetime],
    busy_timeout_ms: int,
    check: HealthCheck | None,
) -> tuple[Engine, list[str]]:
    db_path = database_path(data_dir)
    stamp = now().astimezone().strftime("%Y%m%dT%H%M%S")
    notices: list[str] = []
    with storage_errors(db_path, opening=True):
        found = _checked(db_path, check)
        if found.state != "missing" and not os.access(db_path, os.W_OK):
            # SQLite would quietly open it read-only, and the first logged set would fail.
            raise DataDirError(
                f"Backleg cannot write to its history file {db_path} (it is read-only or "
                "immutable), so your workouts could not be saved. It was left as it is. "
                "Check its permissions and attributes (lsattr), or choose another folder "
                "with --data-dir or BACKLEG_DATA_DIR."
            )
        if found.state in ("corrupt", "foreign"):
            with _alone(lock, db_path, f"looks damaged ({found.detail})"):
                found = sqlite_files.probe(db_path)  # as it is now that we hold it alone
                if found.state in ("corrupt", "foreign"):
                    kept = backups.keep_last_good(data_dir, stamp)
                    aside = sqlite_files.move_aside(db_path, f"corrupt-{stamp}")
                    notices.append(_set_aside_notice(data_dir, aside, found.state, kept))
                    found = sqlite_files.Probe("missing")
        if found.state == "missing":
            with contextlib.suppress(FileExistsError):  # another process made it first
                sqlite_files.create_private_file(db_path)
        if found.state == "ok" and found.revision != schema.HEAD_REVISION:
            _refuse_newer(db_path, found.revision)  # before waiting for the lock
            with _alone(lock, db_path, f"needs an upgrade (schema {found.revision})"):
                _upgrade(db_path, found.revision, stamp)
        engine = make_engine(db_path, busy_timeout_ms=busy_timeout_ms)
        if found.state in ("missing", "empty"):
            schema.create_at_head(writer(engine))
        exposed = sqlite_files.secure(db_path)
    if exposed:
        notices.append(
            f"Backleg could not make {exposed[0]} private (only you may read it): its "
            "permissions cannot be changed. Check who owns the file and its attributes."
        )
    return engine, notices


def _checked(db_path: Path, check: HealthCheck | None) -> sqlite_files.Probe:
    """The early check's verdict when it found a healthy file; anything else (missing,
    empty, damaged, an error) is looked at again now, as it may have changed meanwhile
    (another process creating the file) and those probes cost nothing."""
    if check is not None and check.db_path == db_path:
        with contextlib.suppress(OSError, sqlite3.Error):
            found = check.result()
            if found.state == "ok":
                return found
    return sqlite_files.probe(db_path)


@contextlib.contextmanager
def _alone(lock: FolderLock, db_path: Path, why: str) -> Iterator[None]:
    try:
        with lock.exclusive():
            yield
    except FolderBusy as error:
        raise FolderInUseError(
            f"The history file {db_path} {why}, but another Backleg (the window or a "
            "command) is using it, so it was left as it is. Close the other Backleg, then "
            "try again."
        ) from error


def _refuse_newer(db_path: Path, revision: str | None) -> None:
    if revision not in schema.REVISIONS:
        raise IncompatibleDatabaseError(
            f"The history file {db_path} was written by a newer version of Backleg "
            f"(schema {revision}). Update Backleg to open it; the file has not been changed."
        )


def _upgrade(db_path: Path, revision: str | None, stamp: str) -> None:
    _refuse_newer(db_path, revision)
    # A copy of the file as it was, in case an upgrade ever goes wrong.
    copy = db_path.with_name(f"{db_path.name}.pre-{schema.HEAD_REVISION}-{stamp}")
    sqlite_files.copy_database(db_path, copy)
    try:
        schema.upgrade(db_path)
    except (BacklegError, OSError, sqlite3.Error):
        raise  # reported as what they are by storage_errors
    except Exception as error:
        # Alembic's own errors (a migration missing from a broken install, say): the
        # upgrade is one transaction, so the file is as it was.
        raise StorageError(
            f"Backleg could not upgrade its history file {db_path} to this version "
            f"({type(error).__name__}: {error}). The file was left as it was, and a copy "
            f"from before the attempt is {copy}. Reinstalling Backleg usually fixes this."
        ) from error


def _set_aside_notice(data_dir: Path, aside: Path, state: str, kept: Path | None) -> str:
    why = "is damaged" if state == "corrupt" else "is not a Backleg history"
    text = (
        f"Backleg's history file {why}, so it was moved, unchanged, to {aside} and a new, "
        "empty history was started."
    )
    saved = backups.list_backups(data_dir)
    if kept is not None:
        text += f" The last good backup is {kept}; it is kept, and you can restore it."
    elif saved:
        text += (
            f" The most recent backup, from {saved[0].day.isoformat()}, is {saved[0].path}; "
            "you can restore it."
        )
    return text
