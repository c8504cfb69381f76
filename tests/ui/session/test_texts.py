"""The session's words, from the real content: what comes next, progress, a set, records."""

from __future__ import annotations

from datetime import UTC, datetime

from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.domain.session_flow import build_steps
from backleg_desktop.domain.units import LoadUnits
from backleg_desktop.services.session_records import RecordBeaten
from backleg_desktop.ui.session import texts

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)


def logged(exercise_id: str, side: str = "both", load: float | None = 20.0) -> LoggedSet:
    return LoggedSet(
        id=1, session_id=1, exercise_id=exercise_id, set_number=2, side=side,  # type: ignore[arg-type]
        kind="working", reps=8, load_kg=load, duration_s=None, rest_planned_s=None,
        rest_taken_s=None, completed_at=NOW, note="",
    )  # fmt: skip


def test_what_comes_next_through_a_plan(library) -> None:  # type: ignore[no-untyped-def]
    steps = build_steps(library.plan("strength"), library)
    by_key = {(s.exercise_id, s.set_number, s.side): s for s in steps}
    assert texts.next_text(library, steps, steps[0]) == "Next: set 2 of 3"
    assert texts.next_text(library, steps, by_key[("leg-extension", 3, "both")]) == (
        "Next: Goblet squat"
    )
    left = by_key[("split-stance-rdl", 1, "left")]
    assert texts.next_text(library, steps, left) == "Next: right leg, no rest"
    assert texts.next_text(library, steps, steps[-1]) == "Next: finish"
    lunge1 = by_key[("reverse-lunge", 1, "right")]  # alternating: one step, both legs
    assert texts.next_text(library, steps, lunge1) == "Next: set 2 of 3"
    assert texts.up_next(library, by_key[("reverse-lunge", 2, "right")]) == (
        "Reverse lunge",
        "Set 2 of 3 · Both legs, alternating · 8 reps per leg",
    )
    assert texts.up_next(library, by_key[("split-stance-rdl", 2, "left")]) == (
        "Split-stance Romanian deadlift",
        "Set 2 of 2 · Left leg · 8–10 reps per leg",
    )
    assert texts.how_text(lunge1) == (
        "Alternate legs rep by rep: 8 on each leg. Log both legs' reps together."
    )
    assert texts.how_text(left) == "Do all 8–10 reps on one leg, then the same on the other."
    assert texts.how_text(steps[0]) == ""
    assert texts.up_next(library, None) == ("Finish", "")


def test_progress_and_a_logged_set_in_words(library) -> None:  # type: ignore[no-untyped-def]
    steps = build_steps(library.plan("strength"), library)
    assert texts.progress_text("Strength session", steps[3], 5, 1, 14) == (
        "Strength session · exercise 2 of 5 · 1 of 14 sets logged"
    )
    assert texts.describe_set(library, logged("reverse-lunge", "left")) == (
        "Reverse lunge, set 2 (left): 8 reps × 20 kg per dumbbell"
    )
    in_pounds = LoadUnits("lb", 5.0)
    assert texts.describe_set(library, logged("reverse-lunge", "left"), in_pounds) == (
        "Reverse lunge, set 2 (left): 8 reps × 44.09 lb per dumbbell"
    )
    rows = [logged("reverse-lunge", "left"), logged("reverse-lunge", "right")]
    assert (
        texts.describe_rows(library, rows)
        == "Reverse lunge, set 2: left 8, right 8 reps × 20 kg per dumbbell"
    )
    assert texts.describe_set(library, logged("user:Step-ups", load=None)) == (
        "user:Step-ups, set 2: 8 reps × no load"
    )


def test_records_and_where_a_session_stopped(library) -> None:  # type: ignore[no-untyped-def]
    lines = texts.record_lines(
        library,
        [
            RecordBeaten("goblet-squat", "heaviest", load_kg=22.5, reps=8),
            RecordBeaten("goblet-squat", "volume", volume_kg=1240.0),
        ],
    )
    assert lines == [
        "Goblet squat: heaviest yet, 22.5 kg × 8",
        "Goblet squat: most volume in one session, 1,240 kg",
    ]
    in_pounds = texts.record_lines(
        library,
        [
            RecordBeaten("goblet-squat", "heaviest", load_kg=55 * 0.45359237, reps=8),
            RecordBeaten("goblet-squat", "volume", volume_kg=1240.0),
        ],
        LoadUnits("lb", 5.0),
    )
    assert in_pounds == [
        "Goblet squat: heaviest yet, 55 lb × 8",
        "Goblet squat: most volume in one session, 2,734 lb",
    ]
    stopped = SessionRecord(
        id=1, plan_id="strength", name="Strength session", started_at=NOW, ended_at=NOW,
        status="stopped_pain", pain_before=2, pain_after=6, notes="",
        stop_exercise_id="goblet-squat", stop_set_number=2,
    )  # fmt: skip
    assert texts.summary_subheading(library, stopped) == (
        "Strength session · stopped at Goblet squat, set 2"
    )
