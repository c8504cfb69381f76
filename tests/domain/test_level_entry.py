"""Choosing 0–10 from the keyboard on a fake clock: digits, 1 then 0 for 10, Up/Down."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.level_entry import TEN_WINDOW_S, LevelEntry
from tests.support.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def entry(clock: FakeClock) -> LevelEntry:
    return LevelEntry(clock)


def test_no_level_until_one_is_chosen(entry: LevelEntry) -> None:
    assert entry.level is None and not entry.chosen


@pytest.mark.parametrize("digit", range(10))
def test_a_digit_picks_its_level(entry: LevelEntry, digit: int) -> None:
    assert entry.type_text(str(digit))
    assert entry.level == digit and entry.chosen


def test_one_then_zero_within_a_second_picks_ten(entry: LevelEntry, clock: FakeClock) -> None:
    entry.type_text("1")
    assert entry.level == 1  # shown at once, not held back
    clock.advance(TEN_WINDOW_S)
    entry.type_text("0")
    assert entry.level == 10


def test_one_then_zero_after_the_window_picks_zero(entry: LevelEntry, clock: FakeClock) -> None:
    entry.type_text("1")
    clock.advance(TEN_WINDOW_S + 0.01)
    entry.type_text("0")
    assert entry.level == 0


def test_ten_then_zero_picks_zero(entry: LevelEntry, clock: FakeClock) -> None:
    entry.type_text("1")
    entry.type_text("0")
    clock.advance(0.1)
    entry.type_text("0")  # 100 is no level: a fresh 0
    assert entry.level == 0


def test_another_digit_after_one_replaces_it(entry: LevelEntry, clock: FakeClock) -> None:
    entry.type_text("1")
    clock.advance(0.2)
    entry.type_text("5")
    assert entry.level == 5
    clock.advance(0.2)
    entry.type_text("0")  # the 1 is gone, so this is 0, not 10
    assert entry.level == 0


def test_a_second_one_restarts_the_window(entry: LevelEntry, clock: FakeClock) -> None:
    entry.type_text("1")
    clock.advance(0.9)
    entry.type_text("1")
    clock.advance(0.9)  # 1.8 s after the first 1, 0.9 s after the second
    entry.type_text("0")
    assert entry.level == 10


def test_up_and_down_step_within_the_scale(entry: LevelEntry) -> None:
    assert entry.up() == 0  # from no level: the low end, where the slider starts
    assert entry.up() == 1
    assert entry.down() == 0
    assert entry.down() == 0
    entry.set(9)
    assert entry.up() == 10
    assert entry.up() == 10


def test_down_from_no_level_also_picks_zero(entry: LevelEntry) -> None:
    assert entry.down() == 0


def test_an_arrow_ends_a_pending_one(entry: LevelEntry) -> None:
    entry.type_text("1")
    entry.up()
    entry.type_text("0")
    assert entry.level == 0


def test_the_slider_ends_a_pending_one(entry: LevelEntry) -> None:
    entry.type_text("1")
    assert entry.set(3) == 3
    entry.type_text("0")
    assert entry.level == 0


@pytest.mark.parametrize("bad", [-1, 11, True])
def test_the_slider_rejects_levels_off_the_scale(entry: LevelEntry, bad: int) -> None:
    with pytest.raises(ValueError, match="pain level"):
        entry.set(bad)
    assert entry.level is None


@pytest.mark.parametrize("text", ["", "a", "12", " ", "-"])
def test_other_keys_choose_nothing(entry: LevelEntry, text: str) -> None:
    assert not entry.type_text(text)
    assert entry.level is None


def test_clear_forgets_the_level(entry: LevelEntry) -> None:
    entry.type_text("1")
    entry.clear()
    entry.type_text("0")
    assert entry.level == 0
    entry.clear()
    assert entry.level is None


@pytest.mark.parametrize("bad", [-1, 10, True])
def test_digit_rejects_anything_but_0_to_9(entry: LevelEntry, bad: int) -> None:
    with pytest.raises(ValueError):
        entry.digit(bad)
