"""The end-of-session summary from stored sets and the real plans."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import LoggedSet, SessionRecord, SessionStatus, Side
from backleg_desktop.domain.summary import format_duration, format_volume, summarize

START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def session(
    ended_after_min: float | None = 47.5,
    status: SessionStatus = "completed",
    pain: tuple[int | None, int | None] = (4, 2),
) -> SessionRecord:
    ended = None if ended_after_min is None else START + timedelta(minutes=ended_after_min)
    return SessionRecord(
        id=1,
        plan_id="strength",
        name="Strength session",
        started_at=START,
        ended_at=ended,
        status=status,
        pain_before=pain[0],
        pain_after=pain[1],
        notes="",
    )


def logged(
    n: int, exercise: str, number: int, reps: int | None, load: float | None, side: Side = "both"
) -> LoggedSet:
    return LoggedSet(
        id=n,
        session_id=1,
        exercise_id=exercise,
        set_number=number,
        side=side,
        kind="working",
        reps=reps,
        load_kg=load,
        duration_s=30.0,
        rest_planned_s=60.0,
        rest_taken_s=None,
        completed_at=START + timedelta(minutes=3 * n),
        note="",
    )


SETS = [
    logged(1, "leg-extension", 1, 12, 20.0),
    logged(2, "leg-extension", 2, 12, 20.0),
    logged(3, "leg-extension", 3, 10, 22.5),
    logged(4, "reverse-lunge", 1, 8, 10.0, "left"),
    logged(5, "reverse-lunge", 1, 8, 10.0, "right"),
    logged(6, "reverse-lunge", 2, 8, None, "left"),  # bodyweight, right side not done
    logged(7, "user:sled-push", 1, 5, 40.0),
]


def test_summary_counts_sets_against_the_plan_and_sums_volume(library: Library) -> None:
    report = summarize(session(), SETS, library.plan("strength"))
    assert report.duration_s == pytest.approx(47.5 * 60)
    assert report.sets_planned == 3 + 3 + 3 + 3 + 2
    assert report.sets_planned_min == 3 + 3 + 3 + 2 + 2
    assert report.sets_done == 3 + 2 + 1  # a half-done one-sided set counts once
    assert report.volume_kg == pytest.approx(240 + 240 + 225 + 80 + 80 + 200)
    assert (report.pain_before, report.pain_after, report.pain_change) == (4, 2, -2)
    assert report.pain_text == "4 → 2"
    assert not report.all_planned_done

    ids = [line.exercise_id for line in report.exercises]
    assert ids == [
        "leg-extension",
        "goblet-squat",
        "lying-leg-curl",
        "reverse-lunge",
        "split-stance-rdl",
        "user:sled-push",
    ]
    extension, squat, *_ = report.exercises
    assert (extension.sets_done, extension.sets_planned, extension.reps_total) == (3, 3, 34)
    assert extension.best_load_kg == 22.5
    assert (squat.sets_done, squat.volume_kg, squat.best_load_kg) == (0, 0.0, None)


def test_an_unfinished_session_lasts_until_its_last_set_or_now(library: Library) -> None:
    open_session = session(ended_after_min=None, status="in_progress")
    plan = library.plan("strength")
    assert summarize(open_session, SETS, plan).duration_s == pytest.approx(21 * 60)
    now = START + timedelta(hours=1)
    assert summarize(open_session, SETS, plan, now=now).duration_s == pytest.approx(3600)
    assert summarize(open_session, [], plan).duration_s is None


def test_a_session_without_a_plan_or_pain_check_ins(library: Library) -> None:
    report = summarize(session(pain=(None, 3)), SETS[:2], None)
    assert report.sets_planned == 0 and report.sets_done == 2
    assert report.pain_change is None and report.pain_text == "– → 3"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "–"), (20, "under a minute"), (2850, "47 min"), (3900, "1 h 05 min")],
)
def test_format_duration(seconds: float | None, text: str) -> None:
    assert format_duration(seconds) == text


def test_format_volume() -> None:
    assert format_volume(1240.4) == "1,240 kg"
    assert format_volume(0) == "0 kg"
