"""One session, one count of sets done: the summary, the History list and the History
detail read the same figure (issue 11: once "11 of 14", "16/19" and "16 sets")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.domain.summary import summarize
from backleg_desktop.ui.history.table_model import DATE, SESSION_ID_ROLE, SETS

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def log_one_set(drive) -> None:  # type: ignore[no-untyped-def]
    """Space to start, Space to log each side, then skip the rest."""
    page = drive.page
    drive.space()
    while True:
        drive.advance(15)
        drive.space()
        if page.flow.state != "in_set":
            break
    if page.flow.state == "resting":
        drive.space()


def history_row_and_detail(window, session_id: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    window.show_page("history")
    history = window.history_page
    model = history.model
    row = model.row_of_session(session_id)
    assert row is not None
    history.table.selectRow(row)
    assert history.detail.detail is not None
    assert history.detail.detail.session.id == model.index(row, DATE).data(SESSION_ID_ROLE)
    return model.index(row, SETS).data(), history.detail.meta.text()


def test_a_session_with_skips_and_a_one_leg_move_counts_the_same_everywhere(drive) -> None:
    page = drive.page
    drive.start(pain="2")
    for _ in range(3):  # leg extension: all three sets
        log_one_set(drive)
    drive.key(K.Key_S)  # goblet squat: set 1 skipped, set 2 done, the rest skipped
    log_one_set(drive)
    drive.key(K.Key_S, SHIFT)
    assert page.exercise_screen.name.text() == "Lying leg curl"
    drive.key(K.Key_S, SHIFT)  # the leg curl skipped altogether
    assert page.exercise_screen.name.text() == "Reverse lunge"
    log_one_set(drive)  # a one-leg set: both legs logged, ONE set
    session_id = page.recorder.session_id
    stored = drive.stored().sets
    assert {s.side for s in stored if s.exercise_id == "reverse-lunge"} == {"left", "right"}
    drive.key(K.Key_E, CTRL)  # end early (the confirmation defaults to yes)
    drive.key(K.Key_Escape)  # no pain check-in after

    summary = page.summary_screen.values["sets"].text()
    assert summary == "5 of 14"
    listed, meta = history_row_and_detail(drive.window, session_id)
    assert listed == summary
    assert f"{summary} sets" in meta.split(" · ")


def test_a_warm_up_is_not_a_set_done_in_any_of_the_three(drive, store) -> None:
    """A session written by another path (an import, the CLI) with a warm-up in it."""
    workouts = store.workouts
    start = datetime.now(UTC) - timedelta(days=1)
    session = workouts.start_session("strength", pain_before=2, started_at=start)
    entries = [
        SetEntry("leg-extension", 1, kind="warmup", reps=15, load_kg=10.0),
        SetEntry("leg-extension", 2, reps=12, load_kg=25.0),
        SetEntry("reverse-lunge", 1, side="left", reps=8),
        SetEntry("reverse-lunge", 1, side="right", reps=8),
        SetEntry("split-stance-rdl", 1, side="left", reps=8, load_kg=8.0),
    ]
    for number, entry in enumerate(entries, start=1):
        at = start + timedelta(minutes=number)
        workouts.log_set(session.id, SetEntry(**{**entry.__dict__, "completed_at": at}))
    workouts.finish_session(session.id, pain_after=2, ended_at=start + timedelta(hours=1))

    detail = workouts.session_detail(session.id)
    report = summarize(detail.session, detail.sets, drive.window.library.plan("strength"))
    assert (report.sets_done, report.sets_planned) == (3, 14)
    listed, meta = history_row_and_detail(drive.window, session.id)
    assert listed == "3 of 14"
    assert "3 of 14 sets" in meta.split(" · ")
