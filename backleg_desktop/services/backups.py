"""Daily backups of backleg.sqlite3 and restoring one.

Copies are made with SQLite's online backup API, so they are consistent even while the
app is writing. One copy per day, named by date, in <data dir>/backups/. Kept: the newest
7, the newest of each of the 4 weeks before them, and, for every file ever set aside as
damaged, the last good backup taken before it (`keep_last_good`: a bad week of daily
copies of a new, empty history never pushes it out).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from backleg_desktop.services.errors import (
    BackupError,
    FolderInUseError,
    StorageError,
    StorageFullError,
    file_error,
    storage_errors,
)
from backleg_desktop.storage import sqlite_files
from backleg_desktop.storage.lock import FolderBusy, folder_lock
from backleg_desktop.storage.paths import database_path, ensure_private_dir
from backleg_desktop.storage.revisions import REVISIONS

BACKUPS_DIRNAME = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_NAME = re.compile(r"^backleg-(\d{4})-(\d{2})-(\d{2})(\.kept-[0-9T]+(?:-\d+)?)?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date
    size_bytes: int
    kept: bool = False  # the last good copy before a file was set aside: never pruned


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
            try:
                day = date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:  # backleg-2026-13-45.sqlite3: not one of ours
                continue
            found.append(BackupInfo(path, day, path.stat().st_size, kept=bool(match[4])))
    return sorted(found, key=lambda b: (b.day, not b.kept), reverse=True)


def make_daily_backup(
    data_dir: Path, today: date, *, keep: int = KEEP_DAILY, replace: bool = False
) -> Path | None:
    """Copy the database to backups/backleg-<today>.sqlite3 unless today's copy exists
    (`replace`: Back up now, which brings today's copy up to date; the copy is written
    aside and renamed, so a failure keeps the old one).

    Returns the new copy, or None when there was nothing to do.
    """
    db_path = database_path(data_dir)
    if not db_path.exists():
        return None
    folder = backups_dir(data_dir)
    dest = folder / backup_name(today)
    if dest.exists() and not replace:
        return None
    try:
        folder.mkdir(mode=sqlite_files.DIR_MODE, exist_ok=True)
        with storage_errors(db_path):
            sqlite_files.copy_database(db_path, dest)
    except OSError as error:
        raise BackupError(
            f"Today's backup could not be written to {folder}: {error.strerror or error}. "
            "Your history itself is unchanged."
        ) from error
    except StorageError as error:
        why = "the disk is full" if isinstance(error, StorageFullError) else "the copy failed"
        raise BackupError(
            f"Today's backup could not be written to {folder}: {why}. "
            "Your history itself is unchanged."
        ) from error
    prune_backups(data_dir, keep)
    return dest


def prune_backups(
    data_dir: Path, keep: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> list[Path]:
    """Delete daily backups beyond the newest `keep` and the newest of each of the
    `keep_weekly` weeks before them; kept copies stay. Returns what was deleted."""
    daily = [b for b in list_backups(data_dir) if not b.kept]
    weeks: set[tuple[int, int]] = set()
    removed = []
    for old in daily[keep:]:
        week = old.day.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)  # the newest copy of that week
            continue
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def keep_last_good(data_dir: Path, stamp: str) -> Path | None:
    """Before a file is set aside: keep the newest sound backup out of the rotation.

    A hard link (a copy where links are not possible) named `backleg-<day>.kept-<stamp>`;
    returns it, or None when there is no sound backup.
    """
    for info in list_backups(data_dir):
        if info.kept:
            continue
        try:
            checked = sqlite_files.probe(info.path)
        except (sqlite3.Error, OSError):
            continue
        if checked.state != "ok":
            continue
        base = f"backleg-{info.day.isoformat()}.kept-{stamp}"
        kept, n = info.path.with_name(f"{base}.sqlite3"), 1
        while os.path.lexists(kept):
            n += 1
            kept = info.path.with_name(f"{base}-{n}.sqlite3")
        try:
            os.link(info.path, kept)
        except OSError:
            try:
                shutil.copy2(info.path, kept)
            except OSError:
                return None
        return kept
    return None


def restore_backup(
    data_dir: Path, backup_path: Path, *, now: datetime | None = None
) -> Path | None:
    """Replace the live database with a backup; returns where the replaced file was kept.

    Refused (FolderInUseError) while any Backleg holds the data folder: the window, an
    import or an export. The backup is checked before anything changes; the current
    database is copied aside (`backleg.sqlite3.before-restore-<time>`), then the backup is
    written into the live file in one SQLite transaction, so a crash part way leaves the
    old history in place. An older backup is brought up to date when the store next opens.
    """
    db_path = database_path(data_dir)
    if os.path.realpath(backup_path) == os.path.realpath(db_path):
        raise BackupError(
            f"{backup_path} is the history itself, not a backup; give one of the files "
            "`backleg backups` lists."
        )
    _check_backup(backup_path)
    stamp = (now or datetime.now()).astimezone().strftime("%Y%m%dT%H%M%S")
    try:
        ensure_private_dir(data_dir)
        with folder_lock(data_dir).exclusive():
            kept = _replace_live(db_path, backup_path, stamp)
    except FolderBusy as error:
        raise FolderInUseError(
            f"Backleg is using {data_dir} (the window is open, or an import or export is "
            "running): close it, then restore again. Nothing was changed."
        ) from error
    except StorageFullError as error:
        raise StorageFullError(
            f"The disk holding {data_dir} is full, so {backup_path} was not restored. Your "
            "history is as it was. Free some space and try again."
        ) from error
    except OSError as error:
        raise file_error(error, db_path) from error
    return kept


def _check_backup(backup_path: Path) -> None:
    def refuse(reason: str) -> BackupError:
        return BackupError(f"{backup_path} is not a usable Backleg backup: {reason}.")

    if backup_path.is_dir():
        raise refuse("it is a folder; give one of the files `backleg backups` lists")
    if not backup_path.exists():
        raise refuse("there is no such file")
    if not backup_path.is_file():
        raise refuse("it is not a regular file")
    try:
        checked = sqlite_files.probe(backup_path)
    except (sqlite3.Error, OSError) as error:
        raise refuse(f"it cannot be read ({getattr(error, 'strerror', None) or error})") from error
    if checked.state == "empty":
        raise refuse("it is empty")
    if checked.state == "missing":
        raise refuse("there is no such file")
    if checked.state == "corrupt":
        raise refuse(_export_instead(backup_path) or f"it is damaged ({checked.detail})")
    if checked.state == "foreign":
        raise refuse(checked.detail or "it is not a Backleg history")
    if checked.revision not in REVISIONS:
        raise refuse(
            f"it was written by a newer version of Backleg (schema {checked.revision}); "
            "update Backleg to restore it"
        )


def _export_instead(path: Path) -> str | None:
    """A CSV or JSON export given to restore was called damaged: say what it is."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
        text = start.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if text.startswith("{"):
        kind = "a JSON export"
    elif "," in text.partition("\n")[0] or ";" in text.partition("\n")[0]:
        kind = "a CSV file"
    else:
        return None
    return f"it is {kind}, not a database backup; bring it in with `backleg import {path}`"


def _replace_live(db_path: Path, backup_path: Path, stamp: str) -> Path | None:
    kept: Path | None = None
    with storage_errors(db_path):
        live = sqlite_files.probe(db_path)
        if live.state == "ok":
            kept = _free_name(db_path, f"before-restore-{stamp}")
            sqlite_files.copy_database(db_path, kept)
            try:
                sqlite_files.copy_into(backup_path, db_path)
            except sqlite3.Error:
                # SQLite's own failure rolls its one transaction back: the history is as it
                # was, so its copy is not needed, and on a full disk it would hold the
                # little room left. (Not on Ctrl+C: that may come after the commit.)
                with contextlib.suppress(OSError):
                    kept.unlink()
                raise
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
