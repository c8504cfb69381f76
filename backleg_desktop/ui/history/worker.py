"""Run service calls on a pool thread so the window stays responsive.

The service opens its own connection per call (SQLAlchemy's pool, check_same_thread off),
so a call from a pool thread never shares a SQLite connection with the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from backleg_desktop.services.errors import BacklegError, ImportCancelled

PROGRESS_EVERY = 25  # sessions between progress updates
_log = logging.getLogger(__name__)


def unexpected(error: Exception) -> str:
    """A sentence for an error Backleg did not foresee; the traceback goes to the log only."""
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    kind = type(error).__name__
    return (
        f"Backleg ran into an unexpected problem ({kind}{': ' + detail if detail else ''}). "
        "Nothing was changed. Please report this, with the file if you can."
    )


# What a job runs: work(progress, should_cancel) -> the result its `finished` signal carries.
Work: TypeAlias = Callable[[Callable[[int], None], Callable[[], bool]], object]


class _Signals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """Runs `work(progress, should_cancel)` on a pool thread; results come back as signals."""

    def __init__(self, work: Work) -> None:
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
        except Exception as error:  # a bug must still end the dialog waiting on this job
            _log.exception("background job failed")
            self.signals.failed.emit(unexpected(error))
        else:
            self.signals.finished.emit(result)

    def _report(self, done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            self.signals.progress.emit(done)


_RUNNING: dict[int, Job] = {}  # started jobs by id(), kept alive until they report


def start_job(pool: QThreadPool, job: Job) -> Job:
    """Run `job` on `pool`, holding it until its result (finished, failed, cancelled) is in.

    Connect the job's own handlers first: this releases it after they ran. (PySide 6.8's
    QThreadPool.start keeps a reference of its own; this does not rely on that.)
    """
    key = id(job)  # the slot holds the key, not the job: no cycle through the connection
    for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
        signal.connect(lambda *_: _RUNNING.pop(key, None))
    _RUNNING[key] = job
    pool.start(job)
    return job
