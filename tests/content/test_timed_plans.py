"""The gentle day, read with the plan reader of plans.toml: items of reps or holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop import assets
from backleg_desktop.content.fields import Fields
from backleg_desktop.content.loader import ContentError, load_library
from backleg_desktop.content.model import IntRange, Library
from backleg_desktop.content.timed_plans import (
    GENTLE_DAY_ID,
    HOME_BODYWEIGHT_ID,
    TimedPlan,
    load_timed_plans,
    source_label,
)
from backleg_desktop.domain.checkin import GENTLE_DAY_ID as CHECK_IN_GENTLE_DAY_ID
from backleg_desktop.domain.set_work import HoldWork, RepsWork, Span


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def gentle(library: Library) -> TimedPlan:
    return library.plan(GENTLE_DAY_ID)


def gentle_text() -> str:
    """The gentle day's `[[plan]]` block of plans.toml (the home plan follows it), on its own."""
    text = (assets.content_dir() / "plans.toml").read_text(encoding="utf-8")
    start = text.index('[[plan]]\nid = "gentle-day"')
    return text[start : text.index(f'[[plan]]\nid = "{HOME_BODYWEIGHT_ID}"')]


def test_the_gentle_day_is_backlegs_unloaded_restorative_plan(
    gentle: TimedPlan, library: Library
) -> None:
    assert gentle.id == GENTLE_DAY_ID == CHECK_IN_GENTLE_DAY_ID
    assert gentle.name == "Gentle day"
    assert gentle.source == "backleg"
    assert "Backleg's suggestion" in gentle.summary and "article" in gentle.summary
    assert [i.exercise_id for i in gentle.items] == [
        "diaphragmatic-breathing",
        "pelvic-tilt",
        "glute-bridge",
        "bird-dog",
        "dead-bug",
    ]
    for item in gentle.items:
        exercise = library.exercise(item.exercise_id)
        assert "Bodyweight" in exercise.equipment_tags, item.exercise_id  # nothing to load
        assert item.rest_seconds.high <= 30, item.exercise_id  # short rests


def test_the_plans_page_can_say_whose_plan_it_is(gentle: TimedPlan) -> None:
    assert source_label(gentle.source) == "Backleg's suggestion, built on the article"
    assert source_label("article") == "From the trainer's article"


def test_the_breathing_is_a_timed_hold_and_the_rest_are_reps(gentle: TimedPlan) -> None:
    breathing, tilt, *_ = gentle.items
    assert breathing.hold_seconds == IntRange(60, 60) and breathing.reps is None
    assert breathing.work == HoldWork(Span(60, 60))
    assert tilt.work == RepsWork(Span(10, 10))
    assert all((i.reps is None) != (i.hold_seconds is None) for i in gentle.items)


def test_the_app_loads_the_gentle_day_after_the_articles_plans(library: Library) -> None:
    assert list(library.plans) == ["strength", "quick-add-on", GENTLE_DAY_ID, HOME_BODYWEIGHT_ID]
    sources = [p.source for p in library.plans.values()]
    assert sources == ["article", "article", "backleg", "backleg"]
    assert not (assets.content_dir() / "staged" / "plans_gentle.toml").exists()


def test_a_plan_file_reads_through_the_same_reader(tmp_path: Path, library: Library) -> None:
    """`load_timed_plans` (a separate plans file) reads what the app loads, unchanged."""
    path = _write(tmp_path / "plans.toml", (assets.content_dir() / "plans.toml").read_text())
    plans = load_timed_plans(path, library.exercises, Fields)
    assert plans == tuple(library.plans.values())
    text = path.read_text().replace('source = "article"\n', "", 1)
    with pytest.raises(ContentError) as info:
        load_timed_plans(_write(path, text), library.exercises, Fields)
    assert 'plans.toml: plan "strength": field "source": is missing' in info.value.errors


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    path = _write(tmp_path / "plans_gentle.toml", gentle_text())
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in the staged file: the test needs updating"
    return _write(path, text.replace(old, new, 1))


