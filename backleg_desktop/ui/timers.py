"""Drive a domain timer with one precise single-shot QTimer.

The domain timer (`RestTimer`, `SetTimer`) knows the deadline; this driver only asks it
what to show and how long until that changes, then sleeps exactly that long. It never
counts ticks, so a late wake-up (a busy UI) delays a repaint but never shifts the end,
and waking early is harmless: it just asks again.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backleg_desktop.domain.timers import DisplayTimer, RestTimer

# How long before a rest's deadline the driver wakes and then holds the GUI thread until
# the deadline itself, so that work queued meanwhile (a repaint, a database write) cannot
# push the end back. Below one 60 Hz frame; the session page's rest driver uses it.
RECOMMENDED_FINAL_APPROACH_MS = 15.0


class TimerDriver(QObject):
    """Emits `display_changed(seconds)` once per displayed second and `finished()` once.

    Usage::

        driver = TimerDriver(parent=page)
        driver.display_changed.connect(page.show_seconds)
        driver.finished.connect(page.on_rest_over)
        flow.rest_timer.start(60); driver.start(flow.rest_timer)
        flow.rest_timer.pause(); driver.tick()   # after any change to the timer
        driver.stop()

    `finished` is emitted when the timer's deadline is reached (`is_finished`), not when
    it was skipped. Call `tick()` after pausing, resuming or adjusting the timer so the
    display and the next wake-up follow at once; tests with a fake clock call it too.
    """

    display_changed = Signal(int)
    finished = Signal()

    def __init__(self, parent: QObject | None = None, *, final_approach_ms: float = 0.0) -> None:
        """`final_approach_ms` > 0: wake that long before a `RestTimer`'s deadline and
        sleep the GUI thread up to it (see RECOMMENDED_FINAL_APPROACH_MS). 0 (the
        default, and what fake-clock tests want) leaves the end to the QTimer alone."""
        super().__init__(parent)
        self._final_approach_s = max(0.0, final_approach_ms) / 1000
        self._timer: DisplayTimer | None = None
        self._shown: int | None = None
        self._finished_sent = False
        self._interval_ms: int | None = None
        self._wakeup = QTimer(self)  # a child: destroyed, and so stopped, with the driver
        self._wakeup.setObjectName("TimerDriver.wakeup")
        self._wakeup.setSingleShot(True)
        self._wakeup.setTimerType(Qt.TimerType.PreciseTimer)
        self._wakeup.timeout.connect(self.tick)

    @property
    def timer(self) -> DisplayTimer | None:
        return self._timer

    @property
    def is_active(self) -> bool:
        """A timer is bound and a wake-up is scheduled."""
        return self._wakeup.isActive()

    @property
    def scheduled_interval_ms(self) -> int | None:
        """The last wake-up scheduled, in ms (None when none is pending)."""
        return self._interval_ms if self._wakeup.isActive() else None

    @property
    def shown_seconds(self) -> int | None:
        """The value last emitted by `display_changed`."""
        return self._shown

    def start(self, timer: DisplayTimer) -> None:
        """Follow `timer` (already started): emit its display now and schedule the next."""
        self._wakeup.stop()
        self._timer = timer
        self._shown = None
        self._finished_sent = False
        self.tick()

    def stop(self) -> None:
        """Stop following the timer; nothing more is emitted."""
        self._wakeup.stop()
        self._interval_ms = None
        self._timer = None

    def tick(self) -> None:
        """Check the timer now: emit what changed and schedule the next wake-up."""
        self._check(may_hold=True)

    def _check(self, *, may_hold: bool) -> None:
        timer = self._timer
        if timer is None:
            return
        shown = timer.display_seconds()
        if shown != self._shown:
            self._shown = shown
            self.display_changed.emit(shown)
            if self._timer is not timer:  # a slot stopped or restarted the driver
                return
        if timer.is_finished:
            self._wakeup.stop()
            self._interval_ms = None
            if not self._finished_sent:
                self._finished_sent = True
                self.finished.emit()
            return
        wait = timer.seconds_until_next_display_change()
        if wait is None:  # paused, stopped or skipped: nothing changes on its own
            self._wakeup.stop()
            self._interval_ms = None
            return
        if may_hold and self._final_approach_s > 0 and shown == 1 and isinstance(timer, RestTimer):
            # The next change is the deadline: wake early, then hold the thread up to it.
            if wait <= self._final_approach_s:
                time.sleep(wait)  # nothing queued can slip in before the end now
                self._check(may_hold=False)
                return
            wait -= self._final_approach_s
        # Round up: waking a hair late shows the new second; waking early costs a tick.
        self._interval_ms = max(0, math.ceil(wait * 1000 - 1e-6))
        self._wakeup.start(self._interval_ms)
