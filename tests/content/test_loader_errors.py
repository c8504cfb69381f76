"""Broken content files: each problem is reported with its file, entry and field, all at once.

Every test copies the real files to tmp_path and breaks one thing in the copy.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from backleg_desktop import assets
from backleg_desktop.content.loader import ContentError, load_library


class ContentCopy:
    """A copy of the shipped content that a test can break with text edits."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        shutil.copytree(assets.content_dir(), folder)

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the first occurrence of `old` outside the files' # comments."""
        path = self.folder / name
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(re.escape(old), text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if not text[line_start:].lstrip().startswith("#"):
                path.write_text(text[: match.start()] + new + text[match.end() :], "utf-8")
                return
        raise AssertionError(f"{old!r} not in {name}: the test needs updating")

    def sub(self, name: str, pattern: str, new: str) -> None:
        """Replace the first regex match (for edits spanning lines)."""
        path = self.folder / name
        text, count = re.subn(pattern, new, path.read_text(encoding="utf-8"), count=1, flags=re.S)
        assert count == 1, f"{pattern!r} not in {name}: the test needs updating"
        path.write_text(text, encoding="utf-8")

    def line_of(self, name: str, text: str) -> int:
        lines = (self.folder / name).read_text(encoding="utf-8").splitlines()
        return next(number for number, line in enumerate(lines, start=1) if text in line)

    def errors(self) -> list[str]:
        with pytest.raises(ContentError) as info:
            load_library(self.folder)
        return info.value.errors


@pytest.fixture
def content(tmp_path: Path) -> ContentCopy:
    return ContentCopy(tmp_path / "content")


def assert_reported(errors: list[str], expected: str) -> None:
    assert any(expected in error for error in errors), "\n".join(errors)


def test_the_untouched_copy_loads(content: ContentCopy) -> None:
    assert len(load_library(content.folder).exercises) == 19


# (file, old text, new text, the message that must be reported)
SINGLE_BREAKS = [
    pytest.param(
        "plans.toml",
        'exercise = "goblet-squat"\nsets = 3\nreps = [8, 10]',
        'exercise = "goblet-squat"\nsets = 3\nreps = [10, 8]',
        'plans.toml: plan "strength", item 2 (goblet-squat): field "reps": '
        "low 10 is greater than high 8",
        id="range low above high",
    ),
    pytest.param(
        "plans.toml",
        "rest_seconds = [45, 60]",
        "rest_seconds = [-5, 60]",
        'plans.toml: plan "strength", item 1 (leg-extension): field "rest_seconds": '
        "low -5 is negative",
        id="negative range",
    ),
    pytest.param(
        "plans.toml",
        "sets = [2, 3]",
        "sets = [0, 3]",
        'plans.toml: plan "strength", item 4 (reverse-lunge): field "sets": low 0 is less than 1',
        id="zero sets",
    ),
    pytest.param(
        "plans.toml",
        "sets = [2, 3]",
        "sets = [2, 3, 4]",
        'item 4 (reverse-lunge): field "sets": a range must have exactly 2 numbers, not 3',
        id="range with three numbers",
    ),
    pytest.param(
        "plans.toml",
        "sets = [2, 3]",
        "sets = true",
        'plans.toml: plan "strength", item 4 (reverse-lunge): field "sets": '
        "must be a whole number, not true/false",
        id="bool is not a number",
    ),
    pytest.param(
        "plans.toml",
        'exercise = "lying-leg-curl"',
        'exercise = "lying-leg-curls"',
        'plans.toml: plan "strength", item 3 (lying-leg-curls): field "exercise": '
        'unknown exercise id "lying-leg-curls"',
        id="plan refers to an unknown exercise",
    ),
    pytest.param(
        "plans.toml",
        "reps = [12, 15]\nrest_seconds = [45, 60]",
        "reps = [12, 15]\nper_leg = true\nrest_seconds = [45, 60]",
        'plans.toml: plan "strength", item 1 (leg-extension): field "per_leg": '
        '"leg-extension" is not a one-sided exercise',
        id="per leg on a two-legged exercise",
    ),
    pytest.param(
        "plans.toml",
        "rest_seconds = [45, 60]",
        "rest_secs = [45, 60]",
        'plans.toml: plan "strength", item 1 (leg-extension): field "rest_secs": '
        "is not a known field",
        id="typo in a field name",
    ),
    pytest.param(
        "plans.toml",
        'id = "quick-add-on"',
        'id = "strength"',
        'plans.toml: plan "strength": field "id": duplicate id, '
        'already used by plans.toml: plan "strength"',
        id="duplicate plan id",
    ),
    pytest.param(
        "plans.toml",
        'id = "quick-add-on"',
        'id = "goblet-squat"',
        'plans.toml: plan "goblet-squat": field "id": duplicate id, '
        'already used by exercises.toml: exercise "goblet-squat"',
        id="plan id clashes with an exercise id",
    ),
    pytest.param(
        "exercises.toml",
        'id = "clamshell"',
        'id = "glute-bridge"',
        'exercises.toml: exercise "glute-bridge": field "id": duplicate id, '
        'already used by exercises.toml: exercise "glute-bridge"',
        id="duplicate exercise id",
    ),
    pytest.param(
        "exercises.toml",
        'id = "clamshell"',
        'id = "Clam Shell"',
        'exercises.toml: exercise "Clam Shell": field "id": \'Clam Shell\' is not a valid id',
        id="id that is not a slug",
    ),
    pytest.param(
        "exercises.toml",
        'name = "Leg extension"',
        'name = ""',
        'exercises.toml: exercise "leg-extension": field "name": must not be empty',
        id="empty text",
    ),
    pytest.param(
        "exercises.toml",
        'equipment = ["Leg extension machine"]',
        "equipment = []",
        'exercises.toml: exercise "leg-extension": field "equipment": must not be an empty list',
        id="empty list",
    ),
    pytest.param(
        "exercises.toml",
        'equipment = ["Leg extension machine"]',
        'equipment = ["Leg extension machine", "  "]',
        'exercises.toml: exercise "leg-extension": field "equipment": item 2 must not be empty',
        id="empty text in a list",
    ),
    pytest.param(
        "exercises.toml",
        'equipment = ["Leg extension machine"]',
        'equipment = "Leg extension machine"',
        'exercises.toml: exercise "leg-extension": field "equipment": '
        "must be a list of text, not text",
        id="text where a list is needed",
    ),
    pytest.param(
        "exercises.toml",
        'equipment_tags = ["Machine"]',
        'equipment_tags = ["Machines"]',
        'exercises.toml: exercise "leg-extension": field "equipment_tags": '
        "unknown tag 'Machines' (use one of: Bodyweight, Dumbbell,",
        id="unknown equipment tag",
    ),
    pytest.param(
        "exercises.toml",
        'equipment_tags = ["Machine"]',
        "equipment_tags = []",
        'exercises.toml: exercise "leg-extension": field "equipment_tags": '
        "must not be an empty list",
        id="no equipment tags",
    ),
    pytest.param(
        "exercises.toml",
        'equipment_tags = ["Dumbbell", "Kettlebell"]',
        'equipment_tags = ["Dumbbell", "Dumbbell"]',
        'exercises.toml: exercise "goblet-squat": field "equipment_tags": '
        "'Dumbbell' is listed twice",
        id="equipment tag twice",
    ),
    pytest.param(
        "exercises.toml",
        'role = "main"',
        'role = "primary"',
        'exercises.toml: exercise "leg-extension": field "role": '
        "must be one of main, supporting, not 'primary'",
        id="unknown role",
    ),
    pytest.param(
        "exercises.toml",
        "one_sided = false",
        'one_sided = "no"',
        'exercises.toml: exercise "leg-extension": field "one_sided": '
        "must be true or false, not text",
        id="text where a boolean is needed",
    ),
    pytest.param(
        "exercises.toml",
        'related = ["single-leg-straight-leg-raise", "leg-press"]',
        'related = ["single-leg-straight-leg-raise", "leg-presses"]',
        'exercises.toml: exercise "leg-extension": field "related": '
        'unknown exercise id "leg-presses"',
        id="related refers to an unknown exercise",
    ),
    pytest.param(
        "exercises.toml",
        'related = ["single-leg-straight-leg-raise", "leg-press"]',
        'related = ["leg-extension"]',
        'exercises.toml: exercise "leg-extension": field "related": '
        "an exercise cannot be related to itself",
        id="related to itself",
    ),
    pytest.param(
        "avoid.toml",
        'swaps = ["bird-dog", "dead-bug", "modified-plank"]',
        'swaps = ["bird-dog", "deadbug", "modified-plank"]',
        'avoid.toml: category "sit-ups-and-leg-raises": field "swaps": '
        'unknown exercise id "deadbug"',
        id="avoid swap refers to an unknown exercise",
    ),
    pytest.param(
        "avoid.toml",
        'id = "crunches"',
        'id = "pelvic-tilt"',
        'avoid.toml: category "pelvic-tilt": field "id": duplicate id, '
        'already used by exercises.toml: exercise "pelvic-tilt"',
        id="avoid id clashes with an exercise id",
    ),
    pytest.param(
        "guidance.toml",
        'related = ["goblet-squat", "box-squat", "wall-squat"]',
        'related = ["goblet-squat", "box-squats", "wall-squat"]',
        'guidance.toml: faq "faq-squats": field "related": unknown exercise id "box-squats"',
        id="guidance refers to an unknown exercise",
    ),
    pytest.param(
        "guidance.toml",
        'suggest_plan = "quick-add-on"',
        'suggest_plan = "quick-addon"',
        'guidance.toml: pain band 2 (4–6): field "suggest_plan": unknown plan id "quick-addon"',
        id="pain band suggests an unknown plan",
    ),
    pytest.param(
        "guidance.toml",
        "low = 4",
        "low = 5",
        'guidance.toml: pain band 2 (5–6): field "low": no band covers level 4',
        id="gap between pain bands",
    ),
    pytest.param(
        "guidance.toml",
        "low = 7",
        "low = 6",
        'guidance.toml: pain band 3 (6–10): field "low": overlaps the band before it at level 6',
        id="overlapping pain bands",
    ),
    pytest.param(
        "guidance.toml",
        "high = 10",
        "high = 9",
        'guidance.toml: pain band 3 (7–9): field "high": no band covers level 10',
        id="pain bands stop short of 10",
    ),
    pytest.param(
        "guidance.toml",
        "high = 10",
        "high = 11",
        'guidance.toml: pain band 3 (7–11): field "high": 11 is greater than 10',
        id="pain level above 10",
    ),
    pytest.param(
        "guidance.toml",
        "low = 4\nhigh = 6",
        "low = 6\nhigh = 4",
        'guidance.toml: pain band 2 (6–4): field "low": low 6 is greater than high 4',
        id="pain band upside down",
    ),
    pytest.param(
        "guidance.toml",
        "recommend_stop = true",
        "recommend_stop = 1",
        'guidance.toml: pain band 3 (7–10): field "recommend_stop": '
        "must be true or false, not a number",
        id="number where a boolean is needed",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), SINGLE_BREAKS)
def test_a_broken_field_is_named_with_its_file_entry_and_field(
    content: ContentCopy, name: str, old: str, new: str, expected: str
) -> None:
    content.edit(name, old, new)
    errors = content.errors()
    assert_reported(errors, expected)
    assert all(re.match(r"[a-z_]+\.toml: ", error) for error in errors), errors


def test_a_missing_required_field_is_reported(content: ContentCopy) -> None:
    content.sub("exercises.toml", r'summary = "A seated machine[^\n]*\n', "")
    assert content.errors() == [
        'exercises.toml: exercise "leg-extension": field "summary": is missing'
    ]


def test_an_exercise_without_equipment_tags_is_reported(content: ContentCopy) -> None:
    # Optional on the dataclass (tests build exercises without it), required in the files.
    content.sub("exercises.toml", r'(id = "wall-squat".*?)equipment_tags = \[[^\n]*\]\n', r"\1")
    assert content.errors() == [
        'exercises.toml: exercise "wall-squat": field "equipment_tags": is missing'
    ]


def test_equipment_tags_are_case_sensitive_words_of_the_vocabulary(content: ContentCopy) -> None:
    # "dumbbell" would make a second filter entry next to "Dumbbell".
    content.edit("exercises.toml", '"Dumbbell", "Kettlebell"', '"dumbbell", "Kettlebell"')
    errors = content.errors()
    assert len(errors) == 1
    assert errors[0].startswith(
        'exercises.toml: exercise "goblet-squat": field "equipment_tags": unknown tag \'dumbbell\''
    )


def test_a_main_exercise_needs_warning_signs(content: ContentCopy) -> None:
    content.sub("exercises.toml", r"(id = \"goblet-squat\".*?)warning_signs = \[.*?\]\n", r"\1")
    assert content.errors() == [
        'exercises.toml: exercise "goblet-squat": field "warning_signs": is missing'
    ]


def test_an_entry_without_an_id_is_named_by_its_position(content: ContentCopy) -> None:
    position = list(load_library(content.folder).exercises).index("bird-dog") + 1
    content.edit("exercises.toml", 'id = "bird-dog"\n', "")
    errors = content.errors()
    assert_reported(errors, f'exercises.toml: exercise {position}: field "id": is missing')


def test_a_plan_item_that_is_not_a_table_is_reported(content: ContentCopy) -> None:
    content.sub("plans.toml", r"\[\[plan\]\]\nid = \"quick-add-on\".*", '[[plan]]\nitem = ["x"]\n')
    errors = content.errors()
    assert_reported(errors, 'plans.toml: plan 2: field "item": item 1 must be a table, not text')
    assert_reported(errors, 'plans.toml: plan 2: field "id": is missing')


def test_a_toml_syntax_error_names_the_line(content: ContentCopy) -> None:
    line = content.line_of("avoid.toml", 'id = "crunches"')
    content.edit("avoid.toml", 'id = "crunches"', 'id = "crunches')
    errors = content.errors()
    assert len(errors) >= 1
    assert errors[0].startswith(f"avoid.toml: line {line}, column ")
    assert "invalid TOML" in errors[0]


@pytest.mark.parametrize("name", ["exercises.toml", "plans.toml"])
def test_a_missing_file_is_reported_once(content: ContentCopy, name: str) -> None:
    (content.folder / name).unlink()
    # Only the missing file: not one more error for each reference into it.
    assert content.errors() == [f"{name}: file is missing from {content.folder}"]


def test_a_file_with_a_syntax_error_does_not_bury_other_errors(content: ContentCopy) -> None:
    content.edit("exercises.toml", "[[exercise]]", "[[exercise]")
    content.edit("plans.toml", "sets = 3", "sets = -3")
    errors = content.errors()
    assert len(errors) == 2, errors
    assert errors[0].startswith("exercises.toml: line ")
    assert errors[1] == (
        'plans.toml: plan "strength", item 1 (leg-extension): field "sets": -3 is negative'
    )


def test_an_unknown_file_is_reported(content: ContentCopy) -> None:
    (content.folder / "exercise.toml").write_text("", encoding="utf-8")
    errors = content.errors()
    assert errors == [
        "exercise.toml: unknown content file "
        "(expected only exercises.toml, plans.toml, avoid.toml, guidance.toml, figures.toml, "
        "disc.toml)"
    ]


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        load_library(tmp_path / "nowhere")
    assert info.value.errors == [f"{tmp_path / 'nowhere'}: the content folder does not exist"]


def test_missing_bundled_resources_are_a_content_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Path:
        raise assets.ResourcesNotFound("Backleg's resources folder is missing; looked in: x")

    monkeypatch.setattr(assets, "content_dir", missing)
    with pytest.raises(ContentError) as info:
        load_library()
    assert info.value.errors == ["Backleg's resources folder is missing; looked in: x"]


def test_an_unknown_top_level_table_is_reported(content: ContentCopy) -> None:
    content.edit("avoid.toml", "[[category]]", "[[categories]]")
    errors = content.errors()
    assert_reported(errors, 'avoid.toml: field "categories": is not a known field')


def test_every_problem_is_reported_at_once(content: ContentCopy) -> None:
    content.edit("plans.toml", "reps = [6, 8]", "reps = [8, 6]")
    content.edit("avoid.toml", 'swaps = ["glute-bridge", "step-up", "leg-press"]', "swaps = []")
    content.edit("guidance.toml", 'disclaimer = "', 'disclaimers = "')
    content.edit("exercises.toml", "one_sided = true", "one_sided = 1")
    with pytest.raises(ContentError) as info:
        load_library(content.folder)
    expected = [
        'exercises.toml: exercise "reverse-lunge": field "one_sided": '
        "must be true or false, not a number",
        'plans.toml: plan "quick-add-on", item 3 (split-stance-rdl): field "reps": '
        "low 8 is greater than high 6",
        'avoid.toml: category "high-impact-plyometrics": field "swaps": must not be an empty list',
        'guidance.toml: field "disclaimer": is missing',
        'guidance.toml: field "disclaimers": is not a known field',
    ]
    assert info.value.errors == expected
    message = str(info.value)
    assert message.startswith("5 problems in Backleg's content files:")
    for error in expected:
        assert f"  - {error}" in message
