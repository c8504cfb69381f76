"""Where user data lives: --data-dir, else BACKLEG_DATA_DIR, else platformdirs' user data dir.

The folder holds health data, so it is created private (0700) from the first byte, and
so is every file Backleg makes in it (`ensure_private_file`, 0600), under any umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "backleg"
DB_FILENAME = "backleg.sqlite3"
ENV_DATA_DIR = "BACKLEG_DATA_DIR"
DIR_MODE = 0o700
FILE_MODE = 0o600


class NotAFolderError(NotADirectoryError):
    """Something that is not a folder sits where the data folder should be."""


def resolve_data_dir(cli_value: str | os.PathLike[str] | None, env: Mapping[str, str]) -> Path:
    if cli_value:
        return _absolute(Path(cli_value))
    from_env = env.get(ENV_DATA_DIR)
    if from_env:
        return _absolute(Path(from_env))
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _absolute(path: Path) -> Path:
    path = path.expanduser()
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        # A symlink loop: keep the path as given; opening it reports the loop.
        return Path(os.path.abspath(path))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def is_backleg_file(path: Path, data_dir: Path) -> bool:
    """True when `path` is the history, one of its WAL, lock, journal or set-aside files, or a
    backup: files only Backleg itself may replace."""
    target = os.path.realpath(path)
    folder = os.path.realpath(data_dir)
    if os.path.dirname(target) == os.path.join(folder, "backups"):
        return True
    return os.path.dirname(target) == folder and os.path.basename(target).startswith(
        (
            "backleg.sqlite3",
            "backleg.lock",
            "backleg.window.lock",
            "backleg.pending-",
            "settings.ini",
        )
    )


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and missing parents) as 0700; OSError naming it if that fails.

    mkdir's mode can only lose bits to the umask, so the folder is never more open than
    0700, not even for a moment; the chmod afterwards restores bits a strict umask took.
    """
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        ensure_private_dir_parents(folder.parent)
        with contextlib.suppress(FileExistsError):  # another process was faster
            os.mkdir(folder, DIR_MODE)
            os.chmod(folder, DIR_MODE)
        info = os.stat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise NotAFolderError(20, "it is a file, not a folder", str(folder))


def ensure_private_dir_parents(folder: Path) -> None:
    if not folder.exists():
        ensure_private_dir(folder)


def ensure_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing, and make an existing one 0600."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            with contextlib.suppress(PermissionError):  # another user's file: leave it
                os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
