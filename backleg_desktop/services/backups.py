"""Daily backups of backleg.sqlite3 and restoring one.

Copies are made with SQLite's online backup API, so they are consistent even while the
app is writing. One copy per day, named by date, the newest 7 kept, in <data dir>/backups/.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from backleg_desktop.services.errors import BackupError, storage_errors
from backleg_desktop.storage import sqlite_files
from backleg_desktop.storage.paths import database_path
from backleg_desktop.storage.schema import REVISIONS

BACKUPS_DIRNAME = "backups"
KEEP_DAILY = 7
_NAME = re.compile(r"^backleg-(\d{4})-(\d{2})-(\d{2})\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date
    size_bytes: int


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIRNAME


def backup_name(day: date) -> str:
    return f"backleg-{day.isoformat()}.sqlite3"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Daily backups, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            day = date(int(match[1]), int(match[2]), int(match[3]))
            found.append(BackupInfo(path, day, path.stat().st_size))
    return sorted(found, key=lambda b: b.day, reverse=True)


def make_daily_backup(data_dir: Path, today: date, *, keep: int = KEEP_DAILY) -> Path | None:
    """Copy the database to backups/backleg-<today>.sqlite3 unless today's copy exists.

    Returns the new copy, or None when there was nothing to do.
    """
    db_path = database_path(data_dir)
    if not db_path.exists():
        return None
    folder = backups_dir(data_dir)
    dest = folder / backup_name(today)
    if dest.exists():
        return None
    try:
        folder.mkdir(mode=sqlite_files.DIR_MODE, exist_ok=True)
        with storage_errors(db_path):
            sqlite_files.copy_database(db_path, dest)
    except OSError as error:
        raise BackupError(f"Today's backup could not be written to {folder}: {error}") from error
    prune_backups(data_dir, keep)
    return dest


def prune_backups(data_dir: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete all but the newest `keep` daily backups; returns what was deleted."""
    removed = []
    for old in list_backups(data_dir)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def restore_backup(
    data_dir: Path, backup_path: Path, *, now: datetime | None = None
) -> Path | None:
    """Replace the live database with a backup; returns where the replaced file was kept.

    Close the Store first. The backup is checked before anything changes; the current
    database is copied aside (`backleg.sqlite3.before-restore-<time>`), then the backup is
    written into the live file in one SQLite transaction, so a crash part way leaves the
    old history in place. An older backup is brought up to date when the store next opens.
    """
    db_path = database_path(data_dir)
    checked = sqlite_files.probe(backup_path)
    if checked.state != "ok" or checked.revision not in REVISIONS:
        reason = checked.detail or checked.state
        raise BackupError(f"{backup_path} is not a usable Backleg backup ({reason}).")
    stamp = (now or datetime.now()).astimezone().strftime("%Y%m%dT%H%M%S")
    kept: Path | None = None
    with storage_errors(db_path):
        live = sqlite_files.probe(db_path)
        if live.state == "ok":
            kept = _free_name(db_path, f"before-restore-{stamp}")
            sqlite_files.copy_database(db_path, kept)
            sqlite_files.copy_into(backup_path, db_path)
        else:
            if live.state != "missing":
                kept = sqlite_files.move_aside(db_path, f"before-restore-{stamp}")
            sqlite_files.copy_database(backup_path, db_path)
    sqlite_files.secure(db_path)
    return kept


def _free_name(db_path: Path, suffix: str) -> Path:
    candidate = db_path.with_name(f"{db_path.name}.{suffix}")
    n = 1
    while candidate.exists() or os.path.lexists(candidate):
        n += 1
        candidate = db_path.with_name(f"{db_path.name}.{suffix}-{n}")
    return candidate
