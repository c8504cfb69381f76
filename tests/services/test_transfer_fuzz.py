"""Garbled input never crashes an importer with anything but ImportFormatError, and a failed
import leaves the history exactly as it was."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.services.transfer import BACKLEG_CSV_HEADER, read_sessions

LIBRARY: Library = load_library()
DATA = Path(__file__).parent.parent / "data" / "imports"
FIXTURES = sorted(DATA.glob("*.csv"))
HEADERS = [path.read_text(encoding="utf-8").splitlines()[0] for path in FIXTURES]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Cells that are valid somewhere, so random rows get past the first check now and then.
PLAUSIBLE = st.sampled_from(
    [
        "",
        "0",
        "1",
        "8",
        "10",
        "12.5",
        "-3",
        "1500",
        "nan",
        "1e3",
        "W",
        "D",
        "F",
        "Rest Timer",
        "kg",
        "lbs",
        "km",
        "2025-10-20 18:02:11",
        "2026-11-23T09:00:00+00:00",
        "2025-09-01",
        "21 Oct 2025, 18:04",
        "1h 5m",
        "45m",
        "0:01:30",
        "normal",
        "warmup",
        "dropset",
        "completed",
        "stopped_pain",
        "both",
        "left",
        "working",
        "strength",
        "goblet-squat",
        "user:Thing",
        "Leg Press",
        "Goblet Squat (Kettlebell)",
        "'=1+1",
        "\\n",
        "a\nb",
        '"',
    ]
)
CELL = st.one_of(PLAUSIBLE, st.text(max_size=12))


def rows_text(rows: list[list[str]], quoted: bool) -> str:
    if quoted:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return buffer.getvalue()
    return "".join(",".join(row) + "\n" for row in rows)


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    header = draw(st.sampled_from([*HEADERS, ",".join(BACKLEG_CSV_HEADER)]))
    width = header.count(",") + 1
    row = st.lists(CELL, min_size=width - 1, max_size=width + 1)
    rows = draw(st.lists(row, max_size=6))
    if header.startswith('"Date";'):
        return header + "\n" + "".join(";".join(r) + "\n" for r in rows)
    return header + "\n" + rows_text(rows, draw(st.booleans()))


@st.composite
def mutated_fixtures(draw: st.DrawFn) -> bytes:
    """A real export with a few bytes changed, cut short, or with a line doubled."""
    data = bytearray(draw(st.sampled_from(FIXTURES)).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["replace", "delete", "insert", "truncate"]))
        if action == "replace":
            data[where] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[where]
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=3))
        else:
            del data[where:]
        if not data:
            break
    return bytes(data)


def read_all(path: Path) -> None:
    try:
        for _ in read_sessions(path, LIBRARY):
            pass
    except ImportFormatError as error:
        assert error.path == str(path)
        assert error.reason
        assert error.line is None or error.line >= 1


@contextmanager
def scratch_file() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "fuzz.csv"


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    with scratch_file() as path:
        path.write_bytes(data)
        read_all(path)


@FUZZ
@given(csv_files())
def test_random_rows_under_every_known_header(text: str) -> None:
    with scratch_file() as path:
        path.write_text(text, encoding="utf-8")
        read_all(path)


@FUZZ
@given(mutated_fixtures())
def test_damaged_real_exports(data: bytes) -> None:
    with scratch_file() as path:
        path.write_bytes(data)
        read_all(path)


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "format",
                        "version",
                        "sessions",
                        "sets",
                        "user_exercises",
                        "started_at",
                        "exercise_id",
                        "set_number",
                        "reps",
                        "name",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_random_json(document: object) -> None:
    import json

    with scratch_file() as path:
        path.write_text(
            "{" + json.dumps(document)[1:] if isinstance(document, dict) else json.dumps(document),
            encoding="utf-8",
        )
        read_all(path)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(Path(folder) / "data", LIBRARY, make_daily_backup=False) as opened,
    ):
        opened.workouts.import_sessions(read_sessions(DATA / "strong.csv", LIBRARY))
        yield opened


def history(store: Store) -> list[tuple[SessionRecord, LoggedSet | None]]:
    return list(store.workouts.iter_export_rows())


@FUZZ
@given(data=st.one_of(mutated_fixtures(), csv_files().map(str.encode)))
def test_a_failed_import_leaves_the_history_untouched(store: Store, data: bytes) -> None:
    before = history(store)
    users_before = store.workouts.user_exercises()
    with scratch_file() as path:
        path.write_bytes(data)
        with suppress(ImportFormatError):
            store.workouts.import_sessions(read_sessions(path, LIBRARY), dry_run=True)
        assert history(store) == before  # a dry run never writes
        try:
            summary = store.workouts.import_sessions(read_sessions(path, LIBRARY))
        except ImportFormatError:
            assert history(store) == before
            assert store.workouts.user_exercises() == users_before
            return
    # It imported: exactly what the summary says was added, nothing else.
    after = history(store)
    added_sessions = {s.id for s, _ in after} - {s.id for s, _ in before}
    assert len(added_sessions) == summary.sessions_added
    # Undo, so every example starts from the same history.
    for session_id in added_sessions:
        store.workouts.delete_session(session_id)
