"""Turn a stream of parsed rows into ImportedSession objects, one workout at a time.

Rows of one workout are consecutive in every supported export, so only the workout being
built is held in memory. A workout whose rows reappear later in the file would otherwise
be split in two (and the second half dropped as a duplicate), so that is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from backleg_desktop.domain.history import ImportedSession, SessionStatus, SetEntry
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer.csvio import CsvRows, open_text
from backleg_desktop.services.validation import MAX_NAME, MAX_SET_NUMBER, MAX_TEXT


@dataclass
class SessionDraft:
    """The session columns of a row; the first row of a workout decides them."""

    name: str
    started_at: datetime
    ended_at: datetime | None = None
    status: SessionStatus = "completed"
    plan_id: str | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    notes: str = ""
    stop_exercise_id: str | None = None
    stop_set_number: int | None = None
    source_time: str | None = None  # see ImportedSession.source_time


@dataclass(frozen=True)
class ParsedRow:
    line: int
    key: Hashable  # rows with equal keys belong to the same workout
    session: SessionDraft
    set: SetEntry | None  # None: a row that carries no set (an empty session, a rest timer)
    session_note: str = ""  # merged: the first non-empty one wins


@dataclass
class _Open:
    first_line: int
    key: Hashable
    session: SessionDraft
    sets: list[SetEntry] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)


def group_sessions(
    rows: Iterable[ParsedRow], path: str, *, number_sets: bool, describe: str = "workout"
) -> Iterator[ImportedSession]:
    """Yield a session as soon as its last row has been read.

    number_sets: give sets their number within the exercise in file order (1, 2, ...),
    for formats whose own numbering is unreliable (warm-ups, rest timers, 0-based).
    """
    current: _Open | None = None
    finished: dict[Hashable, int] = {}
    for row in rows:
        _check_lengths(row, path)
        if current is None or row.key != current.key:
            if current is not None:
                finished[current.key] = current.first_line
                yield _finish(current)
            if row.key in finished:
                raise ImportFormatError(
                    path,
                    row.line,
                    f"this row belongs to the {describe} that starts on line "
                    f"{finished[row.key]}, but other rows come in between; "
                    "keep each workout's rows together (sort the file by date)",
                )
            current = _Open(row.line, row.key, row.session)
        if row.session_note and not current.session.notes:
            current.session.notes = row.session_note
        if row.set is not None:
            entry = row.set
            if number_sets:
                number = current.counters.get(entry.exercise_id, 0) + 1
                if number > MAX_SET_NUMBER:
                    raise ImportFormatError(
                        path,
                        row.line,
                        f"more than {MAX_SET_NUMBER} sets of one exercise in one {describe}; "
                        "Backleg keeps at most that many",
                    )
                current.counters[entry.exercise_id] = number
                entry = replace(entry, set_number=number)
            current.sets.append(entry)
    if current is not None:
        yield _finish(current)


def read_csv_sessions(
    path: Path,
    parse_rows: Callable[[CsvRows], Iterable[ParsedRow]],
    *,
    number_sets: bool,
    describe: str = "workout",
    delimiter: str = ",",
) -> Iterator[ImportedSession]:
    """Open a CSV export, read its header, and group the rows `parse_rows` makes into sessions
    (see `group_sessions` for number_sets and describe)."""
    with open_text(path) as handle:
        rows = CsvRows(path, handle, delimiter)
        rows.read_header()
        yield from group_sessions(
            parse_rows(rows), str(path), number_sets=number_sets, describe=describe
        )


def _check_lengths(row: ParsedRow, path: str) -> None:
    """The store's limits on text, checked here so the message can name the line."""
    if len(row.session.name) > MAX_NAME:
        raise ImportFormatError(
            path, row.line, f"the workout name is longer than {MAX_NAME} characters"
        )
    for what, text in (
        ("workout notes", row.session_note or row.session.notes),
        ("note", row.set.note if row.set is not None else ""),
    ):
        if len(text) > MAX_TEXT:
            raise ImportFormatError(path, row.line, f"{what}: more than {MAX_TEXT} characters")


def _finish(draft: _Open) -> ImportedSession:
    head = draft.session
    return ImportedSession(
        name=head.name,
        plan_id=head.plan_id,
        started_at=head.started_at,
        ended_at=head.ended_at,
        status=head.status,
        pain_before=head.pain_before,
        pain_after=head.pain_after,
        notes=head.notes,
        sets=tuple(draft.sets),
        stop_exercise_id=head.stop_exercise_id,
        stop_set_number=head.stop_set_number,
        source_time=head.source_time,
    )
