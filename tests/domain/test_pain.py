"""Pain check-in rules against the real guidance content."""

from __future__ import annotations

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.pain import (
    advise,
    format_pain_change,
    pain_change,
    pain_from_key,
    validate_pain_level,
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.mark.parametrize("level", [0, 5, 10])
def test_levels_from_0_to_10_are_valid(level: int) -> None:
    assert validate_pain_level(level) == level


@pytest.mark.parametrize("level", [-1, 11, 3.5, True, "4"])
def test_anything_else_is_rejected(level: object) -> None:
    with pytest.raises(ValueError, match="pain level"):
        validate_pain_level(level)  # type: ignore[arg-type]


def test_keys_0_to_9_set_the_level() -> None:
    assert [pain_from_key(str(n)) for n in range(10)] == list(range(10))
    assert pain_from_key("a") is None and pain_from_key("10") is None and pain_from_key("") is None


def test_every_level_gets_the_advice_of_its_band(library: Library) -> None:
    for level in range(11):
        advice = advise(library, level)
        band = library.pain_band(level)
        assert (advice.level, advice.title, advice.advice) == (level, band.title, band.advice)
        assert advice.stop == band.recommend_stop and not advice.sharp


def test_high_pain_suggests_the_gentle_day_and_rest(library: Library) -> None:
    low, high = advise(library, 1), advise(library, 9)
    assert low.suggest_plan is None and not low.stop
    assert high.suggest_plan == "gentle-day" and high.stop  # issue 11: was the quick add-on


def test_sharp_pain_always_means_stop_even_at_a_low_level(library: Library) -> None:
    advice = advise(library, 1, sharp=True)
    assert advice.stop and advice.sharp
    assert advice.advice == library.guidance.sharp_pain
    assert advice.suggest_plan is None


def test_pain_change_before_and_after() -> None:
    assert pain_change(4, 2) == -2
    assert pain_change(None, 2) is None
    assert format_pain_change(4, 2) == "4 → 2"
    assert format_pain_change(4, None) == "4 → –"
