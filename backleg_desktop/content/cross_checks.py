"""Checks across the content files: unique ids, and references that point at real entries."""

from __future__ import annotations

from collections.abc import Sequence

from backleg_desktop.content.entries import AVOID_FILE, EXERCISES_FILE, PLANS_FILE
from backleg_desktop.content.fields import Labelled
from backleg_desktop.content.model import AvoidCategory, Exercise, GuidanceSection, PainBand, Plan
from backleg_desktop.content.timed_plans import check_exercises


def unique_ids(
    exercises: list[Exercise],
    plans: list[Plan],
    avoid: list[AvoidCategory],
    sections: Labelled[GuidanceSection],
    errors: list[str],
) -> None:
    """Ids are unique across all files, so any id names exactly one thing."""
    labelled: list[tuple[str, str]] = []
    labelled += [(f'{EXERCISES_FILE}: exercise "{e.id}"', e.id) for e in exercises]
    labelled += [(f'{PLANS_FILE}: plan "{p.id}"', p.id) for p in plans]
    labelled += [(f'{AVOID_FILE}: category "{c.id}"', c.id) for c in avoid]
    labelled += [(where, s.id) for where, s in sections]
    first_seen: dict[str, str] = {}
    for label, entry_id in labelled:
        if not entry_id:  # missing or invalid, already reported
            continue
        if entry_id in first_seen:
            errors.append(
                f'{label}: field "id": duplicate id, already used by {first_seen[entry_id]}'
            )
        else:
            first_seen[entry_id] = label


def exercise_references(
    exercises: list[Exercise],
    flawed: set[str],
    plans: list[Plan],
    avoid: list[AvoidCategory],
    sections: Labelled[GuidanceSection],
    errors: list[str],
) -> None:
    by_id = {e.id: e for e in exercises if e.id}

    def check(where: str, key: str, ids: Sequence[str]) -> None:
        for ref in ids:
            if ref and ref not in by_id:
                errors.append(f'{where}: field "{key}": unknown exercise id "{ref}"')

    for exercise in exercises:
        where = f'{EXERCISES_FILE}: exercise "{exercise.id}"'
        check(where, "related", exercise.related)
        if exercise.id and exercise.id in exercise.related:
            errors.append(f'{where}: field "related": an exercise cannot be related to itself')
    # The plan rules' own reference checks (domain/plan_rules.py), one home for them.
    check_exercises(PLANS_FILE, plans, by_id, errors, flawed)
    for category in avoid:
        check(f'{AVOID_FILE}: category "{category.id}"', "swaps", category.swaps)
    for where, section in sections:
        check(where, "related", section.related)


def plan_references(plans: list[Plan], bands: Labelled[PainBand], errors: list[str]) -> None:
    plan_ids = {p.id for p in plans if p.id}
    for where, band in bands:
        if band.suggest_plan and band.suggest_plan not in plan_ids:
            errors.append(f'{where}: field "suggest_plan": unknown plan id "{band.suggest_plan}"')
