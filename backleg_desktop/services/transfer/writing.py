"""Exporting: write the history to a CSV or JSON file without ever leaving half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from backleg_desktop.services.transfer.backleg_csv import ExportRow, ExportSummary, write_csv
from backleg_desktop.services.transfer.backleg_json import write_json


def is_json_path(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def export_to_path(
    path: Path,
    rows: Iterable[ExportRow],
    exercise_name: Callable[[str], str],
    user_exercises: Sequence[tuple[str, str]] = (),
    *,
    now: datetime | None = None,
) -> ExportSummary:
    """Write CSV, or the JSON backup when `path` ends in .json.

    The file is written next to its destination and renamed into place when complete, so a
    failure (disk full, a bad row) leaves any earlier file untouched. It is created readable
    by the owner only: it is health data.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            if is_json_path(path):
                summary = write_json(
                    rows, out, exercise_name, user_exercises, exported_at=now or datetime.now(UTC)
                )
            else:
                summary = write_csv(rows, out, exercise_name)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return summary
