"""Rest and set timers as deadlines on an injected monotonic clock; no Qt.

A countdown is never a count of ticks: `RestTimer` stores a deadline and every
question ("how long is left?", "what do I show?") is answered from the clock at the
moment it is asked. A UI driver therefore can wake up late, early or irregularly and
still show every second exactly once and end at the deadline (see
`backleg_desktop.ui.timers.TimerDriver`, which sleeps exactly
`seconds_until_next_display_change()`).

Suspend. `time.monotonic` on Linux is CLOCK_MONOTONIC, which stops while the machine
is suspended: after a laptop sleeps through a rest, the monotonic clock alone would
still report the time left when the lid closed. Pass `wall_clock=time.time` (the app
does) and the timer compares how far each clock moved since the rest started. When the
wall clock is ahead by more than `SUSPEND_TOLERANCE_S`, the difference is taken as time
the monotonic clock missed: the deadline counts as passed if either clock says so, and
the display catches up. A wall clock that jumps back is ignored (monotonic wins); a
manual jump forward of more than a second looks like a suspend and shortens the rest,
which is the safer mistake between sets.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Literal, Protocol

Clock = Callable[[], float]
RestState = Literal["idle", "running", "paused", "finished", "skipped"]

# Drift between wall and monotonic clocks that we read as a suspend, not as NTP slew.
SUSPEND_TOLERANCE_S = 1.0

# A second's boundary is "reached" within this margin, so float noise such as
# 58.99999999999 vs 59.0 never makes a driver wake up twice for the same change.
_EPSILON = 1e-9


def format_mmss(seconds: int) -> str:
    """Format whole seconds as M:SS ("0:45", "1:30", "12:05"); negatives show as 0:00."""
    seconds = max(0, int(seconds))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


class DisplayTimer(Protocol):
    """What `TimerDriver` needs from a timer: what to show now and when that changes."""

    @property
    def is_finished(self) -> bool: ...

    def display_seconds(self) -> int: ...

    def seconds_until_next_display_change(self) -> float | None: ...


class _SuspendAwareClock:
    """Monotonic time plus any time the monotonic clock missed while suspended."""

    def __init__(self, clock: Clock, wall_clock: Clock | None) -> None:
        self._clock = clock
        self._wall_clock = wall_clock
        self._missed = 0.0  # seconds the monotonic clock did not count
        self._anchored = False
        self._mono_anchor = 0.0
        self._wall_anchor = 0.0

    def anchor(self) -> None:
        """Start comparing the two clocks from now (and forget earlier drift)."""
        self._missed = 0.0
        self._anchored = True
        self._mono_anchor = self._clock()
        if self._wall_clock is not None:
            self._wall_anchor = self._wall_clock()

    @property
    def missed(self) -> float:
        return self._missed

    def now(self) -> float:
        mono = self._clock()
        if self._wall_clock is not None and self._anchored:
            wall = self._wall_clock()
            drift = (wall - self._wall_anchor) - (mono - self._mono_anchor)
            if drift > SUSPEND_TOLERANCE_S:
                self._missed += drift
            if drift > SUSPEND_TOLERANCE_S or drift < 0:
                # Re-anchor so each missed stretch counts once and a wall clock set
                # back does not hold the rest open.
                self._mono_anchor, self._wall_anchor = mono, wall
        return mono + self._missed


class RestTimer:
    """A rest countdown to a deadline, with pause, ±adjust and skip.

    States: ``idle`` → ``running`` ⇄ ``paused`` → ``finished`` (deadline reached) or
    ``skipped``. The deadline is checked lazily: any query notices that it has passed,
    including after a suspend. `start()` may be called again at any time for a new rest.
    """

    def __init__(self, clock: Clock = time.monotonic, wall_clock: Clock | None = None) -> None:
        self._time = _SuspendAwareClock(clock, wall_clock)
        self._state: RestState = "idle"
        self._planned = 0.0
        self._started_at = 0.0
        self._deadline: float | None = None  # on the suspend-aware clock, while running
        self._paused_remaining = 0.0
        self._ended_at: float | None = None

    # -- control ------------------------------------------------------------------
    def start(self, seconds: float) -> None:
        """Start a rest of `seconds` from now (a zero rest is finished at once)."""
        self._time.anchor()
        now = self._time.now()
        self._planned = max(0.0, float(seconds))
        self._started_at = now
        self._ended_at = None
        self._deadline = now + self._planned
        self._state = "running"
        self._sync(now)

    def pause(self) -> None:
        """Freeze the remaining time; no-op unless running."""
        now = self._time.now()
        self._sync(now)
        if self._state == "running" and self._deadline is not None:
            self._paused_remaining = self._deadline - now
            self._deadline = None
            self._state = "paused"

    def resume(self) -> None:
        """Continue from the frozen remaining time; no-op unless paused."""
        if self._state == "paused":
            self._deadline = self._time.now() + self._paused_remaining
            self._state = "running"

    def toggle_pause(self) -> None:
        if self._state == "paused":
            self.resume()
        else:
            self.pause()

    def adjust(self, delta_seconds: float) -> float:
        """Add (or with a negative delta remove) rest time, running or paused.

        Remaining time never goes below zero: removing more than is left ends the
        rest now (state ``finished``). Does nothing once the rest is over.
        Returns the new remaining time.
        """
        now = self._time.now()
        self._sync(now)
        if self._state == "paused":
            self._paused_remaining = max(0.0, self._paused_remaining + delta_seconds)
            if self._paused_remaining <= 0:
                self._end("finished", now)
        elif self._state == "running" and self._deadline is not None:
            self._deadline = max(now, self._deadline + delta_seconds)
            self._sync(now)
        return self.remaining()

    def skip(self) -> None:
        """End the rest now by choice; no-op unless running or paused."""
        now = self._time.now()
        self._sync(now)
        if self._state in ("running", "paused"):
            self._end("skipped", now)

    # -- queries ------------------------------------------------------------------
    @property
    def state(self) -> RestState:
        self._sync(self._time.now())
        return self._state

    @property
    def is_running(self) -> bool:
        return self.state == "running"

    @property
    def is_paused(self) -> bool:
        return self.state == "paused"

    @property
    def is_finished(self) -> bool:
        """True once the deadline was reached (not when skipped: see `is_skipped`)."""
        return self.state == "finished"

    @property
    def is_skipped(self) -> bool:
        return self.state == "skipped"

    @property
    def is_over(self) -> bool:
        """The rest has ended, by reaching the deadline or by a skip."""
        return self.state in ("finished", "skipped")

    @property
    def planned_seconds(self) -> float:
        """The length asked for in `start()`, before any adjustment."""
        return self._planned

    @property
    def deadline(self) -> float | None:
        """When the rest ends, on the injected clock's scale; None unless running.

        After a detected suspend this is expressed on the monotonic clock again, so it
        can be compared with `clock()` directly.
        """
        if self.state != "running" or self._deadline is None:
            return None
        return self._deadline - self._time.missed

    def remaining(self) -> float:
        """Seconds left, never negative; frozen while paused; 0 once over."""
        now = self._time.now()
        self._sync(now)
        if self._state == "running" and self._deadline is not None:
            return max(0.0, self._deadline - now)
        if self._state == "paused":
            return self._paused_remaining
        if self._state == "idle":
            return self._planned
        return 0.0

    def display_seconds(self) -> int:
        """The whole seconds to show: the ceiling of `remaining()`.

        So a 60 s rest shows 1:00 during its first second and 0:00 only at the end.
        """
        left = self.remaining()
        return math.ceil(left - _EPSILON) if left > _EPSILON else 0

    def elapsed_total(self) -> float:
        """Rest actually taken so far: from `start()` to now, or to the end.

        Paused time counts (the person was still resting), and so does time spent
        suspended when a wall clock is given. A rest that ran out ends at its deadline
        even if nobody looked until later.
        """
        now = self._time.now()
        self._sync(now)
        if self._state == "idle":
            return 0.0
        end = self._ended_at if self._ended_at is not None else now
        return max(0.0, end - self._started_at)

    def seconds_until_next_display_change(self) -> float | None:
        """How long from now until `display_seconds()` changes (or the deadline).

        None when nothing will change on its own: idle, paused or over.
        """
        now = self._time.now()
        self._sync(now)
        if self._state != "running" or self._deadline is None:
            return None
        left = self._deadline - now
        shown = math.ceil(left - _EPSILON)
        # The display drops from `shown` to `shown - 1` when `left` reaches shown - 1.
        return max(0.0, left - (shown - 1))

    # -- internals ----------------------------------------------------------------
    def _sync(self, now: float) -> None:
        if (
            self._state == "running"
            and self._deadline is not None
            and now >= self._deadline - _EPSILON
        ):
            self._end("finished", self._deadline)

    def _end(self, state: RestState, at: float) -> None:
        self._state = state
        self._ended_at = at
        self._deadline = None
        self._paused_remaining = 0.0


class SetTimer:
    """An elapsed-time stopwatch for a set, on an injected monotonic clock.

    `display_seconds()` is the floor of the elapsed time (0:00, 0:01, ...); it never
    finishes on its own, so `is_finished` is always False.
    """

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._started_at: float | None = None
        self._stopped_elapsed: float | None = None

    def start(self) -> None:
        """Start (or restart) from zero."""
        self._started_at = self._clock()
        self._stopped_elapsed = None

    def stop(self) -> float:
        """Stop and return the elapsed seconds (0 if never started)."""
        elapsed = self.elapsed()
        if self._started_at is not None:
            self._stopped_elapsed = elapsed
        return elapsed

    def reset(self) -> None:
        self._started_at = None
        self._stopped_elapsed = None

    @property
    def is_running(self) -> bool:
        return self._started_at is not None and self._stopped_elapsed is None

    @property
    def is_finished(self) -> bool:
        return False

    def elapsed(self) -> float:
        if self._started_at is None:
            return 0.0
        if self._stopped_elapsed is not None:
            return self._stopped_elapsed
        return max(0.0, self._clock() - self._started_at)

    def display_seconds(self) -> int:
        return math.floor(self.elapsed() + _EPSILON)

    def seconds_until_next_display_change(self) -> float | None:
        if not self.is_running:
            return None
        elapsed = self.elapsed()
        return max(0.0, math.floor(elapsed + _EPSILON) + 1 - elapsed)
