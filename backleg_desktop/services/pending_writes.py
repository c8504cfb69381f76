"""Writes the window could not make at once, kept in order until they can be made.

Another program may hold the history's write lock for a while (a CLI import, a backup).
The window opens its store with a short busy timeout (`WINDOW_BUSY_TIMEOUT_MS`) so it never
waits seconds; a write that fails because the file is busy, full or read-only right now is
queued here instead of being lost, and `retry()` (called from a Qt timer by the UI) makes
the queued writes in the order they were asked for. No Qt here.

    pending = PendingWrites()
    logged = pending.submit(lambda: workouts.log_set(session_id, entry), "set 2 of Squat")
    if logged is None: ...      # queued; pending.status() says so in a sentence
    pending.retry()             # later: True once everything is written
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from backleg_desktop.services.errors import (
    BacklegError,
    DataDirError,
    StorageError,
    StorageFullError,
)

if TYPE_CHECKING:
    from backleg_desktop.services.pending_journal import PendingJournal

T = TypeVar("T")

# A set written by the window takes a few milliseconds; waiting longer than this for the
# lock would freeze the window, so the write is queued and retried instead.
WINDOW_BUSY_TIMEOUT_MS = 100
RETRY_INTERVAL_MS = 2000

# Failures that may pass by themselves: busy or locked, disk full, I/O or permission trouble.
# A ValidationError or NotFoundError would fail the same way on every retry.
RETRYABLE: tuple[type[BacklegError], ...] = (StorageError, DataDirError)


@dataclass
class _Write:
    action: Callable[[], Any]
    what: str
    on_done: Callable[[Any], None] | None


class PendingWrites:
    """A FIFO of writes that could not be made yet. Once one is queued, later ones queue
    behind it (even if the file is free again) so they reach the history in order."""

    def __init__(self, journal: PendingJournal | None = None) -> None:
        self._queue: deque[_Write] = deque()
        self.last_error: BacklegError | None = None
        self.failed: list[tuple[str, BacklegError]] = []  # writes that can never succeed
        # Queued writes also go to this file, so a kill or crash cannot lose them
        # (services/pending_journal.py); None keeps them in memory only.
        self.journal = journal
        self.journal_error: OSError | None = None

    @property
    def count(self) -> int:
        return len(self._queue)

    def __bool__(self) -> bool:
        return bool(self._queue)

    def submit(
        self,
        action: Callable[[], T],
        what: str = "a change",
        on_done: Callable[[T], None] | None = None,
        line: dict[str, Any] | None = None,
    ) -> T | None:
        """Make the write now if nothing is queued before it; else (or if the file is busy)
        queue it and return None. `on_done(result)` runs once it is written, now or later.
        Errors that a retry cannot cure (a ValidationError) are raised as before.
        `line`: how to replay it from the journal, written there before None is returned."""
        write = _Write(action, what, on_done)
        if self._queue:
            self._queue.append(write)
            self._journal(line)
            return None
        try:
            result = action()
        except RETRYABLE as error:
            self.last_error = error
            self._queue.append(write)
            self._journal(line)
            return None
        if on_done is not None:
            on_done(result)
        return result

    def retry(self) -> bool:
        """Make the queued writes in order, stopping at the first that still cannot be made.
        True when nothing is left queued."""
        while self._queue:
            write = self._queue[0]
            try:
                result = write.action()
            except RETRYABLE as error:
                self.last_error = error
                return False
            except BacklegError as error:
                # It can never be written (e.g. the session was deleted meanwhile): keep
                # going with the rest, and say so instead of dropping it silently.
                self._queue.popleft()
                self.failed.append((write.what, error))
                continue
            self._queue.popleft()
            if write.on_done is not None:
                write.on_done(result)
        self.last_error = None
        self._clear_journal()
        return True

    def _journal(self, line: dict[str, Any] | None) -> None:
        if self.journal is None or line is None:
            return
        try:
            self.journal.append(line)
        except OSError as error:
            # Still kept in memory (and retried); the window says it is not safe yet.
            self.journal_error = error

    def _clear_journal(self) -> None:
        if self.journal is None:
            return
        try:
            self.journal.clear()
        except OSError as error:  # pragma: no cover - replaying it later adds nothing
            self.journal_error = error
        else:
            self.journal_error = None

    @property
    def durable(self) -> bool:
        """Everything queued is in the journal too (a kill would not lose it)."""
        return self.journal is not None and self.journal_error is None

    def waiting(self) -> list[str]:
        """What is queued, oldest first, as the `what` given to `submit`."""
        return [write.what for write in self._queue]

    def status(self) -> str:
        """One sentence for the window: empty when everything is saved."""
        if not self._queue:
            return ""
        sets = sum(1 for write in self._queue if write.what.startswith("set "))
        count = len(self._queue)
        things = f"{sets} set{'s' if sets != 1 else ''}" if sets else "your last change"
        if sets and count > sets:
            things += " and other changes"
        them = "them" if count > 1 else "it"
        every = f"tries again every {RETRY_INTERVAL_MS // 1000} seconds"
        if self.durable:
            return (
                f"Saving… {things} not saved yet: {_reason(self.last_error)}. Backleg keeps "
                f"{them} in a file and {every}; nothing is lost even if Backleg stops."
            )
        return (
            f"Saving… {things} not saved yet: {_reason(self.last_error)}. Backleg keeps "
            f"{them} and {every}; nothing is lost while this window is open."
        )


def _reason(error: BacklegError | None) -> str:
    if isinstance(error, StorageFullError):
        return "the disk is full"
    if isinstance(error, DataDirError):
        return "the history file cannot be written just now"
    return "another Backleg command is using the history file"
