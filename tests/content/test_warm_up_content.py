"""guidance.toml's mobility warm-up: timed moves, marked as Backleg's suggestion."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.content.loader import load_library
from tests.support.content_copy import ContentFolder


def test_the_warm_up_is_a_few_short_timed_moves() -> None:
    warm_up = load_library().guidance.warm_up
    assert warm_up is not None and warm_up.title == "Mobility warm-up"
    assert 4 <= len(warm_up.moves) <= 8
    assert all(20 <= move.seconds <= 60 and move.how for move in warm_up.moves)
    assert 120 <= warm_up.total_seconds <= 300  # a few minutes, not a workout
    assert "Backleg's suggestion" in warm_up.source_note and "article" in warm_up.source_note


def test_a_range_of_seconds_is_reported_with_file_and_move(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("guidance.toml", "seconds = 45", "seconds = [40, 50]")
    assert (
        'guidance.toml: warm-up move 2: field "seconds": must be one number of seconds, not a range'
    ) in content.errors()


def test_a_move_without_its_how_is_reported(tmp_path: Path) -> None:
    content = ContentFolder(tmp_path / "content")
    content.sub("guidance.toml", r'how = "Feet shoulder-width apart[^\n]*\n', "")
    assert any(
        e.startswith('guidance.toml: warm-up move 6: field "how"') for e in content.errors()
    ), content.errors()
