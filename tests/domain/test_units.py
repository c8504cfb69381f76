"""Kilograms and pounds: exact conversion, display without drift, steps per unit."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.lighter_loads import lighter_load_kg
from backleg_desktop.domain.progression import small_load_step
from backleg_desktop.domain.units import (
    KG_PER_LB,
    LoadUnits,
    format_load,
    from_kg,
    load_number,
    parse_unit,
    step_decimals,
    to_kg,
)


def test_a_pound_is_exactly_0_45359237_kg() -> None:
    assert to_kg(1, "lb") == KG_PER_LB == 0.45359237
    assert to_kg(55, "lb") == pytest.approx(24.94758035, abs=1e-12)
    assert to_kg(20, "kg") == 20


@pytest.mark.parametrize("pounds", [0.5, 5, 12.5, 45, 55, 85, 135, 225, 500, 999.99])
def test_pounds_typed_read_back_as_typed(pounds: float) -> None:
    units = LoadUnits("lb", 5.0)
    assert units.shown(units.to_kg(pounds)) == pounds
    assert load_number(to_kg(pounds, "lb"), "lb") == f"{pounds:g}"


def test_formatting_in_either_unit() -> None:
    assert format_load(24.94758035, "kg") == "24.95 kg"
    assert format_load(24.94758035, "lb") == "55 lb"
    assert format_load(25.0, "lb") == "55.12 lb"
    assert format_load(1234.5, "kg") == "1,234.5 kg"
    assert format_load(0.0, "lb") == "0 lb"
    assert LoadUnits("lb").volume(1240.0) == "2,734 lb"
    assert from_kg(to_kg(85, "lb"), "lb") == pytest.approx(85)


def test_the_step_sets_the_decimals_and_a_stored_unit_is_read_safely() -> None:
    assert step_decimals(2.5) == 2 and step_decimals(1.25) == 2 and step_decimals(0.125) == 3
    assert parse_unit("lb") == "lb" and parse_unit(" LBS ") == "lb"
    assert parse_unit("stone") == "kg" and parse_unit(None) == "kg"


def test_lighter_loads_follow_the_pound_grid() -> None:
    five_lb = LoadUnits("lb", 5.0).step_kg
    offered = lighter_load_kg(to_kg(100, "lb"), five_lb)  # 80 lb exactly
    assert from_kg(offered, "lb") == pytest.approx(80)
    offered = lighter_load_kg(to_kg(95, "lb"), five_lb)  # 76 lb, down to 75
    assert from_kg(offered, "lb") == pytest.approx(75)


@pytest.mark.parametrize(("pounds", "step"), [(20, 2), (60, 3), (100, 5), (300, 5)])
def test_a_small_step_in_pounds_is_whole_pounds(pounds: float, step: float) -> None:
    assert from_kg(small_load_step(to_kg(pounds, "lb"), "lb"), "lb") == pytest.approx(step)
