"""The guidance added for issue 11: why leg day helps, rest, no equipment, red flags,
and a disclaimer that says not to rely on the app for decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.content.red_flags import RED_FLAGS_ID
from tests.support.content_copy import ContentFolder


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_the_red_flag_card_lists_the_five_signs(library: Library) -> None:
    card = library.guidance.red_flags
    assert card is not None
    assert card.id == RED_FLAGS_ID
    assert card.title == "See a doctor straight away if…"
    signs = [s.lower() for s in card.signs]
    assert len(signs) == 5
    expected = [
        ("numbness", "groin", "inside of your thighs"),
        ("bladder", "bowels"),
        ("weakness", "leg", "getting worse"),
        ("fever", "weight loss"),
        ("fall", "accident"),
    ]
    for words, sign in zip(expected, signs, strict=True):
        assert all(w in sign for w in words), sign


def test_the_red_flag_card_says_it_goes_beyond_the_article(library: Library) -> None:
    card = library.guidance.red_flags
    assert card is not None
    note = card.source_note.lower()
    assert "general medical guidance" in note and "beyond" in note and "article" in note
    assert "doctor" in card.action.lower()


def test_the_basics_cover_what_the_article_says_about_legs_rest_and_equipment(
    library: Library,
) -> None:
    text = {s.id: " ".join(s.paragraphs).lower() for s in library.guidance.basics}
    why = text["basics-why-legs"]
    for fact in ("glutes", "hamstrings", "sitting", "pelvis", "blood", "stiffening"):
        assert fact in why, fact
    rest = text["basics-rest-and-movement"]
    assert "active" in rest and "too long" in rest and "slow your recovery" in rest
    kit = text["basics-no-equipment"]
    assert "bodyweight" in kit
    no_kit = next(s for s in library.guidance.basics if s.id == "basics-no-equipment")
    for exercise_id in no_kit.related:  # every move offered really needs no equipment
        assert "Bodyweight" in library.exercise(exercise_id).equipment_tags, exercise_id


def test_the_disclaimer_says_not_to_rely_on_it_for_decisions(library: Library) -> None:
    assert "should not rely on it when you make decisions" in library.guidance.disclaimer


def test_a_missing_red_flag_card_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("guidance.toml", r"\[red_flags\].*?(?=\n# --- Flare-ups)", "")
    assert 'guidance.toml: field "red_flags": is missing' in content.errors()


def test_red_flags_written_as_text_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("guidance.toml", r"\[red_flags\].*?(?=\n# --- Flare-ups)", "")
    content.sub("guidance.toml", r"(?=disclaimer = )", 'red_flags = "x"\n')
    errors = content.errors()
    assert 'guidance.toml: field "red_flags": must be a table ([red_flags])' in errors


@pytest.mark.parametrize(
    ("pattern", "new", "expected"),
    [
        (r'source_note = "[^"]*"', "", 'red-flag card: field "source_note": is missing'),
        (r"signs = \[.*?\]", "signs = []", 'red-flag card: field "signs": must not be an empty'),
        (r'intro = "', 'intro_text = "x"\nintro = "', 'field "intro_text": is not a known field'),
        (r'id = "red-flags"', 'id = "Red Flags"', "is not a valid id"),
    ],
)
def test_a_broken_red_flag_card_names_the_field(
    tmp_path: Path, pattern: str, new: str, expected: str
) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("guidance.toml", pattern, new)
    errors = content.errors()
    assert any(e.startswith("guidance.toml: red-flag card") and expected in e for e in errors), (
        errors
    )


def test_a_basics_section_reuses_the_section_checks(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub(
        "guidance.toml",
        r'related = \["glute-bridge", "clamshell", "step-up"\]',
        'related = ["glute-bridges"]',
    )
    assert (
        'guidance.toml: basics "basics-why-legs": field "related": '
        'unknown exercise id "glute-bridges"'
    ) in content.errors()
