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
def _qt_garbage_collected_on_the_gui_thread(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Run a Qt test under the app's own collection policy (ui/gui_thread_gc.py).

    With automatic collection on, a widget dropped in a reference cycle is freed by
    whichever thread next trips the collector; in a test that is often a QThreadPool
    worker (a History records job), which then deletes the widget off the GUI thread.
    run_gui turns automatic collection off and collects from a GUI-thread timer; so does
    this, and what is left is collected once the test's jobs are done and pytest-qt has
    closed its widgets and Qt has deleted them.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    from backleg_desktop.ui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    QThreadPool.globalInstance().waitForDone()
    # The widgets pytest-qt closed are deleted by Qt first (deleteLater), on this thread.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    collector.stop()
