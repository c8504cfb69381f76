"""Import and export of workout history: Backleg CSV/JSON, Strong, Hevy and FitNotes.

Pure Python, no Qt and no database: readers stream `ImportedSession`s for the store's
`import_sessions`, writers take the store's `iter_export_rows()`.

    fmt = detect_format(path)                       # or ImportFormatError
    sessions = read_sessions(path, library, "lb")   # a generator; errors carry file + line
    summary = store.workouts.import_sessions(sessions, dry_run=False)
    export_to_path(Path("history.csv"), store.workouts.iter_export_rows(), name_of)
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backleg_desktop.services.transfer.backleg_csv import ExportRow, ExportSummary, write_csv
    from backleg_desktop.services.transfer.backleg_json import write_json
    from backleg_desktop.services.transfer.csvio import neutralise, restore
    from backleg_desktop.services.transfer.formats import (
        ALL_FORMATS,
        BACKLEG_CSV_HEADER,
        FileFormat,
        detect_format,
    )
    from backleg_desktop.services.transfer.names import ExerciseMatcher
    from backleg_desktop.services.transfer.reading import (
        ImportPreview,
        Unit,
        preview,
        read_sessions,
        skipped_rows_text,
    )
    from backleg_desktop.services.transfer.values import KG_PER_LB, LOAD_DECIMALS
    from backleg_desktop.services.transfer.writing import export_to_path, is_json_path

# Loaded on first use (PEP 562): `backleg export` needs the writers only and `backleg
# import` the readers only, and each module costs the command's start-up.
_MODULE_OF = {
    "ALL_FORMATS": "formats",
    "BACKLEG_CSV_HEADER": "formats",
    "ExerciseMatcher": "names",
    "ExportRow": "backleg_csv",
    "ExportSummary": "backleg_csv",
    "FileFormat": "formats",
    "ImportPreview": "reading",
    "KG_PER_LB": "values",
    "LOAD_DECIMALS": "values",
    "Unit": "reading",
    "detect_format": "formats",
    "export_to_path": "writing",
    "is_json_path": "writing",
    "neutralise": "csvio",
    "preview": "reading",
    "read_sessions": "reading",
    "restore": "csvio",
    "skipped_rows_text": "reading",
    "write_csv": "backleg_csv",
    "write_json": "backleg_json",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ALL_FORMATS",
    "BACKLEG_CSV_HEADER",
    "KG_PER_LB",
    "LOAD_DECIMALS",
    "ExerciseMatcher",
    "ExportRow",
    "ExportSummary",
    "FileFormat",
    "ImportPreview",
    "Unit",
    "detect_format",
    "export_to_path",
    "is_json_path",
    "neutralise",
    "preview",
    "read_sessions",
    "restore",
    "skipped_rows_text",
    "write_csv",
    "write_json",
]
