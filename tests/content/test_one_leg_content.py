"""exercises.toml says how each one-leg move is done; a wrong one_leg_mode is reported."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.content.loader import load_library
from tests.support.content_copy import ContentFolder


def test_every_one_sided_exercise_says_how_it_is_done() -> None:
    path = Path(load_library().source_files[0])  # exercises.toml
    text = path.read_text(encoding="utf-8")
    library = load_library()
    for exercise in library.exercises.values():
        entry = text.split(f'id = "{exercise.id}"', 1)[1].split("[[exercise]]", 1)[0]
        assert ("one_leg_mode = " in entry) == exercise.one_sided, exercise.id


def test_the_reverse_lunge_alternates_and_the_split_stance_rdl_does_one_side_first() -> None:
    library = load_library()
    assert library.exercise("reverse-lunge").one_leg_mode == "alternate"
    assert library.exercise("split-stance-rdl").one_leg_mode == "one-side-then-other"
    assert library.exercise("goblet-squat").one_leg_mode is None
    cues = " ".join(library.exercise("reverse-lunge").cues).lower()
    assert "other side" not in cues and "taking turns" in cues


def test_a_mode_that_is_not_one_of_the_two_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("exercises.toml", 'one_leg_mode = "alternate"', 'one_leg_mode = "zigzag"')
    assert (
        'exercises.toml: exercise "reverse-lunge": field "one_leg_mode": must be one of '
        "alternate, one-side-then-other, not 'zigzag'"
    ) in content.errors()


def test_a_mode_on_a_two_sided_exercise_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub(
        "exercises.toml",
        r'(id = "goblet-squat".*?one_sided = false\n)',
        '\\1one_leg_mode = "alternate"\n',
    )
    errors = content.errors()
    assert any(
        e.startswith('exercises.toml: exercise "goblet-squat": field "one_leg_mode": only a')
        for e in errors
    ), errors


def test_a_one_sided_exercise_without_the_field_gets_the_default(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("exercises.toml", 'one_leg_mode = "alternate"\n', "")
    library = load_library(content.folder)
    assert library.exercise("reverse-lunge").one_leg_mode == "one-side-then-other"


def test_a_broken_one_sided_value_adds_no_follow_on_mode_error(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("exercises.toml", r"\none_sided = true", "\none_sided = 1")
    errors = content.errors()
    assert errors == [
        'exercises.toml: exercise "reverse-lunge": field "one_sided": '
        "must be true or false, not a number"
    ]
