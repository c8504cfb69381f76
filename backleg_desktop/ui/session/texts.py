"""The session's words: what comes next, how far along, a logged set, records beaten.

Pure functions with no Qt, so every sentence the session screens show can be checked
without a window. Names come from the content library; an id it does not know (a user
exercise) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import LoggedSet, SessionRecord, SetEntry, user_exercise_name
from backleg_desktop.domain.one_leg import OneLegMode, how_to_do_the_set
from backleg_desktop.domain.session_flow import Step, Unskipped
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits, load_label
from backleg_desktop.services.session_records import RecordBeaten

SIDE_TEXT = {"left": "Left leg", "right": "Right leg", "both": ""}


def exercise_name(library: Library, exercise_id: str) -> str:
    exercise = library.exercises.get(exercise_id)
    if exercise is None:  # a user exercise ("user:<name>") goes by its name
        return user_exercise_name(exercise_id) or exercise_id
    return exercise.name


def side_text(step: Step) -> str:
    """ "Left leg", "Right leg", "Both legs, alternating"; "" for a two-legged move."""
    return "Both legs, alternating" if step.alternating else SIDE_TEXT[step.side]


def how_text(step: Step) -> str:
    """How a one-leg set is done (domain.one_leg); "" for a hold or a two-legged move."""
    if step.side == "both" or step.is_hold:
        return ""
    mode: OneLegMode = "alternate" if step.alternating else "one-side-then-other"
    return how_to_do_the_set(mode, step.reps_text)


def target_text(step: Step) -> str:
    """ "Target: 8 reps per leg", "Target: 12–15 reps", "Hold: 60 s"."""
    if step.hold_s is not None:
        return f"Hold: {step.hold_s} s{' per leg' if step.per_leg else ''}, breathing calmly"
    return f"Target: {step.reps_text} reps{' per leg' if step.per_leg else ''}"


def set_name(step: Step) -> str:
    """ "Set 2 of 3", or "Warm-up 1 of 2" for a warm-up set at about half the load."""
    kind = "Warm-up" if step.kind == "warmup" else "Set"
    return f"{kind} {step.set_number} of {step.total_sets}"


def set_text(step: Step) -> str:
    optional = " (optional)" if step.optional else ""
    return f"{set_name(step)}{optional}"


def next_text(library: Library, steps: Sequence[Step], step: Step) -> str:
    """The exercise screen's last line: what follows `step`."""
    following = steps[step.index + 1] if step.index + 1 < len(steps) else None
    if following is None:
        return "Next: finish"
    if following.exercise_id == step.exercise_id:
        if following.set_number == step.set_number and following.kind == step.kind:
            return f"Next: {SIDE_TEXT[following.side].lower()}, no rest"
        return f"Next: {set_name(following)[0].lower()}{set_name(following)[1:]}"
    return f"Next: {exercise_name(library, following.exercise_id)}"


def up_next(library: Library, following: Step | None) -> tuple[str, str]:
    """The rest screen's "Up next": the exercise, then its set, side and target."""
    if following is None:
        return "Finish", ""
    parts = (
        set_name(following),
        side_text(following),
        target_text(following).removeprefix("Target: "),
    )
    return exercise_name(library, following.exercise_id), " · ".join(p for p in parts if p)


def progress_text(plan_name: str, step: Step | None, items: int, done: int, planned: int) -> str:
    """ "Strength session · exercise 2 of 5 · 4 of 14 sets logged"."""
    where = "" if step is None else f" · exercise {step.item_index + 1} of {items}"
    return f"{plan_name}{where} · {done} of {planned} sets logged"


def describe_set(
    library: Library, logged: LoggedSet | SetEntry, units: LoadUnits = KILOGRAMS
) -> str:
    """ "Reverse lunge, set 2 (left): 8 reps × 10 kg per dumbbell"."""
    side = "" if logged.side == "both" else f" ({logged.side})"
    if logged.kind == "warmup":
        side += " (warm-up)"
    load = "no load" if logged.load_kg is None else load_text(library, logged, units)
    if logged.reps is None and logged.duration_s is not None:  # a timed hold
        held = f"held {round(logged.duration_s)} s"
        return (
            f"{exercise_name(library, logged.exercise_id)}, set {logged.set_number}{side}: {held}"
        )
    return (
        f"{exercise_name(library, logged.exercise_id)}, set {logged.set_number}{side}: "
        f"{logged.reps or 0} reps × {load}"
    )


