"""The stored herniated-disc swaps of a session (table session_swaps, migration 0007)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.services.errors import NotFoundError, ValidationError
from backleg_desktop.services.session_swap import with_stored_swaps
from backleg_desktop.services.session_swaps import Swap
from backleg_desktop.services.store import open_store

LIBRARY = load_library()


def test_a_second_swap_of_an_item_replaces_the_first_and_a_deleted_session_takes_them(
    data_dir: Path,
) -> None:
    with open_store(data_dir, LIBRARY, make_daily_backup=False) as store:
        workouts = store.workouts
        session = workouts.start_session("strength", pain_before=2)
        workouts.record_swap(session.id, Swap(1, "leg-extension"))
        workouts.record_swap(session.id, Swap(4, "lying-leg-curl"))
        workouts.record_swap(session.id, Swap(4, "reverse-lunge", bodyweight=True))
        assert workouts.session_swaps(session.id) == [
            Swap(1, "leg-extension"),
            Swap(4, "reverse-lunge", bodyweight=True),
        ]
        with pytest.raises(ValidationError):
            workouts.record_swap(session.id, Swap(-1, "leg-extension"))
        workouts.delete_session(session.id)
        assert workouts.session_swaps(session.id) == []
        with pytest.raises(NotFoundError):
            workouts.record_swap(session.id, Swap(1, "leg-extension"))


def test_stored_swaps_that_no_longer_fit_the_plan_are_left_out() -> None:
    plan = LIBRARY.plan("strength")
    swapped = with_stored_swaps(
        LIBRARY,
        plan,
        [Swap(1, "leg-extension"), Swap(99, "leg-extension"), Swap(2, "gone-from-library")],
    )
    assert [i.exercise_id for i in swapped.items] == [
        plan.items[0].exercise_id,
        "leg-extension",
        *(i.exercise_id for i in plan.items[2:]),
    ]
