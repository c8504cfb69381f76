"""Search by everyday names and abbreviations, and one clean muscle vocabulary: the
content names them, the loader holds every target muscle to the fixed list."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop.content.model import MUSCLES
from tests.support.content_copy import ContentFolder


@pytest.mark.parametrize(
    ("typed", "expected", "not_expected"),
    [
        ("quads", {"leg-extension", "goblet-squat", "leg-press"}, {"lying-leg-curl"}),
        ("hams", {"lying-leg-curl", "split-stance-rdl"}, {"leg-extension"}),
        ("RDL", {"split-stance-rdl"}, {"goblet-squat"}),
        ("glutes", {"glute-bridge", "clamshell", "split-stance-rdl"}, {"leg-extension"}),
        ("hamstring curl", {"lying-leg-curl"}, {"leg-extension"}),
    ],
)
def test_search_finds_common_names(
    qtbot, main_window, typed: str, expected: set[str], not_expected: set[str]
) -> None:
    page = main_window.exercises_page
    qtbot.keyClicks(page.search, typed)
    shown = set(page.visible_exercise_ids())
    assert expected <= shown
    assert not (not_expected & shown)


def test_muscle_filter_offers_one_clean_vocabulary(main_window) -> None:
    combo = main_window.exercises_page.muscle_filter
    offered = [combo.itemText(i) for i in range(1, combo.count())]
    assert set(offered) <= set(MUSCLES)
    for overlapping in (
        "Core stabilisers",
        "Deep core",
        "Back stabilisers",
        "Spinal stabilisers",
        "Lower abdominals",
    ):
        assert overlapping not in offered
    assert "Core" in offered


def test_core_filter_finds_every_core_move(main_window) -> None:
    page = main_window.exercises_page
    combo = page.muscle_filter
    combo.setCurrentIndex(combo.findText("Core"))
    shown = set(page.visible_exercise_ids())
    # Once "Deep core", "Back stabilisers", ...: all of them are Core now.
    assert {"dead-bug", "bird-dog", "pelvic-tilt", "diaphragmatic-breathing"} <= shown
    assert {"split-stance-rdl", "reverse-lunge", "modified-plank"} <= shown


def test_loader_refuses_a_muscle_outside_the_vocabulary(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub(
        "exercises.toml",
        r'target_muscles = \["Quadriceps \(front of the thigh\)"\]',
        'target_muscles = ["Deep core", "Quadriceps (front)", "Quadriceps"]',
    )
    errors = content.errors()
    assert any(
        "exercises.toml" in e
        and "leg-extension" in e
        and "target_muscles" in e
        and "unknown muscle 'Deep core'" in e
        for e in errors
    ), errors
    assert any("'Quadriceps' is listed twice" in e for e in errors), errors
