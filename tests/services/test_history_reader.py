"""`backleg export` reads a healthy history through plain sqlite3 (services/history_reader.py)
and leaves every file the store has to mend or mention to open_store."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import ImportedSession, LoggedSet, SessionRecord, SetEntry
from backleg_desktop.services import backups
from backleg_desktop.services.history_export import export_history
from backleg_desktop.services.history_reader import open_reader
from backleg_desktop.services.pending_journal import JOURNAL_PREFIX, JOURNAL_SUFFIX
from backleg_desktop.services.store import open_store
from backleg_desktop.storage import repository
from backleg_desktop.storage.engine import make_engine
from backleg_desktop.storage.models import SessionRow, SetRow
from backleg_desktop.storage.paths import database_path
from tests.support.synthetic import generate_history


def seeded(data_dir: Path) -> Path:
    """A year of history, a user exercise (names sort NOCASE), sets with an RPE and a
    distance, a session without sets and one that is still running."""
    library = load_library()
    with open_store(data_dir, library, make_daily_backup=False) as store:
        w = store.workouts
        w.import_sessions(generate_history(years=1))
        w.add_user_exercise("zercher squat")
        w.add_user_exercise("Belt squat")
        start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        w.import_sessions(
            [
                ImportedSession(
                    "Hotel gym",
                    None,
                    start,
                    None,
                    "completed",
                    3,
                    None,
                    "=1+1, a note a spreadsheet would run",
                    (
                        SetEntry("user:Belt squat", 1, reps=8, load_kg=40.0, completed_at=start),
                        # main's last two CSV columns, rpe and distance_m (a 0 kept)
                        SetEntry(
                            "user:Belt squat",
                            2,
                            reps=6,
                            load_kg=42.5,
                            completed_at=start.replace(minute=5),
                            rpe=8.5,
                            distance_m=0.0,
                        ),
                        SetEntry(
                            "user:Belt squat",
                            3,
                            duration_s=90.0,
                            completed_at=start.replace(minute=9),
                            rpe=7.0,
                            distance_m=1250.5,
                        ),
                    ),
                ),
                ImportedSession(
                    "Only a check-in",
                    None,
                    start.replace(hour=18),
                    None,
                    "stopped_pain",
                    7,
                    7,
                    "",
                    (),
                ),
            ]
        )
        w.start_session("strength", pain_before=2)
    return database_path(data_dir)


def _timeless(written: bytes) -> bytes:
    """The file without the JSON backup's "exported_at" line, which is the clock's."""
    return re.sub(rb'\n *"exported_at": "[^"]*",', b"", written)


def test_the_plain_reader_exports_byte_for_byte_what_the_store_exports(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seeded(data_dir)
    library = load_library()
    for name in ("history.csv",):
        with open_store(data_dir, library, make_daily_backup=False) as store:
            by_store = export_history(store.workouts, library, tmp_path / f"store-{name}")
        reader = open_reader(data_dir)
        assert reader is not None
        with reader:
            by_reader = export_history(reader, library, tmp_path / f"reader-{name}")
        assert by_reader == by_store
        written = _timeless((tmp_path / f"reader-{name}").read_bytes())
        assert written == _timeless((tmp_path / f"store-{name}").read_bytes())
        assert b"Belt squat" in written  # a user exercise's name, from the file
    reader = open_reader(data_dir)
    assert reader is not None
    with reader, pytest.raises(TypeError):  # the JSON backup's plans come from the store
        export_history(reader, library, tmp_path / "reader-history.json")


def test_the_plain_reader_yields_what_the_orm_reads(tmp_path: Path) -> None:
    # The export query is written out in storage/export_rows.py; the ORM's column types
    # (UTC text to aware datetimes, main's rpe and distance_m) are the reference it must
    # match row for row, since the CSV and JSON writers only see these records.
    data_dir = tmp_path / "data"
    db_path = seeded(data_dir)
    engine = make_engine(db_path)
    try:
        with Session(engine) as db:
            expected: list[tuple[SessionRecord, LoggedSet | None]] = []
            for row in db.scalars(
                select(SessionRow).order_by(SessionRow.started_at, SessionRow.id)
            ):
                record = repository.session_record(row)
                sets = db.scalars(
                    select(SetRow)
                    .where(SetRow.session_id == row.id)
                    .order_by(SetRow.completed_at, SetRow.id)
                ).all()
                expected += [(record, repository.logged_set(x)) for x in sets] or [(record, None)]
    finally:
        engine.dispose()
    reader = open_reader(data_dir)
    assert reader is not None
    with reader:
        got = list(reader.iter_export_rows())
    assert got == expected
    assert any(x is not None and x.rpe == 8.5 and x.distance_m == 0.0 for _, x in got)
    assert all(r.started_at.tzinfo is not None for r, _ in got)


def restore_in_another_process(data_dir: Path, backup: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, "restore", str(backup)], capture_output=True, text=True, timeout=60
    )


def test_the_reader_holds_the_folder_so_no_restore_replaces_the_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seeded(data_dir)
    backup = backups.make_daily_backup(data_dir, datetime(2026, 12, 1).date())
    assert backup is not None
    reader = open_reader(data_dir)
    assert reader is not None
    with reader:
        refused = restore_in_another_process(data_dir, backup)
        assert refused.returncode == 1, refused.stderr
        assert reader.user_exercises()  # still reading the same file
    restored = restore_in_another_process(data_dir, backup)  # closed: the folder is free
    assert restored.returncode == 0, restored.stderr


def _old_schema(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")


def _newer_schema(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")


def _damaged(db_path: Path) -> None:
    with db_path.open("r+b") as db:
        db.seek(4096 * 3)
        db.write(b"\xde\xad" * 2048)


def _journal_left(db_path: Path) -> None:
    (db_path.parent / f"{JOURNAL_PREFIX}20261201T000000-1-1{JOURNAL_SUFFIX}").write_text("")


def _not_wal(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE").fetchall()


def _gone(db_path: Path) -> None:
    db_path.unlink()


@pytest.mark.parametrize(
    "change", [_gone, _old_schema, _newer_schema, _damaged, _journal_left, _not_wal]
)
def test_a_file_the_store_must_deal_with_is_left_to_it_unchanged(
    tmp_path: Path, change: object
) -> None:
    data_dir = tmp_path / "data"
    db_path = seeded(data_dir)
    assert callable(change)
    change(db_path)
    before = db_path.read_bytes() if db_path.exists() else None
    assert open_reader(data_dir) is None
    assert (db_path.read_bytes() if db_path.exists() else None) == before


def test_backleg_export_of_a_healthy_history_never_loads_sqlalchemy(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seeded(data_dir)
    code = (
        "import sys; from backleg_desktop.__main__ import main; "
        f"code = main(['--data-dir', {str(data_dir)!r}, 'export', {str(tmp_path / 'h.csv')!r}]); "
        "print(code, 'sqlalchemy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines()[-1] == "0 False", done.stderr
