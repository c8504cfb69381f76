"""TimerDriver: one precise single-shot QTimer following a domain timer's deadline."""

from __future__ import annotations

import random
import sys
import time

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from backleg_desktop.domain.timers import RestTimer, SetTimer
from backleg_desktop.ui.timers import RECOMMENDED_FINAL_APPROACH_MS, TimerDriver


class Recorder:
    def __init__(self, driver: TimerDriver) -> None:
        self.shown: list[int] = []
        self.finished = 0
        driver.display_changed.connect(self.shown.append)
        driver.finished.connect(self._on_finished)

    def _on_finished(self) -> None:
        self.finished += 1


def wakeup_timer(driver: TimerDriver) -> QTimer:
    return driver.findChild(QTimer, "TimerDriver.wakeup")


def test_the_wakeup_is_one_precise_single_shot_timer(qtbot) -> None:
    driver = TimerDriver()
    timers = driver.findChildren(QTimer)
    assert len(timers) == 1
    assert timers[0].isSingleShot()
    assert timers[0].timerType().name == "PreciseTimer"


def test_every_second_is_emitted_once_and_the_end_at_the_deadline(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    rest.start(60)
    driver.start(rest)
    assert seen.shown == [60]
    assert driver.scheduled_interval_ms == 1000  # the next whole second, not a tick count
    deadline = 1060.0
    lateness = random.Random(4).choices([0.0, 0.001, 0.03, 0.25, 0.9], k=200)
    i = 0
    while driver.is_active:
        interval = driver.scheduled_interval_ms
        assert interval is not None
        fake_clock.advance(interval / 1000 + lateness[i])
        i += 1
        driver.tick()
        driver.tick()  # a spurious extra wake-up changes nothing
    assert seen.shown == list(range(60, -1, -1))
    assert seen.finished == 1
    assert fake_clock.now >= deadline
    driver.tick()
    assert seen.finished == 1 and not driver.is_active


def test_a_wakeup_mid_second_sleeps_only_until_the_boundary(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    rest.start(10.5)
    driver.start(rest)
    assert driver.scheduled_interval_ms == 500
    fake_clock.advance(0.8)  # woke late
    driver.tick()
    assert driver.shown_seconds == 10
    assert driver.scheduled_interval_ms == 700
    driver.stop()
    assert not driver.is_active and driver.scheduled_interval_ms is None


def test_pause_resume_adjust_and_skip(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    rest.start(45)
    driver.start(rest)
    fake_clock.advance(5)
    driver.tick()
    rest.pause()
    driver.tick()
    assert not driver.is_active  # nothing changes while paused: no wake-ups
    fake_clock.advance(30)
    rest.adjust(+15)
    driver.tick()
    assert seen.shown[-2:] == [40, 55]
    rest.resume()
    driver.tick()
    assert driver.is_active and driver.scheduled_interval_ms == 1000
    rest.adjust(-15)
    driver.tick()
    assert seen.shown[-1] == 40
    rest.skip()
    driver.tick()
    assert not driver.is_active
    assert seen.finished == 0  # a skipped rest is not an alert
    assert seen.shown[-1] == 0


def test_removing_the_last_seconds_finishes_at_once(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    rest.start(10)
    driver.start(rest)
    rest.adjust(-15)
    driver.tick()
    assert seen.shown == [10, 0] and seen.finished == 1 and not driver.is_active


def test_a_slot_may_stop_the_driver_while_it_emits(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    driver.display_changed.connect(lambda _s: driver.stop())
    rest.start(0)
    driver.start(rest)
    assert seen.shown == [0] and seen.finished == 0 and not driver.is_active


def test_a_suspend_jump_is_reported_on_the_next_wakeup(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    rest.start(60)
    driver.start(rest)
    fake_clock.advance(600)
    driver.tick()
    assert seen.shown == [60, 0] and seen.finished == 1


def test_set_timer_counts_up(qtbot, fake_clock) -> None:
    timer = SetTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    timer.start()
    driver.start(timer)
    for _ in range(3):
        fake_clock.advance(driver.scheduled_interval_ms / 1000)
        driver.tick()
    assert seen.shown == [0, 1, 2, 3]
    timer.stop()
    driver.tick()
    assert not driver.is_active and seen.finished == 0


def test_destroying_the_parent_stops_the_wakeup(qtbot, fake_clock) -> None:
    page = QWidget()
    driver = TimerDriver(page)
    rest = RestTimer(fake_clock)
    rest.start(60)
    driver.start(rest)
    wakeup = wakeup_timer(driver)
    assert wakeup.isActive()
    with qtbot.waitSignal(page.destroyed, timeout=1000):
        page.deleteLater()
    assert not shiboken6.isValid(wakeup)


def test_a_real_short_rest_ends_on_time(qtbot) -> None:
    rest = RestTimer(time.monotonic, wall_clock=time.time)
    driver = TimerDriver()
    seen = Recorder(driver)
    rest.start(0.3)
    deadline = rest.deadline
    assert deadline is not None
    with qtbot.waitSignal(driver.finished, timeout=1000):
        driver.start(rest)
    late_ms = (time.monotonic() - deadline) * 1000
    # Never early; the bound is loose on purpose (a busy CI machine): precision is
    # measured by tests/bench/rest_timer_bench.py, not asserted here.
    assert 0 <= late_ms < 250, late_ms
    assert seen.shown == [1, 0]
    assert not driver.is_active


def test_a_zero_rest_finishes_immediately(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    rest.start(0)
    driver.start(rest)
    assert seen.shown == [0] and seen.finished == 1 and not driver.is_active


def test_emitting_for_an_hour_does_not_eat_references_to_true(qtbot, fake_clock) -> None:
    """A long rest emits hundreds of times; no reference to True may be lost on the way."""
    timer = SetTimer(fake_clock)
    driver = TimerDriver()
    seen = Recorder(driver)
    timer.start()
    before = sys.getrefcount(True)
    driver.start(timer)
    for _ in range(400):
        fake_clock.advance(1.0)
        driver.tick()
    assert len(seen.shown) == 401
    assert sys.getrefcount(True) - before > -20
    driver.stop()


def test_final_approach_wakes_early_and_holds_until_the_deadline(qtbot, fake_clock) -> None:
    rest = RestTimer(fake_clock)
    driver = TimerDriver(final_approach_ms=15)
    seen = Recorder(driver)
    rest.start(2)
    driver.start(rest)
    intervals = [driver.scheduled_interval_ms]
    fake_clock.advance(1.0)
    driver.tick()
    intervals.append(driver.scheduled_interval_ms)
    fake_clock.advance(0.985)
    driver.tick()  # sleeps 15 ms of real time; the fake clock stands still
    intervals.append(driver.scheduled_interval_ms)
    assert intervals == [1000, 985, 15]
    fake_clock.advance(0.015)
    driver.tick()
    assert seen.shown == [2, 1, 0] and seen.finished == 1


def test_a_real_rest_with_final_approach_ends_within_a_few_ms(qtbot) -> None:
    rest = RestTimer(time.monotonic, wall_clock=time.time)
    driver = TimerDriver(final_approach_ms=RECOMMENDED_FINAL_APPROACH_MS)
    rest.start(0.2)
    deadline = rest.deadline
    assert deadline is not None
    with qtbot.waitSignal(driver.finished, timeout=1000):
        driver.start(rest)
    late_ms = (time.monotonic() - deadline) * 1000
    assert 0 <= late_ms < 250, late_ms  # never early; precision is the benchmark's job
