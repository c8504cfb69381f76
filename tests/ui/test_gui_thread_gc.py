"""A Qt object that becomes cyclic garbage is destroyed on the GUI thread, never on the
worker thread whose allocations happen to trip Python's collector (ui/gui_thread_gc.py).

These tests use `qapp`, not `qtbot`: tests/conftest.py runs every qtbot test under the
same collector, and these must show what happens with and without it.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from backleg_desktop import app
from backleg_desktop.ui.gui_thread_gc import GuiThreadCollector


class _Cyclic(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.me = self  # only the cyclic collector can free it


def _drop_cyclic_qobject() -> list[str]:
    """Make a QObject cyclic garbage; the list gets the name of the thread that frees it."""
    freed_on: list[str] = []
    obj = _Cyclic()
    weakref.finalize(obj, lambda: freed_on.append(threading.current_thread().name))
    del obj
    return freed_on


def _allocate_on_a_worker() -> None:
    # Far past generation 0's threshold (700): the automatic collector runs here.
    def churn() -> None:
        for _ in range(20):
            [[] for _ in range(10_000)]

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()


@pytest.fixture
def collection_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.enable()
    yield
    gc.collect()
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collection_enabled")
def test_without_it_a_worker_thread_frees_the_qt_object(qapp: QApplication) -> None:
    freed_on = _drop_cyclic_qobject()
    _allocate_on_a_worker()
    assert freed_on == ["worker"]  # what the collector is there to prevent


@pytest.mark.usefixtures("collection_enabled")
def test_with_it_the_qt_object_is_freed_by_the_gui_thread(qapp: QApplication) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        freed_on = _drop_cyclic_qobject()
        _allocate_on_a_worker()
        assert freed_on == []  # still waiting: the worker did not collect
        assert collector.collect_due() >= 1
        assert freed_on == [threading.current_thread().name]
        assert threading.current_thread() is threading.main_thread()
    finally:
        collector.stop()
    assert gc.isenabled()


@pytest.mark.usefixtures("collection_enabled")
def test_its_timer_collects_without_being_asked(qapp: QApplication) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    try:
        freed_on = _drop_cyclic_qobject()
        _allocate_on_a_worker()
        for _ in range(100):
            QApplication.processEvents()
            if freed_on:
                break
            threading.Event().wait(0.01)
        assert freed_on == [threading.main_thread().name]
    finally:
        collector.stop()


START_UP = """
import gc, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from backleg_desktop import app

def report(marker):
    print(marker, "automatic collection", gc.isenabled())
    QApplication.quit()

app._bench_exit = report
code = app.run_gui(Path(sys.argv[1]))
print("after run_gui", "automatic collection", gc.isenabled())
sys.exit(code)
"""


def test_the_app_collects_on_the_gui_thread_while_it_runs(tmp_path: Path) -> None:
    # "history": the store's modules were imported on their thread and the store is open.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app.BENCH_ENV: "history"}
    result = subprocess.run(
        [sys.executable, "-c", START_UP, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "history automatic collection False",
        "after run_gui automatic collection True",
    ]


FROZEN = """
import gc, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from backleg_desktop import app

def report(marker):
    print(marker, "frozen", gc.get_freeze_count() > 10_000)
    QApplication.quit()

app._bench_exit = report
code = app.run_gui(Path(sys.argv[1]))
print("after run_gui", "frozen", gc.get_freeze_count() > 0)
sys.exit(code)
"""


def test_start_up_s_objects_are_left_out_of_later_collections(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app.BENCH_ENV: "history"}
    result = subprocess.run(
        [sys.executable, "-c", FROZEN, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["history frozen True", "after run_gui frozen False"]
