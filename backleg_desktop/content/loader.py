"""Load resources/content/*.toml into the frozen dataclasses of content.model, validating all of it.

It runs before the first window is shown, so it uses only the standard library. Every
problem is collected and reported at once (file, entry and field in each message), so
whoever edits the content fixes everything in one pass instead of one error per start-up.
Field reading is in fields.py, the per-entry readers in entries.py, the checks across
files in cross_checks.py.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import MappingProxyType

from backleg_desktop.content import cross_checks, entries
from backleg_desktop.content.disc_content import DISC_FILE, disc_from_table
from backleg_desktop.content.entries import AVOID_FILE, EXERCISES_FILE, GUIDANCE_FILE, PLANS_FILE
from backleg_desktop.content.fields import ContentError, Fields, Table
from backleg_desktop.content.figure_loader import FIGURES_FILE, load_figures
from backleg_desktop.content.model import Library

__all__ = ["CONTENT_FILES", "ContentError", "load_library"]

CONTENT_FILES = (EXERCISES_FILE, PLANS_FILE, AVOID_FILE, GUIDANCE_FILE, FIGURES_FILE, DISC_FILE)

_TOML_POSITION = re.compile(r"^(?P<message>.*?) \(at (?P<where>line \d+, column \d+)\)$")


def load_library(content_dir: Path | None = None) -> Library:
    """Read and validate the content files; raise ContentError listing every problem."""
    if content_dir is None:
        from backleg_desktop import assets

        try:
            content_dir = assets.content_dir()
        except assets.ResourcesNotFound as exc:
            # Same exception as broken files, so the app reports both the same way.
            raise ContentError([str(exc)]) from exc
    errors: list[str] = []
    tables = _read_files(content_dir, errors)

    exercises, flawed = entries.exercises(tables.get(EXERCISES_FILE), errors)
    plans = entries.plans(tables.get(PLANS_FILE), errors)
    avoid = entries.avoid(tables.get(AVOID_FILE), errors)
    guidance, sections, bands = entries.guidance(tables.get(GUIDANCE_FILE), errors)
    figures = load_figures(
        tables.get(FIGURES_FILE), exercises if EXERCISES_FILE in tables else None, errors
    )

    disc = None
    if DISC_FILE in tables and EXERCISES_FILE in tables:  # the herniated-disc question
        known = {e.id: e for e in exercises}
        disc = disc_from_table(tables[DISC_FILE], DISC_FILE, known, Fields, errors)

    cross_checks.unique_ids(exercises, plans, avoid, sections, errors)
    # A file that could not be read is reported once; references into it are not checked,
    # or one missing file would bury that report under a follow-on error per reference.
    if EXERCISES_FILE in tables:
        cross_checks.exercise_references(exercises, flawed, plans, avoid, sections, errors)
    if PLANS_FILE in tables:
        cross_checks.plan_references(plans, bands, errors)
    if errors:
        raise ContentError(sorted(errors, key=_file_order))

    return Library(
        exercises=MappingProxyType({e.id: e for e in exercises}),
        plans=MappingProxyType({p.id: p for p in plans}),
        avoid=tuple(avoid),
        guidance=guidance,
        figures=figures,
        disc=disc,
        source_files=tuple(str(content_dir / name) for name in CONTENT_FILES),
    )


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
