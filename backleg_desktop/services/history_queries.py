"""Reading the history back: one session, a page of sessions, an exercise's series,
records and the progression hint, user exercises, and the rows to export. No Qt here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.history import (
    LoggedSet,
    SessionDetail,
    SessionRecord,
    SessionSummary,
)
from backleg_desktop.domain.progression import (
    SESSIONS_AT_TOP,
    HintTime,
    ProgressionHint,
    exercise_screen_hint,
    outcome_of,
)
from backleg_desktop.domain.records import ExercisePoint, ExerciseRecords, compute_records
from backleg_desktop.domain.strength_trend import EstimatePoint, session_estimates
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.services import validation as check
from backleg_desktop.services.history_db import HistoryDb, session_row
from backleg_desktop.storage import repository as repo


class HistoryQueries:
    def __init__(
        self,
        db: HistoryDb,
        library: Library,
        user_plan: Callable[[str], Plan | None] = lambda _plan_id: None,
    ) -> None:
        self._user_plan = user_plan  # a plan of the user's own by id (hints for it too)
        self._db = db
        self._library = library

    def in_progress_session(self) -> SessionDetail | None:
        """The newest unfinished session with its sets, to offer resuming it."""
        with self._db.read() as db:
            row = repo.newest_in_progress(db)
            if row is None:
                return None
            return SessionDetail(repo.session_record(row), repo.sets_of(db, row.id))

    def session_detail(self, session_id: int) -> SessionDetail:
        with self._db.read() as db:
            row = session_row(db, session_id)
            return SessionDetail(repo.session_record(row), repo.sets_of(db, session_id))

    def list_sessions(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        newest_first: bool = True,
        title: str | None = None,
        count_sets: bool = True,
    ) -> list[SessionSummary]:
        """A page of sessions with their set count and volume (warm-ups not in the volume).

        `since` is inclusive and `until` exclusive; `title` picks imported workouts by name.
        `count_sets=False` skips the count of sets done (None), which reads every set: for
        views that show no counts.
        """
        check.whole_number("offset", offset, 0, 2**62)
        check.whole_number("limit", limit, 0, 100_000)
        where = _filter(plan_id, exercise_id, since, until, title)
        with self._db.read_conn() as conn:
            return repo.list_sessions(
                conn,
                where,
                offset=offset,
                limit=limit,
                newest_first=newest_first,
                count_sets=count_sets,
            )

    def count_sessions(
        self,
        *,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        title: str | None = None,
    ) -> int:
        where = _filter(plan_id, exercise_id, since, until, title)
        with self._db.read_conn() as conn:
            return repo.count_sessions(conn, where)

    def last_sets(
        self, exercise_id: str, *, before_session_id: int | None = None
    ) -> list[LoggedSet]:
        """That exercise's sets from the newest session that has any, to prefill the next.

        Pass the current session's id as `before_session_id` to look only at earlier ones.
        """
        with self._db.read() as db:
            return repo.last_sets(db, exercise_id, before_session_id)

    def exercise_series(self, exercise_id: str) -> list[ExercisePoint]:
        """One point per session that did this exercise, oldest first (warm-ups left out)."""
        with self._db.read_conn() as conn:
            return repo.exercise_series(conn, exercise_id)

    def estimated_max_series(self, exercise_id: str) -> list[EstimatePoint]:
        """Each session's best estimated one-rep max (Epley, sets of 1 to 12 reps)."""
        with self._db.read_conn() as conn:
            return session_estimates(repo.record_figures(conn, exercise_id))

    def records(self, exercise_id: str) -> ExerciseRecords:
        with self._db.read_conn() as conn:
            return compute_records(exercise_id, repo.record_figures(conn, exercise_id))

    def progression_hint(
        self,
        exercise_id: str,
        plan_id: str,
        *,
        before_session_id: int | None = None,
        after_session_id: int | None = None,
        units: LoadUnits = KILOGRAMS,
    ) -> ProgressionHint | None:
        """The suggestion to show as `exercise_id` comes up in plan `plan_id`, or None.

        Drawn from the last two sessions that did the exercise: those before
        `before_session_id` (the session running now), or `after_session_id` and the ones
        before it (History: what that session suggests for next time, worded so), or the
        newest. Three small queries: fast enough to call each time an exercise comes up.
        """
        plan = self._library.plans.get(plan_id) or self._user_plan(plan_id)
        item = next((i for i in plan.items if i.exercise_id == exercise_id), None) if plan else None
        if item is None or item.reps is None:  # a timed hold has no reps or load to add
            return None
        anchor_id = after_session_id if after_session_id is not None else before_session_id
        with self._db.read() as db:
            anchor = None if anchor_id is None else repo.session_record(session_row(db, anchor_id))
            conn = db.connection()
            where = repo.SessionFilter(
                exercise_id=exercise_id, until=anchor.started_at if anchor else None
            )
            earlier = [
                s.session
                for s in repo.list_sessions(
                    conn,
                    where,
                    offset=0,
                    limit=SESSIONS_AT_TOP + 1,
                    newest_first=True,
                    count_sets=False,
                )
                if s.session.id != anchor_id
            ]
            if after_session_id is not None and anchor is not None:
                earlier.insert(0, anchor)
            outcomes = [
                found
                for session in earlier[:SESSIONS_AT_TOP]
                if (found := outcome_of(session, repo.sets_of(db, session.id), exercise_id))
            ]
        when: HintTime = "next time" if after_session_id is not None else "today"
        return exercise_screen_hint(
            exercise_id,
            item.reps.high,
            outcomes,
            self._easier_plan_name(plan_id),
            when=when,
            units=units,
        )

    def _easier_plan_name(self, plan_id: str) -> str | None:
        """The plan the pain check-in offers on a bad day, unless that is `plan_id` itself."""
        easier = self._library.easier_plan(instead_of=plan_id)
        return easier.name if easier is not None else None

    def session_titles(self) -> list[tuple[str | None, str]]:
        """(plan id, name) of every plan and imported workout title the history holds,
        newest first: what the History page's plan filter offers."""
        with self._db.read_conn() as conn:
            return repo.session_titles(conn)

    def user_exercises(self) -> list[tuple[str, str]]:
        """(id, display name) of every user exercise, by name."""
        with self._db.read() as db:
            return repo.user_exercises(db)

    def iter_export_rows(self) -> Iterator[tuple[SessionRecord, LoggedSet | None]]:
        """Every set with its session, oldest session first; a session without sets comes
        once with None. Streams: rows are fetched in batches while you iterate."""
        with self._db.read_conn() as conn:
            yield from repo.iter_export_rows(conn)


def _filter(
    plan_id: str | None,
    exercise_id: str | None,
    since: datetime | None,
    until: datetime | None,
    title: str | None = None,
) -> repo.SessionFilter:
    check.aware_time("since", since)
    check.aware_time("until", until)
    return repo.SessionFilter(plan_id, exercise_id, since, until, title)
