"""Plan files: the user's own plans as TOML in the shape of resources/content/plans.toml.

    [[plan]]
    name = "Home legs"              # required; plans match by name (any case) on import
    summary = "Bridges and lunges"  # optional

    [[plan.item]]
    exercise = "glute-bridge"       # a library id, or the name of one of your exercises
    sets = 3                        # a number, or an inclusive range [2, 3]
    reps = [10, 12]                 # or hold_seconds = 30 (never both)
    per_leg = false                 # one-leg moves only
    rest_seconds = [30, 45]
    warmup_sets = 1                 # optional, 0-2
    note = "Squeeze at the top"     # optional

`backleg plans export/import` and File → Export plans…/Import plans… share these
functions. Reading checks everything (the types with the content loader's field reader,
then the plan rules of domain/plan_rules.py) before anything is stored, and reports every
problem with the file and the line (TOML syntax) or the plan, item and field. An import
is one transaction: all plans, or none. No Qt here.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from backleg_desktop.content.field_reader import FieldReader
from backleg_desktop.content.fields import Fields
from backleg_desktop.content.model import Plan
from backleg_desktop.content.timed_plans import report_problems
from backleg_desktop.domain.history import USER_PREFIX, user_exercise_name
from backleg_desktop.domain.plan_rules import ExerciseLike, name_key, plan_problems
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.own_files import refuse_own_file
from backleg_desktop.services.plan_tables import (
    item_label,
    item_reader,
    item_table,
    read_item,
    without_empty,
)
from backleg_desktop.services.transfer.writing import refuse_to_replace
from backleg_desktop.services.user_plans import MergeOutcome, PlanInvalid

if TYPE_CHECKING:  # only for the types: importing the store pulls in SQLAlchemy
    from backleg_desktop.services.store import Store

ImportOutcome = MergeOutcome
# A plan file is a few KB; a thousand plans of ten items each fit in 2 MiB.
MOST_BYTES = 16 * 2**20
_TOML_POSITION = re.compile(r"^(?P<message>.*?) \(at (?P<where>line \d+, column \d+)\)$")
_HEADER = (
    "# Backleg plans: `backleg plans import FILE` or File → Import plans… adds them.\n"
    "# The format is described in Backleg's README (Plan files).\n\n"
)


class PlanFileError(BacklegError):
    """A plan file that cannot be read or imported; `problems` lists every problem, each
    naming the file and the line, or the plan, item and field. Nothing was stored."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"{self.problems[0]}\nNothing was imported."
        lines = [f"{self.path}: {len(self.problems)} problems, so nothing was imported:"]
        return "\n".join([*lines, *(f"  - {problem}" for problem in self.problems)])


# -- reading ---------------------------------------------------------------------------


def read_plan_file(path: Path, known_exercises: Mapping[str, ExerciseLike]) -> list[Plan]:
    """The plans in `path` (ids empty, source "user"); PlanFileError listing every problem.

    `known_exercises`: what items may name, by id (the library's and `user:<name>` ids,
    as `store.plans.plan_exercises()` gives them); a user exercise is named in the file
    by its name, in any case.
    """
    root = _parse(path)
    errors: list[str] = []
    top = Fields(root, str(path), errors)
    if "plan" not in root:
        raise PlanFileError(path, [f"{path}: no plans in the file (each starts with [[plan]])"])
    plans: list[Plan] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(top.tables("plan"), start=1):
        name = table.get("name")
        label = f"plan {index}" + (f' "{_cut(name.strip())}"' if isinstance(name, str) else "")
        plan = _read_plan(Fields(without_empty(table), f"{path}: {label}", errors), known_exercises)
        key = name_key(plan.name)
        if key and key in seen:
            errors.append(
                f'{path}: {label}: field "name": plan {seen[key]} has the same name '
                "(names must differ, ignoring case and how accents are encoded)"
            )
        seen.setdefault(key, index)
        plans.append(plan)
    top.finish()
    if errors:
        raise PlanFileError(path, errors)
    return plans


