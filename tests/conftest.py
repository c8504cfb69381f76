"""Shared test set-up: offscreen Qt, a temp data dir per test, no QTimer left running."""

from __future__ import annotations

import os

# Must be set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("BACKLEG_DATA_DIR", None)

from pathlib import Path

import pytest

from tests.support.clock import FakeClock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def _no_qtimer_left_running(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Fail a Qt test that leaves an active QTimer behind (as napari does)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    running = [t for t in app.findChildren(QTimer) if t.isActive()]
    for widget in QApplication.topLevelWidgets():
        running += [t for t in widget.findChildren(QTimer) if t.isActive()]
    if running:
        names = ", ".join(t.objectName() or repr(t) for t in running)
        pytest.fail(f"test left QTimer(s) running: {names}")


@pytest.fixture(autouse=True)
def _qt_garbage_collected_here(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Collect a Qt test's garbage on the GUI thread, once its jobs are done.

    A widget dropped in a reference cycle (a page whose children hold its bound methods)
    is freed by whichever thread next runs Python's cyclic GC. Left for later, that can
    be a QThreadPool worker of the next test (a History records job), which then deletes
    the widget off the GUI thread: the segfaults the suite showed now and then. By the
    time this runs, pytest-qt has closed and deleted the test's widgets.
    """
    yield
    if "qtbot" not in request.fixturenames:
        return
    import gc

    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    gc.collect()
