"""Pain per exercise in the store: one answer per exercise, replaced, checked, and gone
with its session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.services.errors import NotFoundError, ValidationError
from backleg_desktop.services.store import Store
from tests.support.stores import open_test_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_test_store(tmp_path) as opened:
        yield opened


def test_one_answer_per_exercise_the_latest_kept(store: Store) -> None:
    workouts = store.workouts
    session = workouts.start_session("strength", pain_before=2)
    workouts.set_exercise_pain(session.id, "leg-extension", 3)
    workouts.set_exercise_pain(session.id, "goblet-squat", 6)
    workouts.set_exercise_pain(session.id, "leg-extension", 4)
    assert workouts.exercise_pains(session.id) == {"goblet-squat": 6, "leg-extension": 4}
    other = workouts.start_session("quick-add-on", pain_before=None)
    assert workouts.exercise_pains(other.id) == {}


def test_a_bad_level_or_session_is_refused(store: Store) -> None:
    workouts = store.workouts
    session = workouts.start_session("strength", pain_before=2)
    with pytest.raises(ValidationError):
        workouts.set_exercise_pain(session.id, "leg-extension", 11)
    with pytest.raises(NotFoundError):
        workouts.set_exercise_pain(session.id + 1, "leg-extension", 3)
    assert workouts.exercise_pains(session.id) == {}


def test_deleting_the_session_deletes_its_answers(store: Store) -> None:
    workouts = store.workouts
    session = workouts.start_session("strength", pain_before=2)
    workouts.set_exercise_pain(session.id, "leg-extension", 3)
    workouts.delete_session(session.id)
    assert workouts.exercise_pains(session.id) == {}
