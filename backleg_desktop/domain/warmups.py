"""Warm-up sets: up to two before an item's working sets, at about half the working load.

Pure Python. A plan item's `warmup_sets` (0–2, domain/plan_rules.py) become steps of
kind "warmup" before its working sets (domain/session_steps.py). Their load is half of
what the first working set would be offered (after any lighter-day cut), rounded DOWN
to the load step, so a warm-up is never heavier than half. They are stored as kind
"warmup" and never count as working sets: not in the summary's sets, not in records,
not in progression hints, not as "last time" for a working set's prefill.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from backleg_desktop.domain.history import SetKind
from backleg_desktop.domain.lighter_loads import DEFAULT_LOAD_STEP_KG
from backleg_desktop.domain.prefill import Prefill
from backleg_desktop.domain.session_steps import Step
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits

WARMUP_FRACTION = 0.5
_EPSILON = 1e-9  # 25 × 0.5 / 2.5 must be 5 steps, not 4.999999


class Kinded(Protocol):
    @property
    def kind(self) -> SetKind: ...


K = TypeVar("K", bound=Kinded)


def is_warmup(step: Step) -> bool:
    return step.kind == "warmup"


def working_only(sets: Sequence[K]) -> list[K]:
    """The sets that are not warm-ups (what a working set's prefill may learn from)."""
    return [s for s in sets if s.kind != "warmup"]


def warmup_load_kg(working_kg: float, step_kg: float = DEFAULT_LOAD_STEP_KG) -> float:
    """About half of `working_kg`, rounded down to a multiple of `step_kg`, at least 0."""
    if not step_kg > 0:
        raise ValueError(f"the load step must be more than 0 kg, not {step_kg!r}")
    if working_kg <= 0:
        return 0.0
    steps = math.floor(working_kg * WARMUP_FRACTION / step_kg + _EPSILON)
    return max(0.0, round(steps * step_kg, 6))


def first_working_step(warmup: Step) -> Step:
    """The working set that follows a warm-up's item: what its load is half of.

    A warm-up numbered n of w is stored as set `offset + n`; the item's first working
    set as `offset + w + 1` (session_steps.build_steps).
    """
    first = warmup.log_set_number - warmup.set_number + warmup.total_sets + 1
    return replace(warmup, kind="working", set_number=1, log_set_number=first)


def warmup_prefill(working: Prefill, units: LoadUnits = KILOGRAMS) -> Prefill:
    """What to show for a warm-up, given the first working set's prefill: half its load
    on the user's own load grid (5 lb for someone in pounds)."""
    if working.load_kg is None or working.load_kg <= 0:
        note = "Warm-up: an easy set before the working sets"
        return Prefill(working.reps, working.load_kg, note)
    load = warmup_load_kg(working.load_kg, units.step_kg)
    note = f"Warm-up at about half the load ({units.text(working.load_kg)} for the working sets)"
    if working.note:
        note += f"; {working.note}"
    return Prefill(working.reps, load, note)
