"""Benchmark: how close to its deadline does a rest end while the UI is busy?

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/rest_timer_bench.py \
        [--rests N] [--seconds S]

Each rest runs two countdowns side by side in one event loop, started at the same moment
with the same deadline, while a QTimer blocks the GUI thread for 30 ms every 200 ms:

* Backleg's `TimerDriver` over a `RestTimer` (a deadline; one precise single-shot QTimer
  that sleeps until the next displayed second, waking 15 ms before the deadline and
  holding the GUI thread up to it, as the session page does);
* a naive countdown: a default (coarse) 1000 ms repeating QTimer that decrements a
  counter and ends when it reaches zero.

For each it reports the end error (when the end was noticed minus the deadline) and the
display lag (when each displayed second changed minus when it should have). Rests start
at random phases of the busy cycle (fixed seed), so some deadlines fall inside a busy
stretch. `measure()` returns the figures for a benchmark runner; not a pytest test.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from backleg_desktop.domain.timers import RestTimer
from backleg_desktop.ui.timers import RECOMMENDED_FINAL_APPROACH_MS, TimerDriver

BUSY_MS = 30
BUSY_EVERY_MS = 200


class _BusyUi:
    """A precise QTimer that holds the GUI thread (and the GIL) for BUSY_MS every
    BUSY_EVERY_MS, as a slow layout or paint would; it remembers when it was busy."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BUSY_EVERY_MS)
        self.timer.timeout.connect(self._block)
        self.blocks: list[tuple[float, float]] = []  # (start, end) on time.monotonic

    def _block(self) -> None:
        start = time.monotonic()
        end = start + BUSY_MS / 1000
        while time.monotonic() < end:
            pass
        self.blocks.append((start, time.monotonic()))

    def busy_at(self, moment: float) -> bool:
        return any(start <= moment <= end for start, end in self.blocks[-20:])


