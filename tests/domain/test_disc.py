"""A "yes" to the herniated-disc question marks the moves to clear first and offers safer ones."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.disc import (
    DEFAULT_DISC_ANSWER,
    DiscAnswer,
    DiscRules,
    marked,
    needs_clearance,
    safer_choices,
)

RULES = DiscRules(
    frozenset({"split-stance-rdl", "goblet-squat"}),
    ("leg-extension", "lying-leg-curl", "reverse-lunge"),
)
STRENGTH = ["leg-extension", "goblet-squat", "lying-leg-curl", "reverse-lunge", "split-stance-rdl"]


def test_enter_answers_no() -> None:
    assert DEFAULT_DISC_ANSWER == "no"


def test_yes_marks_the_moves_to_clear_first_in_plan_order() -> None:
    assert marked(RULES, "yes", STRENGTH) == ["goblet-squat", "split-stance-rdl"]
    assert needs_clearance(RULES, "yes", "goblet-squat")
    assert not needs_clearance(RULES, "yes", "leg-extension")


@pytest.mark.parametrize("answer", ["no", None])
def test_no_or_unanswered_marks_nothing(answer: DiscAnswer | None) -> None:
    assert marked(RULES, answer, STRENGTH) == []
    assert safer_choices(RULES, answer, "goblet-squat") == ()


def test_a_marked_move_offers_the_safer_choices() -> None:
    assert safer_choices(RULES, "yes", "split-stance-rdl") == (
        "leg-extension",
        "lying-leg-curl",
        "reverse-lunge",
    )
    assert safer_choices(RULES, "yes", "leg-extension") == ()  # not marked: nothing to swap


def test_safer_choices_can_be_limited_to_what_is_available() -> None:
    available = ["leg-extension", "goblet-squat", "split-stance-rdl"]
    assert safer_choices(RULES, "yes", "goblet-squat", available=available) == ("leg-extension",)
