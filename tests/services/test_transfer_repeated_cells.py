"""A Backleg CSV repeats the same loads, rests and exercises row after row, and the reader
parses each distinct cell once (services/transfer/backleg_csv.py): a bad cell must still
be reported on its own line, whatever came before it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer import read_sessions, write_csv
from tests.support.synthetic import generate_history


def exported(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    """A year of history written by the export, and its rows."""
    library = load_library()
    rows = []
    for number, session in enumerate(generate_history(years=1), start=1):
        record = SessionRecord(
            number,
            session.plan_id,
            session.name,
            session.started_at,
            session.ended_at,
            session.status,
            session.pain_before,
            session.pain_after,
            session.notes,
        )
        for i, entry in enumerate(session.sets):
            logged = LoggedSet(
                i,
                number,
                entry.exercise_id,
                entry.set_number,
                entry.side,
                entry.kind,
                entry.reps,
                entry.load_kg,
                entry.duration_s,
                entry.rest_planned_s,
                entry.rest_taken_s,
                entry.completed_at or session.started_at,
                entry.note,
            )
            rows.append((record, logged))
    out = io.StringIO(newline="")
    write_csv(rows, out, lambda exercise_id: library.exercises[exercise_id].name)
    path = tmp_path / "history.csv"
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return path, list(csv.reader(io.StringIO(out.getvalue())))


def test_the_file_reads_back_as_it_was_written(tmp_path: Path) -> None:
    path, rows = exported(tmp_path)
    sessions = list(read_sessions(path, load_library()))
    assert sum(len(s.sets) for s in sessions) == len(rows) - 1
    reps = [str(e.reps) for s in sessions for e in s.sets]
    assert reps == [r[rows[0].index("reps")] for r in rows[1:]]


@pytest.mark.parametrize(
    ("column", "bad", "says"),
    [
        ("reps", "-3", "reps"),
        ("load_kg", "ten", "load_kg"),
        ("side", "middle", "side"),
        ("rest_taken_s", "-1", "rest_taken_s"),
        ("rpe", "11", "rpe"),
        ("distance_m", "-5", "distance_m"),
    ],
)
def test_a_bad_cell_late_in_the_file_names_its_own_line(
    tmp_path: Path, column: str, bad: str, says: str
) -> None:
    path, rows = exported(tmp_path)
    at = rows[0].index(column)
    late = len(rows) - 5  # after hundreds of good cells in the same column
    rows[late][at] = bad
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\r\n").writerows(rows)
    with pytest.raises(ImportFormatError) as refused:
        list(read_sessions(path, load_library()))
    assert refused.value.line == late + 1  # physical lines count from 1, header included
    assert says in str(refused.value)
