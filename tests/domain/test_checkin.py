"""The check-in decides what Enter, Esc, Q and the other choices start, per pain band."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.checkin import (
    GENTLE_DAY_ID,
    HIGH_FROM,
    MODERATE_FROM,
    NO_LEVEL_PROMPT,
    QUICK_ADD_ON_ID,
    SKIP_LABEL,
    CheckIn,
    RestToday,
    StartPlan,
    band_of,
    offer_for,
)
from tests.support.clock import FakeClock


@dataclass(frozen=True)
class P:
    id: str
    name: str


STRENGTH = P("strength", "Strength session")
QUICK = P(QUICK_ADD_ON_ID, "Quick add-on")
GENTLE = P(GENTLE_DAY_ID, "Gentle day")


def check_in(plan: P = STRENGTH, gentle: P | None = GENTLE) -> tuple[CheckIn, FakeClock]:
    clock = FakeClock()
    return CheckIn(plan, quick=QUICK, gentle=gentle, clock=clock), clock


def test_enter_with_no_level_starts_nothing_and_says_why() -> None:
    screen, _ = check_in()
    assert screen.offer() is None
    assert screen.enter() is None
    assert screen.quick() is None
    assert screen.prompt == NO_LEVEL_PROMPT
    assert "Esc" in NO_LEVEL_PROMPT


def test_esc_skips_the_check_in_with_no_level() -> None:
    screen, _ = check_in()
    assert SKIP_LABEL == "Skip check-in"
    assert screen.skip() == StartPlan("strength", None, False)
    screen.entry.type_text("8")
    assert screen.skip() == StartPlan("strength", None, False)  # a level typed is not kept


@pytest.mark.parametrize("level", [0, 3])
def test_low_pain_starts_the_plan_as_planned(level: int) -> None:
    screen, _ = check_in()
    screen.entry.type_text(str(level))
    offer = screen.offer()
    assert offer is not None and offer.band == "low"
    assert screen.prompt is None
    assert screen.enter() == StartPlan("strength", level, False)
    assert offer.default.label == "Start Strength session"
    assert offer.others == () and offer.note is None and not offer.link_red_flags
    assert screen.quick() is None  # Q is a 4–6 choice


@pytest.mark.parametrize("level", [4, 5, 6])
def test_moderate_pain_starts_the_plan_lighter_and_q_picks_the_quick_add_on(level: int) -> None:
    screen, _ = check_in()
    screen.entry.type_text(str(level))
    offer = screen.offer()
    assert offer is not None and offer.band == "moderate"
    assert screen.enter() == StartPlan("strength", level, True)
    assert offer.note == f"lighter today: pain {level}"
    assert offer.default.label == "Start Strength session, lighter"
    assert screen.quick() == StartPlan(QUICK_ADD_ON_ID, level, True)
    assert not offer.link_red_flags


def test_moderate_pain_on_the_quick_add_on_offers_no_switch() -> None:
    screen, _ = check_in(QUICK)
    screen.entry.type_text("5")
    assert screen.enter() == StartPlan(QUICK_ADD_ON_ID, 5, True)
    assert screen.quick() is None


@pytest.mark.parametrize("level", [7, 8, 9])
def test_high_pain_starts_the_gentle_day(level: int) -> None:
    screen, _ = check_in()
    screen.entry.type_text(str(level))
    offer = screen.offer()
    assert offer is not None and offer.band == "high"
    assert screen.enter() == StartPlan(GENTLE_DAY_ID, level, True)
    assert offer.default.label == "Start Gentle day"
    assert [c.label for c in offer.others] == ["Rest today", "Start Strength session anyway"]
    assert offer.link_red_flags
    assert screen.choose("rest") == RestToday(level)
    # "anyway" is never the default, and even then the loads are lighter
    assert screen.choose("anyway") == StartPlan("strength", level, True)
    assert screen.quick() is None


def test_pain_ten_typed_as_one_then_zero_starts_the_gentle_day() -> None:
    screen, clock = check_in()
    screen.entry.type_text("1")
    assert screen.enter() == StartPlan("strength", 1, False)  # 1 alone is low pain
    clock.advance(0.5)
    screen.entry.type_text("0")
    assert screen.level == 10
    assert screen.enter() == StartPlan(GENTLE_DAY_ID, 10, True)


def test_high_pain_on_the_gentle_day_offers_no_anyway() -> None:
    screen, _ = check_in(GENTLE)
    screen.entry.type_text("8")
    offer = screen.offer()
    assert offer is not None
    assert screen.enter() == StartPlan(GENTLE_DAY_ID, 8, True)
    assert [c.id for c in offer.others] == ["rest"]


def test_high_pain_without_a_gentle_day_rests_by_default() -> None:
    screen, _ = check_in(gentle=None)
    screen.entry.type_text("9")
    offer = screen.offer()
    assert offer is not None
    assert screen.enter() == RestToday(9)
    assert [c.id for c in offer.others] == ["anyway"]


def test_up_and_down_move_through_the_bands() -> None:
    screen, _ = check_in()
    screen.entry.set(3)
    assert screen.enter() == StartPlan("strength", 3, False)
    screen.entry.up()
    assert screen.enter() == StartPlan("strength", 4, True)
    screen.entry.set(6)
    screen.entry.up()
    assert screen.enter() == StartPlan(GENTLE_DAY_ID, 7, True)


def test_bands_follow_the_thresholds() -> None:
    assert [band_of(level) for level in range(11)] == ["low"] * 4 + ["moderate"] * 3 + ["high"] * 4


def test_the_thresholds_agree_with_the_content_pain_bands() -> None:
    bands = load_library().guidance.pain_bands
    assert [(b.low, b.high) for b in bands] == [
        (0, MODERATE_FROM - 1),
        (MODERATE_FROM, HIGH_FROM - 1),
        (HIGH_FROM, 10),
    ]


def test_offer_for_works_with_the_real_plans() -> None:
    library = load_library()
    offer = offer_for(5, library.plan("strength"), quick=library.plan("quick-add-on"))
    assert offer.default.label == "Start Strength session, lighter"
    assert [c.label for c in offer.others] == ["Quick add-on, lighter"]
