"""A timed hold: a countdown on the rest timer's drift-free deadline, ended early by Space.

Pure Python on an injected clock (see domain.timers). It is a `DisplayTimer`, so the
UI's TimerDriver drives it exactly as it drives a rest. What gets logged is the time
actually held: the target when the countdown ran out, else target minus what was left
when Space ended it; time spent paused is not held time.
"""

from __future__ import annotations

import time

from backleg_desktop.domain.timers import Clock, RestTimer


class HoldTimer:
    def __init__(self, clock: Clock = time.monotonic, wall_clock: Clock | None = None) -> None:
        self._timer = RestTimer(clock, wall_clock)
        self._held_at_end: float | None = None

    def start(self, seconds: float) -> None:
        self._held_at_end = None
        self._timer.start(seconds)

    def end_early(self) -> float:
        """Space during a hold: stop now and return the seconds held."""
        if not self._timer.is_over and self._timer.state != "idle":
            self._held_at_end = self._held_now()
            self._timer.skip()
        return self.held_seconds()

    def pause(self) -> None:
        self._timer.pause()

    def resume(self) -> None:
        self._timer.resume()

    def toggle_pause(self) -> None:
        self._timer.toggle_pause()

    @property
    def is_running(self) -> bool:
        return self._timer.is_running

    @property
    def is_paused(self) -> bool:
        return self._timer.is_paused

    @property
    def is_finished(self) -> bool:
        """The countdown ran out (the hold was done in full)."""
        return self._timer.is_finished

    @property
    def is_over(self) -> bool:
        return self._timer.is_over

    @property
    def target_seconds(self) -> float:
        return self._timer.planned_seconds

    def held_seconds(self) -> float:
        """Seconds held so far, or in all once the hold is over."""
        if self._held_at_end is not None:
            return self._held_at_end
        if self._timer.state == "idle":
            return 0.0
        return self._held_now()

    def display_seconds(self) -> int:
        return self._timer.display_seconds()

    def seconds_until_next_display_change(self) -> float | None:
        return self._timer.seconds_until_next_display_change()

    def _held_now(self) -> float:
        return max(0.0, self._timer.planned_seconds - self._timer.remaining())
