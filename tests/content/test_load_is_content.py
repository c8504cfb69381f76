"""exercises.toml says whether a two-dumbbell move's load is per dumbbell or the total;
a missing or wrong `load_is` is reported with the file, the exercise and the field."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.content.loader import load_library
from tests.support.content_copy import ContentFolder


def test_two_dumbbell_moves_say_what_their_load_counts() -> None:
    library = load_library()
    assert library.exercise("reverse-lunge").load_is == "per dumbbell"
    assert library.exercise("split-stance-rdl").load_is == "per dumbbell"
    assert library.exercise("goblet-squat").load_is is None  # one weight: nothing to say
    assert library.exercise("leg-extension").load_is is None
    for exercise in library.exercises.values():
        if any("dumbbells" in e.lower() for e in exercise.equipment):
            assert exercise.load_is is not None, exercise.id


def test_a_value_that_is_not_one_of_the_two_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub(
        "exercises.toml",
        r'(id = "reverse-lunge".*?)load_is = "per dumbbell"',
        '\\1load_is = "each"',
    )
    assert (
        'exercises.toml: exercise "reverse-lunge": field "load_is": must be "per dumbbell" '
        "or \"total\", not 'each'"
    ) in content.errors()


def test_a_two_dumbbell_move_without_it_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("exercises.toml", r'(id = "reverse-lunge".*?)load_is = "per dumbbell"\n', "\\1")
    errors = content.errors()
    assert any(
        e.startswith('exercises.toml: exercise "reverse-lunge": field "load_is": is required')
        for e in errors
    ), errors
