"""The content keeps the article's facts but never its sentences.

Any run of RUN_LENGTH words shared with the source article (after lower-casing and dropping
punctuation) counts as copied. The article sits in ../shared next to the repository; the
test is skipped where it is absent, such as in a clean clone.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop import assets

RUN_LENGTH = 8
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "source-article.txt"


def words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9']+", text)


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN_LENGTH]) for i in range(len(w) - RUN_LENGTH + 1)}


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_the_check_catches_a_copied_sentence() -> None:
    copied = "Lie face down on the leg curl machine with your knees aligned to the pivot point."
    assert runs(copied) & runs("Step two. " + copied.upper())
    assert not runs("Lie on your front with your knees level with the pivot.") & runs(copied)


@pytest.mark.skipif(not ARTICLE.is_file(), reason=f"source article not found at {ARTICLE}")
def test_no_sentence_is_copied_from_the_article() -> None:
    article = runs(ARTICLE.read_text(encoding="utf-8"))
    copied: list[str] = []
    files = sorted(assets.content_dir().glob("*.toml"))
    assert files
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text in strings(data):
            for run in sorted(runs(text) & article):
                copied.append(f"{path.name}: {' '.join(run)!r} in {text!r}")
    assert not copied, "\n".join(copied)
