"""The reverse lunge alternates legs rep by rep: one step, one Space, a left and a right row."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import LoggedSet, SetEntry
from backleg_desktop.domain.session_flow import RestTaken, SessionFlow, SetKey
from tests.support.clock import FakeClock

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def at_the_lunges(
    library: Library, clock: FakeClock | None = None, **kwargs: object
) -> SessionFlow:
    flow = SessionFlow(
        library.plan("strength"),
        library,
        ask_pain=False,
        clock=clock or FakeClock(),
        utc_now=lambda: NOW,
        **kwargs,  # type: ignore[arg-type]
    )
    for _ in range(3):
        flow.skip_exercise()
    assert flow.current_step is not None and flow.current_step.exercise_id == "reverse-lunge"
    return flow


def stored(entries: tuple[SetEntry, ...], first_id: int = 1) -> list[LoggedSet]:
    return [LoggedSet(first_id + i, 1, **asdict(e)) for i, e in enumerate(entries)]


def test_one_space_logs_both_legs_as_two_rows_and_then_rests(library: Library) -> None:
    rests: list[RestTaken] = []
    clock = FakeClock()
    flow = at_the_lunges(library, clock, on_rest_taken=rests.append)
    flow.start_set()
    clock.advance(30)
    rows = flow.complete_set_rows(8, 10.0, right_reps=7)
    assert [(r.side, r.reps, r.load_kg, r.set_number) for r in rows] == [
        ("left", 8, 10.0, 1),
        ("right", 7, 10.0, 1),
    ]
    assert [r.duration_s for r in rows] == [30.0, 30.0]
    # The rest follows the set, once: it is planned (and later taken) on the right row.
    assert [r.rest_planned_s for r in rows] == [None, 60.0]
    assert flow.state == "resting"  # no "switch to the right leg" step in between
    assert flow.last_logged == SetKey("reverse-lunge", 1, "right")
    assert flow.last_logged_rows == (
        SetKey("reverse-lunge", 1, "left"),
        SetKey("reverse-lunge", 1, "right"),
    )
    flow.skip_rest()
    assert rests[-1].key == SetKey("reverse-lunge", 1, "right")
    assert flow.current_step is not None and flow.current_step.set_number == 2
    assert flow.progress() == (1, 16)


def test_right_reps_default_to_the_left_ones(library: Library) -> None:
    flow = at_the_lunges(library)
    flow.start_set()
    assert [r.reps for r in flow.complete_set_rows(8, None)] == [8, 8]


def test_undo_takes_back_both_rows_of_the_set(library: Library) -> None:
    flow = at_the_lunges(library)
    flow.start_set()
    flow.complete_set_rows(8, 10.0)
    undone = flow.undo_last()
    assert undone is not None and undone.keys == (
        SetKey("reverse-lunge", 1, "left"),
        SetKey("reverse-lunge", 1, "right"),
    )
    assert flow.state == "ready" and flow.current_step is not None
    assert flow.current_step.set_number == 1 and flow.current_step.alternating


def test_resume_groups_the_two_rows_back_into_one_set(library: Library) -> None:
    flow = at_the_lunges(library)
    flow.start_set()
    rows = stored(flow.complete_set_rows(8, 10.0, right_reps=7))
    resumed = SessionFlow(library.plan("strength"), library, rows, clock=FakeClock())
    assert resumed.state == "ready"
    assert resumed.current_step is not None and resumed.current_step.set_number == 2
    undone = resumed.undo_last()  # one undo: the whole set, both rows
    assert undone is not None and len(undone.keys) == 2
    assert resumed.current_step is not None and resumed.current_step.set_number == 1


def test_a_half_stored_set_counts_as_done_on_resume(library: Library) -> None:
    """A kill between the two writes leaves the left row: the set is not done twice."""
    flow = at_the_lunges(library)
    flow.start_set()
    left = stored(flow.complete_set_rows(8, 10.0)[:1])
    resumed = SessionFlow(library.plan("strength"), library, left, clock=FakeClock())
    assert resumed.current_step is not None and resumed.current_step.set_number == 2
    assert resumed.progress() == (1, 16)


def test_skip_set_on_an_alternating_set_skips_only_that_set(library: Library) -> None:
    flow = at_the_lunges(library)
    flow.skip_set()
    assert flow.current_step is not None
    assert (flow.current_step.exercise_id, flow.current_step.set_number) == ("reverse-lunge", 2)
