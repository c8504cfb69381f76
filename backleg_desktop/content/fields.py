"""Reading typed fields out of the TOML tables, and the error that lists every problem.

Standard library only: the content is read before the first window shows. A reader
records a problem (file, entry and field in the message) and carries on, so one pass
finds them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from backleg_desktop.content.model import IntRange

# Ids are stored in the history database, so keep them plain and stable.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

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


class Fields:
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
            self.error(key, f"must be text, not {type_name(value)}")
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
            self.error(key, f"must be a list of text, not {type_name(value)}")
            return ()
        if required and not value:
            self.error(key, "must not be an empty list")
        result: list[str] = []
        for index, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.error(key, f"item {index} must be text, not {type_name(item)}")
            elif not item.strip():
                self.error(key, f"item {index} must not be empty")
            else:
                result.append(item.strip())
        return tuple(result)

    def ident(self, key: str = "id") -> str:
        value = self.text(key)
        if value and not ID_PATTERN.fullmatch(value):
            self.error(key, f"{value!r} is not a valid id (use lowercase letters, digits, '-')")
            return ""
        return value

    def boolean(self, key: str, *, default: bool | None = None) -> bool:
        value = self._get(key, required=default is None)
        if value is None:
            return bool(default)
        if not isinstance(value, bool):
            self.error(key, f"must be true or false, not {type_name(value)}")
            return False
        return value

    def integer(self, key: str, *, minimum: int, maximum: int | None = None) -> int | None:
        value = self._get(key, required=True)
        if value is None:
            return None
        return self._check_int(key, value, minimum, maximum)

    def int_pair(self, key: str) -> IntRange:
        """A whole number (`3`) or an inclusive range as a two-number list (`[12, 15]`).

        Only the shape is checked here; whether the numbers are big enough and in order
        is a plan rule (domain/plan_rules.py), checked once the plan is read.
        """
        value = self._get(key, required=True)
        placeholder = IntRange(1, 1)  # harmless: the loader raises before it is used
        if value is None:
            return placeholder
        if isinstance(value, list):
            if len(value) != 2:
                self.error(key, f"a range must have exactly 2 numbers, not {len(value)}")
                return placeholder
            low = self._whole(key, value[0], "low ")
            high = self._whole(key, value[1], "high ")
            return placeholder if low is None or high is None else IntRange(low, high)
        single = self._whole(key, value, "")
        return placeholder if single is None else IntRange(single, single)

    def whole_number(self, key: str, *, default: int) -> int:
        """An optional whole number, `default` when absent; its bounds are checked elsewhere."""
        value = self._get(key, required=False)
        if value is None:
            return default
        checked = self._whole(key, value, "")
        return default if checked is None else checked

    def _whole(self, key: str, value: object, label: str) -> int | None:
        # bool is an int subclass in Python; `sets = true` is a typo, not the number 1.
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{label}must be a whole number, not {type_name(value)}")
            return None
        return value

    def _check_int(
        self, key: str, value: object, minimum: int, maximum: int | None, label: str = ""
    ) -> int | None:
        # bool is an int subclass in Python; `sets = true` is a typo, not the number 1.
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{label}must be a whole number, not {type_name(value)}")
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
            self.error(key, f"must be a list of tables ([[{key}]]), not {type_name(value)}")
            return []
        if required and not value:
            self.error(key, "must not be an empty list")
        result: list[Table] = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict):
                result.append(item)
            else:
                self.error(key, f"item {index} must be a table, not {type_name(item)}")
        return result

    def finish(self) -> None:
        """Report keys nobody asked for: usually a typo in a field name."""
        for key in self.table:
            if key not in self._used:
                self.error(key, "is not a known field")


def type_name(value: object) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a decimal number"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def entry_label(kind: str, table: Table, index: int) -> str:
    """`plan "strength"` when the entry has a usable id, else `plan 3` (1-based)."""
    entry_id = table.get("id")
    if isinstance(entry_id, str) and entry_id.strip():
        return f'{kind} "{entry_id.strip()}"'
    return f"{kind} {index}"


def read_entries(
    file: str,
    root: Table | None,
    key: str,
    kind: str,
    errors: list[str],
    read_one: Callable[[Fields], T],
) -> list[T]:
    if root is None:  # missing or unparsable file, already reported
        return []
    top = Fields(root, file, errors)
    entries = [
        read_one(Fields(table, f"{file}: {entry_label(kind, table, index)}", errors))
        for index, table in enumerate(top.tables(key), start=1)
    ]
    top.finish()
    return entries
