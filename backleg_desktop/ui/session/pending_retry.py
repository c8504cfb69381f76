"""Retries the session's queued writes on a Qt timer, and says how saving stands.

The recorder keeps a write the store could not make at once (another program holds the
history's write lock) in its `PendingWrites`; this object runs `retry()` every
`RETRY_INTERVAL_MS` while anything is queued, and stops its timer once all is written.
Queues of earlier sessions are kept until they are empty, so starting a new session never
drops what the last one could not save yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from backleg_desktop.domain.wording import count_of
from backleg_desktop.services.pending_writes import RETRY_INTERVAL_MS, PendingWrites
from backleg_desktop.ui import message_boxes

if TYPE_CHECKING:
    from backleg_desktop.services.session_recorder import SessionRecorder

SAVED = "Saved: everything you logged is in your history."


class PendingRetry(QObject):
    status_changed = Signal(str, bool)  # the sentence to show, and whether it is a problem

    def __init__(
        self, recorder_of: Callable[[], SessionRecorder | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._recorder_of = recorder_of
        self._queues: list[PendingWrites] = []
        self.timer = QTimer(self)
        self.timer.setObjectName("pendingWritesRetry")
        self.timer.setInterval(RETRY_INTERVAL_MS)
        self.timer.timeout.connect(self.retry)
        self._was_pending = False

    @property
    def count(self) -> int:
        """Writes not made yet, across this session and any earlier one."""
        return sum(queue.count for queue in self._queues)

    def update(self) -> None:
        """Call after any store call: picks up the current recorder's queue, runs the timer
        while anything waits, and reports the state."""
        recorder = self._recorder_of()
        current = recorder.pending if recorder is not None else None
        if current is not None and current not in self._queues:
            self._queues.append(current)
        self._queues = [q for q in self._queues if q or q is current]
        failed = [f"{what}: {error}" for q in self._queues for what, error in q.failed]
        for queue in self._queues:
            queue.failed.clear()
        if failed:
            self.status_changed.emit("Could not be saved: " + "; ".join(failed), True)
        if self.count:
            if not self.timer.isActive():
                self.timer.start()
            text = next(q.status() for q in self._queues if q)
            self.status_changed.emit(text, True)
            self._was_pending = True
            return
        self.timer.stop()
        if self._was_pending:
            self._was_pending = False
            if not failed:
                self.status_changed.emit(SAVED, False)

    def retry(self) -> None:
        """Make queued writes in order, oldest session first, until one is still refused."""
        for queue in list(self._queues):
            if not queue.retry():
                break
        self.update()

    def flush(self, parent: QWidget | None) -> bool:
        """Before the window closes: one more try; if writes still wait, say so and keep
        the window open (closing would lose them). True when it may close."""
        self.retry()
        if not self.count:
            return True
        # They are journalled too (a kill would not lose them), but the window stays open
        # so they reach the history now, not only at the next start.
        safe = all(q.durable for q in self._queues if q)
        message_boxes.warn(
            parent,
            "Not saved yet",
            f"{count_of(self.count, 'change')} from your session "
            f"{'is' if self.count == 1 else 'are'} not in your history yet, because "
            "another Backleg command is using the file. Backleg keeps them and tries again "
            f"every {RETRY_INTERVAL_MS // 1000} seconds"
            + (
                " (they are kept in a file too, so even if Backleg stopped now they would be "
                "saved the next time it starts)"
                if safe
                else ""
            )
            + ". Close the window again once the session page says they are saved.",
        )
        return False
