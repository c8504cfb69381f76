"""Loads in the user's unit: kilograms or pounds, converted exactly and shown sensibly.

History always stores kilograms. Only what the user types and reads is in their unit,
so every load shown anywhere goes through `format_load` (or `load_number`) here.
"""

from __future__ import annotations

import math
from typing import Literal, get_args

Unit = Literal["kg", "lb"]
UNITS: tuple[Unit, ...] = get_args(Unit)
KG_PER_LB = 0.45359237  # exact, by the definition of the international pound
DEFAULT_UNIT: Unit = "kg"
DEFAULT_STEP: dict[Unit, float] = {"kg": 2.5, "lb": 5.0}
STEP_RANGE: dict[Unit, tuple[float, float]] = {"kg": (0.25, 20.0), "lb": (0.5, 45.0)}
UNIT_NAMES: dict[Unit, str] = {"kg": "kilograms (kg)", "lb": "pounds (lb)"}
# Two decimals keep a converted load readable (55 lb is 24.95 kg) and are finer than
# any plate, so a value typed in either unit reads back exactly as typed.
DECIMALS = 2


def parse_unit(value: object) -> Unit:
    """A stored unit, or the default for anything else (a hand-edited settings file)."""
    text = str(value).strip().lower() if value is not None else ""
    return "lb" if text in ("lb", "lbs") else DEFAULT_UNIT


def to_kg(value: float, unit: Unit) -> float:
    """A load typed in `unit`, in kilograms (not rounded: storage keeps it exact)."""
    return value * KG_PER_LB if unit == "lb" else value


def from_kg(load_kg: float, unit: Unit) -> float:
    """A stored load in `unit`, not rounded."""
    return load_kg / KG_PER_LB if unit == "lb" else load_kg


def step_decimals(step: float) -> int:
    """Decimals needed to show loads on a `step` grid, never fewer than DECIMALS."""
    for decimals in range(DECIMALS, 4):
        if math.isclose(round(step, decimals), step, abs_tol=1e-9):
            return decimals
    return 3


def load_number(load_kg: float, unit: Unit, decimals: int = DECIMALS) -> str:
    """ "55", "24.95", "1,234": the load in `unit`, trailing zeros dropped."""
    value = round(from_kg(load_kg, unit), decimals)
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_load(load_kg: float, unit: Unit, decimals: int = DECIMALS) -> str:
    """ "55 lb", "24.95 kg"."""
    return f"{load_number(load_kg, unit, decimals)} {unit}"


def format_volume(volume_kg: float, unit: Unit) -> str:
    """ "1,240 kg": a volume in whole units (a bodyweight session shows "0 kg")."""
    return f"{round(from_kg(volume_kg, unit)):,} {unit}"


def same_shown_load(load_kg: float, shown: float, unit: Unit, decimals: int = DECIMALS) -> bool:
    """Whether `shown` (in `unit`) is how `load_kg` is displayed: then the stored value
    is kept as it was, so showing a load in the other unit never shifts it."""
    return math.isclose(round(from_kg(load_kg, unit), decimals), shown, abs_tol=1e-9)
