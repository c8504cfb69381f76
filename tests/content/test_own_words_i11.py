"""Own words for the text test_own_words.py does not scan: the staged plans file and the
messages written in the new modules (check-in, gates, back check, caution, holds, plans).

Same rule: no run of 8 words shared with the source article, checked against the
committed hashes of its runs (tests/content/article_runs.py), so it runs in a clean clone.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

from backleg_desktop import assets
from backleg_desktop.content.disc_content import disc_path
from backleg_desktop.content.timed_plans import staged_plans_path
from tests.content.article_runs import committed_hashes, hashes_of, run_hash, runs

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


def copied(text: str, article: set[str]) -> list[str]:
    return sorted(" ".join(run) for run in runs(text) if run_hash(run) in article)


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
    sentence = "Rest is important, but too much inactivity slows recovery and more."
    assert copied("x " + sentence.upper(), hashes_of(sentence))
    assert not copied(
        "Resting helps, yet lying still for too long slows things.", hashes_of(sentence)
    )


def test_no_new_text_is_copied_from_the_article() -> None:
    article = committed_hashes()
    texts = [
        (path.name, t)
        for path in (staged_plans_path(), disc_path())
        for t in toml_strings(tomllib.loads(path.read_text(encoding="utf-8")))
    ]
    for name in MODULES:
        texts += [(f"{name}.py", t) for t in module_strings(name)]
    assert len(texts) > 50
    found = [f"{where}: {run!r}" for where, t in texts for run in copied(t, article)]
    assert not found, "\n".join(found)
