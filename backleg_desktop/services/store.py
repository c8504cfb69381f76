"""Open the history store: check the folder and the file, migrate, back up, and hand out services.

    with open_store(data_dir, library) as store:
        store.workouts.log_set(...)

Everything that can go wrong on the way in ends as a BacklegError with a message for the
user, or as a notice in `store.notices` when Backleg could carry on (a damaged file set
aside, a backup that could not be made).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine

from backleg_desktop.content.model import Library
from backleg_desktop.services import backups
from backleg_desktop.services.errors import (
    BacklegError,
    DataDirError,
    IncompatibleDatabaseError,
    storage_errors,
)
from backleg_desktop.services.workouts import WorkoutService, utc_now
from backleg_desktop.storage import schema, sqlite_files
from backleg_desktop.storage.engine import BUSY_TIMEOUT_MS, make_engine
from backleg_desktop.storage.paths import database_path


@dataclass
class Store:
    data_dir: Path
    db_path: Path
    workouts: WorkoutService
    notices: list[str] = field(default_factory=list)
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def backups_dir(self) -> Path:
        return backups.backups_dir(self.data_dir)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

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
) -> Store:
    """Open (creating if needed) the history in `data_dir`. See the module docstring.

    busy_timeout_ms: how long each call may wait for another program's write lock."""
    prepare_data_dir(data_dir)
    db_path = database_path(data_dir)
    stamp = now().astimezone().strftime("%Y%m%dT%H%M%S")
    notices: list[str] = []
    with storage_errors(db_path):
        try:
            found = sqlite_files.probe(db_path)
        except sqlite3.OperationalError as error:
            raise DataDirError(
                f"Backleg cannot open its history file {db_path} ({error}). Check that you may "
                "read and write it, or choose another folder with --data-dir or "
                "BACKLEG_DATA_DIR."
            ) from error
        if found.state in ("corrupt", "foreign"):
            aside = sqlite_files.move_aside(db_path, f"corrupt-{stamp}")
            notices.append(_set_aside_notice(data_dir, aside, found.state))
            found = sqlite_files.Probe("missing")
        if found.state == "missing":
            sqlite_files.create_private_file(db_path)
        if found.state == "ok" and found.revision != schema.HEAD_REVISION:
            _upgrade(db_path, found.revision, stamp)
        engine = make_engine(db_path, busy_timeout_ms=busy_timeout_ms)
        if found.state in ("missing", "empty"):
            schema.create_at_head(engine)
        sqlite_files.secure(db_path)
    workouts = WorkoutService(engine, library, db_path=db_path, now=now)
    store = Store(data_dir, db_path, workouts, notices, engine)
    if make_daily_backup:
        try:
            backups.make_daily_backup(data_dir, now().astimezone().date())
        except BacklegError as error:
            notices.append(str(error))
    return store


def prepare_data_dir(data_dir: Path) -> None:
    """Create the folder (0700: health data) if needed; DataDirError if it is unusable."""
    how_to = "Choose another folder with --data-dir or BACKLEG_DATA_DIR."
    if data_dir.exists() and not data_dir.is_dir():
        raise DataDirError(f"Backleg's data folder {data_dir} is a file, not a folder. {how_to}")
    if not data_dir.exists():
        try:
            data_dir.mkdir(mode=sqlite_files.DIR_MODE, parents=True)
            os.chmod(data_dir, sqlite_files.DIR_MODE)  # mkdir's mode is cut by the umask
        except OSError as error:
            raise DataDirError(
                f"Backleg could not create its data folder {data_dir} "
                f"({error.strerror or error}). {how_to}"
            ) from error
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(
            f"Backleg's data folder {data_dir} is read-only, so your workouts could not be "
            f"saved. Make it writable, or {how_to[0].lower()}{how_to[1:]}"
        )


def _upgrade(db_path: Path, revision: str | None, stamp: str) -> None:
    if revision not in schema.REVISIONS:
        raise IncompatibleDatabaseError(
            f"The history file {db_path} was written by a newer version of Backleg "
            f"(schema {revision}). Update Backleg to open it; the file has not been changed."
        )
    # A copy of the file as it was, in case an upgrade ever goes wrong.
    sqlite_files.copy_database(
        db_path, db_path.with_name(f"{db_path.name}.pre-{schema.HEAD_REVISION}-{stamp}")
    )
    schema.upgrade(db_path)


def _set_aside_notice(data_dir: Path, aside: Path, state: str) -> str:
    why = "is damaged" if state == "corrupt" else "is not a Backleg history"
    text = (
        f"Backleg's history file {why}, so it was moved, unchanged, to {aside} and a new, "
        "empty history was started."
    )
    saved = backups.list_backups(data_dir)
    if saved:
        text += (
            f" The most recent backup, from {saved[0].day.isoformat()}, is {saved[0].path}; "
            "you can restore it."
        )
    return text