ITEM_1 = 'plans_gentle.toml: plan "gentle-day", item 1 (diaphragmatic-breathing)'
ITEM_2 = 'plans_gentle.toml: plan "gentle-day", item 2 (pelvic-tilt)'


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "hold_seconds = 60\n",
            "hold_seconds = 60\nreps = 5\n",
            f'{ITEM_1}: field "hold_seconds": an item has either reps or hold_seconds, never both',
        ),
        (
            "hold_seconds = 60\n",
            "",
            f'{ITEM_1}: field "reps": is missing (a timed hold gives hold_seconds instead)',
        ),
        (
            "hold_seconds = 60",
            "hold_seconds = 0",
            f'{ITEM_1}: field "hold_seconds": 0 is less than 1',
        ),
        ("hold_seconds = 60", "hold_seconds = [60, 30]", "low 60 is greater than high 30"),
        ("hold_seconds = 60", 'hold_seconds = "1 min"', "must be a whole number, not text"),
        (
            'exercise = "pelvic-tilt"',
            'exercise = "pelvic-tilts"',
            'unknown exercise id "pelvic-tilts"',
        ),
        (
            "reps = 10\n",
            "reps = 10\nper_leg = true\n",
            'field "per_leg": "pelvic-tilt" is not a one-sided',
        ),
        ("reps = 10\n", "reps = 10\nhold = 30\n", f'{ITEM_2}: field "hold": is not a known field'),
        (
            'source = "backleg"',
            'source = "trainer"',
            "must be one of article, backleg, not 'trainer'",
        ),
        (
            'source = "backleg"\n',
            "",
            'plans_gentle.toml: plan "gentle-day": field "source": is missing',
        ),
    ],
)
def test_a_broken_staged_plan_names_file_entry_and_field(
    tmp_path: Path, library: Library, old: str, new: str, expected: str
) -> None:
    path = _broken(tmp_path, old, new)
    with pytest.raises(ContentError) as info:
        load_timed_plans(path, library.exercises, Fields)
    assert any(expected in error for error in info.value.errors), info.value.errors


def test_bad_toml_is_reported_with_its_line(tmp_path: Path, library: Library) -> None:
    path = _broken(tmp_path, "sets = 2\nhold_seconds", "sets = = 2\nhold_seconds")
    with pytest.raises(ContentError) as info:
        load_timed_plans(path, library.exercises, Fields)
    (error,) = info.value.errors
    assert error.startswith("plans_gentle.toml: invalid TOML") and "line 9" in error


def test_a_missing_file_is_reported(tmp_path: Path, library: Library) -> None:
    with pytest.raises(ContentError) as info:
        load_timed_plans(tmp_path / "plans_gentle.toml", library.exercises, Fields)
    assert info.value.errors[0].startswith("plans_gentle.toml: cannot be read")


def test_the_home_plan_is_backlegs_bodyweight_day_from_the_articles_moves(
    library: Library,
) -> None:
    home = library.plan(HOME_BODYWEIGHT_ID)
    assert (home.name, home.source) == ("Home, no equipment", "backleg")
    assert "Backleg's suggestion" in home.summary and "article" in home.summary
    assert [i.exercise_id for i in home.items] == [
        "glute-bridge",
        "wall-squat",
        "reverse-lunge",
        "step-up",
        "clamshell",
        "bird-dog",
    ]
    for item in home.items:
        exercise = library.exercise(item.exercise_id)
        assert "Bodyweight" in exercise.equipment_tags, item.exercise_id
        assert "Machine" not in exercise.equipment_tags, item.exercise_id
        assert item.warmup_sets == 0  # nothing to load, so nothing to warm up at half of it
    wall = home.items[1]
    assert wall.hold_seconds == IntRange(20, 30) and wall.reps is None and wall.note
    assert [i.per_leg for i in home.items] == [False, False, True, True, True, False]
