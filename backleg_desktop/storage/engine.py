"""The SQLAlchemy engine for backleg.sqlite3, with the pragmas every connection needs.

We take over transaction control from Python's sqlite3 module (isolation_level=None) so
that SQLAlchemy's BEGIN is the real one: reads use a plain BEGIN; writes go through
`writer(engine)`, which begins IMMEDIATE so a write never fails halfway through for lack of
the lock (the CLI may write while the GUI runs).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 5000
_BEGIN_OPTION = "backleg_begin"

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # a logged set survives a power cut, not just a crash
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def apply_pragmas(dbapi_connection: sqlite3.Connection) -> None:
    for pragma in PRAGMAS:
        dbapi_connection.execute(pragma).fetchall()


def make_engine(db_path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """busy_timeout_ms: how long a call waits for another program's lock; the window uses
    a short one so it never freezes (services/pending_writes.py keeps what it could not write)."""
    engine = create_engine(f"sqlite:///{db_path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)
        dbapi_connection.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}").fetchall()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but each transaction takes the write lock at BEGIN."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
