"""A plan item's set is reps or a timed hold, never both."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.set_work import (
    HoldWork,
    RepsWork,
    Span,
    describe,
    hold_target_s,
    is_hold,
    work_of,
)


def test_reps_or_a_hold() -> None:
    assert work_of(Span(12, 15), None) == RepsWork(Span(12, 15))
    assert work_of(None, Span(60, 60)) == HoldWork(Span(60, 60))
    assert is_hold(work_of(None, Span(30, 45))) and not is_hold(work_of(Span(8, 8), None))


def test_never_both_and_never_neither() -> None:
    with pytest.raises(ValueError, match="not both"):
        work_of(Span(10, 10), Span(30, 30))
    with pytest.raises(ValueError, match="needs reps or hold_seconds"):
        work_of(None, None)


def test_a_span_is_checked() -> None:
    with pytest.raises(ValueError, match="low 9 is greater than high 8"):
        Span(9, 8)


@pytest.mark.parametrize(
    ("work", "text"),
    [
        (RepsWork(Span(12, 15)), "12–15 reps"),
        (RepsWork(Span(1, 1)), "1 rep"),
        (RepsWork(Span(8, 8), per_leg=True), "8 per leg"),
        (HoldWork(Span(60, 60)), "60 s hold"),
        (HoldWork(Span(20, 30), per_leg=True), "20–30 s hold per leg"),
    ],
)
def test_describe(work: RepsWork | HoldWork, text: str) -> None:
    assert describe(work) == text


def test_a_hold_counts_down_from_the_low_end() -> None:
    assert hold_target_s(HoldWork(Span(30, 45))) == 30
    assert hold_target_s(HoldWork(Span(60, 60))) == 60
