"""Importing: pick the reader for a file's format and stream its sessions.

Only regular files are read in place. A pipe (a FIFO, or `import <(cat file)`) can be read
only once, so it is copied once into a private temporary file that detection and the
reader then share; a folder or a device is refused. Messages name the file as the user
gave it, never the copy.
"""

from __future__ import annotations

import contextlib
import os
import select
import stat
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from io import RawIOBase
from pathlib import Path
from typing import BinaryIO, Literal

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import ImportedSession
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer.backleg_csv import read_backleg_csv
from backleg_desktop.services.transfer.backleg_json import read_backleg_json
from backleg_desktop.services.transfer.fitnotes import read_fitnotes
from backleg_desktop.services.transfer.formats import (
    BACKLEG_CSV,
    BACKLEG_JSON,
    LB,
    STRONG,
    STRONG_OLD,
    FileFormat,
    detect_format,
)
from backleg_desktop.services.transfer.hevy import read_hevy
from backleg_desktop.services.transfer.names import ExerciseMatcher
from backleg_desktop.services.transfer.strong import (
    SKIPPED_EMPTY,
    SKIPPED_NOTE,
    SKIPPED_REST_TIMER,
    read_strong,
)
from backleg_desktop.services.transfer.strong6 import read_strong6

Unit = Literal["kg", "lb"]


