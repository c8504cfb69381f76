"""The herniated-disc answer and what follows from it. Pure Python.

The question is asked once after the disclaimer (Enter answers "No") and can be changed
in Preferences. Until it is answered the answer is unknown, which marks nothing (the
disclaimer and the FAQ already say to check with a professional). A "yes" marks the
moves the article says to clear with a doctor or physical therapist first, wherever they
are shown, and offers its safer choices in the session.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

DiscAnswer = Literal["yes", "no"]
DEFAULT_DISC_ANSWER: DiscAnswer = "no"  # what Enter answers at the one-time question


@dataclass(frozen=True)
class DiscRules:
    clear_first: frozenset[str]  # exercise ids to clear with a professional first
    safer: tuple[str, ...]  # exercise ids of the safer choices, in the order to offer


def needs_clearance(rules: DiscRules, answer: DiscAnswer | None, exercise_id: str) -> bool:
    """Whether `exercise_id` gets the "check with your doctor first" mark."""
    return answer == "yes" and exercise_id in rules.clear_first


def marked(rules: DiscRules, answer: DiscAnswer | None, exercise_ids: Iterable[str]) -> list[str]:
    """The ids among `exercise_ids` to mark, in their order (a plan's items, a page's cards)."""
    return [i for i in exercise_ids if needs_clearance(rules, answer, i)]


def safer_choices(
    rules: DiscRules, answer: DiscAnswer | None, instead_of: str, *, available: Sequence[str] = ()
) -> tuple[str, ...]:
    """The safer choices to offer when `instead_of` is marked; () when it is not.

    `available` limits them to exercises the caller can start (empty: no limit).
    """
    if not needs_clearance(rules, answer, instead_of):
        return ()
    return tuple(i for i in rules.safer if i != instead_of and (not available or i in available))
