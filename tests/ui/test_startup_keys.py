"""Start-up as app.py runs it once the window is complete: History's first rows come
before the store, whose modules load on a thread meanwhile. Keys pressed in that time
still act, in order, once the store is open: Ctrl+N then Enter starts the Strength
session, and the check-in digits and Enter go to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backleg_desktop import app
from backleg_desktop.services.health_check import HealthCheck
from backleg_desktop.storage.paths import database_path
from tests.support.stores import close_when_jobs_are_done, open_test_store


def stored_sessions(data_dir: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(database_path(data_dir)) as conn:
        return list(conn.execute("SELECT plan_id, status, pain_before FROM sessions ORDER BY id"))


def test_ctrl_n_then_enter_pressed_while_the_store_loads_starts_the_session(
    qtbot, main_window, data_dir: Path
) -> None:
    with open_test_store(data_dir) as store:  # a history, so History shows first rows
        session = store.workouts.start_session("strength", pain_before=1)
        store.workouts.finish_session(session.id, pain_after=1)
    window = main_window
    window.settings.setValue("safety/herniated_disc", "no")

    app._window_complete(window, None, HealthCheck.start(data_dir))
    assert window.store is None  # its modules load on their thread; nothing is open yet
    assert window.history_page.model is not None  # the first rows are in
    assert window.history_page.model.rowCount() == 1

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus if focus is not None else window, key, modifier)

    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Return)  # the chooser's first plan: Strength
    press(Qt.Key.Key_2)  # pain before, at the check-in
    press(Qt.Key.Key_Return)
    assert window.current_page_key() == "exercises"  # held: nothing acted yet
    assert stored_sessions(data_dir) == [("strength", "completed", 1)]

    qtbot.waitUntil(lambda: len(stored_sessions(data_dir)) == 2, timeout=10000)
    assert window.store is not None
    assert window.current_page_key() == "session"
    assert stored_sessions(data_dir)[1] == ("strength", "in_progress", 2)
    close_when_jobs_are_done(window.store)
