"""The herniated-disc content: the question, the moves to clear first, safer choices."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from backleg_desktop.content.disc_content import DiscContent, disc_path, load_disc
from backleg_desktop.content.fields import Fields
from backleg_desktop.content.loader import ContentError, load_library
from backleg_desktop.content.model import Library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def disc(library: Library) -> DiscContent:
    return load_disc(disc_path(), library.exercises, Fields)


def test_the_question_is_worded_as_the_issue_asks(disc: DiscContent) -> None:
    assert disc.question == (
        "Has a doctor or physical therapist told you that you have a herniated disc?"
    )
    assert "doctor or physical therapist" in disc.clear_first_note


def test_the_article_s_moves_to_clear_first_and_its_safer_choices(
    disc: DiscContent, library: Library
) -> None:
    clear = {m.exercise_id for m in disc.clear_first}
    # Romanian deadlifts, weighted squats and kettlebell work (the goblet squat uses one)
    assert {"split-stance-rdl", "goblet-squat"} <= clear
    assert "Kettlebell" in library.exercise("goblet-squat").equipment_tags
    assert [m.exercise_id for m in disc.safer] == [
        "leg-extension",
        "lying-leg-curl",
        "reverse-lunge",
    ]
    assert "bodyweight only" in disc.safer[2].text
    assert [m.bodyweight for m in disc.safer] == [False, False, True]  # offered with no load
    assert disc.rules.clear_first == frozenset(clear)


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "disc.toml"
    shutil.copy(disc_path(), path)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in disc.toml: the test needs updating"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('exercise = "box-squat"', 'exercise = "box-squats"', 'unknown exercise id "box-squats"'),
        ('exercise = "box-squat"', 'exercise = "goblet-squat"', '"goblet-squat" is listed twice'),
        (
            'exercise = "box-squat"',
            'exercise = "leg-extension"',
            '"leg-extension" cannot be both clear_first and safer',
        ),
        ('how = "Seated', 'text = "Seated', 'disc.toml: safer 1: field "how": is missing'),
        ("question = ", "questions = ", 'disc.toml: field "questions": is not a known field'),
    ],
)
def test_a_broken_disc_file_names_the_entry_and_field(
    tmp_path: Path, library: Library, old: str, new: str, expected: str
) -> None:
    with pytest.raises(ContentError) as info:
        load_disc(_broken(tmp_path, old, new), library.exercises, Fields)
    assert any(expected in error for error in info.value.errors), info.value.errors


def test_the_app_loads_it_into_the_library(library: Library, disc: DiscContent) -> None:
    assert library.disc == disc
    assert disc_path().parent.name == "content"  # no longer staged


def test_the_loader_reports_a_broken_disc_file_with_the_others(tmp_path: Path) -> None:
    from backleg_desktop import assets

    folder = tmp_path / "content"
    shutil.copytree(assets.content_dir(), folder)
    path = folder / "disc.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"goblet-squat"', '"goblet-sqat"'),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_library(folder)
    assert info.value.errors == [
        'disc.toml: clear_first 2: field "exercise": unknown exercise id "goblet-sqat"'
    ]
