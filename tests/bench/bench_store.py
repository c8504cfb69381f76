"""Benchmark the history store and print figures (not a timed test).

    .venv/bin/python tests/bench/bench_store.py

Set logging with a durable commit, and on a generated 10-year history (3,650 sessions,
about 68,000 sets): the newest 100 sessions, one exercise's series, records, iterating
the full export, and the import itself.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.store import open_store
from tests.support.library import minimal_library
from tests.support.synthetic import generate_history


def timed(label: str, action: Callable[[], object], repeat: int = 20) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    median = statistics.median(runs)
    print(f"{label:<42} median {median:8.2f} ms   max {max(runs):8.2f} ms")
    return median


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        with open_store(data_dir, minimal_library(), make_daily_backup=False) as store:
            w = store.workouts
            session = w.start_session("strength", pain_before=2)
            entry = SetEntry("goblet-squat", 1, reps=10, load_kg=16.0)
            timed("log one set (durable commit)", lambda: w.log_set(session.id, entry), 200)
            w.delete_session(session.id)

            start = time.perf_counter()
            summary = w.import_sessions(generate_history(years=10))
            took = time.perf_counter() - start
            print(
                f"import 10-year history: {summary.sessions_added} sessions, "
                f"{summary.sets_added} sets in {took:.2f} s"
            )

            timed("list newest 100 sessions", lambda: w.list_sessions(limit=100))
            timed("list page 30 (offset 3000)", lambda: w.list_sessions(offset=3000))
            timed(
                "list 100 filtered by exercise",
                lambda: w.list_sessions(exercise_id="reverse-lunge"),
            )
            timed("count sessions", w.count_sessions)
            timed("series: leg-extension", lambda: w.exercise_series("leg-extension"))
            timed("series: split-stance-rdl", lambda: w.exercise_series("split-stance-rdl"))
            timed("records: leg-extension", lambda: w.records("leg-extension"))
            timed("last sets: goblet-squat", lambda: w.last_sets("goblet-squat"))
            timed("iterate full export", lambda: sum(1 for _ in w.iter_export_rows()), 3)
            print(f"database size: {store.db_path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
