"""README's session keys are the key table's, word for word, and nothing more."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.ui.session.key_table import TABLE

README = Path(__file__).resolve().parent.parent / "README.md"


def keys_section() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8").split("## Session keys", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    cells = [tuple(c.strip() for c in row.strip("|").split(" | ")) for row in rows]
    return [(keys, does) for keys, does in cells if keys != "Key"]  # type: ignore[misc]


def test_every_session_key_is_in_the_readme_as_implemented() -> None:
    listed = keys_section()
    assert len(listed) == len(set(listed))
    assert set(listed) == {(row.shown, row.does) for row in TABLE}
    for key in (
        "R",
        "A",
        "F",
        "G (rest)",
        "Up / Down",
        "W",
        "I",
        "D",
        "Space",
        "S",
        "Shift+S",
        "P",
    ):
        assert key in {keys for keys, _does in listed}
