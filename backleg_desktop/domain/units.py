"""Loads in the user's unit: kilograms or pounds, converted exactly and shown sensibly.

History always stores kilograms. Only what the user types and reads is in their unit,
so every load shown anywhere goes through `format_load` (or `load_number`) here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
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


@dataclass(frozen=True)
class LoadUnits:
    """The user's unit and load step: what every screen formats and reads loads with."""

    unit: Unit = DEFAULT_UNIT
    step: float = DEFAULT_STEP[DEFAULT_UNIT]  # in `unit`

    @property
    def decimals(self) -> int:
        return step_decimals(self.step)

    @property
    def step_kg(self) -> float:
        """The step in kilograms: lighter loads are rounded to the user's own grid."""
        return to_kg(self.step, self.unit)

    def text(self, load_kg: float) -> str:
        """ "55 lb"."""
        return format_load(load_kg, self.unit, self.decimals)

    def number(self, load_kg: float) -> str:
        """ "55"."""
        return load_number(load_kg, self.unit, self.decimals)

    def volume(self, volume_kg: float) -> str:
        return format_volume(volume_kg, self.unit)

    def shown(self, load_kg: float) -> float:
        """The load as a number in `unit`, rounded as it is displayed."""
        return round(from_kg(load_kg, self.unit), self.decimals)

    def to_kg(self, value: float) -> float:
        return to_kg(value, self.unit)


KILOGRAMS = LoadUnits()


# Whether a logged load is one dumbbell's or everything lifted; the content says which
# for the moves done with a weight in each hand (exercises.toml, `load_is`).
LoadIs = Literal["per dumbbell", "total"]
LOAD_IS: tuple[LoadIs, ...] = get_args(LoadIs)


def needs_load_is(equipment: tuple[str, ...]) -> bool:
    """A move done with two dumbbells must say what its load counts."""
    return any("dumbbells" in item.lower() for item in equipment)


def load_is_problem(value: str, equipment: tuple[str, ...]) -> str | None:
    """Why `value` cannot be an exercise's `load_is`, or None if it can."""
    if not value:
        if needs_load_is(equipment):
            return 'is required for a move with two dumbbells: "per dumbbell" or "total"'
        return None
    if value not in LOAD_IS:
        return f'must be "per dumbbell" or "total", not {value!r}'
    return None


def load_label(load_is: LoadIs | None) -> str:
    """The words after "Load": " per dumbbell", " (total)", or nothing."""
    if load_is == "per dumbbell":
        return " per dumbbell"
    return " (total)" if load_is == "total" else ""
