"""The rules every plan follows, shipped or the user's own: one home for them.

Pure Python. The content loader (content/timed_plans.py), the user-plan store
(services/user_plans.py), plan files (services/plan_files.py) and the editor all ask
`plan_problems`, so a plan the editor accepts is one the loader would accept too.

A problem names the item (its 0-based index in `plan.items`, None for the plan itself)
and the field by its key in a `[[plan]]` / `[[plan.item]]` table ("name", "item",
"exercise", "sets", "reps", "hold_seconds", "per_leg", "rest_seconds", "warmup_sets",
"note"); the message says what is wrong without repeating where, so each caller can
say where in its own words (file and item, or the row in the editor).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from backleg_desktop.domain.set_work import RangeLike

WARMUP_SETS_MAX = 2  # warm-up sets an item may have before its working sets
NAME_MAX = 200  # characters in a plan's name (the history stores up to this)
NOTE_MAX = 500  # characters in an item's note: a line to read mid-session, not an essay
# The most a session can log: more sets of one exercise or more reps in a set than the
# history stores (services/validation.py) would be refused mid-session, and a rest or a
# hold beyond a day is a typing mistake no timer should be asked to run.
MOST = {"sets": 1000, "reps": 1000, "hold_seconds": 86_400, "rest_seconds": 86_400}
# Fields whose checks need the exercises (see `reference_problems`).
REFERENCE_FIELDS = frozenset({"exercise", "per_leg"})


@dataclass(frozen=True)
class PlanProblem:
    item: int | None  # 0-based index into plan.items; None: the plan as a whole
    field: str  # the TOML key, e.g. "reps"
    message: str  # e.g. "low 10 is greater than high 8"


class ExerciseLike(Protocol):
    @property
    def one_sided(self) -> bool: ...


class PlanItemLike(Protocol):
    @property
    def exercise_id(self) -> str: ...
    @property
    def sets(self) -> RangeLike: ...
    @property
    def reps(self) -> RangeLike | None: ...
    @property
    def hold_seconds(self) -> RangeLike | None: ...
    @property
    def per_leg(self) -> bool: ...
    @property
    def rest_seconds(self) -> RangeLike: ...
    @property
    def warmup_sets(self) -> int: ...
    @property
    def note(self) -> str: ...


class PlanLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def items(self) -> Sequence[PlanItemLike]: ...


def name_key(name: str) -> str:
    """What two plan names must not share: they match in any case and in either Unicode
    form, since "Café" typed on a Mac (e + a combining accent) looks the same as "Café"
    typed elsewhere, and two plans the chooser shows alike cannot be told apart."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name.strip()).casefold())


def plan_problems(plan: PlanLike, exercises: Mapping[str, ExerciseLike]) -> list[PlanProblem]:
    """Everything wrong with `plan`, in order (the plan, then item by item); [] if valid.

    `exercises` are the known exercises by the id items use (the library's, and the
    user's own under their `user:<name>` ids).
    """
    problems = shape_problems(plan)
    problems += reference_problems(plan, exercises)
    return sorted(problems, key=lambda p: -1 if p.item is None else p.item)


def shape_problems(plan: PlanLike) -> list[PlanProblem]:
    """The checks that need nothing but the plan: name, items, numbers, reps or a hold."""
    problems: list[PlanProblem] = []
    name = plan.name.strip()
    if not name:
        problems.append(PlanProblem(None, "name", "must not be empty"))
    elif len(name) > NAME_MAX:
        problems.append(PlanProblem(None, "name", f"is longer than {NAME_MAX} characters"))
    if not plan.items:
        problems.append(PlanProblem(None, "item", "a plan needs at least one exercise"))
    for index, item in enumerate(plan.items):
        problems += [PlanProblem(index, f, m) for f, m in _item_shape(item)]
    return problems


def reference_problems(plan: PlanLike, exercises: Mapping[str, ExerciseLike]) -> list[PlanProblem]:
    """Each item names a known exercise, and per_leg only a one-leg one."""
    problems: list[PlanProblem] = []
    for index, item in enumerate(plan.items):
        target = exercises.get(item.exercise_id)
        if not item.exercise_id:
            problems.append(PlanProblem(index, "exercise", "choose an exercise"))
        elif target is None:
            message = f'unknown exercise id "{item.exercise_id}"'
            problems.append(PlanProblem(index, "exercise", message))
        elif item.per_leg and not target.one_sided:
            message = f'"{item.exercise_id}" is not a one-sided exercise'
            problems.append(PlanProblem(index, "per_leg", message))
    return problems


def _item_shape(item: PlanItemLike) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    found += _range("sets", item.sets, minimum=1)
    if item.reps is not None and item.hold_seconds is not None:
        found.append(("hold_seconds", "an item has either reps or hold_seconds, never both"))
    elif item.reps is None and item.hold_seconds is None:
        found.append(("reps", "is missing (a timed hold gives hold_seconds instead)"))
    if item.reps is not None:
        found += _range("reps", item.reps, minimum=1)
    if item.hold_seconds is not None:
        found += _range("hold_seconds", item.hold_seconds, minimum=1)
    found += _range("rest_seconds", item.rest_seconds, minimum=0)
    if not 0 <= item.warmup_sets <= WARMUP_SETS_MAX:
        found.append(("warmup_sets", f"must be 0 to {WARMUP_SETS_MAX}, not {item.warmup_sets}"))
    elif item.warmup_sets and item.reps is None:
        # A warm-up is a set at about half the load; a timed hold has no load to halve.
        found.append(("warmup_sets", "a timed hold has no warm-up sets"))
    if len(item.note) > NOTE_MAX:
        found.append(("note", f"is longer than {NOTE_MAX} characters"))
    return found


def _range(key: str, value: RangeLike, *, minimum: int) -> list[tuple[str, str]]:
    """A number or an inclusive range: whole numbers, at least `minimum`, low <= high."""
    ends = (
        [("", value.low)]
        if value.low == value.high
        else [("low ", value.low), ("high ", value.high)]
    )
    for label, number in ends:
        if number < 0 <= minimum:
            return [(key, f"{label}{_number(number)} is negative")]
        if number < minimum:
            return [(key, f"{label}{_number(number)} is less than {minimum}")]
        if number > MOST[key]:
            return [(key, f"{label}{_number(number)} is more than {MOST[key]:,}")]
    if value.low > value.high:
        return [(key, f"low {value.low} is greater than high {value.high}")]
    return []


def _number(number: int) -> str:
    """A number as a message shows it: str() of a 5,000-digit one raises ValueError."""
    if abs(number) < 10**24:
        return str(number)
    return f"{'-' if number < 0 else ''}a number of more than 24 digits"


def problem_text(problem: PlanProblem) -> str:
    """`field "reps": low 10 is greater than high 8`, for messages that add where."""
    return f'field "{problem.field}": {problem.message}'
