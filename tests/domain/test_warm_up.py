"""The mobility warm-up runs its moves one after another, each on its own deadline."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from backleg_desktop.domain.warm_up import WarmUpRun
from tests.support.clock import FakeClock


@dataclass(frozen=True)
class Move:
    name: str
    seconds: int


MOVES = (Move("Breathing", 30), Move("Marching", 45), Move("Leg swings", 40))


def test_each_move_counts_down_to_its_own_deadline_and_the_run_moves_on() -> None:
    clock = FakeClock()
    run = WarmUpRun(MOVES, clock)
    assert not run.running and run.current is None
    assert run.start() == MOVES[0]
    assert run.timer.display_seconds() == 30 and run.seconds_left_after_current() == 85
    clock.advance(29.5)
    assert run.timer.display_seconds() == 1 and not run.timer.is_finished
    clock.advance(0.5)
    assert run.timer.is_finished  # exactly at the deadline, however the ticks fell
    assert run.next() == MOVES[1] and run.index == 1
    assert run.timer.display_seconds() == 45 and not run.timer.is_finished
    assert run.next() == MOVES[2]  # Space: on before the time is up
    assert run.next() is None  # after the last move the warm-up is over
    assert not run.running and run.current is None


def test_stop_ends_it_early_and_start_begins_again() -> None:
    clock = FakeClock()
    run = WarmUpRun(MOVES, clock)
    run.start()
    clock.advance(10)
    run.stop()
    assert not run.running and run.timer.is_skipped
    assert run.next() is None
    assert run.start() == MOVES[0] and run.timer.display_seconds() == 30


def test_a_warm_up_needs_a_move() -> None:
    with pytest.raises(ValueError, match="at least one move"):
        WarmUpRun(())
