"""Load resources/content/*.toml into the frozen dataclasses of content.model, validating all of it.

It runs before the first window is shown, so it uses only the standard library. Every
problem is collected and reported at once (file, entry and field in each message), so
whoever edits the content fixes everything in one pass instead of one error per start-up.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from backleg_desktop.content.figure_loader import FIGURES_FILE, load_figures
from backleg_desktop.content.model import (
    EQUIPMENT_TAGS,
    AvoidCategory,
    Exercise,
    ExerciseRole,
    Guidance,
    GuidanceSection,
    IntRange,
    Library,
    PainBand,
    Plan,
    PlanItem,
)

EXERCISES_FILE = "exercises.toml"
PLANS_FILE = "plans.toml"
AVOID_FILE = "avoid.toml"
GUIDANCE_FILE = "guidance.toml"
CONTENT_FILES = (EXERCISES_FILE, PLANS_FILE, AVOID_FILE, GUIDANCE_FILE, FIGURES_FILE)

PAIN_MIN = 0
PAIN_MAX = 10

# Ids are stored in the history database, so keep them plain and stable.
_ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOML_POSITION = re.compile(r"^(?P<message>.*?) \(at (?P<where>line \d+, column \d+)\)$")
_ROLES: tuple[ExerciseRole, ...] = ("main", "supporting")

T = TypeVar("T")
Table = Mapping[str, object]
Labelled = list[tuple[str, T]]  # an entry with the label its error messages use


class ContentError(Exception):
    """The content files are broken; `errors` lists every problem found."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        super().__init__(self.errors)

    def __str__(self) -> str:
        count = len(self.errors)
        header = f"{count} problem{'s' if count != 1 else ''} in Backleg's content files:"
        return "\n".join([header, *(f"  - {error}" for error in self.errors)])


def load_library(content_dir: Path | None = None) -> Library:
    """Read and validate the four content files; raise ContentError listing every problem."""
    if content_dir is None:
        from backleg_desktop import assets

        try:
            content_dir = assets.content_dir()
        except assets.ResourcesNotFound as exc:
            # Same exception as broken files, so the app reports both the same way.
            raise ContentError([str(exc)]) from exc
    errors: list[str] = []
    tables = _read_files(content_dir, errors)

    exercises, flawed = _exercises(tables.get(EXERCISES_FILE), errors)
    plans = _plans(tables.get(PLANS_FILE), errors)
    avoid = _avoid(tables.get(AVOID_FILE), errors)
    guidance, sections, bands = _guidance(tables.get(GUIDANCE_FILE), errors)
    figures = load_figures(
        tables.get(FIGURES_FILE), exercises if EXERCISES_FILE in tables else None, errors
    )

    _check_unique_ids(exercises, plans, avoid, sections, errors)
    # A file that could not be read is reported once; references into it are not checked,
    # or one missing file would bury that report under a follow-on error per reference.
    if EXERCISES_FILE in tables:
        _check_exercise_references(exercises, flawed, plans, avoid, sections, errors)
    if PLANS_FILE in tables:
        _check_plan_references(plans, bands, errors)
    if errors:
        raise ContentError(sorted(errors, key=_file_order))

    return Library(
        exercises=MappingProxyType({e.id: e for e in exercises}),
        plans=MappingProxyType({p.id: p for p in plans}),
        avoid=tuple(avoid),
        guidance=guidance,
        figures=figures,
        source_files=tuple(str(content_dir / name) for name in CONTENT_FILES),
    )


# --- files ----------------------------------------------------------------------------


def _read_files(content_dir: Path, errors: list[str]) -> dict[str, Table]:
    if not content_dir.is_dir():
        errors.append(f"{content_dir}: the content folder does not exist")
        return {}
    for path in sorted(content_dir.glob("*.toml")):
        if path.name not in CONTENT_FILES:
            expected = ", ".join(CONTENT_FILES)
            errors.append(f"{path.name}: unknown content file (expected only {expected})")
    tables: dict[str, Table] = {}
    for name in CONTENT_FILES:
        path = content_dir / name
        try:
            data = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            errors.append(f"{name}: file is missing from {content_dir}")
            continue
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(f"{name}: cannot be read: {exc}")
            continue
        try:
            tables[name] = tomllib.loads(data)
        except tomllib.TOMLDecodeError as exc:
            errors.append(f"{name}: {_describe_toml_error(exc)}")
    return tables


