"""Warm-up sets: before an item's working sets, at about half the load, never working sets."""

from __future__ import annotations

from dataclasses import replace

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Library, Plan, PlanItem
from backleg_desktop.domain.prefill import Prefill
from backleg_desktop.domain.session_flow import SessionFlow, build_steps
from backleg_desktop.domain.units import LoadUnits
from backleg_desktop.domain.warmups import first_working_step, warmup_load_kg, warmup_prefill
from tests.support.clock import FakeClock

SQUAT = PlanItem("goblet-squat", IntRange(2, 3), IntRange(8, 10), False, IntRange(60, 75))
LUNGE = PlanItem("split-stance-rdl", IntRange(2, 2), IntRange(8, 8), True, IntRange(60, 60))


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.mark.parametrize(
    ("working", "warmup"),
    [(20.0, 10.0), (17.5, 7.5), (25.0, 12.5), (4.0, 0.0), (0.0, 0.0), (101.0, 50.0)],
)
def test_a_warmup_is_half_the_working_load_rounded_down_to_the_step(
    working: float, warmup: float
) -> None:
    assert warmup_load_kg(working) == warmup
    assert warmup_load_kg(working) <= working / 2


def test_warmups_come_first_and_stored_numbers_count_them(library: Library) -> None:
    plan = Plan("", "p", "", (replace(SQUAT, warmup_sets=2), replace(LUNGE, warmup_sets=1)))
    steps = build_steps(plan, library)
    shown = [(s.kind, s.set_number, s.total_sets, s.side, s.log_set_number) for s in steps]
    assert shown == [
        ("warmup", 1, 2, "both", 1),
        ("warmup", 2, 2, "both", 2),
        ("working", 1, 3, "both", 3),
        ("working", 2, 3, "both", 4),
        ("working", 3, 3, "both", 5),
        ("warmup", 1, 1, "left", 1),
        ("warmup", 1, 1, "right", 1),
        ("working", 1, 2, "left", 2),
        ("working", 1, 2, "right", 2),
        ("working", 2, 2, "left", 3),
        ("working", 2, 2, "right", 3),
    ]
    assert not any(s.optional for s in steps if s.kind == "warmup")
    assert first_working_step(steps[1]).key == first_working_step(steps[0]).key == steps[2].key
    assert first_working_step(steps[6]).log_set_number == 2
    # A plan without warm-ups is laid out exactly as before.
    plain = build_steps(Plan("", "p", "", (SQUAT, LUNGE)), library)
    assert [s.log_set_number for s in plain] == [1, 2, 3, 1, 1, 2, 2]


def test_a_logged_warmup_is_stored_as_a_warmup(library: Library) -> None:
    plan = Plan("", "p", "", (replace(SQUAT, warmup_sets=1),))
    flow = SessionFlow(plan, library, ask_pain=False, clock=FakeClock())
    flow.start_set()
    entry = flow.complete_set(10, 7.5)
    assert (entry.kind, entry.set_number, entry.load_kg) == ("warmup", 1, 7.5)
    flow.skip_rest()
    flow.start_set()
    assert flow.complete_set(10, 15.0).kind == "working"


def test_the_warmup_prefill_halves_the_working_one_and_says_so() -> None:
    warm = warmup_prefill(Prefill(10, 22.5, "lighter today: pain 5 (last time 27.5 kg)"))
    assert warm.load_kg == 10.0 and warm.reps == 10
    assert warm.note is not None and "half" in warm.note and "lighter today" in warm.note
    assert warmup_prefill(Prefill(8, None)).load_kg is None


def test_a_warmup_in_pounds_is_on_the_pound_grid_and_says_pounds() -> None:
    pounds = LoadUnits(unit="lb", step=5.0)
    working_kg = 50 * 0.45359237  # 50 lb
    warm = warmup_prefill(Prefill(10, working_kg), pounds)
    assert warm.load_kg == pytest.approx(25 * 0.45359237)  # 25 lb, not 10 kg
    assert warm.note is not None and "50 lb for the working sets" in warm.note
