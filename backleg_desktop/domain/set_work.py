"""What one set of a plan item asks for: a number of reps, or a timed hold.

Pure Python. A plan item has either reps (12–15, or 8 per leg) or `hold_seconds`
(breathing, planks, wall squats), never both; `work_of` enforces that, so the session,
the Plans page and the summary can all ask one object what a set is.

A hold counts down from `hold_target_s` (the low end of a range: the gentler choice on a
day that may already hurt); domain.hold_timer times it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class RangeLike(Protocol):
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...


@dataclass(frozen=True)
class Span:
    """An inclusive whole-number range; low == high for a single number."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"low {self.low} is greater than high {self.high}")

    @classmethod
    def of(cls, value: RangeLike) -> Span:
        return cls(value.low, value.high)

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class RepsWork:
    reps: Span
    per_leg: bool = False


@dataclass(frozen=True)
class HoldWork:
    seconds: Span
    per_leg: bool = False


SetWork = RepsWork | HoldWork


def work_of(
    reps: RangeLike | None, hold_seconds: RangeLike | None, per_leg: bool = False
) -> SetWork:
    """The work of an item; ValueError unless exactly one of the two is given."""
    if reps is not None and hold_seconds is not None:
        raise ValueError("a plan item has either reps or hold_seconds, not both")
    if hold_seconds is not None:
        return HoldWork(Span.of(hold_seconds), per_leg)
    if reps is None:
        raise ValueError("a plan item needs reps or hold_seconds")
    return RepsWork(Span.of(reps), per_leg)


def is_hold(work: SetWork) -> bool:
    return isinstance(work, HoldWork)


def hold_target_s(work: HoldWork) -> int:
    """How long the hold's countdown runs: the low end of its range."""
    return work.seconds.low


def describe(work: SetWork) -> str:
    """ "12–15 reps", "8 per leg", "60 s hold", "20–30 s hold per leg"."""
    if isinstance(work, HoldWork):
        return f"{work.seconds} s hold" + (" per leg" if work.per_leg else "")
    if work.per_leg:
        return f"{work.reps} per leg"
    return f"{work.reps} rep" + ("" if work.reps.high == 1 else "s")
