"""The file formats Backleg reads, and recognising one from a file's header."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer.csvio import open_text

BACKLEG_CSV_HEADER = (
    "session_id",
    "started_at",
    "ended_at",
    "plan",
    "status",
    "pain_before",
    "pain_after",
    "exercise_id",
    "exercise_name",
    "set_number",
    "side",
    "set_kind",
    "reps",
    "load_kg",
    "duration_s",
    "rest_planned_s",
    "rest_taken_s",
    "completed_at",
    "notes",
    "session_notes",
    "rpe",
    "distance_m",
)
# Files written before a set had an RPE and a distance: the same columns without the last two.
BACKLEG_CSV_HEADER_V1 = BACKLEG_CSV_HEADER[:-2]
STRONG_COLUMNS = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
)  # RPE is optional: older current-format exports lack it
STRONG_OLD_COLUMNS = (
    "Date",
    "Workout Name",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Weight Unit",
    "Reps",
)
# Strong 6 (2025): the units are in the column names, a `Workout #` column comes first, and
# files are seen with commas and with quoted, semicolon-separated cells (RPE after Reps).
STRONG6_COLUMNS = (
    "Workout #",
    "Date",
    "Workout Name",
    "Duration (sec)",
    "Exercise Name",
    "Set Order",
    "Reps",
)  # Distance, Seconds, Notes, Workout Notes and RPE are read when present
HEVY_COMMON = ("title", "start_time", "end_time", "exercise_title", "set_index", "set_type", "reps")
FITNOTES_COMMON = ("Date", "Exercise", "Reps")


@dataclass(frozen=True)
class FileFormat:
    id: str
    label: str  # shown to the user, e.g. "Hevy CSV, imperial"
    delimiter: str = ","
    weight_column: str = ""  # where the weight is, for formats with several variants
    unit_column: str = ""  # a column giving each row's unit
    kg_per_unit: float | None = None  # fixed by the header; None: per row or --unit

    @property
    def uses_unit_option(self) -> bool:
        """Whether `--unit` applies: only Strong's comma format leaves the unit unsaid."""
        return self.id == "strong"


LB = 0.45359237
BACKLEG_CSV = FileFormat("backleg-csv", "Backleg CSV", kg_per_unit=1.0)
BACKLEG_JSON = FileFormat("backleg-json", "Backleg JSON backup", kg_per_unit=1.0)
STRONG = FileFormat("strong", "Strong CSV", weight_column="Weight")
STRONG_OLD = FileFormat(
    "strong-semicolon",
    "Strong CSV, older format",
    ";",
    weight_column="Weight",
    unit_column="Weight Unit",
)
STRONG6_KG = FileFormat("strong6", "Strong 6 CSV, kg", weight_column="Weight (kg)", kg_per_unit=1.0)
STRONG6_LB = FileFormat(
    "strong6-lb", "Strong 6 CSV, lb", weight_column="Weight (lbs)", kg_per_unit=LB
)
# The weight column's name -> the format; `Weight (lbs)` is assumed (no pounds export seen).
STRONG6_WEIGHTS = {
    "Weight (kg)": STRONG6_KG,
    "Weight (kgs)": STRONG6_KG,
    "Weight (lbs)": STRONG6_LB,
    "Weight (lb)": STRONG6_LB,
}
HEVY_KG = FileFormat("hevy", "Hevy CSV, metric", weight_column="weight_kg", kg_per_unit=1.0)
HEVY_LB = FileFormat("hevy-lb", "Hevy CSV, imperial", weight_column="weight_lbs", kg_per_unit=LB)
FITNOTES_KG = FileFormat(
    "fitnotes", "FitNotes CSV, kg", weight_column="Weight (kgs)", kg_per_unit=1.0
)
FITNOTES_LB = FileFormat(
    "fitnotes-lb", "FitNotes CSV, lb", weight_column="Weight (lbs)", kg_per_unit=LB
)
FITNOTES_UNIT = FileFormat(
    "fitnotes-unit",
    "FitNotes CSV, unit per row",
    weight_column="Weight",
    unit_column="Weight Unit",
)
ALL_FORMATS = (
    BACKLEG_CSV,
    BACKLEG_JSON,
    STRONG,
    STRONG_OLD,
    STRONG6_KG,
    STRONG6_LB,
    HEVY_KG,
    HEVY_LB,
    FITNOTES_KG,
    FITNOTES_LB,
    FITNOTES_UNIT,
)


def format_for_header(header: list[str], delimiter: str) -> FileFormat | None:
    columns = {name.strip() for name in header}
    if columns.issuperset(STRONG6_COLUMNS):
        return _strong6(columns, delimiter)
    if delimiter == ";":
        return STRONG_OLD if columns.issuperset(STRONG_OLD_COLUMNS) else None
    if tuple(name.strip() for name in header) in (BACKLEG_CSV_HEADER, BACKLEG_CSV_HEADER_V1):
        return BACKLEG_CSV
    if columns.issuperset(STRONG_COLUMNS):
        return STRONG
    if columns.issuperset(HEVY_COMMON):
        if "weight_kg" in columns:
            return HEVY_KG
        if "weight_lbs" in columns:
            return HEVY_LB
        return None
    if columns.issuperset(FITNOTES_COMMON):
        for fmt in (FITNOTES_KG, FITNOTES_LB):
            if fmt.weight_column in columns:
                return fmt
        if {"Weight", "Weight Unit"} <= columns:
            return FITNOTES_UNIT
    return None


