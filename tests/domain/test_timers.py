"""Rest and set timers on a fake clock: every second once, the end at the deadline."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backleg_desktop.domain.timers import RestTimer, SetTimer, format_mmss
from tests.support.clock import FakeClock


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (5, "0:05"),
        (45, "0:45"),
        (60, "1:00"),
        (90, "1:30"),
        (725, "12:05"),
        (-3, "0:00"),
    ],
)
def test_format_mmss(seconds: int, text: str) -> None:
    assert format_mmss(seconds) == text


def test_a_rest_shows_its_full_length_for_the_first_second_and_zero_only_at_the_end(
    fake_clock: FakeClock,
) -> None:
    rest = RestTimer(fake_clock)
    rest.start(60)
    assert rest.is_running and rest.display_seconds() == 60
    assert rest.deadline == pytest.approx(1060.0)
    fake_clock.advance(0.999)
    assert rest.display_seconds() == 60
    fake_clock.advance(0.001)
    assert rest.display_seconds() == 59
    fake_clock.advance(58.5)
    assert rest.display_seconds() == 1 and not rest.is_finished
    fake_clock.advance(0.5)
    assert rest.display_seconds() == 0
    assert rest.is_finished and rest.is_over and not rest.is_skipped
    assert rest.remaining() == 0.0
    assert rest.seconds_until_next_display_change() is None
    assert rest.elapsed_total() == pytest.approx(60.0)


def test_next_display_change_is_the_next_whole_second_of_the_deadline(
    fake_clock: FakeClock,
) -> None:
    rest = RestTimer(fake_clock)
    rest.start(60)
    assert rest.seconds_until_next_display_change() == pytest.approx(1.0)
    fake_clock.advance(0.3)
    assert rest.seconds_until_next_display_change() == pytest.approx(0.7)
    rest.adjust(0.25)  # a fractional deadline moves the boundaries with it
    assert rest.seconds_until_next_display_change() == pytest.approx(0.95)
    fake_clock.advance(59.5)
    assert rest.display_seconds() == 1
    assert rest.seconds_until_next_display_change() == pytest.approx(0.45)  # the deadline


def _run_driver(rest: RestTimer, clock: FakeClock, delays: list[float]) -> tuple[list[int], float]:
    """Wake as a driver would: at each scheduled change, late by the next delay."""
    shown: list[int] = [rest.display_seconds()]
    deadline = rest.deadline
    assert deadline is not None
    i = 0
    while not rest.is_finished:
        wait = rest.seconds_until_next_display_change()
        assert wait is not None and wait >= 0
        clock.advance(wait + delays[i % len(delays)])
        i += 1
        value = rest.display_seconds()
        if value != shown[-1]:
            shown.append(value)
    return shown, clock.now - deadline


@settings(max_examples=60, deadline=None)
@given(delays=st.lists(st.floats(min_value=0.0, max_value=0.95), min_size=1, max_size=80))
def test_every_second_shows_exactly_once_even_when_each_wakeup_is_late(
    delays: list[float],
) -> None:
    clock = FakeClock()
    rest = RestTimer(clock)
    rest.start(60)
    shown, end_error = _run_driver(rest, clock, delays)
    assert shown == list(range(60, -1, -1))
    # The end is noticed on the first wake-up after the deadline, never before it.
    assert 0.0 <= end_error <= 0.95 + 1e-9


@settings(max_examples=60, deadline=None)
@given(gaps=st.lists(st.floats(min_value=0.001, max_value=4.0), min_size=1, max_size=200))
def test_irregular_polling_never_shows_a_wrong_or_repeated_second(gaps: list[float]) -> None:
    """Arbitrary ticks, long "busy UI" gaps included: what shows is always the truth."""
    clock = FakeClock()
    rest = RestTimer(clock)
    rest.start(60)
    deadline = 1060.0
    shown = [rest.display_seconds()]
    for gap in gaps:
        clock.advance(gap)
        value = rest.display_seconds()
        assert value == max(0, math.ceil(deadline - clock.now - 1e-9))
        assert rest.is_finished == (clock.now >= deadline - 1e-9)
        if value != shown[-1]:
            shown.append(value)
    assert shown == sorted(set(shown), reverse=True)


def test_pause_freezes_the_countdown_and_resume_continues_it(fake_clock: FakeClock) -> None:
    rest = RestTimer(fake_clock)
    rest.start(60)
    fake_clock.advance(10)
    rest.toggle_pause()
    assert rest.is_paused and rest.deadline is None
    fake_clock.advance(100)
    assert rest.remaining() == pytest.approx(50)
    assert rest.display_seconds() == 50
    assert rest.seconds_until_next_display_change() is None
    rest.toggle_pause()
    assert rest.is_running and rest.deadline == pytest.approx(fake_clock.now + 50)
    fake_clock.advance(49.9)
    assert not rest.is_finished
    fake_clock.advance(0.1)
    assert rest.is_finished
    assert rest.elapsed_total() == pytest.approx(160)  # the pause was rest too


def test_adjust_adds_and_removes_time_but_never_goes_below_zero(fake_clock: FakeClock) -> None:
    rest = RestTimer(fake_clock)
    rest.start(45)
    assert rest.adjust(+15) == pytest.approx(60)
    assert rest.display_seconds() == 60
    fake_clock.advance(20)
    assert rest.adjust(-15) == pytest.approx(25)
    rest.pause()
    assert rest.adjust(+15) == pytest.approx(40)  # works while paused
    assert rest.adjust(-15) == pytest.approx(25)
    rest.resume()
    fake_clock.advance(15)
    assert rest.adjust(-15) == 0.0  # only 10 s were left
    assert rest.is_finished and rest.display_seconds() == 0
    assert rest.elapsed_total() == pytest.approx(35)
    assert rest.adjust(+15) == 0.0  # a finished rest stays finished


def test_removing_all_time_while_paused_ends_the_rest(fake_clock: FakeClock) -> None:
    rest = RestTimer(fake_clock)
    rest.start(10)
    rest.pause()
    rest.adjust(-15)
    assert rest.is_finished and rest.remaining() == 0.0


def test_skip_ends_the_rest_early_and_records_the_rest_taken(fake_clock: FakeClock) -> None:
    rest = RestTimer(fake_clock)
    rest.start(60)
    fake_clock.advance(22.5)
    rest.skip()
    assert rest.is_skipped and rest.is_over and not rest.is_finished
    assert rest.display_seconds() == 0
    fake_clock.advance(30)
    assert rest.elapsed_total() == pytest.approx(22.5)


def test_a_zero_rest_is_over_at_once_and_a_new_start_resets(fake_clock: FakeClock) -> None:
    rest = RestTimer(fake_clock)
    assert rest.state == "idle" and rest.elapsed_total() == 0.0
    rest.start(0)
    assert rest.is_finished
    rest.start(30)
    assert rest.is_running and rest.display_seconds() == 30
    assert rest.planned_seconds == 30


def test_a_clock_jump_past_the_deadline_is_reported_at_the_next_check(
    fake_clock: FakeClock,
) -> None:
    rest = RestTimer(fake_clock)
    rest.start(60)
    fake_clock.advance(3600)
    assert rest.is_finished
    assert rest.elapsed_total() == pytest.approx(60)  # the rest ended at its deadline


def test_suspend_is_caught_by_the_wall_clock_when_monotonic_time_stood_still(
    fake_clock: FakeClock,
) -> None:
    wall = FakeClock(start=1_700_000_000.0)
    rest = RestTimer(fake_clock, wall_clock=wall)
    rest.start(60)
    fake_clock.advance(10)
    wall.advance(10)
    assert rest.display_seconds() == 50
    wall.advance(20)  # suspended for 20 s: CLOCK_MONOTONIC did not move
    assert rest.display_seconds() == 30
    assert rest.deadline == pytest.approx(fake_clock.now + 30)
    wall.advance(600)  # a long suspend
    assert rest.is_finished


def test_without_a_wall_clock_a_suspend_is_invisible(fake_clock: FakeClock) -> None:
    rest = RestTimer(fake_clock)  # documented: monotonic alone cannot see a suspend
    rest.start(60)
    fake_clock.advance(10)
    assert rest.display_seconds() == 50


def test_small_drift_and_a_wall_clock_set_back_do_not_change_the_rest(
    fake_clock: FakeClock,
) -> None:
    wall = FakeClock(start=1_700_000_000.0)
    rest = RestTimer(fake_clock, wall_clock=wall)
    rest.start(60)
    fake_clock.advance(10)
    wall.advance(10.4)  # NTP slew, well under the suspend tolerance
    assert rest.remaining() == pytest.approx(50)
    wall.advance(-3600)  # someone set the clock back an hour
    fake_clock.advance(50)
    assert rest.is_finished


def test_set_timer_counts_up_in_whole_seconds(fake_clock: FakeClock) -> None:
    timer = SetTimer(fake_clock)
    assert not timer.is_running and timer.elapsed() == 0.0
    assert timer.seconds_until_next_display_change() is None
    timer.start()
    assert timer.display_seconds() == 0
    assert timer.seconds_until_next_display_change() == pytest.approx(1.0)
    fake_clock.advance(1.25)
    assert timer.display_seconds() == 1
    assert timer.seconds_until_next_display_change() == pytest.approx(0.75)
    fake_clock.advance(40)
    assert timer.stop() == pytest.approx(41.25)
    fake_clock.advance(10)
    assert not timer.is_running and timer.elapsed() == pytest.approx(41.25)
    assert timer.seconds_until_next_display_change() is None
    assert not timer.is_finished
    timer.reset()
    assert timer.elapsed() == 0.0
