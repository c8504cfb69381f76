"""One rule for a record: the summary's "records beaten" and History's stars agree
(issue 11: History starred a first session and a "most reps at 15 kg" the summary
did not count)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.ui.history.table_model import DATE, RECORD_ROLE
from tests.ui.session.test_summary_records import one_set_then_end, seed_earlier


def starred(window, session_id: int) -> bool:  # type: ignore[no-untyped-def]
    window.show_page("history")
    history = window.history_page
    history.mark_records()
    model = history.model
    row = model.row_of_session(session_id)
    assert row is not None
    return bool(model.index(row, DATE).data(RECORD_ROLE))


def summary_records(drive, qtbot) -> str:  # type: ignore[no-untyped-def]
    records = drive.page.summary_screen.records
    qtbot.waitUntil(lambda: records.text() != "Checking your records…", timeout=5000)
    return records.text()


def test_a_lighter_day_with_more_reps_is_no_record_in_either(drive, qtbot) -> None:
    seed_earlier(drive.window.store)  # 12 × 20 kg
    one_set_then_end(drive, 15, 15.0)  # most reps at 15 kg, but neither heavier nor more volume
    session_id = drive.page.recorder.session_id
    assert summary_records(drive, qtbot) == "None this time."
    assert not starred(drive.window, session_id)
    first = drive.workouts().list_sessions(newest_first=False, limit=1)[0].session.id
    assert not starred(drive.window, first)  # a first time is no record either


def test_a_heavier_set_is_a_record_in_both(drive, qtbot) -> None:
    seed_earlier(drive.window.store)
    one_set_then_end(drive, 12, 30.0)
    session_id = drive.page.recorder.session_id
    assert "Leg extension: heaviest yet, 30 kg × 12" in summary_records(drive, qtbot)
    assert starred(drive.window, session_id)
    assert (
        drive.window.history_page.model.index(
            drive.window.history_page.model.row_of_session(session_id), DATE
        )
        .data()
        .endswith("★")
    )


def test_no_star_and_no_cheer_agree_after_the_record_is_taken(drive, qtbot) -> None:
    """The star follows who holds the record now, as the summary would say today."""
    seed_earlier(drive.window.store)
    one_set_then_end(drive, 12, 30.0)
    beaten = drive.page.recorder.session_id
    summary_records(drive, qtbot)
    drive.key(Qt.Key.Key_Return)  # Done
    one_set_then_end(drive, 12, 35.0)
    assert "35 kg × 12" in summary_records(drive, qtbot)
    assert starred(drive.window, drive.page.recorder.session_id)
    assert not starred(drive.window, beaten)
