"""The user's own plans in a real history file: save, list, rename, delete, mark used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Library, Plan, PlanItem
from backleg_desktop.domain.plan_rules import PlanProblem
from backleg_desktop.services.plan_catalog import every_plan, find_plan
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.services.user_plans import PlanInvalid
from tests.support.stores import WallClock

BRIDGE = PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30))
LUNGE = PlanItem("reverse-lunge", IntRange(2, 2), IntRange(8, 8), True, IntRange(60, 75), None, 2)


def user_plan(name: str = "Bridges and lunges", *items: PlanItem) -> Plan:
    return Plan(id="", name=name, summary="Mine", items=items or (BRIDGE, LUNGE), source="user")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def store(tmp_path: Path, library: Library, clock: WallClock) -> Store:
    with open_store(tmp_path / "data", library, make_daily_backup=False, now=clock) as opened:
        yield opened


def test_a_saved_plan_gets_a_stable_id_and_reads_back_equal(
    store: Store, tmp_path: Path, library: Library
) -> None:
    saved = store.plans.save(user_plan())
    assert saved.id.startswith("user-plan:") and len(saved.id) == len("user-plan:") + 36
    assert saved == replace(user_plan(), id=saved.id)
    store.close()
    with open_store(tmp_path / "data", library, make_daily_backup=False) as again:
        assert again.plans.get(saved.id) == saved
        assert again.plans.all() == [saved]


def test_saving_again_updates_in_place_and_keeps_the_id(store: Store) -> None:
    saved = store.plans.save(user_plan())
    renamed = store.plans.save(replace(saved, name="  Home legs  ", items=(BRIDGE,)))
    assert renamed.id == saved.id and renamed.name == "Home legs"
    assert store.plans.all() == [renamed]


def test_an_invalid_plan_is_refused_and_nothing_is_stored(store: Store) -> None:
    bad = user_plan("Bad", replace(BRIDGE, per_leg=True), replace(LUNGE, reps=IntRange(9, 7)))
    with pytest.raises(PlanInvalid) as info:
        store.plans.save(bad)
    assert info.value.problems == [
        PlanProblem(0, "per_leg", '"glute-bridge" is not a one-sided exercise'),
        PlanProblem(1, "reps", "low 9 is greater than high 7"),
    ]
    assert "item 1" in str(info.value) and "per_leg" in str(info.value)
    assert store.plans.all() == []


def test_a_name_already_taken_is_refused_in_any_case(store: Store) -> None:
    store.plans.save(user_plan("Home legs"))
    with pytest.raises(PlanInvalid) as info:
        store.plans.save(user_plan("HOME LEGS"))
    assert [(p.item, p.field) for p in info.value.problems] == [(None, "name")]
    assert 'already have a plan called "Home legs"' in info.value.problems[0].message
    with pytest.raises(PlanInvalid) as built_in:
        store.plans.save(user_plan("strength session"))
    assert built_in.value.problems[0].field == "name"
    assert len(store.plans.all()) == 1


def test_a_built_in_id_cannot_be_overwritten(store: Store) -> None:
    with pytest.raises(PlanInvalid) as info:
        store.plans.save(replace(user_plan(), id="strength"))
    assert info.value.problems[0].field == "id"


def test_user_exercises_count_as_known_in_any_case(store: Store) -> None:
    store.workouts.add_user_exercise("Hip Thrust")
    plan = user_plan("Hips", replace(BRIDGE, exercise_id="user:hip thrust"))
    saved = store.plans.save(plan)
    assert saved.items[0].exercise_id == "user:Hip Thrust"
    with pytest.raises(PlanInvalid) as info:
        store.plans.save(user_plan("Other", replace(BRIDGE, exercise_id="user:Nordic curl")))
    assert info.value.problems[0].field == "exercise"
    # A user exercise counts as two-sided, as the session runs it.
    with pytest.raises(PlanInvalid):
        store.plans.save(user_plan("Per leg", replace(LUNGE, exercise_id="user:Hip Thrust")))


def test_most_recently_used_first_then_by_name(store: Store, clock: WallClock) -> None:
    b = store.plans.save(user_plan("b plan"))
    a = store.plans.save(user_plan("A plan"))
    c = store.plans.save(user_plan("c plan"))
    assert [p.name for p in store.plans.all()] == ["A plan", "b plan", "c plan"]
    store.plans.mark_used(c.id)
    clock.advance(minutes=5)
    store.plans.mark_used(b.id)
    assert [p.id for p in store.plans.all()] == [b.id, c.id, a.id]
    store.plans.mark_used("strength")  # a built-in plan: nothing to record


def test_delete_leaves_the_sessions_and_their_name(store: Store) -> None:
    saved = store.plans.save(user_plan("Home legs"))
    session = store.workouts.start_session(saved.id, pain_before=None)
    store.plans.delete(saved.id)
    store.plans.delete(saved.id)  # already gone: nothing to do
    assert store.plans.get(saved.id) is None and store.plans.all() == []
    detail = store.workouts.session_detail(session.id)
    assert (detail.session.plan_id, detail.session.name) == (saved.id, "Home legs")
    # Undo in the editor: saving it again under its id brings it back as it was.
    assert store.plans.save(saved) == saved and store.plans.get(saved.id) == saved


def test_the_catalog_lists_built_in_plans_first_then_the_users(
    store: Store, library: Library, clock: WallClock
) -> None:
    older = store.plans.save(user_plan("Older"))
    newer = store.plans.save(user_plan("Newer"))
    store.plans.mark_used(older.id)
    clock.advance(minutes=1)
    store.plans.mark_used(newer.id)
    plans = every_plan(library, store)
    built_in = list(library.plans.values())
    assert plans[: len(built_in)] == built_in and plans[0].id == "strength"
    assert [p.id for p in plans[len(built_in) :]] == [newer.id, older.id]
    assert every_plan(library, None) == built_in
    assert find_plan(library, store, newer.id) == store.plans.get(newer.id)
    assert find_plan(library, store, "strength") == library.plan("strength")
    assert find_plan(library, store, "user-plan:gone") is None
