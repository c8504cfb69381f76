"""A small, real-shaped content library for storage and service tests.

It has the five plan exercises and the two plans with the article's numbers, so tests do
not depend on the TOML files (another part of the app owns and tests those).
"""

from __future__ import annotations

from backleg_desktop.content.model import (
    Exercise,
    Guidance,
    IntRange,
    Library,
    PainBand,
    Plan,
    PlanItem,
)

ONE_SIDED = {"reverse-lunge", "split-stance-rdl"}
EXERCISE_NAMES = {
    "leg-extension": "Leg extension",
    "goblet-squat": "Goblet squat",
    "lying-leg-curl": "Lying leg curl",
    "reverse-lunge": "Reverse lunge",
    "split-stance-rdl": "Split-stance Romanian deadlift",
}


def _exercise(exercise_id: str) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=EXERCISE_NAMES[exercise_id],
        role="main",
        summary="",
        target_muscles=(),
        equipment=(),
        one_sided=exercise_id in ONE_SIDED,
        why_back_friendly="",
        cues=(),
    )


def _item(exercise_id: str, sets: tuple[int, int], reps: tuple[int, int]) -> PlanItem:
    return PlanItem(
        exercise_id=exercise_id,
        sets=IntRange(*sets),
        reps=IntRange(*reps),
        per_leg=exercise_id in ONE_SIDED,
        rest_seconds=IntRange(60, 90),
    )


STRENGTH = Plan(
    id="strength",
    name="Strength session",
    summary="",
    items=(
        _item("leg-extension", (3, 3), (12, 15)),
        _item("goblet-squat", (3, 3), (8, 10)),
        _item("lying-leg-curl", (3, 3), (10, 12)),
        _item("reverse-lunge", (2, 3), (8, 8)),
        _item("split-stance-rdl", (2, 2), (8, 10)),
    ),
)
QUICK = Plan(
    id="quick-add-on",
    name="Quick add-on",
    summary="",
    items=(
        _item("leg-extension", (2, 2), (12, 15)),
        _item("goblet-squat", (2, 2), (8, 10)),
        _item("split-stance-rdl", (2, 2), (6, 8)),
    ),
)


def minimal_library() -> Library:
    return Library(
        exercises={i: _exercise(i) for i in EXERCISE_NAMES},
        plans={STRENGTH.id: STRENGTH, QUICK.id: QUICK},
        avoid=(),
        guidance=Guidance(
            flare_up=(),
            faq=(),
            disclaimer="",
            pain_bands=(PainBand(0, 10, "Any", ""),),
            sharp_pain="",
        ),
    )
