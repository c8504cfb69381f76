"""Readers for each kind of entry: exercises, plans, things to avoid, guidance and pain bands.

Each reads one parsed TOML file into content.model objects, recording every problem in
`errors` (see fields.py). Checks that span files are in cross_checks.py.
"""

from __future__ import annotations

import re

from backleg_desktop.content.fields import Fields, Labelled, Table, entry_label, read_entries
from backleg_desktop.content.model import (
    EQUIPMENT_TAGS,
    MUSCLES,
    AvoidCategory,
    Exercise,
    ExerciseRole,
    Guidance,
    GuidanceSection,
    PainBand,
    Plan,
)
from backleg_desktop.content.one_leg_field import read_one_leg_mode
from backleg_desktop.content.red_flags import RED_FLAGS_KEY, read_red_flags
from backleg_desktop.content.timed_plans import read_timed_plan
from backleg_desktop.content.warm_up import WARM_UP_KEY, read_warm_up
from backleg_desktop.domain.pain import PAIN_MAX, PAIN_MIN
from backleg_desktop.domain.units import LOAD_IS, LoadIs, load_is_problem

EXERCISES_FILE = "exercises.toml"
PLANS_FILE = "plans.toml"
AVOID_FILE = "avoid.toml"
GUIDANCE_FILE = "guidance.toml"

_ROLES: tuple[ExerciseRole, ...] = ("main", "supporting")


# --- exercises ------------------------------------------------------------------------


def exercises(root: Table | None, errors: list[str]) -> tuple[list[Exercise], set[str]]:
    """Return the exercises and the ids of those with errors of their own.

    Checks that depend on an exercise's fields skip the flawed ones: their placeholder
    values would only add misleading follow-on errors.
    """
    flawed: set[str] = set()

    def read(f: Fields) -> Exercise:
        before = len(f.errors)
        exercise = _exercise(f)
        if len(f.errors) > before:
            flawed.add(exercise.id)
        return exercise

    return read_entries(EXERCISES_FILE, root, "exercise", "exercise", errors, read), flawed


def _exercise(f: Fields) -> Exercise:
    role_text = f.text("role")
    if role_text and role_text not in _ROLES:
        f.error("role", f"must be one of {', '.join(_ROLES)}, not {role_text!r}")
    role: ExerciseRole = "main" if role_text == "main" else "supporting"
    # The five plan exercises get a full coaching card, so those parts are required.
    is_main = role == "main"
    exercise = Exercise(
        id=f.ident(),
        name=f.text("name"),
        role=role,
        summary=f.text("summary"),
        target_muscles=_muscles(f),
        equipment=f.texts("equipment"),
        one_sided=f.boolean("one_sided"),
        why_back_friendly=f.text("why_back_friendly"),
        cues=f.texts("cues"),
        easier_options=f.texts("easier_options", required=is_main),
        warning_signs=f.texts("warning_signs", required=is_main),
        note=f.text("note", required=False),
        related=f.texts("related", required=False),
        equipment_tags=_equipment_tags(f),
        one_leg_mode=read_one_leg_mode(f, f.table.get("one_sided")),
        aliases=f.texts("aliases", required=False),
        load_is=_load_is(f),
    )
    f.finish()
    return exercise


_ASIDE = re.compile(r"\s*\([^)]*\)\s*$")


def _muscles(f: Fields) -> tuple[str, ...]:
    """Each one of the fixed vocabulary (an aside in brackets allowed), none twice."""
    muscles = f.texts("target_muscles")
    known = ", ".join(MUSCLES)
    seen: set[str] = set()
    for muscle in muscles:
        word = _ASIDE.sub("", muscle)
        if word not in MUSCLES:
            f.error("target_muscles", f"unknown muscle {word!r} (use one of: {known})")
        elif word in seen:
            f.error("target_muscles", f"{word!r} is listed twice")
        seen.add(word)
    return muscles


def _equipment_tags(f: Fields) -> tuple[str, ...]:
    """At least one tag, each from the fixed vocabulary, none twice."""
    tags = f.texts("equipment_tags")
    known = ", ".join(EQUIPMENT_TAGS)
    seen: set[str] = set()
    for tag in tags:
        if tag not in EQUIPMENT_TAGS:
            f.error("equipment_tags", f"unknown tag {tag!r} (use one of: {known})")
        elif tag in seen:
            f.error("equipment_tags", f"{tag!r} is listed twice")
        seen.add(tag)
    return tags


def _load_is(f: Fields) -> LoadIs | None:
    """What a logged load counts: one dumbbell's weight or the total (two-dumbbell moves
    must say; the session and History print it beside the load)."""
    value = f.text("load_is", required=False)
    raw = f.table.get("equipment")
    equipment = tuple(e for e in raw if isinstance(e, str)) if isinstance(raw, list) else ()
    problem = load_is_problem(value, equipment)
    if problem is not None:
        f.error("load_is", problem)
        return None
    return next((choice for choice in LOAD_IS if choice == value), None)


# --- plans ----------------------------------------------------------------------------


