"""A monotonic clock that only moves when a test says so."""

from __future__ import annotations


class FakeClock:
    """Stands in for time.monotonic: tests call advance() instead of sleeping.

    Also usable where a fixture cannot be, e.g. inside a hypothesis test, which needs a
    fresh clock per example.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
