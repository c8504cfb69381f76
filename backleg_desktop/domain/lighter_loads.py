"""Lighter loads on a sore day: about 20 % below last time's, rounded down to the step.

Pure Python. At a check-in of 4 or more (the "go lighter" band, and "start anyway" at
7 or more, the gentler reading of a high level) every load the session offers from an
earlier session is cut by LIGHTER_FRACTION and rounded DOWN to the load step, so the
offer is never heavier than 80 % and never negative; the reason goes on screen with it.
Numbers typed today are the user's own and are not cut again (the caller only passes
last time's load here).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LIGHTER_FRACTION = 0.20
LIGHTER_FROM_PAIN = 4
DEFAULT_LOAD_STEP_KG = 2.5
_EPSILON = 1e-9  # 25 × 0.8 / 2.5 must be 8 steps, not 7.999999


@dataclass(frozen=True)
class OfferedLoad:
    load_kg: float | None  # what to pre-fill; None when there is no earlier load
    reason: str | None  # e.g. "lighter today: pain 5"; None when the load is unchanged
    last_kg: float | None  # last time's load, for "was 25 kg"


def lighter_reason(pain: int) -> str:
    return f"lighter today: pain {pain}"


def is_lighter_day(pain: int | None) -> bool:
    return pain is not None and pain >= LIGHTER_FROM_PAIN


def lighter_load_kg(last_kg: float, step_kg: float = DEFAULT_LOAD_STEP_KG) -> float:
    """`last_kg` less about 20 %, rounded down to a multiple of `step_kg`, at least 0."""
    if not step_kg > 0:
        raise ValueError(f"the load step must be more than 0 kg, not {step_kg!r}")
    if last_kg <= 0:
        return 0.0
    steps = math.floor(last_kg * (1 - LIGHTER_FRACTION) / step_kg + _EPSILON)
    return max(0.0, round(steps * step_kg, 6))


def offered_load(
    last_kg: float | None, pain: int | None, *, step_kg: float = DEFAULT_LOAD_STEP_KG
) -> OfferedLoad:
    """The load to offer for a set whose earlier value was `last_kg`, given today's pain."""
    if not is_lighter_day(pain):
        return OfferedLoad(last_kg, None, last_kg)
    assert pain is not None
    reason = lighter_reason(pain)
    if last_kg is None:
        return OfferedLoad(None, reason, None)
    return OfferedLoad(lighter_load_kg(last_kg, step_kg), reason, last_kg)
