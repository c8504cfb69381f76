"""Exporting: write the history to a CSV or JSON file without ever leaving half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from backleg_desktop.domain.history import BackAnswer
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
    back_answers: Mapping[int, Sequence[BackAnswer]] | None = None,
    user_plans: Sequence[Mapping[str, object]] = (),
) -> ExportSummary:
    """Write CSV, or the JSON backup when `path` ends in .json.

    The file is written next to its destination and renamed into place when complete, so a
    failure (disk full, a bad row) leaves any earlier file untouched. It is created readable
    by the owner only: it is health data.
    """
    path = Path(path)
    refuse_to_replace(path)
    folder = path.parent if str(path.parent) else Path(".")
    # The name is known before the file exists (mkstemp returns it only after creating
    # it), so a SIGTERM at any moment finds it to remove.
    temp_name = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        handle = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            if is_json_path(path):
                summary = write_json(
                    rows,
                    out,
                    exercise_name,
                    user_exercises,
                    exported_at=now or datetime.now(UTC),
                    back_answers=back_answers,  # the CSV has no column for them
                    user_plans=user_plans,
                )
            else:
                summary = write_csv(rows, out, exercise_name)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        if not isinstance(error, FileExistsError):  # that name was another's: leave it
            with contextlib.suppress(OSError):
                temp_name.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _about(path, error) from None  # never the temporary file's name
        raise
    return summary


def refuse_to_replace(path: Path) -> None:
    """OSError unless `path` is missing or a regular file: an export never replaces a
    pipe, a device, a folder or a symbolic link (nor writes through one)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        why = "it is a symbolic link; export to the file it points to, or to a new name"
    elif stat.S_ISDIR(mode):
        why = "it is a folder; give a file name"
    else:
        why = "it is a pipe or a device, not a file Backleg may replace; choose a file name"
    raise OSError(errno.EEXIST, why, str(path))


def _about(path: Path, error: OSError) -> OSError:
    return OSError(error.errno, error.strerror or str(error), str(path))
