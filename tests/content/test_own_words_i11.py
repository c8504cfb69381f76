"""Own words for the text test_own_words.py does not scan: the staged plans file and the
messages written in the new modules (check-in, gates, back check, caution, holds, plans).

Same rule: no run of 8 words shared with the source article. Skipped where the article
is absent (it sits in shared/ next to the checkout or next to its worktree folder).
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop import assets
from backleg_desktop.content.disc_content import disc_path

RUN_LENGTH = 8
HERE = Path(__file__).resolve()
CANDIDATES = [HERE.parents[3] / "shared", HERE.parents[4] / "shared"]
ARTICLE = next((p / "source-article.txt" for p in CANDIDATES if p.is_dir()), None)
MODULES = [
    "domain/checkin",
    "domain/level_entry",
    "domain/lighter_loads",
    "domain/load_gate",
    "domain/back_check",
    "domain/session_caution",
    "domain/one_leg",
    "domain/set_work",
    "domain/hold_timer",
    "content/timed_plans",
    "content/red_flags",
    "content/one_leg_field",
    "content/disc_content",
    "domain/disc",
]


def runs(text: str) -> set[tuple[str, ...]]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    w = re.findall(r"[a-z0-9']+", text)
    return {tuple(w[i : i + RUN_LENGTH]) for i in range(len(w) - RUN_LENGTH + 1)}


def toml_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from toml_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from toml_strings(item)


def module_strings(name: str) -> Iterator[str]:
    path = Path(assets.__file__).parent / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.JoinedStr):  # f-strings: their literal parts
            yield " ".join(
                v.value
                for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )


def test_the_check_finds_a_copied_sentence() -> None:
    copied = "Rest is important, but too much inactivity slows recovery and more."
    assert runs(copied) & runs("x " + copied.upper())


@pytest.mark.skipif(ARTICLE is None or not ARTICLE.is_file(), reason="source article not found")
def test_no_new_text_is_copied_from_the_article() -> None:
    assert ARTICLE is not None
    article = runs(ARTICLE.read_text(encoding="utf-8"))
    texts = [
        (path.name, t)
        for path in (assets.content_dir() / "plans.toml", disc_path())
        for t in toml_strings(tomllib.loads(path.read_text(encoding="utf-8")))
    ]
    for name in MODULES:
        texts += [(f"{name}.py", t) for t in module_strings(name)]
    assert len(texts) > 50
    copied = [f"{where}: {' '.join(r)!r}" for where, t in texts for r in sorted(runs(t) & article)]
    assert not copied, "\n".join(copied)
