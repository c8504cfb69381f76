"""The data folder before the history is opened: created private, checked writable, and
held shared. No SQLAlchemy here: the store (services/store.py) and the plain reader
(services/history_reader.py) both start this way."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from backleg_desktop.services.errors import DataDirError, FolderInUseError, file_error
from backleg_desktop.storage.lock import LOCK_FILENAME, FolderBusy, FolderLock, folder_lock
from backleg_desktop.storage.paths import NotAFolderError, ensure_private_dir


def prepare_data_dir(data_dir: Path) -> None:
    """Create the folder (0700: health data) if needed; DataDirError if it is unusable."""
    how_to = "Choose another folder with --data-dir or BACKLEG_DATA_DIR."
    try:
        ensure_private_dir(data_dir)
    except NotAFolderError as error:
        raise DataDirError(
            f"Backleg's data folder {data_dir} is a file, not a folder. {how_to}"
        ) from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DataDirError(
                f"Backleg's data folder {data_dir} is a symbolic link that leads back to "
                f"itself (a loop), so it cannot be opened. {how_to}"
            ) from error
        raise DataDirError(
            f"Backleg could not create its data folder {data_dir} "
            f"({error.strerror or error}). {how_to}"
        ) from error
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(
            f"Backleg's data folder {data_dir} is read-only, so your workouts could not be "
            f"saved. Make it writable, or {how_to[0].lower()}{how_to[1:]}"
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
