"""Run service calls on a pool thread so the window stays responsive.

The service opens its own connection per call (SQLAlchemy's pool, check_same_thread off),
so a call from a pool thread never shares a SQLite connection with the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from backleg_desktop.services.errors import BacklegError, ImportCancelled

PROGRESS_EVERY = 25  # sessions between progress updates


class _Signals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """Runs `work(progress, should_cancel)` on a pool thread; results come back as signals."""

    def __init__(self, work: Callable[[Callable[[int], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        # `start_job` keeps the job (and its signals) alive until a result signal arrives.
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._work(self._report, self._cancel.is_set)
        except ImportCancelled:
            self.signals.cancelled.emit()
        except (BacklegError, OSError) as error:
            self.signals.failed.emit(str(error))
        else:
            self.signals.finished.emit(result)

    def _report(self, done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            self.signals.progress.emit(done)


_RUNNING: set[Job] = set()  # started jobs, kept alive until they report


def start_job(pool: QThreadPool, job: Job) -> Job:
    """Run `job` on `pool`, holding it until its result (finished, failed, cancelled) is in.

    Connect the job's own handlers first: this releases it after they ran.
    """
    for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
        signal.connect(lambda *_: _RUNNING.discard(job))
    _RUNNING.add(job)
    pool.start(job)
    return job