def describe_rows(
    library: Library, rows: Sequence[LoggedSet | SetEntry], units: LoadUnits = KILOGRAMS
) -> str:
    """One logged set: `describe_set` for one row; the two rows of an alternating set as
    "Reverse lunge, set 2: left 8, right 7 reps × 10 kg"."""
    if len(rows) < 2:
        return describe_set(library, rows[-1], units)
    first = rows[0]
    load = "no load" if first.load_kg is None else load_text(library, first, units)
    legs = ", ".join(f"{row.side} {row.reps or 0}" for row in rows)
    name = exercise_name(library, first.exercise_id)
    return f"{name}, set {first.set_number}: {legs} reps × {load}"


def unskipped_message(library: Library, unskipped: Unskipped) -> str:
    """After Ctrl+Z took back a skip: where the session stands again."""
    step = unskipped.step
    name = exercise_name(library, step.exercise_id)
    what = "Exercise skip" if unskipped.whole_exercise else "Skip"
    return f"{what} undone: back to {name}, set {step.set_number} of {step.total_sets}."


def rest_over_message(library: Library, step: Step | None) -> str:
    if step is None:
        return "Time to finish."
    return f"Ready for set {step.set_number}: {exercise_name(library, step.exercise_id)}"


def summary_subheading(library: Library, session: SessionRecord) -> str:
    """The session's name, and where it stopped if it stopped for pain."""
    stop = session.stop_exercise_id
    if session.status == "stopped_pain" and stop:
        return (
            f"{session.name} · stopped at {exercise_name(library, stop)}, "
            f"set {session.stop_set_number}"
        )
    return session.name


def load_text(library: Library, logged: LoggedSet | SetEntry, units: LoadUnits = KILOGRAMS) -> str:
    """ "10 kg per dumbbell": the load in the user's unit and what it counts."""
    return exercise_load_text(library, logged.exercise_id, logged.load_kg or 0.0, units)


def exercise_load_text(
    library: Library, exercise_id: str, load_kg: float, units: LoadUnits = KILOGRAMS
) -> str:
    exercise = library.exercises.get(exercise_id)
    return units.text(load_kg) + load_label(exercise.load_is if exercise else None)


def record_lines(
    library: Library, records: Sequence[RecordBeaten], units: LoadUnits = KILOGRAMS
) -> list[str]:
    lines = []
    for record in records:
        name = exercise_name(library, record.exercise_id)
        if record.kind == "heaviest":
            load = exercise_load_text(library, record.exercise_id, record.load_kg, units)
            lines.append(f"{name}: heaviest yet, {load} × {record.reps}")
        else:
            lines.append(f"{name}: most volume in one session, {units.volume(record.volume_kg)}")
    return lines


def flare_up_text(library: Library) -> str:
    """The flare-up guidance as plain text, for "Rest today"."""
    return "\n\n".join(
        f"{section.title}\n" + "\n".join(section.paragraphs)
        for section in library.guidance.flare_up
    )


# What each session button does, for screen readers (the button says the what, this the why).
PRIMARY_TEXTS = {
    "Start set": "Starts timing this set; press it again when the set is done to log it.",
    "Start hold": "Starts the hold's countdown; the hold is logged when the time is up.",
    "Log set": "Logs this set with the reps and load shown, then starts the rest.",
    "Log both legs": "Logs both legs' reps and the load shown, then starts the rest.",
    "End hold": "Ends the hold early and logs the time you held it.",
    "Done: right leg next": "Ends the left leg's set; the right leg's set comes next.",
    "Finish": "Finishes the session: it asks how your back is now, then sums the session up.",
}
CHECK_IN_TEXTS = {
    "Start": "Starts the plan with the pain level you chose.",
    "Save": "Saves the pain level you chose and shows the summary of the session.",
    "skip": "Goes on without a pain level; nothing is stored for this check-in.",
    "quick": "Starts the short Quick add-on plan instead of the full session.",
    "rest": "Starts nothing today: resting is the better choice at this pain level.",
    "anyway": "Starts the plan as written, without the lighter loads suggested.",
}
CHECK_IN_DEFAULT_TEXT = "Starts what the check-in suggests for the pain level you chose."
PAUSE_TEXT = "Stops the rest countdown until you resume it."
