"""Hashes of the source article's 8-word runs, so the own-words test runs in any clone.

    .venv/bin/python tests/content/article_runs.py [ARTICLE]   # rewrites data/article-runs.txt

The article itself is not ours to commit; a truncated SHA-256 of each normalised run is
enough to tell whether a sentence copies one (a false match needs a 64-bit collision).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN_LENGTH = 8
HERE = Path(__file__).resolve().parent
HASHES = HERE / "data" / "article-runs.txt"


def find_article() -> Path | None:
    """shared/source-article.txt next to the repository (or next to a folder above it,
    as in a worktree), if this machine has it."""
    for folder in HERE.parents[1:]:
        candidate = folder / "shared" / "source-article.txt"
        if candidate.is_file():
            return candidate
    return None


HEX_DIGITS = 16  # 64 bits


def words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9']+", text)


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN_LENGTH]) for i in range(len(w) - RUN_LENGTH + 1)}


def run_hash(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:HEX_DIGITS]


def hashes_of(text: str) -> set[str]:
    return {run_hash(run) for run in runs(text)}


def committed_hashes() -> set[str]:
    lines = HASHES.read_text(encoding="ascii").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def write_hashes(article: Path) -> int:
    found = sorted(hashes_of(article.read_text(encoding="utf-8")))
    header = (
        f"# SHA-256[:{HEX_DIGITS}] of each {RUN_LENGTH}-word run (tests/content/article_runs.py)\n"
    )
    HASHES.write_text(header + "\n".join(found) + "\n", encoding="ascii")
    return len(found)


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else find_article()
    if source is None:
        raise SystemExit("source article not found; give its path")
    print(f"{write_hashes(source)} run hashes written to {HASHES}")
