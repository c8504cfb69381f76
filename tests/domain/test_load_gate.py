"""The progression gate: never an "add load" hint when today's pain is 4+, unknown, or rose."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.load_gate import exercise_hint_today, load_increase_block
from backleg_desktop.domain.progression import ExerciseOutcome, exercise_screen_hint


def outcome(session_id: int, pain: tuple[int | None, int | None] = (2, 2)) -> ExerciseOutcome:
    return ExerciseOutcome(session_id, (15, 15, 15), 25.0, pain[0], pain[1])


EARNED = [outcome(2), outcome(1)]  # every set at the top twice, calm pain: a step is earned


@pytest.mark.parametrize("pain", [0, 1, 2, 3])
def test_pain_0_to_3_keeps_the_existing_hint(pain: int) -> None:
    hint = exercise_hint_today("leg-extension", 15, EARNED, pain)
    assert hint == exercise_screen_hint("leg-extension", 15, EARNED)
    assert hint is not None and hint.kind == "add_load" and hint.suggested_load_kg == 26.5


@pytest.mark.parametrize("pain", [4, 5, 6, 7, 8, 10])
def test_pain_4_or_more_never_suggests_more_load(pain: int) -> None:
    hint = exercise_hint_today("leg-extension", 15, EARNED, pain)
    assert hint is not None
    assert hint.kind == "ease_off" and hint.suggested_load_kg is None
    assert f"Your back is at {pain} today, so no extra load" in hint.text
    assert "more" not in hint.text and "kg" not in hint.text
    assert hint.exercise_id == "leg-extension" and hint.session_id == 2


def test_a_skipped_check_in_suggests_no_more_load() -> None:
    hint = exercise_hint_today("leg-extension", 15, EARNED, None)
    assert hint is not None and hint.kind == "ease_off"
    assert "skipped today's check-in" in hint.text


def test_an_ease_off_hint_passes_through_unchanged() -> None:
    rose = [outcome(2, (2, 5)), outcome(1)]
    expected = exercise_screen_hint("leg-extension", 15, rose, "Quick add-on")
    assert expected is not None and expected.kind == "ease_off"
    assert exercise_hint_today("leg-extension", 15, rose, 1, "Quick add-on") == expected
    assert exercise_hint_today("leg-extension", 15, rose, 6, "Quick add-on") == expected


def test_no_hint_stays_no_hint() -> None:
    assert exercise_hint_today("leg-extension", 15, [outcome(1)], 5) is None
    assert exercise_hint_today("leg-extension", 15, [], None) is None


def test_the_block_names_each_reason() -> None:
    assert load_increase_block(3, EARNED) is None
    assert load_increase_block(0, []) is None
    assert "at 4 today" in (load_increase_block(4, EARNED) or "")
    assert "skipped" in (load_increase_block(None, EARNED) or "")
    rose_by_one = [outcome(2, (2, 3)), outcome(1)]
    assert "went from 2 to 3" in (load_increase_block(1, rose_by_one) or "")
    eased = [outcome(2, (4, 2)), outcome(1)]
    assert load_increase_block(1, eased) is None
    unknown_after = [outcome(2, (2, None)), outcome(1)]
    assert load_increase_block(1, unknown_after) is None  # no rise shown; the hint has its own rule
