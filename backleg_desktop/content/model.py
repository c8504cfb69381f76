"""Frozen dataclasses for the trainer's content: exercises, plans, what to avoid, guidance.

No Qt here: the UI, the domain rules and the CLI all read the same objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from backleg_desktop.content.red_flags import RedFlagCard
from backleg_desktop.content.warm_up import WarmUp
from backleg_desktop.domain.figures import FigureBook
from backleg_desktop.domain.one_leg import OneLegMode
from backleg_desktop.domain.set_work import SetWork, work_of
from backleg_desktop.domain.units import LoadIs

if TYPE_CHECKING:  # disc_content reads with the loader's fields, which import this module
    from backleg_desktop.content.disc_content import DiscContent

ExerciseRole = Literal["main", "supporting"]
# The trainer's plan, Backleg's suggestion built on it, or a plan of the user's own.
PlanSource = Literal["article", "backleg", "user"]

# The fixed words the equipment filter offers. `Exercise.equipment` stays free text for
# people to read ("Two dumbbells (optional)"); the tags are what the filter matches, so
# "Dumbbell" finds every move that can be done with one, however its text words it.
EQUIPMENT_TAGS: tuple[str, ...] = (
    "Bodyweight",
    "Dumbbell",
    "Kettlebell",
    "Machine",
    "Bench or box",
    "Mat",
    "Resistance band",
    "Wall",
)

# The muscle filter's words: every target muscle is one of these, optionally followed by
# an aside for the reader ("Quadriceps (front of the thigh)", "Core (deep muscles)").
# Each carries the everyday names and abbreviations a search should find it by.
MUSCLES: dict[str, tuple[str, ...]] = {
    "Quadriceps": ("quads", "quad", "front of the thigh", "thighs"),
    "Hamstrings": ("hams", "hammies", "hamstring", "back of the thigh"),
    "Glutes": ("glute", "gluteus", "buttocks", "bum", "butt", "side of the hip"),
    "Inner thighs": ("adductors", "groin"),
    "Hip flexors": ("psoas", "front of the hip"),
    "Core": (
        "abs",
        "abdominals",
        "stabilisers",
        "stabilizers",
        "deep core",
        "trunk",
        "lower back",
        "spine",
    ),
    "Shoulders": ("delts", "deltoids"),
    "Diaphragm": ("breathing",),
}


@dataclass(frozen=True)
class IntRange:
    """An inclusive range such as 12–15 reps; a single number has low == high."""

    low: int
    high: int

    @property
    def is_single(self) -> bool:
        return self.low == self.high

    def __str__(self) -> str:
        return str(self.low) if self.is_single else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    role: ExerciseRole  # "main": one of the five plan exercises; "supporting": swaps, core work
    summary: str  # one line for cards and lists
    target_muscles: tuple[str, ...]
    equipment: tuple[str, ...]  # e.g. ("Leg extension machine",) or ("Bodyweight",)
    one_sided: bool  # done one leg at a time: log left and right separately
    why_back_friendly: str
    cues: tuple[str, ...]  # ordered form cues, one step each
    easier_options: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    note: str = ""  # an important distinction, e.g. single-leg raise vs double leg raises
    related: tuple[str, ...] = ()  # ids of exercises this one is an easier/harder version of
    # Words from EQUIPMENT_TAGS, for filtering; the loader requires at least one.
    equipment_tags: tuple[str, ...] = ()
    one_leg_mode: OneLegMode | None = None  # one-sided only: "alternate" or one side, then other
    aliases: tuple[str, ...] = ()  # other names people search by ("RDL")
    load_is: LoadIs | None = None  # "per dumbbell" or "total"; required with two dumbbells


@dataclass(frozen=True)
class PlanItem:
    """One exercise of a plan: each set is `reps`, or a timed hold of `hold_seconds`
    (exactly one of the two; domain/plan_rules.py checks, for shipped and user plans).

    `warmup_sets` (0–2) come before the working sets at about half the working load;
    `note` is shown during the session.
    """

    exercise_id: str
    sets: IntRange
    reps: IntRange | None
    per_leg: bool  # reps count for each leg
    rest_seconds: IntRange
    hold_seconds: IntRange | None = None
    warmup_sets: int = 0
    note: str = ""

    @property
    def work(self) -> SetWork:
        return work_of(self.reps, self.hold_seconds, self.per_leg)


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    summary: str
    items: tuple[PlanItem, ...]
    source: PlanSource = "article"


@dataclass(frozen=True)
class AvoidCategory:
    id: str
    title: str
    examples: tuple[str, ...]  # the moves in this category, e.g. "Weighted oblique twists"
    why: str
    instead: str  # what to do instead, in prose
    swaps: tuple[str, ...]  # exercise ids of the safer choices


@dataclass(frozen=True)
class GuidanceSection:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    related: tuple[str, ...] = ()  # exercise ids mentioned


@dataclass(frozen=True)
class PainBand:
    """Advice for a pain check-in level; bands cover 0–10 without gaps."""

    low: int
    high: int
    title: str
    advice: str
    suggest_plan: str | None = None  # plan id to offer instead, e.g. "quick-add-on"
    recommend_stop: bool = False


@dataclass(frozen=True)
class Guidance:
    flare_up: tuple[GuidanceSection, ...]
    faq: tuple[GuidanceSection, ...]  # title is the question
    disclaimer: str
    pain_bands: tuple[PainBand, ...]
    sharp_pain: str  # what to do on sharp pain: always stop
    basics: tuple[GuidanceSection, ...] = ()  # why leg day helps the back, rest, no equipment
    red_flags: RedFlagCard | None = None  # see a doctor now: beyond the article
    warm_up: WarmUp | None = None  # the mobility warm-up before the first set


@dataclass(frozen=True)
class Library:
    exercises: Mapping[str, Exercise]  # in file order
    plans: Mapping[str, Plan]  # in file order: strength first
    avoid: tuple[AvoidCategory, ...]
    guidance: Guidance
    figures: FigureBook = field(default_factory=FigureBook)  # content/figure_loader.py
    disc: DiscContent | None = None  # the herniated-disc question (content/disc_content.py)
    source_files: tuple[str, ...] = field(default=(), compare=False)

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def plan(self, plan_id: str) -> Plan:
        return self.plans[plan_id]

    def plans_using(self, exercise_id: str) -> tuple[Plan, ...]:
        return tuple(
            p for p in self.plans.values() if any(i.exercise_id == exercise_id for i in p.items)
        )

    def easier_plan(self, instead_of: str | None = None) -> Plan | None:
        """The plan the pain check-in offers on a bad day instead of `instead_of`.

        The bands suggest plans from mild to gentlest (the quick add-on, then the gentle
        day): the one after `instead_of`, the first for any other plan, None after the last.
        """
        offered: list[Plan] = []
        for band in self.guidance.pain_bands:
            plan = self.plans.get(band.suggest_plan or "")
            if plan is not None and plan not in offered:
                offered.append(plan)
        ids = [plan.id for plan in offered]
        at = ids.index(instead_of) + 1 if instead_of in ids else 0
        return offered[at] if at < len(offered) else None

    def pain_band(self, level: int) -> PainBand:
        for band in self.guidance.pain_bands:
            if band.low <= level <= band.high:
                return band
        raise KeyError(level)
