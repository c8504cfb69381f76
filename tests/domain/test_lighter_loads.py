"""Pain 4 or more: every offered load about 20 % below last time's, rounded down to the step."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backleg_desktop.domain.lighter_loads import (
    LIGHTER_FRACTION,
    OfferedLoad,
    lighter_load_kg,
    offered_load,
)


@pytest.mark.parametrize(
    ("last", "step", "expected"),
    [
        (25.0, 2.5, 20.0),  # exactly 20 %
        (30.0, 2.5, 22.5),  # 24 rounds down to 22.5
        (12.5, 2.5, 10.0),
        (10.0, 2.5, 7.5),  # 8 rounds down
        (2.5, 2.5, 0.0),  # 2 rounds down to nothing
        (1.0, 2.5, 0.0),
        (0.0, 2.5, 0.0),
        (27.0, 1.0, 21.0),  # 21.6 down to a whole kilo
        (17.5, 1.25, 13.75),
        (100.0, 5.0, 80.0),
    ],
)
def test_lighter_load_rounds_down_to_the_step(last: float, step: float, expected: float) -> None:
    assert lighter_load_kg(last, step) == expected


@pytest.mark.parametrize("step", [0.0, -2.5])
def test_a_step_must_be_positive(step: float) -> None:
    with pytest.raises(ValueError, match="load step"):
        lighter_load_kg(20.0, step)


def test_a_negative_load_never_gives_a_negative_offer() -> None:
    assert lighter_load_kg(-5.0) == 0.0


@given(
    last=st.floats(min_value=0, max_value=500, allow_nan=False),
    step=st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0]),
)
def test_the_offer_is_at_most_80_percent_within_one_step(last: float, step: float) -> None:
    lighter = lighter_load_kg(last, step)
    target = last * (1 - LIGHTER_FRACTION)
    assert 0 <= lighter <= target + 1e-6
    assert lighter > target - step - 1e-6
    assert abs(lighter / step - round(lighter / step)) < 1e-6  # a whole number of steps


@pytest.mark.parametrize("pain", [4, 5, 6, 7, 10])
def test_pain_4_or_more_offers_lighter_with_the_reason(pain: int) -> None:
    assert offered_load(25.0, pain) == OfferedLoad(20.0, f"lighter today: pain {pain}", 25.0)


@pytest.mark.parametrize("pain", [0, 3, None])
def test_low_or_unknown_pain_keeps_last_times_load(pain: int | None) -> None:
    assert offered_load(25.0, pain) == OfferedLoad(25.0, None, 25.0)


def test_no_earlier_load_still_says_lighter() -> None:
    assert offered_load(None, 5) == OfferedLoad(None, "lighter today: pain 5", None)


def test_the_step_is_a_parameter() -> None:
    assert offered_load(25.0, 5, step_kg=1.0).load_kg == 20.0
    assert offered_load(24.0, 5, step_kg=5.0).load_kg == 15.0
