"""Transactions on the history file, and the look-ups by id that every use case needs.

Every write is its own committed transaction (BEGIN IMMEDIATE … COMMIT with
synchronous=FULL, see storage/engine.py), so what a write returns is already on disk.
Storage failures come out as BacklegErrors naming the file. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from backleg_desktop.services.errors import NotFoundError, storage_errors
from backleg_desktop.storage.engine import writer
from backleg_desktop.storage.models import SessionRow, SetRow


class HistoryDb:
    def __init__(self, engine: Engine, db_path: Path) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self.db_path = db_path

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One committed transaction; rolled back entirely on any error."""
        with (
            storage_errors(self.db_path),
            Session(self._writer, expire_on_commit=False) as db,
            db.begin(),
        ):
            yield db

    @contextmanager
    def write_conn(self) -> Iterator[Connection]:
        """A Core connection on the writer, for bulk work; the caller begins the transaction."""
        with storage_errors(self.db_path), self._writer.connect() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Session]:
        with storage_errors(self.db_path), Session(self._engine) as db:
            yield db

    @contextmanager
    def read_conn(self) -> Iterator[Connection]:
        with storage_errors(self.db_path), self._engine.connect() as conn:
            yield conn


def session_row(db: Session, session_id: int) -> SessionRow:
    row = db.get(SessionRow, session_id)
    if row is None:
        raise NotFoundError(f"There is no session {session_id} in the history.")
    return row


def set_row(db: Session, set_id: int) -> SetRow:
    row = db.get(SetRow, set_id)
    if row is None:
        raise NotFoundError(f"There is no set {set_id} in the history.")
    return row
