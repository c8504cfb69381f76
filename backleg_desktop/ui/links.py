"""In-app links: pages emit "exercise:<id>" or "plan:<id>" and the main window routes them.

One small scheme keeps pages ignorant of each other: a page only says where to go.
"""

from __future__ import annotations

import html

EXERCISE = "exercise"
PLAN = "plan"


def exercise_link(exercise_id: str) -> str:
    return f"{EXERCISE}:{exercise_id}"


def plan_link(plan_id: str) -> str:
    return f"{PLAN}:{plan_id}"


def parse_link(link: str) -> tuple[str, str]:
    """Split a link into (kind, id); raises ValueError on anything else."""
    kind, sep, target = link.partition(":")
    if not sep or kind not in (EXERCISE, PLAN) or not target:
        raise ValueError(f"not a Backleg link: {link!r}")
    return kind, target


def anchor(link: str, text: str) -> str:
    return f'<a href="{html.escape(link)}">{html.escape(text)}</a>'