@contextlib.contextmanager
def readable(path: Path) -> Iterator[Path]:
    """`path` itself when it is a regular file, else a copy of the pipe it is, read once.

    ImportFormatError for anything else (a folder, a device); errors raised inside the
    block about the copy are re-raised naming `path`.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # follows /dev/fd/63 to the pipe behind it
    except FileNotFoundError:
        raise ImportFormatError(str(path), None, "no such file") from None
    except OSError as error:
        raise ImportFormatError(str(path), None, f"cannot read it ({error.strerror})") from None
    if stat.S_ISREG(mode):
        yield path
        return
    if stat.S_ISDIR(mode):
        raise ImportFormatError(str(path), None, "this is a folder, not a file")
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        raise ImportFormatError(
            str(path), None, "this is a device, not a file; import an exported file"
        )
    with tempfile.TemporaryDirectory(prefix="backleg-import-") as folder:  # 0700
        copy = Path(folder) / (path.name or "input")
        try:
            # Unbuffered: a buffered copy kept the bytes a full disk refused and tried them
            # again at close, whose error then blamed the pipe ("cannot read it").
            with open(path, "rb") as source, open(copy, "xb", buffering=0) as target:
                _copy_pipe(path, source, target)
        except OSError as error:
            raise ImportFormatError(str(path), None, f"cannot read it ({error.strerror})") from None
        try:
            yield copy
        except ImportFormatError as error:
            raise ImportFormatError(
                str(path), error.line, error.reason.replace(str(copy), str(path))
            ) from None


def _copy_pipe(path: Path, source: BinaryIO, target: RawIOBase) -> None:
    """A failed write is the temporary folder's fault (full, say), not the pipe's."""
    while chunk := _next_chunk(source):
        rest = memoryview(chunk)
        while rest:  # a raw write may take only part: a disk with little room left
            try:
                written = target.write(rest)
            except OSError as error:
                raise ImportFormatError(
                    str(path),
                    None,
                    "a pipe is read once into a temporary copy, and the temporary folder "
                    f"{tempfile.gettempdir()} could not hold it ({error.strerror}); "
                    "save it to a file and import that file",
                ) from None
            rest = rest[written or 0 :]


def _next_chunk(source: BinaryIO) -> bytes:
    """What the pipe sends next (b"" at its end), waiting in short slices.

    Python runs a signal's handler between bytecodes: a SIGTERM that came just before a
    blocking read (the buffered reader goes back to read without one) waited for the
    writer's next byte, so `timeout` or `kill` left the import hanging on an idle pipe.
    """
    if os.name != "posix":
        return source.read(1 << 20)
    fd = source.fileno()
    while not select.select([fd], [], [], 0.2)[0]:
        pass  # back in Python each 0.2 s, where a pending SIGTERM is raised
    return os.read(fd, 1 << 20)


def read_sessions(
    path: Path,
    library: Library,
    unit: Unit = "kg",
    *,
    fmt: FileFormat | None = None,
    matcher: ExerciseMatcher | None = None,
    local: tzinfo | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[ImportedSession]:
    """Stream the sessions of an export, one at a time, in file order.

    unit: the unit of a Strong (comma format) file's weights; other formats state theirs.
    local: the zone of times written without one (default: this machine's local time).
    skipped: counts a Strong file's rows that carry no set (rest timers, note rows).
    Raises ImportFormatError (file, line, reason) on the first problem, possibly after
    having yielded sessions: callers store them in one transaction and roll back.
    """
    with readable(Path(path)) as path:
        fmt = fmt or detect_format(path)
        matcher = matcher or ExerciseMatcher(library)
        if fmt is BACKLEG_CSV:
            yield from read_backleg_csv(path, matcher, local=local)
        elif fmt is BACKLEG_JSON:
            yield from read_backleg_json(path, matcher, local=local)
        elif fmt in (STRONG, STRONG_OLD):
            kg_per_unit = LB if unit == "lb" else 1.0
            yield from read_strong(
                path, fmt, matcher, kg_per_unit=kg_per_unit, local=local, skipped=skipped
            )
        elif fmt.id.startswith("strong6"):
            yield from read_strong6(path, fmt, matcher, local=local, skipped=skipped)
        elif fmt.id.startswith("hevy"):
            yield from read_hevy(path, fmt, matcher, local=local)
        else:
            yield from read_fitnotes(path, fmt, matcher, local=local)


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds, for the import dialog; nothing is written to reach it."""

    format: FileFormat
    sessions: int
    sets: int
    first_started_at: datetime | None
    last_started_at: datetime | None
    sample: tuple[ImportedSession, ...]  # the first few sessions, to show
    matched: dict[str, str]  # name as written in the file -> library id
    new_user_exercises: tuple[str, ...]  # names that will become user exercises
    skipped: Counter[str] = field(default_factory=Counter)  # rows that hold no set, by why


def skipped_rows_text(skipped: Counter[str]) -> str:
    """The rows of a Strong file that are no set, in words, so the row count adds up
    (`backleg import` and the import dialog both say it)."""
    what = {
        SKIPPED_REST_TIMER: ("rest timer row", "rest timer rows"),
        SKIPPED_NOTE: ("exercise note row", "exercise note rows"),
        SKIPPED_EMPTY: ("empty row", "empty rows"),
    }
    parts = [
        f"{skipped[key]:,} {one if skipped[key] == 1 else many}"
        for key, (one, many) in what.items()
        if skipped[key]
    ]
    text = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    notes = skipped[SKIPPED_NOTE]
    kept = "" if not notes else "; the note is kept" if notes == 1 else "; the notes are kept"
    kept += " in the workout's notes" if notes else ""
    holds = "it holds" if sum(skipped[key] for key in what) == 1 else "they hold"
    return f"Skipped {text}: {holds} no set{kept}."


def preview(
    path: Path,
    library: Library,
    unit: Unit = "kg",
    *,
    sample_size: int = 5,
    local: tzinfo | None = None,
) -> ImportPreview:
    """Read the whole file (raising ImportFormatError as an import would) and summarise it.

    Which sessions are already in the history is for the store to say: run its
    `import_sessions(..., dry_run=True)` for that.
    """
    matcher = ExerciseMatcher(library)
    sessions = sets = 0
    first = last = None
    sample: list[ImportedSession] = []
    skipped: Counter[str] = Counter()
    with readable(Path(path)) as source:  # a pipe is read once, for both steps
        fmt = detect_format(source)
        found = read_sessions(
            source, library, unit, fmt=fmt, matcher=matcher, local=local, skipped=skipped
        )
        for session in found:
            sessions += 1
            sets += len(session.sets)
            if len(sample) < sample_size:
                sample.append(session)
            first = session.started_at if first is None else min(first, session.started_at)
            last = session.started_at if last is None else max(last, session.started_at)
    matched = {
        name: exercise_id
        for name, exercise_id in matcher.decisions.items()
        if matcher.is_library_id(exercise_id)
    }
    return ImportPreview(
        format=fmt,
        sessions=sessions,
        sets=sets,
        first_started_at=first,
        last_started_at=last,
        sample=tuple(sample),
        matched=matched,
        new_user_exercises=tuple(matcher.new_user_names()),
        skipped=skipped,
    )
