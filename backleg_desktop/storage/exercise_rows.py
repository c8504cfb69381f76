"""One exercise's history for the Progress chart and the record rules, through a plain
DBAPI (sqlite3) cursor.

A 10-year history gives about 3,600 sessions and 15,000 sets per exercise; SQLAlchemy's
result rows and column types cost more than the queries themselves, and the chart draws
both lists every time an exercise is chosen (issue 9: a chart in 150 ms). The SQL is
the same the ORM would send; times are parsed by storage/utc_text.py, as the column type
parses them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from backleg_desktop.domain.records import ExercisePoint, SetFigures
from backleg_desktop.storage.utc_text import from_utc_text

# Warm-ups are never records and never a working set's figures (domain/set_count.py).
SERIES_SQL = """
SELECT s.id, s.started_at, s.pain_before, s.pain_after,
       max(x.load_kg),
       coalesce(sum(x.reps * x.load_kg), 0.0),
       coalesce(sum(x.reps), 0),
       max(CASE WHEN x.side = 'left' THEN x.load_kg END),
       max(CASE WHEN x.side = 'right' THEN x.load_kg END),
       count(x.id)
FROM sets AS x JOIN sessions AS s ON s.id = x.session_id
WHERE x.exercise_id = ? AND x.kind != 'warmup'
GROUP BY s.id
ORDER BY s.started_at, s.id
"""
FIGURES_SQL = """
SELECT x.session_id, s.started_at, x.reps, x.load_kg
FROM sets AS x JOIN sessions AS s ON s.id = x.session_id
WHERE x.exercise_id = ? AND x.kind != 'warmup' AND x.reps > 0 AND x.load_kg > 0
"""


def exercise_series(cursor: sqlite3.Cursor | Any, exercise_id: str) -> list[ExercisePoint]:
    """One point per session that did the exercise, oldest first."""
    return [
        ExercisePoint(
            session_id=sid,
            started_at=from_utc_text(started),
            top_load_kg=top,
            volume_kg=float(vol),
            total_reps=int(reps),
            pain_before=before,
            pain_after=after,
            top_load_left_kg=left,
            top_load_right_kg=right,
            sets=n,
        )
        for sid, started, before, after, top, vol, reps, left, right, n in cursor.execute(
            SERIES_SQL, (exercise_id,)
        )
    ]


def record_figures(cursor: sqlite3.Cursor | Any, exercise_id: str) -> list[SetFigures]:
    """The working sets that can hold a record, as the record rules need them."""
    # The session's start is parsed once per session, not once per set.
    started: dict[str, Any] = {}
    found = []
    for sid, text, reps, load in cursor.execute(FIGURES_SQL, (exercise_id,)):
        at = started.get(text)
        if at is None:
            at = started[text] = from_utc_text(text)
        found.append(SetFigures(sid, at, reps or 0, load or 0.0))
    return found