def _strong6(columns: set[str], delimiter: str) -> FileFormat | None:
    names = [name for name in columns if name in STRONG6_WEIGHTS]
    if len(names) != 1:
        return None  # no weight column, or two: nothing says which one holds the weights
    return replace(STRONG6_WEIGHTS[names[0]], delimiter=delimiter, weight_column=names[0])


def _strong6_problem(header: list[str]) -> str | None:
    """Why a header with Strong 6's columns is not read: its weight column."""
    columns = {name.strip() for name in header}
    if not columns.issuperset(STRONG6_COLUMNS):
        return None
    found = sorted(name for name in columns if name.lower().startswith("weight"))
    known = " or ".join(repr(name) for name in ("Weight (kg)", "Weight (lbs)"))
    if not found:
        return f"this Strong 6 export has no weight column ({known})"
    listed = ", ".join(repr(name) for name in found)
    return f"this Strong 6 export needs exactly one weight column, {known}; it has {listed}"


# The first bytes of files that are often picked by mistake, and what to do instead.
_NOT_EXPORTS = (
    (
        b"SQLite format 3\0",
        "this is a Backleg history database (such as a daily backup), not an export; "
        "bring it back with `backleg restore FILE`",
    ),
    (b"\x1f\x8b", "this is a gzip-compressed file; unpack it first, then import the CSV"),
    (b"PK\x03\x04", "this is a ZIP archive; unpack it first, then import the CSV in it"),
    (b"%PDF-", "this is a PDF document, not an export"),
)


def detect_format(path: Path) -> FileFormat:
    """Recognise the format from the first line; ImportFormatError if it is none we know."""
    with open_text(path) as handle:
        _refuse_known_binaries(path, handle)
        try:
            first = handle.read(1)
            while first and first.isspace():
                first = handle.read(1)
            if first == "{":
                return BACKLEG_JSON
            if first == "[" and path.suffix.lower() == ".json":
                raise ImportFormatError(
                    str(path),
                    1,
                    "this JSON file is a list, not a Backleg backup (one starts with {)",
                )
            line = first + handle.readline(1 << 16)
        except UnicodeDecodeError:
            raise ImportFormatError(str(path), 1, _not_utf8(path)) from None
    if not line.strip():
        raise ImportFormatError(str(path), 1, "the file is empty")
    if "\0" in line:  # UTF-16 without a byte order mark: every other byte is 0
        raise ImportFormatError(str(path), 1, _not_utf8(path, " (it looks like UTF-16)"))
    problems = []
    for delimiter in (",", ";"):
        try:
            header = next(csv.reader([line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        found = format_for_header(header, delimiter)
        if found is not None:
            return found
        problems.append(_strong6_problem(header))
    for problem in [*problems, _backleg_header_problem(line)]:
        if problem is not None:
            raise ImportFormatError(str(path), 1, problem)
    shown = line.strip()
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    raise ImportFormatError(
        str(path),
        1,
        f"unknown header {shown!r}: expected a Backleg, Strong, Hevy or FitNotes CSV export",
    )


def _not_utf8(path: Path, why: str = "") -> str:
    kind = "UTF-8" if path.suffix.lower() == ".json" else "'CSV UTF-8'"
    return f"the file is not UTF-8 text{why}; save it as {kind}"


def _backleg_header_problem(line: str) -> str | None:
    """Why a header that is nearly Backleg's own is not read: a spreadsheet saved the file
    with another separator, or columns were added. Both were "unknown header '...'",
    quoting the first 80 characters, which looked like Backleg's header."""
    text = line.strip()
    for separator, named in (
        (";", "semicolons, as spreadsheets in many languages save"),
        ("\t", "tabs"),
    ):
        cells = tuple(name.strip().strip('"') for name in text.split(separator))
        if cells in (BACKLEG_CSV_HEADER, BACKLEG_CSV_HEADER_V1):
            return (
                f"this Backleg CSV has its columns separated by {named}; save it again "
                "as 'CSV UTF-8' with commas"
            )
    try:
        header = [name.strip() for name in next(csv.reader([text]))]
    except (csv.Error, StopIteration):
        return None
    for known in (BACKLEG_CSV_HEADER, BACKLEG_CSV_HEADER_V1):
        if tuple(header[: len(known)]) == known and len(header) > len(known):
            extra = header[len(known) :]
            listed = ", ".join(repr(name) if name else "one without a name" for name in extra[:5])
            more = f" and {len(extra) - 5:,} more" if len(extra) > 5 else ""
            return (
                f"this Backleg CSV has columns Backleg does not write after "
                f"{known[-1]!r}: {listed}{more}; remove them and import it again"
            )
    return None


def _refuse_known_binaries(path: Path, handle: TextIO) -> None:
    """Said instead of "not UTF-8 text; save it as 'CSV UTF-8'", which misled for a backup
    database or a ZIP. Peeked at through the open file: an import opens it twice at most."""
    peek = getattr(handle.buffer, "peek", None)
    start = peek(16)[:16] if peek is not None else b""
    for magic, problem in _NOT_EXPORTS:
        if start.startswith(magic):
            raise ImportFormatError(str(path), None, problem)
