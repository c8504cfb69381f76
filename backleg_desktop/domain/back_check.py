"""After an exercise: "How is your back?", and what a rise against the check-in offers.

Pure Python. The answer is optional (digits, no Enter, see domain.level_entry) and
blocks nothing; when it is BACK_RISE_POINTS or more above the check-in, the session
offers to switch to the gentle day or to end (carrying on stays possible, never the
default). With no check-in to compare against, a high answer (7+) makes the same offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from backleg_desktop.domain.checkin import HIGH_FROM
from backleg_desktop.domain.pain import validate_pain_level

BACK_RISE_POINTS = 2
BACK_QUESTION = "How is your back?"

BackChoiceId = Literal["gentle-day", "end", "continue"]


@dataclass(frozen=True)
class BackChoice:
    id: BackChoiceId
    label: str


@dataclass(frozen=True)
class BackCheckOffer:
    check_in: int | None
    now: int
    text: str
    choices: tuple[BackChoice, ...]  # the first is the default

    def choice(self, choice_id: BackChoiceId) -> BackChoice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


def back_rise(check_in: int | None, now: int) -> int | None:
    return None if check_in is None else now - check_in


def back_check(
    check_in: int | None,
    now: int,
    *,
    gentle_name: str | None = "Gentle day",
    on_gentle_day: bool = False,
) -> BackCheckOffer | None:
    """The offer after an answer of `now`, or None when there is nothing to offer.

    `gentle_name` is None when no gentle-day plan is available; `on_gentle_day` when the
    session already is it (then only ending is offered).
    """
    now = validate_pain_level(now)
    rise = back_rise(check_in, now)
    if rise is not None:
        if rise < BACK_RISE_POINTS:
            return None
        text = (
            f"Your back went from {check_in} at the check-in to {now}. It is worth easing off: "
            "switch to something gentler or end here. Stop at once if the pain is sharp."
        )
    elif now >= HIGH_FROM:
        text = (
            f"Your back is at {now}. It is worth easing off: switch to something gentler or "
            "end here. Stop at once if the pain is sharp."
        )
    else:
        return None
    choices: list[BackChoice] = []
    if gentle_name and not on_gentle_day:
        choices.append(BackChoice("gentle-day", f"Switch to {gentle_name}"))
    choices.append(BackChoice("end", "End the session"))
    choices.append(BackChoice("continue", "Carry on"))
    return BackCheckOffer(check_in, now, text, tuple(choices))