def _cut(name: str, limit: int = 60) -> str:
    """A name as a message quotes it: a 100,000-character one made a 100 KB message."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _parse(path: Path) -> Mapping[str, object]:
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise PlanFileError(path, [f"{path}: is a device, not a plan file"])
        with path.open("rb") as handle:  # a pipe too: `plans import <(ssh host cat …)`
            data = handle.read(MOST_BYTES + 1)
    except FileNotFoundError:
        raise PlanFileError(path, [f"{path}: there is no such file"]) from None
    except IsADirectoryError:
        raise PlanFileError(path, [f"{path}: is a folder, not a plan file"]) from None
    except OSError as error:
        raise PlanFileError(path, [f"{path}: cannot be read ({error.strerror})"]) from None
    if len(data) > MOST_BYTES:  # /dev/zero, or a file named by mistake: read no further
        problem = f"{path}: is larger than {MOST_BYTES // 2**20} MiB, so not a plan file"
        raise PlanFileError(path, [problem])
    try:
        # Notepad and other Windows editors start UTF-8 files with a byte order mark,
        # which TOML does not allow ("line 1, column 1: Invalid statement").
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = f"{path}: is not a text file in UTF-8 (byte {error.start + 1}), so not TOML"
        raise PlanFileError(path, [problem]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.match(str(error))  # 3.11 keeps the position in the text
        where = f"{match['where']}: " if match else ""
        message = match["message"] if match else str(error)
        problem = f"{path}: {where}this is not valid TOML ({message})"
        raise PlanFileError(path, [problem]) from None
    except RecursionError:  # tomllib recurses once per [ or { of a nested value
        problem = f"{path}: this is not a plan file (nested too deeply)"
        raise PlanFileError(path, [problem]) from None
    except ValueError:  # int() of more digits than Python converts (4,300)
        problem = f"{path}: this is not a plan file (a number in it has thousands of digits)"
        raise PlanFileError(path, [problem]) from None


def _read_plan(f: FieldReader, known: Mapping[str, ExerciseLike]) -> Plan:
    name = f.text("name")
    summary = f.text("summary", required=False)
    readers = [
        item_reader(table, f"{f.where}, {item_label(index, table)}", f.errors)
        for index, table in enumerate(f.tables("item"))
    ]
    by_name = {
        user_name.casefold(): exercise_id
        for exercise_id in known
        if (user_name := user_exercise_name(exercise_id)) is not None
    }

    def exercise(reader: FieldReader) -> str:
        return _exercise_id(reader, known, by_name)

    items = tuple(read_item(reader, exercise) for reader in readers)
    f.finish()
    plan = Plan(id="", name=name, summary=summary, items=items, source="user")
    report_problems(plan_problems(plan, known), f, readers)
    return plan


def _exercise_id(
    reader: FieldReader, known: Mapping[str, ExerciseLike], by_name: Mapping[str, str]
) -> str:
    """A library id as it is; a user exercise by its name (or `user:<name>`), any case."""
    text = reader.text("exercise")
    if not text or text in known:
        return text
    found = by_name.get(text.removeprefix(USER_PREFIX).strip().casefold())
    if found is None:
        reader.error(
            "exercise",
            f'unknown exercise "{text}": not a library exercise id (such as "glute-bridge") '
            "nor the name of one of your own exercises",
        )
        return ""
    return found


# -- writing ---------------------------------------------------------------------------


def plan_file_text(plans: Sequence[Plan]) -> str:
    """The TOML for `plans`, laid out as plans.toml: user exercises by name, a range as
    `[low, high]` on one line. Written by hand (the values are only text, whole numbers,
    true and two-number lists); tomllib reads it back (tests/services/test_plan_files.py)."""
    lines = [_HEADER.rstrip("\n")]
    for plan in plans:
        lines += ["", "[[plan]]", f"name = {toml_string(plan.name)}"]
        if plan.summary:
            lines.append(f"summary = {toml_string(plan.summary)}")
        for item in plan.items:
            lines += ["", "[[plan.item]]"]
            table = item_table(item, user_exercise_name(item.exercise_id))
            lines += [f"{key} = {_toml_value(value)}" for key, value in table.items()]
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list) and all(type(v) is int for v in value):
        return "[" + ", ".join(str(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")  # item_table makes only the values above


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def write_plan_file(path: Path, plans: Sequence[Plan], data_dir: Path | None = None) -> None:
    """Write `plans` to `path`, renamed into place only once complete (an earlier file
    is left as it was on any failure). `data_dir`: refuse to write over Backleg's own
    files there (the history, a backup, a lock)."""
    path = Path(path)
    if data_dir is not None:
        refuse_own_file(path, data_dir, "the plans")
    refuse_to_replace(path)  # never through a link, into a pipe or over a folder
    text = plan_file_text(plans)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:  # name the file asked for, never the temporary one
        raise OSError(error.errno, error.strerror or str(error), str(path)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):  # a full disk: about the file, not the temporary one
            raise OSError(error.errno, error.strerror or str(error), str(path)) from None
        raise


# -- importing -------------------------------------------------------------------------


def import_plans(store: Store, path: Path) -> list[tuple[str, ImportOutcome]]:
    """Add the plans in `path` to the user's own: (name, what happened) for each, in file
    order. A plan with the name of one already stored (any case) replaces it under its
    id ("updated"), or is left as it is when nothing differs ("unchanged"), so importing
    a file again adds no copy. All or nothing: PlanFileError, and nothing stored."""
    path = Path(path)
    plans = read_plan_file(path, store.plans.plan_exercises())
    try:
        return store.plans.merge(plans)
    except PlanInvalid as invalid:  # e.g. the name of a built-in plan: say which plan
        index = invalid.plan_index or 0
        label = f'plan {index + 1} "{plans[index].name}"'
        problems = [f'{path}: {label}: field "{p.field}": {p.message}' for p in invalid.problems]
        raise PlanFileError(path, problems) from None
