"""Records beaten in the summary: one service query, run on a pool thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services import session_records
from backleg_desktop.services.errors import BacklegError

CTRL = Qt.KeyboardModifier.ControlModifier


def seed_earlier(store) -> None:  # type: ignore[no-untyped-def]
    """Two days ago: one set of leg extensions, 12 reps at 20 kg."""
    start = datetime.now(UTC) - timedelta(days=2)
    workouts = store.workouts
    session = workouts.start_session("strength", pain_before=2, started_at=start)
    done = start + timedelta(minutes=2)
    workouts.log_set(
        session.id, SetEntry("leg-extension", 1, reps=12, load_kg=20.0, completed_at=done)
    )
    workouts.finish_session(session.id, pain_after=2, ended_at=start + timedelta(hours=1))


def one_set_then_end(drive, reps: int, load: float) -> None:  # type: ignore[no-untyped-def]
    drive.start()
    drive.page.exercise_screen.set_values(reps, load)
    drive.do_set()
    drive.key(Qt.Key.Key_E, CTRL)  # end early: the confirmation defaults to yes
    drive.key(Qt.Key.Key_Escape)  # no pain check-in after: the summary


def test_records_beaten_come_from_a_pool_thread(drive, store, qtbot, monkeypatch) -> None:
    seed_earlier(store)
    on_main_thread: list[bool] = []
    real = session_records.records_beaten

    def spy(workouts, session_id):  # type: ignore[no-untyped-def]
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        return real(workouts, session_id)

    monkeypatch.setattr(session_records, "records_beaten", spy)
    one_set_then_end(drive, 12, 30.0)
    summary = drive.page.summary_screen
    assert drive.page.current_screen() is summary
    assert summary.values["sets"].text() == "1 of 14"  # the figures do not wait
    qtbot.waitUntil(lambda: "heaviest" in summary.records.text(), timeout=5000)
    assert summary.records.text() == (
        "Leg extension: heaviest yet, 30 kg × 12\nLeg extension: most volume in one session, 360 kg"
    )
    assert on_main_thread == [False]


def test_a_first_session_has_no_records(drive, qtbot) -> None:
    one_set_then_end(drive, 12, 30.0)
    records = drive.page.summary_screen.records
    qtbot.waitUntil(lambda: records.text() == "None this time.", timeout=5000)


def test_records_that_cannot_be_read_say_so(drive, qtbot, monkeypatch) -> None:
    def broken(workouts, session_id):  # type: ignore[no-untyped-def]
        raise BacklegError("The history file could not be read (disk I/O error).")

    monkeypatch.setattr(session_records, "records_beaten", broken)
    one_set_then_end(drive, 12, 30.0)
    records = drive.page.summary_screen.records
    qtbot.waitUntil(lambda: "could not be checked" in records.text(), timeout=5000)
    assert drive.page.message.text() == "The history file could not be read (disk I/O error)."
    assert drive.page.summary_screen.values["sets"].text() == "1 of 14"
