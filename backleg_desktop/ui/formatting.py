"""Plain-text formatting of content values for display ("45–60 s", "8 per leg")."""

from __future__ import annotations

from backleg_desktop.content.model import IntRange, PlanItem


def format_rest(rest: IntRange) -> str:
    return f"{rest} s"


def format_reps(item: PlanItem) -> str:
    return f"{item.reps} per leg" if item.per_leg else str(item.reps)


def format_sets(item: PlanItem) -> str:
    return str(item.sets)