def plans(root: Table | None, errors: list[str]) -> list[Plan]:
    return read_entries(PLANS_FILE, root, "plan", "plan", errors, _plan)


def _plan(f: Fields) -> Plan:
    return read_timed_plan(f, Fields)  # items of reps or holds, and the plan's source


# --- avoid ----------------------------------------------------------------------------


def avoid(root: Table | None, errors: list[str]) -> list[AvoidCategory]:
    return read_entries(AVOID_FILE, root, "category", "category", errors, _avoid_category)


def _avoid_category(f: Fields) -> AvoidCategory:
    category = AvoidCategory(
        id=f.ident(),
        title=f.text("title"),
        examples=f.texts("examples"),
        why=f.text("why"),
        instead=f.text("instead"),
        swaps=f.texts("swaps"),
    )
    f.finish()
    return category


# --- guidance -------------------------------------------------------------------------


def guidance(
    root: Table | None, errors: list[str]
) -> tuple[Guidance, Labelled[GuidanceSection], Labelled[PainBand]]:
    empty = Guidance(flare_up=(), faq=(), disclaimer="", pain_bands=(), sharp_pain="")
    if root is None:
        return empty, [], []
    f = Fields(root, GUIDANCE_FILE, errors)
    sections: list[tuple[str, GuidanceSection]] = []
    groups: dict[str, list[GuidanceSection]] = {}
    for key, kind in (("flare_up", "flare-up section"), ("faq", "faq"), ("basics", "basics")):
        groups[key] = []
        for index, table in enumerate(f.tables(key), start=1):
            where = f"{GUIDANCE_FILE}: {entry_label(kind, table, index)}"
            section = _section(Fields(table, where, errors))
            groups[key].append(section)
            sections.append((where, section))
    bands = _pain_bands(f)
    guidance = Guidance(
        flare_up=tuple(groups["flare_up"]),
        faq=tuple(groups["faq"]),
        disclaimer=f.text("disclaimer"),
        pain_bands=tuple(band for _, band in bands),
        sharp_pain=f.text("sharp_pain"),
        basics=tuple(groups["basics"]),
        red_flags=read_red_flags(f._get(RED_FLAGS_KEY, True), Fields, GUIDANCE_FILE, errors),
        warm_up=read_warm_up(f._get(WARM_UP_KEY, False), Fields, GUIDANCE_FILE, errors),
    )
    f.finish()
    return guidance, sections, bands


def _section(f: Fields) -> GuidanceSection:
    section = GuidanceSection(
        id=f.ident(),
        title=f.text("title"),
        paragraphs=f.texts("paragraphs"),
        related=f.texts("related", required=False),
    )
    f.finish()
    return section


def _pain_bands(f: Fields) -> Labelled[PainBand]:
    """The bands sorted by level, each with its label (which keeps its place in the file)."""
    bands: Labelled[PainBand] = []
    complete = True
    for index, table in enumerate(f.tables("pain_band"), start=1):
        low, high = table.get("low"), table.get("high")
        label = f"{GUIDANCE_FILE}: pain band {index}"
        if isinstance(low, int) and isinstance(high, int):
            label += f" ({low}–{high})"
        band_fields = Fields(table, label, f.errors)
        checked_low = band_fields.integer("low", minimum=PAIN_MIN, maximum=PAIN_MAX)
        checked_high = band_fields.integer("high", minimum=PAIN_MIN, maximum=PAIN_MAX)
        if checked_low is None or checked_high is None:
            complete = False
        elif checked_low > checked_high:
            band_fields.error("low", f"low {checked_low} is greater than high {checked_high}")
            complete = False
        suggest = band_fields.text("suggest_plan", required=False)
        band = PainBand(
            low=checked_low or 0,
            high=checked_high or 0,
            title=band_fields.text("title"),
            advice=band_fields.text("advice"),
            suggest_plan=suggest or None,
            recommend_stop=band_fields.boolean("recommend_stop", default=False),
        )
        band_fields.finish()
        bands.append((label, band))
    bands.sort(key=lambda pair: (pair[1].low, pair[1].high))
    if complete and bands:
        _check_pain_coverage(bands, f.errors)
    return bands


def _check_pain_coverage(bands: Labelled[PainBand], errors: list[str]) -> None:
    """Every level 0–10 must fall in exactly one band, so each check-in gets one answer."""
    expected = PAIN_MIN
    for label, band in bands:
        if band.low > expected:
            errors.append(f'{label}: field "low": no band covers {_levels(expected, band.low - 1)}')
        elif band.low < expected:
            errors.append(
                f'{label}: field "low": overlaps the band before it at '
                f"{_levels(band.low, min(expected - 1, band.high))}"
            )
        expected = max(expected, band.high + 1)
    if expected <= PAIN_MAX:
        label = bands[-1][0]
        errors.append(f'{label}: field "high": no band covers {_levels(expected, PAIN_MAX)}')


def _levels(low: int, high: int) -> str:
    return f"level {low}" if low == high else f"levels {low}–{high}"
