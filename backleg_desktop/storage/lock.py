"""The data-folder lock: who may move or replace backleg.sqlite3, and when.

Everyone who uses the history holds the folder lock shared (the window for its whole life,
a CLI import or export for its run); whoever moves, replaces or restores the database holds
it exclusive, so that never happens under a running window or import. A second window is
kept out by its own exclusive lock (`InstanceLock`).

These are OS advisory locks (flock on POSIX), tied to an open file: the kernel drops them
when the holder exits or is killed, so a stale lock or a reused PID can never block
anyone, and the lock file's contents mean nothing (it stays empty). Where flock is
missing (Windows), byte-range locks on the same file stand in: a shared holder locks one
of a few slot bytes, an exclusive holder all of them.

Only the standard library: the window takes its lock before the first frame.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

LOCK_FILENAME = "backleg.lock"
INSTANCE_LOCK_FILENAME = "backleg.window.lock"
FILE_MODE = 0o600
_SLOTS = 32  # Windows fallback: how many shared holders at once


class FolderBusy(Exception):
    """The lock is held by someone else (a window, an import or a restore)."""


def open_lock_file(path: Path) -> int:
    """Open (creating it 0600 under any umask) a lock file; never follows a symlink."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, FILE_MODE)
    with contextlib.suppress(OSError):  # a file left by an older Backleg may be 0644
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
    return fd


if sys.platform != "win32":
    import fcntl

    def _lock(fd: int, exclusive: bool, wait: bool = False) -> bool:
        flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, flags if wait else flags | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:  # pragma: no cover - exercised on Windows only
    import msvcrt
    import time

    _slot_of: dict[int, int] = {}

    def _try_range(fd: int, start: int, length: int) -> bool:
        os.lseek(fd, start, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, length)
        except OSError:
            return False
        return True

    def _lock(fd: int, exclusive: bool, wait: bool = False) -> bool:
        _unlock(fd)  # like flock, taking a lock replaces the one this handle holds
        while True:
            if exclusive:
                if _try_range(fd, 0, _SLOTS):
                    _slot_of[fd] = -1
                    return True
            else:
                for slot in range(_SLOTS):
                    if _try_range(fd, slot, 1):
                        _slot_of[fd] = slot
                        return True
            if not wait:
                return False
            time.sleep(0.05)

    def _unlock(fd: int) -> None:
        slot = _slot_of.pop(fd, None)
        if slot is None:
            return
        start, length = (0, _SLOTS) if slot < 0 else (slot, 1)
        os.lseek(fd, start, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, length)


class FolderLock:
    """The data folder's lock, one per folder per process (get it with `folder_lock`).

    One file handle per process, so the window's own store can still take it exclusive
    (to set a damaged file aside) while the window holds it shared.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILENAME
        self._fd: int | None = None
        self._shared = 0
        self._exclusive = 0
        self._guard = threading.RLock()

    @property
    def held(self) -> bool:
        return self._shared > 0 or self._exclusive > 0

    def acquire_shared(self) -> None:
        """Share the folder; FolderBusy while someone moves or restores the database."""
        with self._guard:
            if not self.held:
                fd = open_lock_file(self.path)
                if not _lock(fd, exclusive=False):
                    os.close(fd)
                    raise FolderBusy(str(self.data_dir))
                self._fd = fd
            self._shared += 1

    def release_shared(self) -> None:
        with self._guard:
            if self._shared == 0:
                return
            self._shared -= 1
            self._close_if_unused()

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        self.acquire_shared()
        try:
            yield
        finally:
            self.release_shared()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the folder alone; FolderBusy when any other process holds it."""
        with self._guard:
            if self._exclusive == 0:
                fd = self._fd if self._fd is not None else open_lock_file(self.path)
                if not _lock(fd, exclusive=True):
                    if self._shared:
                        # A failed conversion may have dropped the shared lock: take it back
                        # (waiting only for a restore, which is short).
                        _lock(fd, exclusive=False, wait=True)
                    else:
                        os.close(fd)
                    raise FolderBusy(str(self.data_dir))
                self._fd = fd
            self._exclusive += 1
        try:
            yield
        finally:
            with self._guard:
                self._exclusive -= 1
                if self._exclusive == 0 and self._shared and self._fd is not None:
                    _lock(self._fd, exclusive=False, wait=True)  # back to shared
                self._close_if_unused()

    def _close_if_unused(self) -> None:
        if not self.held and self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


_locks: dict[str, FolderLock] = {}
_locks_guard = threading.Lock()


def folder_lock(data_dir: Path) -> FolderLock:
    """This process's lock for `data_dir` (the same object for the same folder)."""
    key = os.path.realpath(data_dir)
    with _locks_guard:
        found = _locks.get(key)
        if found is None:
            found = _locks[key] = FolderLock(data_dir)
        return found


class InstanceLock:
    """One window per data folder: an exclusive lock the first window keeps."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / INSTANCE_LOCK_FILENAME
        self._fd: int | None = None

    def try_lock(self) -> bool:
        """True when this process now owns the folder's window; OSError if it cannot
        even create the lock file (a read-only or missing folder)."""
        if self._fd is not None:
            return True
        fd = open_lock_file(self.path)
        if not _lock(fd, exclusive=True):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def unlock(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
