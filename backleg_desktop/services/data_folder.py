"""The data folder before the history is opened: created private, checked writable, and
held shared. No SQLAlchemy here: the store (services/store.py) and the plain reader
(services/history_reader.py) both start this way."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from backleg_desktop.services.errors import DataDirError, FolderInUseError, file_error
from backleg_desktop.storage.lock import LOCK_FILENAME, FolderBusy, FolderLock, folder_lock
from backleg_desktop.storage.paths import NotAFolderError, ensure_private_dir

_HOW_TO = "Choose another folder with --data-dir or BACKLEG_DATA_DIR."


def prepare_data_dir(data_dir: Path) -> None:
    """Create the folder (0700: health data) if needed; DataDirError if it is unusable."""
    try:
        ensure_private_dir(data_dir)
    except OSError as error:
        raise _unusable(data_dir, error, "create") from error
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(
            f"Backleg's data folder {data_dir} is read-only, so your workouts could not be "
            f"saved. Make it writable, or {_HOW_TO[0].lower()}{_HOW_TO[1:]}"
        )


def hold_folder(data_dir: Path) -> FolderLock:
    """The data-folder lock, taken shared; a FolderInUseError while a restore runs."""
    lock = folder_lock(data_dir)
    try:
        lock.acquire_shared()
    except FolderBusy as error:
        raise FolderInUseError(
            f"Another Backleg is replacing the history in {data_dir} right now (a restore, "
            "or setting a damaged file aside). Try again when it has finished."
        ) from error
    except OSError as error:
        raise file_error(error, data_dir / LOCK_FILENAME) from error
    return lock


def check_data_dir(data_dir: Path) -> None:
    """For a command that only looks (`backleg backups`): a missing folder simply holds
    nothing yet, but a file or a symbolic link loop in its place is said as
    `prepare_data_dir` says it, not "No backups yet in <file>/backups"."""
    try:
        if not stat.S_ISDIR(os.stat(data_dir).st_mode):
            raise NotAFolderError(errno.ENOTDIR, "it is a file, not a folder", str(data_dir))
    except FileNotFoundError:
        return
    except OSError as error:
        raise _unusable(data_dir, error, "open") from error


def _unusable(data_dir: Path, error: OSError, doing: str) -> DataDirError:
    if isinstance(error, NotAFolderError):
        return DataDirError(f"Backleg's data folder {data_dir} is a file, not a folder. {_HOW_TO}")
    if error.errno == errno.ELOOP:
        return DataDirError(
            f"Backleg's data folder {data_dir} is a symbolic link that leads back to "
            f"itself (a loop), so it cannot be opened. {_HOW_TO}"
        )
    return DataDirError(
        f"Backleg could not {doing} its data folder {data_dir} ({error.strerror or error}). "
        f"{_HOW_TO}"
    )
