"""The pain check-in before a session: what Enter, Esc and the other choices start.

Pure Python; the page renders `CheckIn.offer()` and maps keys to the methods here.

* No level chosen: Enter does nothing (`enter()` is None) and `prompt` says why;
  Esc (`skip()`) is the one way on without a level.
* 0–3: Enter starts the chosen plan as planned.
* 4–6: Enter starts the chosen plan lighter (every offered load about 20 % below last
  time's, see domain.lighter_loads); the "quick" choice (Q) starts the quick add-on,
  lighter too.
* 7–10: Enter starts the gentle day. "Rest today" records nothing; "Start <plan>
  anyway" is offered but never the default, and it is lighter as well, the gentler
  reading of a high level. Without a gentle-day plan, Enter rests instead.
  The offer asks for the red-flag card to be linked.

Plans are passed in as (id, name) objects, so the content `Plan` fits without this
module importing the content layer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from backleg_desktop.domain.level_entry import LevelEntry

Band = Literal["low", "moderate", "high"]
ChoiceId = Literal["as-planned", "lighter", "quick", "gentle-day", "rest", "anyway"]

MODERATE_FROM = 4  # the first level of the content's "moderate" pain band
HIGH_FROM = 7  # the first level of the "high" band
GENTLE_DAY_ID = "gentle-day"
QUICK_ADD_ON_ID = "quick-add-on"

SKIP_LABEL = "Skip check-in"  # Esc: the one way on without a level
NO_LEVEL_PROMPT = (
    "Choose how your back feels first: type 0–10 or use Up and Down. Esc skips the check-in."
)


class PlanRef(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


def band_of(level: int) -> Band:
    if level >= HIGH_FROM:
        return "high"
    return "moderate" if level >= MODERATE_FROM else "low"


@dataclass(frozen=True)
class StartPlan:
    """Start `plan_id`; `pain_before` None means the check-in was skipped."""

    plan_id: str
    pain_before: int | None
    lighter: bool  # offer loads about 20 % below last time's


@dataclass(frozen=True)
class RestToday:
    """Start nothing, record nothing; show the flare-up guidance."""

    pain: int


Outcome = StartPlan | RestToday


@dataclass(frozen=True)
class Choice:
    id: ChoiceId
    label: str  # button text, without a key hint (keys are the page's)
    outcome: Outcome


@dataclass(frozen=True)
class CheckInOffer:
    level: int
    band: Band
    default: Choice  # what Enter does
    others: tuple[Choice, ...]  # never the default, in the order to show them
    note: str | None  # e.g. "lighter today: pain 5"
    link_red_flags: bool  # show the link to the red-flag card

    def choice(self, choice_id: ChoiceId) -> Choice | None:
        return next((c for c in (self.default, *self.others) if c.id == choice_id), None)


def lighter_note(level: int) -> str:
    return f"lighter today: pain {level}"


def offer_for(
    level: int, plan: PlanRef, *, quick: PlanRef | None = None, gentle: PlanRef | None = None
) -> CheckInOffer:
    """What the check-in offers at `level` for the chosen `plan`."""
    band = band_of(level)
    if band == "low":
        start = Choice("as-planned", f"Start {plan.name}", StartPlan(plan.id, level, False))
        return CheckInOffer(level, band, start, (), None, False)
    note = lighter_note(level)
    if band == "moderate":
        unloaded = gentle is not None and plan.id == gentle.id  # nothing to make lighter
        label = f"Start {plan.name}" if unloaded else f"Start {plan.name}, lighter"
        lighter = Choice("lighter", label, StartPlan(plan.id, level, True))
        others: tuple[Choice, ...] = ()
        if quick is not None and quick.id != plan.id:
            others = (Choice("quick", f"{quick.name}, lighter", StartPlan(quick.id, level, True)),)
        return CheckInOffer(level, band, lighter, others, note, False)
    rest = Choice("rest", "Rest today", RestToday(level))
    if gentle is None:  # nothing gentle to start: resting is the default
        default, others = rest, ()
    else:
        default = Choice("gentle-day", f"Start {gentle.name}", StartPlan(gentle.id, level, True))
        others = (rest,)
    if gentle is None or plan.id != gentle.id:
        anyway = Choice("anyway", f"Start {plan.name} anyway", StartPlan(plan.id, level, True))
        others = (*others, anyway)
    return CheckInOffer(level, band, default, others, note, True)


class CheckIn:
    """The check-in screen's state: the level being chosen and what each key starts."""

    def __init__(
        self,
        plan: PlanRef,
        *,
        quick: PlanRef | None = None,
        gentle: PlanRef | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.plan = plan
        self._quick = quick
        self._gentle = gentle
        self.entry = LevelEntry(clock)

    @property
    def level(self) -> int | None:
        return self.entry.level

    def offer(self) -> CheckInOffer | None:
        """None until a level is chosen."""
        level = self.entry.level
        if level is None:
            return None
        return offer_for(level, self.plan, quick=self._quick, gentle=self._gentle)

    @property
    def prompt(self) -> str | None:
        """What to say instead of an offer: why Enter does nothing yet."""
        return NO_LEVEL_PROMPT if self.entry.level is None else None

    def enter(self) -> Outcome | None:
        """The default choice; None (nothing happens) while no level is chosen."""
        offer = self.offer()
        return None if offer is None else offer.default.outcome

    def choose(self, choice_id: ChoiceId) -> Outcome | None:
        """A choice that is on offer at the current level, else None."""
        offer = self.offer()
        choice = None if offer is None else offer.choice(choice_id)
        return None if choice is None else choice.outcome

    def quick(self) -> Outcome | None:
        """Q: the quick add-on, offered at 4–6 only."""
        return self.choose("quick")

    def skip(self) -> StartPlan:
        """Esc, "Skip check-in": the chosen plan as planned, with no pain recorded."""
        return StartPlan(self.plan.id, None, False)
