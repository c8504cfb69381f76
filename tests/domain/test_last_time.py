"""Last time's numbers in one line, per leg where the move is one-sided."""

from __future__ import annotations

from dataclasses import dataclass

from backleg_desktop.domain.history import Side
from backleg_desktop.domain.last_time import last_time_text
from backleg_desktop.domain.units import LoadUnits


@dataclass(frozen=True)
class Done:
    set_number: int
    reps: int | None
    load_kg: float | None
    side: Side = "both"
    kind: str = "working"
    duration_s: float | None = None


def test_the_same_reps_and_load_every_set() -> None:
    sets = [Done(n, 13, 25.0) for n in (1, 2, 3)]
    assert last_time_text(sets) == "Last time: 3 × 13 at 25 kg"


def test_reps_that_fell_off_and_loads_that_changed() -> None:
    assert last_time_text([Done(1, 13, 25.0), Done(2, 12, 25.0), Done(3, 10, 25.0)]) == (
        "Last time: 13, 12, 10 at 25 kg"
    )
    assert last_time_text([Done(1, 13, 25.0), Done(2, 12, 27.5)]) == (
        "Last time: 13 × 25 kg, 12 × 27.5 kg"
    )
    assert last_time_text([Done(2, 8, None), Done(1, 8, None)]) == "Last time: 2 × 8, no load"


def test_one_sided_moves_say_per_leg_or_each_leg() -> None:
    same = [Done(n, 8, 10.0, side) for n in (1, 2) for side in ("left", "right")]
    assert last_time_text(same) == "Last time: 2 × 8 per leg at 10 kg"
    apart = [Done(1, 8, 10.0, "left"), Done(1, 7, 10.0, "right")]
    assert last_time_text(apart) == "Last time: left 1 × 8 at 10 kg · right 1 × 7 at 10 kg"
    bodyweight = [Done(1, 8, None, side) for side in ("left", "right")]
    assert last_time_text(bodyweight) == "Last time: 1 × 8 per leg, no load"


def test_holds_warm_up_sets_and_no_last_time() -> None:
    holds = [Done(n, None, None, duration_s=60.2) for n in (1, 2)]
    assert last_time_text(holds) == "Last time: 2 × 60 s held"
    assert last_time_text([Done(1, 5, 10.0, kind="warmup"), Done(1, 10, 20.0)]) == (
        "Last time: 1 × 10 at 20 kg"
    )
    assert last_time_text([]) == ""


def test_last_time_speaks_the_users_unit() -> None:
    pounds = LoadUnits(unit="lb", step=5.0)
    sets = [Done(n, 10, 55 * 0.45359237) for n in (1, 2)]
    assert last_time_text(sets, pounds) == "Last time: 2 × 10 at 55 lb"
    mixed = [Done(1, 13, 25.0), Done(2, 12, 27.5)]
    assert last_time_text(mixed, pounds) == "Last time: 13 × 55.12 lb, 12 × 60.63 lb"