def _describe_toml_error(exc: tomllib.TOMLDecodeError) -> str:
    # Python 3.11's TOMLDecodeError only carries the position inside its message.
    match = _TOML_POSITION.match(str(exc))
    if match is None:
        return f"invalid TOML: {exc}"
    return f"{match['where']}: invalid TOML: {match['message']}"


def _file_order(error: str) -> int:
    """Sort key that groups errors by file (in CONTENT_FILES order), keeping their order."""
    name = error.split(":", 1)[0]
    return CONTENT_FILES.index(name) + 1 if name in CONTENT_FILES else 0


# --- typed field readers --------------------------------------------------------------


class _Fields:
    """Reads typed fields from one TOML table, recording problems instead of raising.

    A field that is missing or wrong gets a harmless placeholder so that reading can go on
    and find the other problems; the loader raises before any placeholder is used.
    """

    def __init__(self, table: Table, where: str, errors: list[str]) -> None:
        self.table = table
        self.where = where
        self.errors = errors
        self._used: set[str] = set()

    def error(self, key: str, problem: str) -> None:
        self.errors.append(f'{self.where}: field "{key}": {problem}')

    def _get(self, key: str, required: bool) -> object | None:
        self._used.add(key)
        if key not in self.table:
            if required:
                self.error(key, "is missing")
            return None
        return self.table[key]

    def text(self, key: str, *, required: bool = True) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(key, f"must be text, not {_type_name(value)}")
            return ""
        if not value.strip():
            self.error(key, "must not be empty")
            return ""
        return value.strip()

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        """A list of non-empty strings; when required, the list must not be empty either."""
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(key, f"must be a list of text, not {_type_name(value)}")
            return ()
        if required and not value:
            self.error(key, "must not be an empty list")
        result: list[str] = []
        for index, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.error(key, f"item {index} must be text, not {_type_name(item)}")
            elif not item.strip():
                self.error(key, f"item {index} must not be empty")
            else:
                result.append(item.strip())
        return tuple(result)

    def ident(self, key: str = "id") -> str:
        value = self.text(key)
        if value and not _ID_PATTERN.fullmatch(value):
            self.error(key, f"{value!r} is not a valid id (use lowercase letters, digits, '-')")
            return ""
        return value

    def boolean(self, key: str, *, default: bool | None = None) -> bool:
        value = self._get(key, required=default is None)
        if value is None:
            return bool(default)
        if not isinstance(value, bool):
            self.error(key, f"must be true or false, not {_type_name(value)}")
            return False
        return value

    def integer(self, key: str, *, minimum: int, maximum: int | None = None) -> int | None:
        value = self._get(key, required=True)
        if value is None:
            return None
        return self._check_int(key, value, minimum, maximum)

    def int_range(self, key: str, *, minimum: int) -> IntRange:
        """A number (`3`) or an inclusive range written as a two-item list (`[12, 15]`)."""
        value = self._get(key, required=True)
        placeholder = IntRange(minimum, minimum)
        if value is None:
            return placeholder
        if isinstance(value, list):
            if len(value) != 2:
                self.error(key, f"a range must have exactly 2 numbers, not {len(value)}")
                return placeholder
            low = self._check_int(key, value[0], minimum, None, label="low ")
            high = self._check_int(key, value[1], minimum, None, label="high ")
            if low is None or high is None:
                return placeholder
            if low > high:
                self.error(key, f"low {low} is greater than high {high}")
                return placeholder
            return IntRange(low, high)
        single = self._check_int(key, value, minimum, None)
        return placeholder if single is None else IntRange(single, single)

    def _check_int(
        self, key: str, value: object, minimum: int, maximum: int | None, label: str = ""
    ) -> int | None:
        # bool is an int subclass in Python; `sets = true` is a typo, not the number 1.
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{label}must be a whole number, not {_type_name(value)}")
            return None
        if value < 0 and minimum >= 0:
            self.error(key, f"{label}{value} is negative")
            return None
        if value < minimum:
            self.error(key, f"{label}{value} is less than {minimum}")
            return None
        if maximum is not None and value > maximum:
            self.error(key, f"{label}{value} is greater than {maximum}")
            return None
        return value

    def tables(self, key: str, *, required: bool = True) -> list[Table]:
        """An array of tables (`[[key]]`), skipping items that are not tables."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(key, f"must be a list of tables ([[{key}]]), not {_type_name(value)}")
            return []
        if required and not value:
            self.error(key, "must not be an empty list")
        result: list[Table] = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict):
                result.append(item)
            else:
                self.error(key, f"item {index} must be a table, not {_type_name(item)}")
        return result

    def finish(self) -> None:
        """Report keys nobody asked for: usually a typo in a field name."""
        for key in self.table:
            if key not in self._used:
                self.error(key, "is not a known field")


def _type_name(value: object) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a decimal number"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _entry_label(kind: str, table: Table, index: int) -> str:
    """`plan "strength"` when the entry has a usable id, else `plan 3` (1-based)."""
    entry_id = table.get("id")
    if isinstance(entry_id, str) and entry_id.strip():
        return f'{kind} "{entry_id.strip()}"'
    return f"{kind} {index}"


def _read_entries(
    file: str,
    root: Table | None,
    key: str,
    kind: str,
    errors: list[str],
    read_one: Callable[[_Fields], T],
) -> list[T]:
    if root is None:  # missing or unparsable file, already reported
        return []
    top = _Fields(root, file, errors)
    entries = [
        read_one(_Fields(table, f"{file}: {_entry_label(kind, table, index)}", errors))
        for index, table in enumerate(top.tables(key), start=1)
    ]
    top.finish()
    return entries


# --- exercises ------------------------------------------------------------------------


def _exercises(root: Table | None, errors: list[str]) -> tuple[list[Exercise], set[str]]:
    """Return the exercises and the ids of those with errors of their own.

    Checks that depend on an exercise's fields skip the flawed ones: their placeholder
    values would only add misleading follow-on errors.
    """
    flawed: set[str] = set()

    def read(f: _Fields) -> Exercise:
        before = len(f.errors)
        exercise = _exercise(f)
        if len(f.errors) > before:
            flawed.add(exercise.id)
        return exercise

    return _read_entries(EXERCISES_FILE, root, "exercise", "exercise", errors, read), flawed


def _exercise(f: _Fields) -> Exercise:
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
        target_muscles=f.texts("target_muscles"),
        equipment=f.texts("equipment"),
        one_sided=f.boolean("one_sided"),
        why_back_friendly=f.text("why_back_friendly"),
        cues=f.texts("cues"),
        easier_options=f.texts("easier_options", required=is_main),
        warning_signs=f.texts("warning_signs", required=is_main),
        note=f.text("note", required=False),
        related=f.texts("related", required=False),
        equipment_tags=_equipment_tags(f),
    )
    f.finish()
    return exercise


def _equipment_tags(f: _Fields) -> tuple[str, ...]:
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


# --- plans ----------------------------------------------------------------------------


def _plans(root: Table | None, errors: list[str]) -> list[Plan]:
    return _read_entries(PLANS_FILE, root, "plan", "plan", errors, _plan)


def _plan(f: _Fields) -> Plan:
    plan_id = f.ident()
    name = f.text("name")
    summary = f.text("summary")
    items: list[PlanItem] = []
    for index, table in enumerate(f.tables("item"), start=1):
        exercise = table.get("exercise")
        label = f"item {index}" + (f" ({exercise})" if isinstance(exercise, str) else "")
        item = _Fields(table, f"{f.where}, {label}", f.errors)
        items.append(
            PlanItem(
                exercise_id=item.ident("exercise"),
                sets=item.int_range("sets", minimum=1),
                reps=item.int_range("reps", minimum=1),
                per_leg=item.boolean("per_leg", default=False),
                rest_seconds=item.int_range("rest_seconds", minimum=0),
            )
        )
        item.finish()
    f.finish()
    return Plan(id=plan_id, name=name, summary=summary, items=tuple(items))


# --- avoid ----------------------------------------------------------------------------


def _avoid(root: Table | None, errors: list[str]) -> list[AvoidCategory]:
    return _read_entries(AVOID_FILE, root, "category", "category", errors, _avoid_category)


def _avoid_category(f: _Fields) -> AvoidCategory:
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


def _guidance(
    root: Table | None, errors: list[str]
) -> tuple[Guidance, Labelled[GuidanceSection], Labelled[PainBand]]:
    empty = Guidance(flare_up=(), faq=(), disclaimer="", pain_bands=(), sharp_pain="")
    if root is None:
        return empty, [], []
    f = _Fields(root, GUIDANCE_FILE, errors)
    sections: list[tuple[str, GuidanceSection]] = []
    groups: dict[str, list[GuidanceSection]] = {}
    for key, kind in (("flare_up", "flare-up section"), ("faq", "faq")):
        groups[key] = []
        for index, table in enumerate(f.tables(key), start=1):
            where = f"{GUIDANCE_FILE}: {_entry_label(kind, table, index)}"
            section = _section(_Fields(table, where, errors))
            groups[key].append(section)
            sections.append((where, section))
    bands = _pain_bands(f)
    guidance = Guidance(
        flare_up=tuple(groups["flare_up"]),
        faq=tuple(groups["faq"]),
        disclaimer=f.text("disclaimer"),
        pain_bands=tuple(band for _, band in bands),
        sharp_pain=f.text("sharp_pain"),
    )
    f.finish()
    return guidance, sections, bands


def _section(f: _Fields) -> GuidanceSection:
    section = GuidanceSection(
        id=f.ident(),
        title=f.text("title"),
        paragraphs=f.texts("paragraphs"),
        related=f.texts("related", required=False),
    )
    f.finish()
    return section


def _pain_bands(f: _Fields) -> Labelled[PainBand]:
    """The bands sorted by level, each with its label (which keeps its place in the file)."""
    bands: Labelled[PainBand] = []
    complete = True
    for index, table in enumerate(f.tables("pain_band"), start=1):
        low, high = table.get("low"), table.get("high")
        label = f"{GUIDANCE_FILE}: pain band {index}"
        if isinstance(low, int) and isinstance(high, int):
            label += f" ({low}–{high})"
        band_fields = _Fields(table, label, f.errors)
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


# --- checks across files --------------------------------------------------------------


def _check_unique_ids(
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


def _check_exercise_references(
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
    for plan in plans:
        for index, item in enumerate(plan.items, start=1):
            where = f'{PLANS_FILE}: plan "{plan.id}", item {index} ({item.exercise_id})'
            check(where, "exercise", [item.exercise_id])
            target = by_id.get(item.exercise_id)
            if item.per_leg and target and target.id not in flawed and not target.one_sided:
                errors.append(
                    f'{where}: field "per_leg": "{target.id}" is not a one-sided exercise'
                )
    for category in avoid:
        check(f'{AVOID_FILE}: category "{category.id}"', "swaps", category.swaps)
    for where, section in sections:
        check(where, "related", section.related)


def _check_plan_references(plans: list[Plan], bands: Labelled[PainBand], errors: list[str]) -> None:
    plan_ids = {p.id for p in plans if p.id}
    for where, band in bands:
        if band.suggest_plan and band.suggest_plan not in plan_ids:
            errors.append(f'{where}: field "suggest_plan": unknown plan id "{band.suggest_plan}"')