def _spin(seconds: float) -> None:
    """Run the event loop for a while (so the busy timer keeps its rhythm)."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
    loop.exec()


@dataclass
class _RestRun:
    """What one rest measured; times in seconds."""

    driver_end: float | None = None  # end noticed minus deadline
    naive_end: float | None = None
    driver_shown: list[int] = field(default_factory=list)
    driver_lag: list[float] = field(default_factory=list)
    naive_lag: list[float] = field(default_factory=list)
    deadline_in_busy_block: bool = False


def _one_rest(seconds: float, busy: _BusyUi, phase_ms: int) -> _RestRun:
    """Run both countdowns once, side by side.

    The busy cycle restarts `phase_ms` after the rest starts, so where the deadline falls
    in that cycle varies from rest to rest.
    """
    run = _RestRun()
    loop = QEventLoop()
    busy.timer.stop()
    phase = QTimer()
    phase.setSingleShot(True)
    phase.timeout.connect(busy.timer.start)
    rest = RestTimer(time.monotonic, wall_clock=time.time)
    driver = TimerDriver(final_approach_ms=RECOMMENDED_FINAL_APPROACH_MS)
    naive = QTimer()
    naive.setInterval(1000)  # the default CoarseTimer, as a naive countdown would use
    ticks_total = math.ceil(seconds)
    naive_left = [ticks_total]

    rest.start(seconds)
    start = time.monotonic()
    deadline = rest.deadline
    assert deadline is not None

    def maybe_quit() -> None:
        if run.driver_end is not None and run.naive_end is not None:
            loop.quit()

    def on_display(shown: int) -> None:
        now = time.monotonic()
        run.driver_shown.append(shown)
        if shown < ticks_total:  # not the first paint: it should change at deadline - shown
            run.driver_lag.append(now - (deadline - shown))

    def on_driver_end() -> None:
        run.driver_end = time.monotonic() - deadline
        maybe_quit()

    def on_naive_tick() -> None:
        now = time.monotonic()
        naive_left[0] -= 1
        run.naive_lag.append(now - (start + ticks_total - naive_left[0]))
        if naive_left[0] <= 0:
            naive.stop()
            run.naive_end = now - deadline
            maybe_quit()

    driver.display_changed.connect(on_display)
    driver.finished.connect(on_driver_end)
    naive.timeout.connect(on_naive_tick)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(loop.quit)
    safety.start(round(seconds * 1000) + 5000)

    naive.start()
    phase.start(phase_ms)
    driver.start(rest)
    loop.exec()
    run.deadline_in_busy_block = busy.busy_at(deadline)

    for timer in (safety, phase, naive):
        timer.stop()
    driver.stop()
    driver.deleteLater()
    return run


def measure(rests: int = 20, seconds: float = 2.0) -> dict[str, float]:
    """Run `rests` rests of `seconds` each under a busy GUI thread; return flat figures.

    End errors and display lags are in ms (``*_max_ms`` is the worst, with its sign):
    ``driver_end_median_ms``, ``driver_end_max_ms``, ``naive_end_median_ms``,
    ``naive_end_max_ms``, ``driver_lag_median_ms``, ``driver_lag_max_ms``,
    ``naive_lag_median_ms``, ``naive_lag_max_ms``; counts: ``driver_within_20ms``,
    ``naive_within_20ms``, ``deadlines_in_busy_block``; ``driver_every_second_once``
    (1.0 or 0.0); and the settings ``rests``, ``seconds``, ``busy_ms``, ``busy_every_ms``.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QCoreApplication)
    rng = random.Random(20250301)
    busy = _BusyUi()
    runs: list[_RestRun] = []
    try:
        for _ in range(rests):
            runs.append(_one_rest(seconds, busy, rng.randrange(BUSY_EVERY_MS)))
            _spin(0.1)  # let the loop settle between rests
    finally:
        busy.timer.stop()
        QCoreApplication.processEvents()

    driver_end = [r.driver_end for r in runs if r.driver_end is not None]
    naive_end = [r.naive_end for r in runs if r.naive_end is not None]
    every_second = list(range(math.ceil(seconds), -1, -1))
    figures: dict[str, float] = {
        "rests": rests,
        "seconds": seconds,
        "busy_ms": BUSY_MS,
        "busy_every_ms": BUSY_EVERY_MS,
        "deadlines_in_busy_block": sum(r.deadline_in_busy_block for r in runs),
        "driver_within_20ms": sum(abs(e) <= 0.020 for e in driver_end),
        "naive_within_20ms": sum(abs(e) <= 0.020 for e in naive_end),
        "driver_every_second_once": float(all(r.driver_shown == every_second for r in runs)),
    }
    for prefix, values in (
        ("driver_end", driver_end),
        ("naive_end", naive_end),
        ("driver_lag", [lag for r in runs for lag in r.driver_lag]),
        ("naive_lag", [lag for r in runs for lag in r.naive_lag]),
    ):
        ms = [v * 1000 for v in values] or [math.nan]
        figures[f"{prefix}_median_ms"] = statistics.median(ms)
        figures[f"{prefix}_max_ms"] = max(ms, key=abs)
    return figures


def format_table(f: dict[str, float]) -> str:
    rests = int(f["rests"])
    header = f"{'countdown':<24}{'end median':>12}{'end max':>10}{'lag median':>12}{'lag max':>10}"
    lines = [
        f"Rest end error vs deadline: {rests} rests of {f['seconds']:g} s, GUI thread busy "
        f"{f['busy_ms']:g} ms every {f['busy_every_ms']:g} ms",
        "",
        header,
        "-" * len(header),
    ]
    for name, key in (("TimerDriver (deadline)", "driver"), ("Naive 1 s tick QTimer", "naive")):
        lines.append(
            f"{name:<24}{f[key + '_end_median_ms']:>10.1f}ms{f[key + '_end_max_ms']:>8.1f}ms"
            f"{f[key + '_lag_median_ms']:>10.1f}ms{f[key + '_lag_max_ms']:>8.1f}ms"
        )
    lines += [
        "",
        "end: when the end was noticed minus the deadline (negative: early); max: the worst.",
        "lag: when a displayed second changed minus when it should have.",
        f"Deadlines inside a busy block: {f['deadlines_in_busy_block']:g} of {rests}",
        f"Ended within 20 ms: TimerDriver {f['driver_within_20ms']:g}/{rests},"
        f" naive {f['naive_within_20ms']:g}/{rests}",
        f"TimerDriver showed every second exactly once: {bool(f['driver_every_second_once'])}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rests", type=int, default=20, help="number of rests (default 20)")
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each rest")
    args = parser.parse_args(argv)
    print(format_table(measure(args.rests, args.seconds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
