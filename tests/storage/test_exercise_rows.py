"""The Progress chart's and the record rules' rows (storage/exercise_rows.py, plain SQL on
the DBAPI cursor) equal what the ORM's rows give, worked out here in Python."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.domain.records import ExercisePoint, SetFigures
from backleg_desktop.services.store import open_store
from backleg_desktop.storage import repository
from backleg_desktop.storage.engine import make_engine
from backleg_desktop.storage.models import SessionRow, SetRow
from backleg_desktop.storage.paths import database_path
from tests.support.synthetic import generate_history

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _odd_sessions() -> list[ImportedSession]:
    """Warm-ups, one leg at a time, a set without reps or load, a hold, equal start times."""
    sets = (
        SetEntry("bulgarian-split-squat", 1, "left", "warmup", 10, 20.0),
        SetEntry("bulgarian-split-squat", 1, "left", reps=8, load_kg=30.0),
        SetEntry("bulgarian-split-squat", 1, "right", reps=7, load_kg=32.5),
        SetEntry("bulgarian-split-squat", 2, "left", reps=None, load_kg=30.0),
        SetEntry("bulgarian-split-squat", 3, "right", reps=6, load_kg=None),
        SetEntry("wall-squat", 1, duration_s=45.0),
    )
    return [
        ImportedSession(name, None, START + timedelta(days=day), None, "completed", 3, 2, "", sets)
        for day, name in ((0, "Twice the same day"), (0, "Again that day"), (3, "Later"))
    ]


def _expected(db_path: Path, exercise_id: str) -> tuple[list[ExercisePoint], list[SetFigures]]:
    engine = make_engine(db_path)
    try:
        with Session(engine) as db:
            query = (
                select(SetRow, SessionRow)
                .join(SessionRow, SessionRow.id == SetRow.session_id)
                .where(SetRow.exercise_id == exercise_id, SetRow.kind != "warmup")
            )
            by_session: dict[int, list[SetRow]] = defaultdict(list)
            sessions: dict[int, SessionRow] = {}
            figures = []
            for x, s in db.execute(query):
                by_session[s.id].append(x)
                sessions[s.id] = s
                if (x.reps or 0) > 0 and (x.load_kg or 0) > 0:
                    figures.append(SetFigures(s.id, s.started_at, x.reps, x.load_kg))
    finally:
        engine.dispose()

    def top(rows: list[SetRow]) -> float | None:
        loads = [r.load_kg for r in rows if r.load_kg is not None]
        return max(loads) if loads else None

    points = []
    for sid in sorted(by_session, key=lambda i: (sessions[i].started_at, i)):
        rows, s = by_session[sid], sessions[sid]
        points.append(
            ExercisePoint(
                sid,
                s.started_at,
                top(rows),
                float(sum((r.reps or 0) * (r.load_kg or 0) for r in rows if r.reps and r.load_kg)),
                sum(r.reps or 0 for r in rows),
                s.pain_before,
                s.pain_after,
                top([r for r in rows if r.side == "left"]),
                top([r for r in rows if r.side == "right"]),
                len(rows),
            )
        )
    return points, figures


def test_the_series_and_record_figures_match_the_orms_rows(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        store.workouts.import_sessions(generate_history(years=1))
        store.workouts.import_sessions(_odd_sessions())
    db_path = database_path(data_dir)
    engine = make_engine(db_path)
    try:
        with engine.connect() as conn:
            for exercise_id in (
                "goblet-squat",
                "leg-extension",
                "bulgarian-split-squat",
                "wall-squat",
            ):
                points, figures = _expected(db_path, exercise_id)
                assert points, exercise_id
                assert repository.exercise_series(conn, exercise_id) == points
                got = repository.record_figures(conn, exercise_id)
                key = lambda f: (f.session_id, f.reps, f.load_kg)  # noqa: E731
                assert sorted(got, key=key) == sorted(figures, key=key)
                assert all(p.started_at.tzinfo is not None for p in points)
    finally:
        engine.dispose()
