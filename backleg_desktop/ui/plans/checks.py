"""What is wrong with a draft plan, field by field, for the editor's inline messages.

The rules are the content loader's (domain/plan_rules.py `plan_problems`), so the editor
refuses exactly what a plan file or the shipped content would; on top of them the editor
adds what only it can know: a number field whose text is not a number, and a name
another plan already has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from backleg_desktop.domain.plan_rules import ExerciseLike, PlanProblem, name_key, plan_problems
from backleg_desktop.ui.plans.draft import RANGE_HINT, Draft, to_plan, unparsed_fields

# The rules' field names → the editor's (draft) field names.
_FIELDS = {
    "exercise": "exercise_id",
    "item": "items",
    "sets": "sets",
    "reps": "reps",
    "hold_seconds": "hold",
    "per_leg": "per_leg",
    "rest_seconds": "rest",
    "warmup_sets": "warmup_sets",
    "note": "note",
    "name": "name",
    "summary": "summary",
}


@dataclass
class DraftProblems:
    plan: dict[str, list[str]] = field(default_factory=dict)  # "name", "summary", "items"
    items: dict[int, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(map(len, self.plan.values())) + sum(
            len(messages) for fields in self.items.values() for messages in fields.values()
        )

    def of_item(self, row: int) -> dict[str, list[str]]:
        return self.items.get(row, {})

    def add(self, row: int | None, name: str, message: str) -> None:
        target = self.plan if row is None else self.items.setdefault(row, {})
        messages = target.setdefault(name, [])
        if message not in messages:
            messages.append(message)


def sentence(problem: PlanProblem, names: Callable[[str], str]) -> str:
    """The rules' message as a sentence to read next to the field, with exercise names
    rather than ids where the rules name one."""
    if problem.field == "name" and problem.message == "must not be empty":
        return "Give the plan a name."
    if problem.field == "per_leg" and problem.item is not None:
        return "Per leg is only for moves done one leg at a time; this one uses both legs."
    if problem.field == "exercise" and problem.message.startswith("unknown exercise"):
        return "Backleg does not know this exercise any more: remove it or choose another."
    message = problem.message.strip()
    if message.startswith(("low ", "high ")) and "greater than" in message:
        message += " (write the smaller number first)"
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def draft_problems(
    draft: Draft,
    exercises: Mapping[str, ExerciseLike],
    other_names: Iterable[str],
    names: Callable[[str], str] = str,
) -> DraftProblems:
    """Every problem of `draft`; `other_names` are the other plans' names, `names` gives
    an exercise's name from its id."""
    found = DraftProblems()
    unparsed = {row: set(unparsed_fields(item)) for row, item in enumerate(draft.items)}
    for row, fields in unparsed.items():
        for name in sorted(fields):
            found.add(row, name, RANGE_HINT)
    for problem in plan_problems(to_plan(draft), exercises):
        default = "exercise_id" if problem.item is not None else "items"
        name = _FIELDS.get(problem.field, default)
        if problem.item is not None and name in unparsed.get(problem.item, set()):
            continue  # that field has its own message already; the rules saw a placeholder
        if problem.item is None and name not in ("name", "summary"):
            name = "items"
        if name == "items" and not draft.items:
            continue  # said below, in the editor's words
        found.add(problem.item, name, sentence(problem, names))
    wanted = name_key(draft.name)
    if wanted and any(wanted == name_key(other) for other in other_names):
        found.add(
            None, "name", f"Another plan is called “{draft.name.strip()}”: choose a new name."
        )
    if not draft.items:
        found.add(None, "items", "Add at least one exercise.")
    return found
