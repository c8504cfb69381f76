"""The one check that no output (an export, a handout PDF, a printed file) is written over
one of Backleg's own files: the history, its WAL, locks, journals, settings or backups."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.services.errors import DataDirError
from backleg_desktop.storage.paths import is_backleg_file


def refuse_own_file(path: Path, data_dir: Path, what: str = "the file") -> None:
    """DataDirError when `path` is one of Backleg's own files in `data_dir`."""
    if is_backleg_file(path, data_dir):
        raise DataDirError(
            f"{path} is one of Backleg's own files (the history, a backup or a lock); "
            f"write {what} to a file outside them."
        )
