"""The mobility warm-up as timed steps: one countdown per move, on the rest timer's
drift-free deadline, moving on by itself when a move's time is up.

Pure Python on an injected clock (see domain.timers). `timer` is a `RestTimer`, so the
UI's TimerDriver drives each move exactly as it drives a rest or a hold. Nothing is
stored: the warm-up is offered before the first set and never stands in its way.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from backleg_desktop.domain.timers import Clock, RestTimer


class MoveLike(Protocol):
    """A warm-up move as the run needs it (content.warm_up.WarmUpMove fits)."""

    @property
    def name(self) -> str: ...
    @property
    def seconds(self) -> int: ...


class WarmUpRun:
    """Usage: `run.start()`; when `run.timer` is finished (or on Space) `run.next()`,
    until it returns None; `run.stop()` ends it early."""

    def __init__(
        self,
        moves: Sequence[MoveLike],
        clock: Clock = time.monotonic,
        wall_clock: Clock | None = None,
    ) -> None:
        if not moves:
            raise ValueError("a warm-up needs at least one move")
        self.moves = tuple(moves)
        self.timer = RestTimer(clock, wall_clock)
        self._index: int | None = None  # None: not started, or over

    @property
    def index(self) -> int | None:
        """The move under way (0-based), or None when not running."""
        return self._index

    @property
    def current(self) -> MoveLike | None:
        return None if self._index is None else self.moves[self._index]

    @property
    def running(self) -> bool:
        return self._index is not None

    def start(self) -> MoveLike:
        """Start from the first move."""
        return self._go_to(0)

    def next(self) -> MoveLike | None:
        """On to the next move (its time ran out, or Space); None after the last."""
        if self._index is None:
            return None
        if self._index + 1 >= len(self.moves):
            self.stop()
            return None
        return self._go_to(self._index + 1)

    def stop(self) -> None:
        if not self.timer.is_over and self.timer.state != "idle":
            self.timer.skip()
        self._index = None

    def seconds_left_after_current(self) -> int:
        """The warm-up's time still to come after the move under way."""
        if self._index is None:
            return 0
        return sum(move.seconds for move in self.moves[self._index + 1 :])

    def _go_to(self, index: int) -> MoveLike:
        self._index = index
        move = self.moves[index]
        self.timer.start(move.seconds)
        return move
