"""The back check after an exercise and the summary's caution after a painful session."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.back_check import back_check, back_rise
from backleg_desktop.domain.session_caution import cheer_records, session_caution


@pytest.mark.parametrize(("check_in", "now"), [(3, 3), (3, 4), (5, 2), (0, 1)])
def test_a_rise_below_2_offers_nothing(check_in: int, now: int) -> None:
    assert back_check(check_in, now) is None


@pytest.mark.parametrize(("check_in", "now"), [(3, 5), (0, 2), (5, 9), (8, 10)])
def test_a_rise_of_2_or_more_offers_the_gentle_day_or_the_end(check_in: int, now: int) -> None:
    offer = back_check(check_in, now)
    assert offer is not None
    assert [c.id for c in offer.choices] == ["gentle-day", "end", "continue"]
    assert offer.choices[0].label == "Switch to Gentle day"
    assert f"from {check_in} at the check-in to {now}" in offer.text
    assert back_rise(check_in, now) == now - check_in


def test_on_the_gentle_day_only_ending_is_offered() -> None:
    offer = back_check(3, 6, on_gentle_day=True)
    assert offer is not None
    assert [c.id for c in offer.choices] == ["end", "continue"]


def test_without_a_gentle_day_plan_ending_comes_first() -> None:
    offer = back_check(3, 6, gentle_name=None)
    assert offer is not None and offer.choices[0].id == "end"
    assert offer.choice("gentle-day") is None


def test_no_check_in_offers_only_when_the_answer_is_high() -> None:
    assert back_check(None, 6) is None
    offer = back_check(None, 7)
    assert offer is not None and "Your back is at 7" in offer.text
    assert back_rise(None, 7) is None


@pytest.mark.parametrize("bad", [-1, 11])
def test_an_answer_off_the_scale_is_refused(bad: int) -> None:
    with pytest.raises(ValueError):
        back_check(3, bad)


def test_a_stop_for_sharp_pain_cautions_and_links_the_red_flags() -> None:
    caution = session_caution(2, 2, stopped_for_sharp_pain=True)
    assert caution is not None and caution.show_red_flags
    assert "get it checked" in caution.text and "sharp" in caution.title
    assert not cheer_records(caution)
    assert session_caution(None, None, stopped_for_sharp_pain=True) is not None


@pytest.mark.parametrize(("before", "after"), [(2, 5), (0, 3), (4, 9)])
def test_pain_up_by_3_or_more_cautions_without_a_cheer(before: int, after: int) -> None:
    caution = session_caution(before, after, stopped_for_sharp_pain=False)
    assert caution is not None
    assert f"from {before} to {after}" in caution.text
    assert "Stop for today" in caution.text and "get it checked" in caution.text
    assert not cheer_records(caution)
    assert caution.show_red_flags == (after >= 7)


@pytest.mark.parametrize(("before", "after"), [(2, 4), (5, 5), (6, 1), (None, 9), (3, None)])
def test_a_smaller_rise_or_a_skipped_check_in_keeps_the_cheer(
    before: int | None, after: int | None
) -> None:
    caution = session_caution(before, after, stopped_for_sharp_pain=False)
    assert caution is None and cheer_records(caution)
