"""Schema: the models and the migrations agree, and upgrading keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backleg_desktop.storage import schema
from backleg_desktop.storage.engine import make_engine
from backleg_desktop.storage.models import Base


def structure(db_path: Path) -> dict[str, object]:
    """Everything about a schema that matters, independent of how the SQL text is laid out."""
    conn = sqlite3.connect(db_path)
    try:
        found: dict[str, object] = {}
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            found[f"{table}.columns"] = conn.execute(f"PRAGMA table_info({table})").fetchall()
            found[f"{table}.fks"] = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            indexes = {}
            for _, name, unique, origin, partial in conn.execute(f"PRAGMA index_list({table})"):
                cols = [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
                indexes[name] = (unique, origin, partial, cols)
            found[f"{table}.indexes"] = indexes
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
            # CHECK constraints: compare their text, whitespace aside.
            found[f"{table}.checks"] = sorted(
                " ".join(part.split()) for part in sql.split("CONSTRAINT")[1:] if "CHECK" in part
            )
        found["autoincrement"] = sorted(
            r[0] for r in conn.execute("SELECT name FROM sqlite_sequence")
        )
        return found
    finally:
        conn.close()


def test_head_and_revision_list_match_alembic() -> None:
    assert schema.script_head() == schema.HEAD_REVISION
    assert schema.all_revisions() == list(schema.REVISIONS)


def test_creating_at_head_and_migrating_give_the_same_schema(tmp_path: Path) -> None:
    created, migrated = tmp_path / "created.sqlite3", tmp_path / "migrated.sqlite3"
    engine = make_engine(created)
    schema.create_at_head(engine)
    engine.dispose()
    schema.upgrade(migrated)
    for db in (created, migrated):
        conn = sqlite3.connect(db)
        conn.execute(
            "INSERT INTO sessions (name, started_at, status) VALUES ('x', 't', 'completed')"
        )
        conn.commit()
        conn.close()
    assert structure(created) == structure(migrated)
    check = make_engine(migrated)
    with check.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == schema.HEAD_REVISION
    check.dispose()


def seed_0001(db_path: Path) -> None:
    """Two sessions with sets, written the way version 0001 stored them."""
    conn = sqlite3.connect(db_path)
    conn.executescript(
        """
        INSERT INTO sessions (id, plan_id, name, started_at, ended_at, status,
                              pain_before, pain_after, notes)
        VALUES (1, 'strength', 'Strength session', '2025-03-01 08:00:00.000000',
                '2025-03-01 08:40:00.000000', 'completed', 3, 2, 'felt good'),
               (2, NULL, 'Leg Day', '2025-03-02 18:00:00.000000', NULL, 'in_progress',
                NULL, NULL, '');
        INSERT INTO sets (session_id, exercise_id, set_number, side, kind, reps, load_kg,
                          duration_s, rest_planned_s, rest_taken_s, completed_at, note)
        VALUES (1, 'goblet-squat', 1, 'both', 'working', 10, 16.0, 30, 90, 95,
                '2025-03-01 08:05:00.000000', ''),
               (1, 'reverse-lunge', 1, 'left', 'working', 8, 6.0, NULL, 60, NULL,
                '2025-03-01 08:10:00.000000', 'wobbly'),
               (2, 'leg-extension', 1, 'both', 'warmup', 15, 10.0, NULL, NULL, NULL,
                '2025-03-02 18:05:00.000000', '');
        """
    )
    conn.commit()
    conn.close()


def seed_0002(db_path: Path) -> None:
    """0001's data, plus a stop for pain where 0002 records it."""
    seed_0001(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE sessions SET stop_exercise_id = 'goblet-squat' WHERE id = 1")
    conn.commit()
    conn.close()


def seed_0003(db_path: Path) -> None:
    """0002's data, plus the start time as an imported file wrote it (a 0003 column)."""
    seed_0002(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE sessions SET source_time = '2025-03-01T08:00:00' WHERE id = 1")
    conn.commit()
    conn.close()


SEEDERS = {
    "0001": seed_0001,
    "0002": seed_0002,
    "0003": seed_0003,
    "0004": seed_0003,
    "0005": seed_0003,
    "0006": seed_0003,
}


@pytest.mark.parametrize("revision", schema.REVISIONS[:-1])
def test_upgrading_from_each_earlier_revision_keeps_the_data(tmp_path: Path, revision: str) -> None:
    db = tmp_path / "old.sqlite3"
    schema.upgrade(db, revision)
    SEEDERS[revision](db)
    before = sqlite3.connect(db)
    sessions = before.execute("SELECT id, name, started_at, status, notes FROM sessions").fetchall()
    set_columns = ", ".join(row[1] for row in before.execute("PRAGMA table_info(sets)"))
    sets = before.execute(f"SELECT {set_columns} FROM sets ORDER BY id").fetchall()
    before.close()

    schema.upgrade(db)

    after = sqlite3.connect(db)
    assert after.execute("SELECT version_num FROM alembic_version").fetchone() == (
        schema.HEAD_REVISION,
    )
    assert (
        after.execute("SELECT id, name, started_at, status, notes FROM sessions").fetchall()
        == sessions
    )
    assert after.execute(f"SELECT {set_columns} FROM sets ORDER BY id").fetchall() == sets
    # Columns added later start empty on the sets already there.
    assert after.execute("SELECT count(*) FROM sets WHERE rpe IS NOT NULL").fetchone() == (0,)
    stops = after.execute("SELECT stop_exercise_id FROM sessions ORDER BY id").fetchall()
    assert stops == ([(None,), (None,)] if revision == "0001" else [("goblet-squat",), (None,)])
    times = after.execute("SELECT source_time FROM sessions ORDER BY id").fetchall()
    assert times == (
        [("2025-03-01T08:00:00",), (None,)] if revision >= "0003" else [(None,), (None,)]
    )
    assert after.execute("SELECT COUNT(*) FROM exercise_pain").fetchone() == (0,)
    assert after.execute("SELECT COUNT(*) FROM session_swaps").fetchone() == (0,)
    assert after.execute("PRAGMA foreign_key_check").fetchall() == []
    after.close()
    assert structure(db)["sets.indexes"] == structure(_fresh(tmp_path))["sets.indexes"]


def _fresh(tmp_path: Path) -> Path:
    db = tmp_path / "fresh.sqlite3"
    engine = make_engine(db)
    schema.create_at_head(engine)
    engine.dispose()
    return db


def test_every_revision_has_a_seeder_for_the_upgrade_test() -> None:
    assert set(SEEDERS) == set(schema.REVISIONS[:-1])


def test_migrating_down_and_up_again_keeps_sessions(tmp_path: Path) -> None:
    from alembic import command

    db = tmp_path / "roundtrip.sqlite3"
    schema.upgrade(db, "0001")
    seed_0001(db)
    schema.upgrade(db)
    engine = schema._migration_engine(db)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0001")
    engine.dispose()
    schema.upgrade(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sets").fetchone() == (3,)
    conn.close()
