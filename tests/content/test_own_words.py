"""The content keeps the article's facts but never its sentences.

Any run of RUN_LENGTH words shared with the source article (after lower-casing and dropping
punctuation) counts as copied. The article is not in the repository; tests/content/data/
article-runs.txt holds a hash of each of its runs (made by tests/content/article_runs.py),
so the check runs in a clean clone too.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop import assets
from tests.content.article_runs import (
    committed_hashes,
    find_article,
    hashes_of,
    run_hash,
    runs,
)


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def copied_runs(text: str, article: set[str]) -> list[str]:
    return sorted(" ".join(run) for run in runs(text) if run_hash(run) in article)


def test_the_check_catches_a_copied_sentence() -> None:
    copied = "Lie face down on the leg curl machine with your knees aligned to the pivot point."
    planted = hashes_of(copied)
    assert copied_runs("Step two. " + copied.upper(), planted)
    assert not copied_runs("Lie on your front with your knees level with the pivot.", planted)


def test_the_committed_hashes_cover_a_whole_article() -> None:
    # A 2,650-word article has about as many 8-word runs; an empty or truncated file
    # would let every sentence pass.
    assert len(committed_hashes()) > 2000


PACKAGE = Path(__file__).resolve().parents[2] / "backleg_desktop"


def test_no_sentence_is_copied_from_the_article() -> None:
    """Every string in the content files, staged ones included."""
    article = committed_hashes()
    copied: list[str] = []
    files = sorted(assets.content_dir().rglob("*.toml"))
    assert files
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text in strings(data):
            copied += [f"{path.name}: {run!r} in {text!r}" for run in copied_runs(text, article)]
    assert not copied, "\n".join(copied)


def test_no_message_in_the_code_is_copied_from_the_article() -> None:
    """Every string literal in the package: on-screen messages, hints, docstrings."""
    article = committed_hashes()
    copied: list[str] = []
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                name = path.relative_to(PACKAGE)
                copied += [f"{name}: {run!r}" for run in copied_runs(node.value, article)]
    assert not copied, "\n".join(copied)


def test_the_committed_hashes_match_the_article_where_it_is_present() -> None:
    article = find_article()
    if article is None:
        pytest.skip("the source article is not on this machine; the committed hashes stand")
    assert committed_hashes() == hashes_of(article.read_text(encoding="utf-8")), (
        "the article changed: run tests/content/article_runs.py and commit the result"
    )
