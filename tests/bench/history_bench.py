"""Benchmark the History page on a generated 10-year history and print figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/history_bench.py

Targets (issue 5): History shows its first rows in ≤ 100 ms; a chart in ≤ 150 ms. Each
figure is printed next to a baseline measured in the same run: an empty QTableView shown
and painted.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QTableView

from backleg_desktop.content.loader import load_library
from backleg_desktop.services.store import open_store

REPEAT = 7


def _median_ms(action: Callable[[], object], repeat: int = REPEAT) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def measure(data_dir: Path) -> dict[str, Any]:
    """Median milliseconds for each step, on the history in `data_dir`."""
    app = QApplication.instance() or QApplication([])
    library = load_library()
    from backleg_desktop.ui.history import HistoryPage
    from backleg_desktop.ui.history.history_page import PROGRESS_TAB
    from backleg_desktop.ui.history.table_model import VOLUME

    figures: dict[str, Any] = {"baseline_name": "empty QTableView shown and painted"}
    with open_store(data_dir, library, make_daily_backup=False) as store:
        figures["sessions"] = store.workouts.count_sessions()

        def empty_table() -> None:
            view = QTableView()
            view.resize(1280, 800)
            view.show()
            view.grab()
            view.deleteLater()
            app.processEvents()

        figures["baseline_ms"] = _median_ms(empty_table)

        def first_rows() -> None:
            page = HistoryPage(library)
            page.resize(1280, 800)
            page.set_workouts(store.workouts)
            page.show()
            page.grab()  # painted with its first rows
            pages.append(page)

        pages: list[Any] = []
        figures["first_rows_shown_ms"] = _median_ms(first_rows)
        for old in pages:  # outside the timing: the deferred record markers run here
            old.deleteLater()
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()

        page = HistoryPage(library)
        page.resize(1280, 800)
        page.set_workouts(store.workouts)
        page.show()
        app.processEvents()
        figures["record_markers_off_thread_ms"] = _median_ms(page.mark_records, 3)
        figures["sort_by_volume_ms"] = _median_ms(
            lambda: (page.model.sort(VOLUME), page.model.sort(0)), 3
        )

        start = time.perf_counter()
        page.tabs.setCurrentIndex(PROGRESS_TAB)  # imports QtCharts the first time
        page.grab()
        figures["progress_tab_first_shown_ms"] = (time.perf_counter() - start) * 1000
        view = page.tab_widget(PROGRESS_TAB)
        exercises = ["leg-extension", "goblet-squat", "reverse-lunge"]

        def exercise_chart() -> None:
            for exercise in exercises:
                view.select(exercise)
                view.exercise_chart.grab()

        figures["exercise_chart_ms"] = _median_ms(exercise_chart) / len(exercises)

        def pain_chart() -> None:
            view.show_pain_chart()
            view.pain_chart.grab()

        figures["pain_trend_graph_ms"] = _median_ms(pain_chart)
        page.deleteLater()
        app.processEvents()
    return figures


def main() -> None:
    from tests.support.synthetic import generate_history

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        with open_store(data_dir, load_library(), make_daily_backup=False) as store:
            store.workouts.import_sessions(generate_history(years=10))
        figures = measure(data_dir)
    print(f"History benchmark, {int(figures.pop('sessions')):,} sessions (median ms)")
    targets = {"first_rows_shown_ms": 100.0, "exercise_chart_ms": 150.0}
    print(f"  baseline: {figures.pop('baseline_name')}")
    for label, value in figures.items():
        target = targets.get(label)
        note = (
            f"  (target ≤ {target:.0f} ms: {'ok' if value <= target else 'MISSED'})"
            if target
            else ""
        )
        print(f"  {label:<46} {value:8.1f}{note}")


if __name__ == "__main__":
    main()
