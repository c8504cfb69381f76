"""Plain-text formatting of content values for display ("45–60 s", "8 per leg")."""

from __future__ import annotations

from backleg_desktop.content.model import IntRange, PlanItem
from backleg_desktop.domain.set_work import describe


def format_rest(rest: IntRange) -> str:
    return f"{rest} s"


def format_reps(item: PlanItem) -> str:
    """ "12–15", "8 per leg", or for a timed hold "60 s hold"."""
    if item.reps is None:
        return describe(item.work)
    return f"{item.reps} per leg" if item.per_leg else str(item.reps)


def format_sets(item: PlanItem) -> str:
    return str(item.sets)
