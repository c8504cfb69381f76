"""The progression gate: no "add load" hint on a day the back says otherwise.

`progression.exercise_screen_hint` looks only at earlier sessions. The session calls
`exercise_hint_today` instead, with today's pain (the check-in, or the higher of it and
the latest "How is your back?" answer). It returns the same hint, except that a
suggestion to add load is replaced by an ease-off hint that says why, when

* today's pain is 4 or more (the "go lighter" band and above),
* today's check-in was skipped (unknown pain is not evidence that the back copes), or
* pain rose after the last session with this exercise.

For pain 0–3 with no rise, the hint is exactly `exercise_screen_hint`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from backleg_desktop.domain.progression import (
    ExerciseOutcome,
    ProgressionHint,
    exercise_screen_hint,
)

NO_MORE_LOAD_FROM_PAIN = 4


def load_increase_block(today_pain: int | None, recent: Sequence[ExerciseOutcome]) -> str | None:
    """Why no load may be added today, or None if nothing stands in the way.

    `recent` holds the exercise's earlier outcomes, newest first.
    """
    if today_pain is None:
        return (
            "You skipped today's check-in, so no extra load is suggested. "
            "Keep to last time's numbers."
        )
    if today_pain >= NO_MORE_LOAD_FROM_PAIN:
        return (
            f"Your back is at {today_pain} today, so no extra load: "
            "stay with the lighter numbers and stop if anything feels sharp."
        )
    if recent:
        before, after = recent[0].pain_before, recent[0].pain_after
        if before is not None and after is not None and after > before:
            return (
                f"Your pain went from {before} to {after} after the last session with this "
                "exercise, so no extra load today."
            )
    return None


def exercise_hint_today(
    exercise_id: str,
    rep_top: int,
    recent: Sequence[ExerciseOutcome],
    today_pain: int | None,
    easier_plan_name: str | None = None,
) -> ProgressionHint | None:
    """`exercise_screen_hint`, gated by today's pain (see the module docstring)."""
    hint = exercise_screen_hint(exercise_id, rep_top, recent, easier_plan_name)
    if hint is None or hint.kind != "add_load":
        return hint
    reason = load_increase_block(today_pain, recent)
    if reason is None:
        return hint
    return ProgressionHint("ease_off", reason, exercise_id, hint.session_id)
