"""Start-up time and peak memory of Backleg against a bare PySide6 QMainWindow.

Both are started the same way (a fresh `python` process) and report when their window
has been shown and painted; the figures are medians of alternating runs, so a noisy
machine slows both sides alike.

Backleg reports through the BACKLEG_BENCH_EXIT hook in app.py: "shown" quits after
the first paint (timed with the empty history, and again with the 10-year one, whose
health check runs beside that paint), "first-rows" once History has painted its first
rows (read before the store opens, as a user who opens History at once sees them),
"history" once the store is open and History painted from it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE_WINDOW = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
win = QMainWindow()
win.setWindowTitle("bare")
win.resize(1280, 800)
win.show()
def done():
    print("BENCH shown", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A user's install has compiled bytecode; without it every run would recompile.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _time_child(cmd: list[str], env: dict[str, str], marker: str) -> tuple[float, int]:
    """Seconds from spawn to the marker line, and the child's peak RSS in KiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    elapsed, rss = float("nan"), 0
    for raw in proc.stdout:
        line = raw.decode().strip()
        if line.startswith(f"BENCH {marker}"):
            elapsed = time.perf_counter() - start
            rss = int(line.split()[2])
            break
    proc.wait(timeout=60)
    if elapsed != elapsed:
        raise RuntimeError(f"{cmd!r} never reported {marker!r}")
    return elapsed, rss


def backleg_cmd() -> list[str]:
    return [sys.executable, "-m", "backleg_desktop"]


def measure(runs: int, empty_dir: Path, history_dir: Path | None) -> dict[str, float]:
    """Alternate bare / Backleg runs; return medians in ms and peak RSS in MiB."""
    bare_t, app_t, loaded_t, rows_t, live_t, shown_full_t = [], [], [], [], [], []
    bare_rss, empty_rss, full_rss = [], [], []
    # One unmeasured run of each writes the bytecode caches and warms the disk cache.
    _time_child([sys.executable, "-c", BARE_WINDOW], _env(), "shown")
    warm = _env() | {"BACKLEG_DATA_DIR": str(empty_dir), "BACKLEG_BENCH_EXIT": "history"}
    _time_child(backleg_cmd(), warm, "history")
    for _ in range(runs):
        t, rss = _time_child([sys.executable, "-c", BARE_WINDOW], _env(), "shown")
        bare_t.append(t)
        bare_rss.append(rss)
        env = _env() | {"BACKLEG_DATA_DIR": str(empty_dir), "BACKLEG_BENCH_EXIT": "shown"}
        t, rss = _time_child(backleg_cmd(), env, "shown")
        app_t.append(t)
        env["BACKLEG_BENCH_EXIT"] = "history"
        t, rss = _time_child(backleg_cmd(), env, "history")
        loaded_t.append(t)
        empty_rss.append(rss)
        if history_dir is not None:
            env["BACKLEG_DATA_DIR"] = str(history_dir)
            env["BACKLEG_BENCH_EXIT"] = "shown"
            t, _rss = _time_child(backleg_cmd(), env, "shown")
            shown_full_t.append(t)
            env["BACKLEG_BENCH_EXIT"] = "first-rows"
            t, _rss = _time_child(backleg_cmd(), env, "first-rows")
            rows_t.append(t)
            env["BACKLEG_BENCH_EXIT"] = "history"
            t, rss = _time_child(backleg_cmd(), env, "history")
            live_t.append(t)
            full_rss.append(rss)  # the peak with the store open, as the empty one
    result = {
        "bare_shown_ms": statistics.median(bare_t) * 1000,
        "backleg_shown_ms": statistics.median(app_t) * 1000,
        "backleg_history_loaded_ms": statistics.median(loaded_t) * 1000,
        "bare_rss_mib": statistics.median(bare_rss) / 1024,
        "empty_history_rss_mib": statistics.median(empty_rss) / 1024,
    }
    result["shown_ratio"] = result["backleg_shown_ms"] / result["bare_shown_ms"]
    if full_rss:
        result["backleg_shown_ten_year_ms"] = statistics.median(shown_full_t) * 1000
        result["shown_ten_year_ratio"] = (
            result["backleg_shown_ten_year_ms"] / result["bare_shown_ms"]
        )
        result["backleg_history_rows_ms"] = statistics.median(rows_t) * 1000
        result["history_rows_ratio"] = result["backleg_history_rows_ms"] / result["bare_shown_ms"]
        result["backleg_history_live_ms"] = statistics.median(live_t) * 1000
        result["ten_year_history_rss_mib"] = statistics.median(full_rss) / 1024
        result["ten_year_vs_empty_rss_ratio"] = (
            result["ten_year_history_rss_mib"] / result["empty_history_rss_mib"]
        )
    return result
