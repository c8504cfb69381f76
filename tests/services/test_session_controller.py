"""SessionController without Qt: whole plans driven on a fake clock over a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.session_flow import Step
from backleg_desktop.services.session_controller import SessionController
from backleg_desktop.services.store import Store, open_store
from tests.support.clock import FakeClock
from tests.support.stores import WallClock


class Events:
    """Records what the controller reports, in order (honours `SessionEvents`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: list[tuple[str, object]] = []
        self.sets_stored_when_completed: list[int] = []
        self.store_calls = 0

    def store_failed(self, message: str) -> None:
        self.seen.append(("store_failed", message))

    def session_active(self, active: bool) -> None:
        self.seen.append(("session_active", active))

    def set_completed(self, step: Step) -> None:
        self.seen.append(("set_completed", step.key))
        self.sets_stored_when_completed.append(rows_in_db(self.store, "sets"))

    def store_called(self) -> None:
        self.store_calls += 1

    def named(self, name: str) -> list[object]:
        return [value for kind, value in self.seen if kind == name]


def rows_in_db(store: Store, table: str) -> int:
    """Count with a separate plain connection: proves what is committed."""
    conn = sqlite3.connect(store.db_path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(data_dir: Path, library: Library) -> Iterator[Store]:
    with open_store(data_dir, library, make_daily_backup=False, now=WallClock()) as opened:
        yield opened


@pytest.fixture
def events(store: Store) -> Events:
    return Events(store)


def controller_for(store: Store, library: Library, events: Events, clock: FakeClock):  # type: ignore[no-untyped-def]
    controller = SessionController(library, events, clock=clock)
    controller.attach(store.workouts)
    return controller


@pytest.fixture
def controller(store: Store, library: Library, events: Events, fake_clock: FakeClock):  # type: ignore[no-untyped-def]
    return controller_for(store, library, events, fake_clock)


def run_plan(controller, clock: FakeClock, *, set_s: float = 20, rest_s: float = 10) -> int:  # type: ignore[no-untyped-def]
    """Log every set with the prefilled values, cutting each rest short; sets logged."""
    logged = 0
    flow = controller.flow
    while flow.state != "finished":
        if flow.state == "ready":
            assert controller.start_set()
        step = flow.current_step
        clock.advance(set_s)
        values = controller.prefill(step)
        done = controller.log_set(values.reps, values.load_kg)
        assert done is not None and done.stored is not None and done.step == step
        logged += 1
        if controller.resting:
            clock.advance(rest_s)
            assert controller.end_rest(skipped=True)
    return logged


def test_a_whole_strength_session_without_qt(controller, events, store, fake_clock) -> None:
    assert controller.choose("strength", "bottom").name == "Strength session"
    assert controller.at_check_in and not controller.is_active
    assert rows_in_db(store, "sessions") == 0  # nothing stored before the check-in
    assert controller.begin(3)
    assert controller.is_active and events.named("session_active") == [True]
    # 9 two-legged sets, 3 alternating lunge sets (one Space each), 2 RDL sets by side.
    assert run_plan(controller, fake_clock) == 9 + 3 + 4
    assert controller.progress() == (14, 14)  # sets, not sides: as the summary counts
    assert controller.can_finish and controller.finish()
    assert not controller.is_active and events.named("session_active") == [True, False]
    assert controller.save_pain_after(1, "fine")
    summary = controller.summary()
    assert summary is not None and controller.flow is None
    session = summary.detail.session
    assert (session.status, session.pain_before, session.pain_after) == ("completed", 3, 1)
    assert session.notes == "fine"
    assert (summary.report.sets_done, summary.report.sets_planned) == (14, 14)
    assert len(summary.detail.sets) == 19 and rows_in_db(store, "sets") == 19
    assert all(s.duration_s == 20 for s in summary.detail.sets)
    rests = [s.rest_taken_s for s in summary.detail.sets if s.rest_planned_s]
    assert rests and all(r == 10 for r in rests)
    assert events.named("store_failed") == []


def test_each_set_is_stored_after_the_next_countdown_starts(controller, events, store) -> None:
    controller.choose("strength", "bottom")
    controller.begin(None)
    controller.start_set()
    controller.log_set(12, 20.0)
    # set_completed came first (the countdown starts), then the write.
    assert events.sets_stored_when_completed == [0]
    assert rows_in_db(store, "sets") == 1 and controller.resting


def test_resume_after_a_crash_carries_on_with_the_next_set(
    store, library, events, fake_clock
) -> None:
    first = controller_for(store, library, events, fake_clock)
    first.choose("strength", "middle")
    first.begin(4)
    for reps in (13, 12):
        if first.resting:
            first.end_rest(skipped=True)
        first.start_set()
        first.log_set(reps, 22.5)
    del first  # the app was killed: nothing but the store is left

    again = controller_for(store, library, Events(store), fake_clock)
    detail = again.find_unfinished()
    assert detail is not None and len(detail.sets) == 2 and again.can_resume
    assert again.resume("middle")
    flow = again.flow
    assert flow.state == "ready" and flow.pain_before == 4
    step = flow.current_step
    assert (step.exercise_id, step.set_number) == ("leg-extension", 3)
    assert again.prefill(step).load_kg == 22.5  # today's last set carries on
    assert again.progress() == (2, 14)


def test_skip_undo_and_stop_for_pain_are_stored_as_they_happen(controller, store) -> None:
    controller.choose("strength", "bottom")
    controller.begin(2)
    assert controller.skip()  # leg extension set 1
    assert controller.skip(whole_exercise=True)  # the rest of leg extension
    controller.start_set()
    controller.log_set(10, 16.0)  # goblet squat set 1
    undo = controller.undo_last_set()
    assert undo is not None and undo.removed is not None and undo.removed.reps == 10
    assert rows_in_db(store, "sets") == 0
    # Then the two skips, newest first: nothing is deleted, the flow goes back (issue 11).
    for whole, number in ((True, 2), (False, 1)):
        undo = controller.undo_last_set()
        assert undo is not None and undo.removed is None and undo.unskipped is not None
        assert undo.unskipped.whole_exercise is whole
        step = controller.flow.current_step
        assert (step.exercise_id, step.set_number) == ("leg-extension", number)
    assert controller.undo_last_set() is None  # nothing left to undo
    assert controller.skip(whole_exercise=True)  # back to goblet squat
    controller.start_set()
    controller.log_set(9, 16.0)
    assert controller.correct_last_set(11, 18.0) is not None
    assert controller.stop_for_pain()
    session = store.workouts.session_detail(controller.recorder.session_id).session
    assert session.status == "stopped_pain"
    assert (session.stop_exercise_id, session.stop_set_number) == ("goblet-squat", 1)
    [stored] = store.workouts.session_detail(session.id).sets
    assert (stored.reps, stored.load_kg) == (11, 18.0)


def test_a_store_failure_is_reported_and_the_session_carries_on(
    controller, events, store, library, data_dir
) -> None:
    controller.choose("strength", "bottom")
    controller.begin(2)
    # Another process (the CLI) deletes the session under the running one.
    store.workouts.delete_session(controller.recorder.session_id)
    controller.start_set()
    done = controller.log_set(12, None)
    assert done is not None and done.stored is None
    [message] = events.named("store_failed")
    assert "no session" in str(message)
    assert controller.resting  # the flow went on: the rest runs, nothing raised
    assert controller.end_rest(skipped=True)
    assert len(events.named("store_failed")) == 1  # no stored set to put the rest on


def test_check_in_advice_follows_the_level_chosen(controller, library) -> None:
    controller.choose("strength", "bottom")
    assert controller.check_in_advice() is None  # no level yet: no silent default
    controller.check_in.entry.digit(5)
    found = controller.check_in_advice()
    assert found is not None and found.advice.title == library.pain_band(5).title
    assert found.offer.default.id == "lighter" and found.offer.note == "lighter today: pain 5"
    assert [c.id for c in found.offer.others] == ["quick"]
    assert controller.switch_plan("quick-add-on", "bottom").id == "quick-add-on"
    assert controller.check_in.plan.id == "quick-add-on" and controller.check_in.level is None
    controller.cancel_check_in()
    assert controller.flow is None and not controller.at_check_in and controller.check_in is None


def test_ending_an_unfinished_session_offered_for_resuming(
    store, library, events, fake_clock
) -> None:
    session = store.workouts.start_session("strength", pain_before=None)
    controller = controller_for(store, library, events, fake_clock)
    assert controller.find_unfinished() is not None
    assert controller.end_unfinished()
    assert store.workouts.session_detail(session.id).session.status == "ended_early"
    assert controller.summary() is not None
    assert controller.find_unfinished() is None
