"""The SQLAlchemy engine for backleg.sqlite3, with the pragmas every connection needs.

We take over transaction control from Python's sqlite3 module (isolation_level=None) so
that SQLAlchemy's BEGIN is the real one: reads use a plain BEGIN; writes go through
`writer(engine)`, which begins IMMEDIATE so a write never fails halfway through for lack of
the lock (the CLI may write while the GUI runs).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import ConnectionPoolEntry

from backleg_desktop.storage.sqlite_files import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS

_BEGIN_OPTION = "backleg_begin"

BeginMode = Literal["DEFERRED", "IMMEDIATE"]


def pragmas(
    *, foreign_keys: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> tuple[str, ...]:
    return (
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",  # a logged set survives a power cut, not just a crash
        f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}",
        f"PRAGMA busy_timeout={int(busy_timeout_ms)}",
    )


def apply_pragmas(
    dbapi_connection: sqlite3.Connection,
    *,
    foreign_keys: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> None:
    for pragma in pragmas(foreign_keys=foreign_keys, busy_timeout_ms=busy_timeout_ms):
        dbapi_connection.execute(pragma).fetchall()


def database_url(db_path: Path) -> URL:
    # Built, not formatted: a `?`, `#` or `%41` in a folder name stays part of the path.
    return URL.create("sqlite+pysqlite", database=str(db_path))


def make_engine(
    db_path: Path,
    *,
    foreign_keys: bool = True,
    begin: BeginMode = "DEFERRED",
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    **engine_options: Any,
) -> Engine:
    """The engine every part of Backleg uses; the migrations turn `foreign_keys` off and
    `begin` every transaction IMMEDIATE. `busy_timeout_ms`: how long a call waits for
    another program's lock; the window uses a short one so it never freezes
    (services/pending_writes.py keeps what it could not write). `engine_options` go to
    `create_engine`."""
    engine = create_engine(database_url(db_path), **engine_options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection, foreign_keys=foreign_keys, busy_timeout_ms=busy_timeout_ms)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, begin)
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but each transaction takes the write lock at BEGIN."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
