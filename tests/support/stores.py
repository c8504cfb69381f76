"""Open a real store on a tmp_path folder, with a clock the test controls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from backleg_desktop.services.store import Store, open_store
from tests.support.library import minimal_library


class WallClock:
    """A UTC wall clock that only moves when a test says so (for started_at, backups…)."""

    def __init__(self, start: datetime = datetime(2026, 11, 25, 10, 15, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def open_test_store(
    data_dir: Path, clock: WallClock | None = None, *, make_daily_backup: bool = False
) -> Store:
    return open_store(
        data_dir,
        minimal_library(),
        make_daily_backup=make_daily_backup,
        now=clock or WallClock(),
    )


def close_when_jobs_are_done(store: Store) -> None:
    """Close `store` once the Qt thread pool's jobs have finished.

    History reads records and runs imports and exports on QThreadPool.globalInstance();
    closing the engine under a running job would make it fail (or reopen a connection to
    a folder the test is about to delete). Vorta drains its jobs the same way before it
    closes its database. QtCore only, imported here so Qt-free tests need not load it.
    """
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    store.close()
