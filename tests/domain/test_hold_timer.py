"""A timed hold on a fake clock: counts down to a deadline, Space ends it, the time held is kept."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.hold_timer import HoldTimer
from tests.support.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_hold_runs_to_its_deadline_and_logs_its_full_length(clock: FakeClock) -> None:
    hold = HoldTimer(clock)
    assert hold.held_seconds() == 0.0
    hold.start(60)
    assert hold.is_running and hold.display_seconds() == 60
    clock.advance(0.4)
    assert hold.display_seconds() == 60
    assert hold.seconds_until_next_display_change() == pytest.approx(0.6)
    clock.advance(59.6)
    assert hold.is_finished and hold.is_over
    clock.advance(30)  # nobody looked for a while: still 60 s held, not 90
    assert hold.held_seconds() == 60.0
    assert hold.end_early() == 60.0  # Space after the end changes nothing


def test_space_ends_a_hold_early_with_the_time_held(clock: FakeClock) -> None:
    hold = HoldTimer(clock)
    hold.start(60)
    clock.advance(42.5)
    assert hold.held_seconds() == pytest.approx(42.5)
    assert hold.end_early() == pytest.approx(42.5)
    assert hold.is_over and not hold.is_finished
    clock.advance(10)
    assert hold.held_seconds() == pytest.approx(42.5)
    assert hold.seconds_until_next_display_change() is None


def test_paused_time_is_not_held_time(clock: FakeClock) -> None:
    hold = HoldTimer(clock)
    hold.start(30)
    clock.advance(10)
    hold.toggle_pause()
    assert hold.is_paused
    clock.advance(100)
    assert hold.held_seconds() == pytest.approx(10)
    hold.toggle_pause()
    clock.advance(5)
    assert hold.end_early() == pytest.approx(15)


def test_a_new_start_forgets_the_last_hold(clock: FakeClock) -> None:
    hold = HoldTimer(clock)
    hold.start(20)
    clock.advance(5)
    hold.end_early()
    hold.start(20)
    assert hold.held_seconds() == 0.0 and hold.target_seconds == 20
    clock.advance(20)
    assert hold.held_seconds() == 20.0


def test_end_early_before_a_start_holds_nothing(clock: FakeClock) -> None:
    assert HoldTimer(clock).end_early() == 0.0


def test_a_suspend_counts_as_held_time_when_a_wall_clock_is_given(clock: FakeClock) -> None:
    wall = FakeClock(5000.0)
    hold = HoldTimer(clock, wall)
    hold.start(60)
    clock.advance(10)
    wall.advance(10)
    wall.advance(120)  # the laptop slept; the monotonic clock did not move
    assert hold.is_finished and hold.held_seconds() == 60.0
