"""Export → import → export gives the same CSV, for anything the store accepts: exact
numbers (no 6-decimal rounding), times to the microsecond, any text, titles that look like
plan ids. Checked through real SQLite files."""

from __future__ import annotations

import io
import tempfile
from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import (
    SESSION_STATUSES,
    SET_KINDS,
    SIDES,
    ImportedSession,
    SetEntry,
)
from backleg_desktop.services.store import open_store
from backleg_desktop.services.transfer import ExerciseMatcher, read_sessions, write_csv

LIBRARY = load_library()
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
NAME = TEXT.filter(lambda t: t.strip() != "")
TIMES = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2026, 11, 1), timezones=st.just(UTC)
)


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


EXERCISE = st.sampled_from(sorted(LIBRARY.exercises)) | NAME.map(lambda n: "user:" + n.strip())
SETS = st.builds(
    SetEntry,
    exercise_id=EXERCISE,
    set_number=st.integers(1, 1000),
    side=st.sampled_from(SIDES),
    kind=st.sampled_from(SET_KINDS),
    reps=maybe(st.integers(0, 1000)),
    load_kg=maybe(st.floats(0, 1000)),
    duration_s=maybe(st.floats(0, 86400)),
    rest_planned_s=maybe(st.floats(0, 86400)),
    rest_taken_s=maybe(st.floats(0, 86400)),
    completed_at=TIMES,
    note=TEXT,
)


@st.composite
def sessions(draw: st.DrawFn) -> ImportedSession:
    plan_id = draw(st.sampled_from([None, *sorted(LIBRARY.plans)]))
    name = (
        LIBRARY.plans[plan_id].name
        if plan_id
        else draw(NAME | st.sampled_from(sorted(LIBRARY.plans)))  # a title equal to a plan id
    )
    return ImportedSession(
        name=name,
        plan_id=plan_id,
        started_at=draw(TIMES),
        ended_at=draw(maybe(TIMES)),
        status=draw(st.sampled_from(SESSION_STATUSES)),
        pain_before=draw(maybe(st.integers(0, 10))),
        pain_after=draw(maybe(st.integers(0, 10))),
        notes=draw(TEXT),
        sets=tuple(draw(st.lists(SETS, max_size=4))),
    )


def stored_values(folder: Path) -> list[tuple[object, ...]]:
    """Everything the history holds, without the ids each database gives out."""
    with open_store(folder, LIBRARY, make_daily_backup=False) as store:
        rows = []
        for session, logged in store.workouts.iter_export_rows():
            head = (*astuple(session)[1:],)
            rows.append((head, astuple(logged)[2:] if logged is not None else None))
        return rows


def export(folder: Path) -> str:
    with open_store(folder, LIBRARY, make_daily_backup=False) as store:
        users = dict(store.workouts.user_exercises())
        matcher = ExerciseMatcher(LIBRARY)
        out = io.StringIO(newline="")
        write_csv(
            store.workouts.iter_export_rows(),
            out,
            lambda i: users.get(i) or matcher.display_name(i),
        )
        return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sessions(), min_size=1, max_size=3))
def test_csv_export_import_export_is_identical(stored: list[ImportedSession]) -> None:
    # session_id is each history's own numbering: sessions stored in time order (as the
    # app starts them) keep their numbers through an export and an import elsewhere.
    stored = sorted(stored, key=lambda s: s.started_at)
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "first", Path(tmp) / "second"
        with open_store(first, LIBRARY, make_daily_backup=False) as store:
            store.workouts.import_sessions(stored)
        exported = export(first)
        path = Path(tmp) / "history.csv"
        path.write_text(exported, encoding="utf-8", newline="")
        with open_store(second, LIBRARY, make_daily_backup=False) as store:
            summary = store.workouts.import_sessions(read_sessions(path, LIBRARY))
            assert summary.duplicates_skipped == 0
        assert export(second) == exported
        assert stored_values(second) == stored_values(first)  # the values, not just the text


def test_tiny_loads_and_durations_survive_the_csv(tmp_path: Path) -> None:
    """1e-7 kg used to be written as 0."""
    session = ImportedSession(
        "Legs",
        None,
        datetime(2025, 1, 1, 10, tzinfo=UTC),
        None,
        "completed",
        None,
        None,
        "",
        (SetEntry("leg-press", 1, load_kg=1e-7, duration_s=0.1 + 0.2, rest_taken_s=5e-324),),
    )
    with open_store(tmp_path / "a", LIBRARY, make_daily_backup=False) as store:
        store.workouts.import_sessions([session])
    text = export(tmp_path / "a")
    assert ",0.0000001,0.30000000000000004," in text
    path = tmp_path / "h.csv"
    path.write_text(text, encoding="utf-8", newline="")
    [back] = read_sessions(path, LIBRARY)
    assert back.sets[0].load_kg == 1e-7
    assert back.sets[0].duration_s == 0.1 + 0.2
    assert back.sets[0].rest_taken_s == 5e-324


def test_a_workout_titled_like_a_plan_id_stays_a_workout(tmp_path: Path) -> None:
    session = ImportedSession(
        "strength",
        None,
        datetime(2025, 1, 1, 10, tzinfo=UTC),
        None,
        "completed",
        None,
        None,
        "",
        (),
    )
    with open_store(tmp_path / "a", LIBRARY, make_daily_backup=False) as store:
        store.workouts.import_sessions([session])
    text = export(tmp_path / "a")
    assert ",'strength," in text
    path = tmp_path / "h.csv"
    path.write_text(text, encoding="utf-8", newline="")
    [back] = read_sessions(path, LIBRARY)
    assert (back.name, back.plan_id) == ("strength", None)
    with open_store(tmp_path / "a", LIBRARY, make_daily_backup=False) as store:
        again = store.workouts.import_sessions(read_sessions(path, LIBRARY))
    assert (again.sessions_added, again.duplicates_skipped) == (0, 1)
