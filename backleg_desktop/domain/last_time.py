"""Last time's numbers for an exercise, in one line: "Last time: 3 × 13 at 25 kg".

Pure Python, from the working sets of the last session that had the exercise (the
session controller asks the store for them). A one-sided move says each leg's, or
"per leg" when both legs did the same; a timed hold says how long was held.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from backleg_desktop.domain.history import Side
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits


class DoneSet(Protocol):
    """A logged set as this needs it (`LoggedSet` fits)."""

    @property
    def set_number(self) -> int: ...
    @property
    def side(self) -> Side: ...
    @property
    def kind(self) -> str: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def load_kg(self) -> float | None: ...
    @property
    def duration_s(self) -> float | None: ...


def last_time_text(sets: Sequence[DoneSet], units: LoadUnits = KILOGRAMS) -> str:
    """ "Last time: 3 × 13 at 25 kg" (in the user's unit); "" when there was no last time."""
    working = sorted((s for s in sets if s.kind == "working"), key=lambda s: s.set_number)
    if not working:
        return ""
    sides = [side for side in ("left", "right") if any(s.side == side for s in working)]
    if not sides:
        return f"Last time: {_describe(working, units)}"
    by_side = {side: _describe([s for s in working if s.side == side], units) for side in sides}
    if len(by_side) == 2 and by_side["left"] == by_side["right"]:
        return f"Last time: {_per_leg(by_side['left'])}"
    return "Last time: " + " · ".join(f"{side} {text}" for side, text in by_side.items())


def _describe(sets: Sequence[DoneSet], units: LoadUnits) -> str:
    """ "3 × 13 at 25 kg", "13, 12, 10 at 25 kg", "13 × 25 kg, 12 × 27.5 kg",
    "2 × 60 s held"."""
    if all(s.reps is None and s.duration_s is not None for s in sets):
        held = [round(s.duration_s or 0) for s in sets]
        if len(set(held)) == 1:
            return f"{len(held)} × {held[0]} s held"
        return "held " + ", ".join(f"{h} s" for h in held)
    reps = [s.reps or 0 for s in sets]
    loads = [s.load_kg for s in sets]
    if len(set(loads)) == 1:
        at = _at(loads[0], units)
        if len(set(reps)) == 1:
            return f"{len(reps)} × {reps[0]}{at}"
        return ", ".join(str(r) for r in reps) + at
    return ", ".join(f"{r} × {_load(load, units)}" for r, load in zip(reps, loads, strict=True))


def _per_leg(text: str) -> str:
    """ "3 × 8 at 10 kg" → "3 × 8 per leg at 10 kg"."""
    for marker in (" at ", ", no load"):
        if marker in text:
            head, tail = text.split(marker, 1)
            return f"{head} per leg{marker}{tail}"
    return f"{text} per leg"


def _at(load_kg: float | None, units: LoadUnits) -> str:
    return ", no load" if load_kg is None else f" at {units.text(load_kg)}"


def _load(load_kg: float | None, units: LoadUnits) -> str:
    return "no load" if load_kg is None else units.text(load_kg)
