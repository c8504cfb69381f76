"""Benchmark: how close to its deadline does a rest end while the UI is busy?

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/rest_timer_bench.py \
        [--rests N] [--seconds S]

Each rest runs two countdowns side by side in one event loop, started at the same moment
with the same deadline, while a QTimer blocks the GUI thread for 30 ms every 200 ms:

* Backleg's `TimerDriver` over a `RestTimer` (a deadline; one precise single-shot QTimer
  that sleeps until the next displayed second);
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from backleg_desktop.domain.timers import RestTimer
from backleg_desktop.ui.timers import TimerDriver

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


def _stats(values_s: Sequence[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values_s]
    if not ms:
        return {"median_ms": math.nan, "max_ms": math.nan, "min_ms": math.nan}
    return {
        "median_ms": statistics.median(ms),
        "max_ms": max(ms, key=abs),  # the worst, with its sign
        "min_ms": min(ms),
    }


def _one_rest(seconds: float, busy: _BusyUi, phase_ms: int) -> dict[str, object]:
    """Run both countdowns once; return their end errors and display lags (seconds).

    The busy cycle restarts `phase_ms` after the rest starts, so where the deadline falls
    in that cycle varies from rest to rest.
    """
    loop = QEventLoop()
    busy.timer.stop()
    phase = QTimer()
    phase.setSingleShot(True)
    phase.timeout.connect(busy.timer.start)
    rest = RestTimer(time.monotonic, wall_clock=time.time)
    driver = TimerDriver()
    naive = QTimer()
    naive.setInterval(1000)  # the default CoarseTimer, as a naive countdown would use
    ticks_total = math.ceil(seconds)
    state: dict[str, object] = {
        "driver_end": None,
        "naive_end": None,
        "driver_shown": [],
        "driver_lag": [],
        "naive_lag": [],
    }
    naive_left = [ticks_total]

    rest.start(seconds)
    start = time.monotonic()
    deadline = rest.deadline
    assert deadline is not None

    def maybe_quit() -> None:
        if state["driver_end"] is not None and state["naive_end"] is not None:
            loop.quit()

    def on_display(shown: int) -> None:
        now = time.monotonic()
        state["driver_shown"].append(shown)  # type: ignore[attr-defined]
        if shown < ticks_total:  # not the first paint: it should change at deadline - shown
            state["driver_lag"].append(now - (deadline - shown))  # type: ignore[attr-defined]

    def on_driver_end() -> None:
        state["driver_end"] = time.monotonic() - deadline
        maybe_quit()

    def on_naive_tick() -> None:
        now = time.monotonic()
        naive_left[0] -= 1
        ticks_done = ticks_total - naive_left[0]
        state["naive_lag"].append(now - (start + ticks_done))  # type: ignore[attr-defined]
        if naive_left[0] <= 0:
            naive.stop()
            state["naive_end"] = now - deadline
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
    state["deadline_in_busy_block"] = busy.busy_at(deadline)

    safety.stop()
    phase.stop()
    naive.stop()
    driver.stop()
    driver.deleteLater()
    return state


def measure(rests: int = 20, seconds: float = 2.0) -> dict:
    """Run `rests` rests of `seconds` each under a busy UI; return the figures.

    Keys: ``driver`` and ``naive`` (each ``end_error`` and ``display_lag`` stats in ms:
    ``median_ms``, ``max_ms`` (worst, signed), ``min_ms``), ``driver_display_ok`` (every
    second shown exactly once in every rest), and the settings used.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QCoreApplication)
    rng = random.Random(20250301)
    busy = _BusyUi()

    driver_end: list[float] = []
    naive_end: list[float] = []
    driver_lag: list[float] = []
    naive_lag: list[float] = []
    display_ok = True
    in_busy_block = 0
    try:
        for _ in range(rests):
            result = _one_rest(seconds, busy, rng.randrange(BUSY_EVERY_MS))
            in_busy_block += bool(result["deadline_in_busy_block"])
            if result["driver_end"] is not None:
                driver_end.append(result["driver_end"])  # type: ignore[arg-type]
            if result["naive_end"] is not None:
                naive_end.append(result["naive_end"])  # type: ignore[arg-type]
            driver_lag += result["driver_lag"]  # type: ignore[arg-type]
            naive_lag += result["naive_lag"]  # type: ignore[arg-type]
            expected = list(range(math.ceil(seconds), -1, -1))
            display_ok = display_ok and result["driver_shown"] == expected
            _spin(0.1)  # let the loop settle between rests
    finally:
        busy.timer.stop()
        QCoreApplication.processEvents()

    return {
        "rests": rests,
        "seconds": seconds,
        "busy": f"{BUSY_MS} ms every {BUSY_EVERY_MS} ms",
        "driver": {
            "end_error": _stats(driver_end),
            "display_lag": _stats(driver_lag),
            "ended": len(driver_end),
        },
        "naive": {
            "end_error": _stats(naive_end),
            "display_lag": _stats(naive_lag),
            "ended": len(naive_end),
        },
        "driver_display_ok": display_ok,
        "deadlines_in_busy_block": in_busy_block,
        "driver_within_20ms": sum(abs(e) <= 0.020 for e in driver_end),
        "naive_within_20ms": sum(abs(e) <= 0.020 for e in naive_end),
    }


def format_table(figures: dict) -> str:
    rows = [
        ("TimerDriver (deadline)", figures["driver"]),
        ("Naive 1 s tick QTimer", figures["naive"]),
    ]
    lines = [
        f"Rest end error vs deadline: {figures['rests']} rests of {figures['seconds']:g} s, "
        f"GUI thread busy {figures['busy']}",
        "",
        f"{'countdown':<24}{'end median':>12}{'end max':>10}{'end min':>10}"
        f"{'lag median':>12}{'lag max':>10}",
    ]
    for name, data in rows:
        end, lag = data["end_error"], data["display_lag"]
        lines.append(
            f"{name:<24}{end['median_ms']:>10.1f}ms{end['max_ms']:>8.1f}ms{end['min_ms']:>8.1f}ms"
            f"{lag['median_ms']:>10.1f}ms{lag['max_ms']:>8.1f}ms"
        )
    lines += [
        "",
        "end = when the end was noticed minus the deadline (negative: early); max is the worst.",
        "lag = when a displayed second changed minus when it should have.",
        f"Deadlines that fell inside a busy block: {figures['deadlines_in_busy_block']}"
        f" of {figures['rests']}",
        f"Ended within 20 ms: TimerDriver {figures['driver_within_20ms']}/{figures['rests']},"
        f" naive {figures['naive_within_20ms']}/{figures['rests']}",
        f"TimerDriver showed every second exactly once: {figures['driver_display_ok']}",
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
