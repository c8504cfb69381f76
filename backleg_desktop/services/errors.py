"""Errors the services raise: each carries a message written for the person using Backleg.

The UI and the CLI show `str(error)` as it is, so messages say what happened and what to do,
and never contain a traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class BacklegError(Exception):
    """Base class: anything the UI or CLI should report to the user rather than crash on."""


class ValidationError(BacklegError):
    """A value outside what Backleg accepts; nothing was written."""

    def __init__(self, field: str, value: object, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


class NotFoundError(BacklegError):
    """A session or set id that is not (or no longer) in the history."""


class DataDirError(BacklegError):
    """The data folder is missing, read-only or otherwise unusable."""


class StorageError(BacklegError):
    """The database could not complete a change (busy, I/O error); nothing half-done was kept."""


class StorageFullError(StorageError):
    """The disk is full: the last change was not saved, everything saved before is intact."""


class IncompatibleDatabaseError(BacklegError):
    """The history file was written by a newer Backleg, or is not a Backleg history."""


class BackupError(BacklegError):
    """A backup could not be made or restored."""


class FolderInUseError(BacklegError):
    """Another Backleg (the window, an import) holds the data folder; nothing was moved."""


class ImportFormatError(BacklegError):
    """A file that cannot be imported: where, and why."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.reason}"
        return f"{self.path}, line {self.line}: {self.reason}"


class ImportCancelled(BacklegError):
    """The user cancelled an import; nothing was written."""


# --- turning SQLite failures into the errors above -----------------------------------------

_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


_NEARLY_FULL_BYTES = 1 << 20


def _disk_is_full(folder: Path) -> bool:
    # SQLite reports a full disk while it sizes its shared-memory file as an I/O error.
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def storage_error(
    error: BaseException, db_path: Path, *, opening: bool = False
) -> BacklegError | None:
    """The user-facing error for a failed database call, or None if it is not SQLite's.

    Accepts SQLAlchemy's wrapped errors (via `.orig`) as well as sqlite3's own. `opening`:
    the failure came while opening the history, so say that it was left as it was.
    """
    orig = getattr(error, "orig", None) or error
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    folder = db_path.parent
    if primary == _SQLITE_IOERR and _disk_is_full(folder):
        primary = _SQLITE_FULL
    if opening and primary not in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        return _open_error(primary, orig, db_path)
    if primary == _SQLITE_FULL:
        return StorageFullError(
            f"The disk holding {folder} is full, so the last change was not saved. "
            "Everything saved before it is safe. Free some space and try again."
        )
    if primary in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        return DataDirError(
            f"Backleg cannot write to its history file {db_path}. Check that the folder "
            f"{folder} exists and that you may write to it, or choose another folder with "
            "--data-dir or BACKLEG_DATA_DIR."
        )
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(
            "The history file is busy with another Backleg command; nothing was changed. "
            "Try again in a moment."
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return StorageError(
            f"The history file {db_path} is damaged; nothing was changed. Restart Backleg: "
            "it will set the damaged file aside and start a new history."
        )
    return StorageError(f"Backleg could not save to {db_path}: {orig}. Nothing was changed.")


def _open_error(primary: int | None, orig: sqlite3.Error, db_path: Path) -> BacklegError:
    left = "Your history was not moved or changed."
    if primary == _SQLITE_FULL:
        return StorageFullError(
            f"The disk holding {db_path.parent} is full, so Backleg could not open your "
            f"history {db_path}. {left} Free some space and start Backleg again."
        )
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(
            f"The history file {db_path} is busy with another program, so Backleg could not "
            f"open it. {left} Try again in a moment."
        )
    if primary == _SQLITE_IOERR:
        return StorageError(
            f"The disk could not read the history file {db_path} (an I/O error). {left} "
            "Check the disk, then start Backleg again."
        )
    return StorageError(f"Backleg could not open its history file {db_path} ({orig}). {left}")


def file_error(error: OSError, fallback: Path) -> DataDirError:
    """An OSError on a file in the data folder, as a sentence naming the file."""
    where = error.filename or fallback
    return DataDirError(
        f"Backleg cannot use {where} ({error.strerror or error}). Check the file and the "
        "folder's permissions, or choose another folder with --data-dir or BACKLEG_DATA_DIR."
    )


@contextmanager
def storage_errors(db_path: Path, *, opening: bool = False) -> Iterator[None]:
    """Re-raise SQLite failures as BacklegErrors with a message for the user.

    `opening`: also turn OSErrors (a folder in the file's place, a symlink loop, a file
    that may not be read) into DataDirErrors naming the file.
    """
    try:
        yield
    except BacklegError:
        raise
    except OSError as error:
        if not opening:
            raise
        raise file_error(error, db_path) from error
    except Exception as error:
        translated = storage_error(error, db_path, opening=opening)
        if translated is None:
            raise
        raise translated from error
