"""A deterministic, realistic workout history for tests and benchmarks.

About one session a day: mostly the strength plan, some quick add-ons, both legs logged
for one-leg moves, warm-up sets now and then, pain check-ins, loads that creep up over
the years, and the odd session ended early or stopped for pain. Same seed, same history.

    store.workouts.import_sessions(generate_history(years=10))  # 3,650 sessions, ~70,000 sets
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from backleg_desktop.domain.history import ImportedSession, SessionStatus, SetEntry, Side

START = datetime(2016, 1, 4, 7, 0, tzinfo=UTC)
DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class _Item:
    exercise_id: str
    sets: tuple[int, int]  # inclusive range
    reps: tuple[int, int]
    one_sided: bool
    start_kg: float  # typical load on day one
    gain_kg_per_year: float
    step_kg: float  # the machine's or dumbbell's increment


_STRENGTH = (
    _Item("leg-extension", (3, 3), (12, 15), False, 20.0, 3.0, 2.5),
    _Item("goblet-squat", (3, 3), (8, 10), False, 12.0, 2.0, 2.0),
    _Item("lying-leg-curl", (3, 3), (10, 12), False, 15.0, 2.5, 2.5),
    _Item("reverse-lunge", (2, 3), (8, 8), True, 6.0, 1.0, 2.0),
    _Item("split-stance-rdl", (2, 2), (8, 10), True, 10.0, 1.5, 2.0),
)
_QUICK = (
    _Item("leg-extension", (2, 2), (12, 15), False, 20.0, 3.0, 2.5),
    _Item("goblet-squat", (2, 2), (8, 10), False, 12.0, 2.0, 2.0),
    _Item("split-stance-rdl", (2, 2), (6, 8), True, 10.0, 1.5, 2.0),
)
PLANS = {
    "strength": ("Strength session", _STRENGTH),
    "quick-add-on": ("Quick add-on", _QUICK),
}
WARMUP_EXERCISES = {"leg-extension", "goblet-squat", "lying-leg-curl"}


def generate_history(years: int = 10, seed: int = 1) -> Iterator[ImportedSession]:
    """`years * 365` sessions, one a day from 2016-01-04, oldest first."""
    rng = random.Random(seed)
    for day in range(years * DAYS_PER_YEAR):
        yield _session(rng, day)


def _session(rng: random.Random, day: int) -> ImportedSession:
    plan_id = "strength" if rng.random() < 0.85 else "quick-add-on"
    name, items = PLANS[plan_id]
    started_at = START + timedelta(days=day, minutes=rng.randint(0, 12 * 60))
    pain_before = min(10, max(0, round(rng.gauss(2.5, 1.5))))
    roll = rng.random()
    status: SessionStatus = "completed"
    if roll < 0.005:
        status = "stopped_pain"
    elif roll < 0.02:
        status = "ended_early"
    # Where a shortened session stops: after this many of the plan's exercises.
    cut_after = rng.randint(1, len(items) - 1) if status != "completed" else len(items)

    clock = started_at + timedelta(minutes=3)
    sets: list[SetEntry] = []
    stop: tuple[str, int] | None = None
    for index, item in enumerate(items):
        if index >= cut_after:
            break
        load = _load(rng, item, day)
        number = 1
        if item.exercise_id in WARMUP_EXERCISES and rng.random() < 0.8:
            clock += timedelta(seconds=rng.randint(40, 70))
            sets.append(_entry(item, 1, "both", "warmup", item.reps[1], load / 2, clock, 60))
            clock += timedelta(seconds=60)
            number = 2
        number_of_sets = rng.randint(*item.sets)
        for _ in range(number_of_sets):
            sides: tuple[Side, ...] = ("left", "right") if item.one_sided else ("both",)
            for side in sides:
                reps = rng.randint(*item.reps)
                clock += timedelta(seconds=rng.randint(30, 60))
                sets.append(_entry(item, number, side, "working", reps, load, clock, 75))
                clock += timedelta(seconds=rng.randint(60, 100))
            number += 1
        if status == "stopped_pain" and index == cut_after - 1:
            stop = (item.exercise_id, number - 1)
    change = rng.randint(2, 4) if status == "stopped_pain" else rng.randint(-1, 1)
    pain_after = pain_before + change
    return ImportedSession(
        name=name,
        plan_id=plan_id,
        started_at=started_at,
        ended_at=clock + timedelta(minutes=2),
        status=status,
        pain_before=pain_before,
        pain_after=min(10, max(0, pain_after)),
        notes="Back felt tight, stopped early." if status != "completed" else "",
        sets=tuple(sets),
        stop_exercise_id=stop[0] if stop else None,
        stop_set_number=stop[1] if stop else None,
    )


def _load(rng: random.Random, item: _Item, day: int) -> float:
    target = item.start_kg + item.gain_kg_per_year * day / DAYS_PER_YEAR + rng.gauss(0, 1.0)
    steps = max(1, round(target / item.step_kg))
    return steps * item.step_kg


def _entry(
    item: _Item,
    number: int,
    side: Side,
    kind: str,
    reps: int,
    load: float,
    completed_at: datetime,
    rest: int,
) -> SetEntry:
    return SetEntry(
        exercise_id=item.exercise_id,
        set_number=number,
        side=side,
        kind="warmup" if kind == "warmup" else "working",
        reps=reps,
        load_kg=load,
        duration_s=float(reps * 3),
        rest_planned_s=float(rest),
        rest_taken_s=float(rest + (number % 3) * 5),
        completed_at=completed_at,
    )
