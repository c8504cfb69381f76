"""The history file's health check (sqlite_files.probe: PRAGMA quick_check, about 70 ms
on ten years) on its own thread, started before the first frame. SQLite's C code lets go
of the GIL, so the check overlaps the frame and the content load instead of following
them; this module imports only the standard library and storage's sqlite3 helpers, so
starting it costs the first frame nothing measurable. open_store(check=...) and
services/first_rows.py use its verdict.
"""

from __future__ import annotations

import threading
from pathlib import Path

from backleg_desktop.storage import sqlite_files
from backleg_desktop.storage.paths import database_path


class HealthCheck:
    """sqlite_files.probe of the history file, running on its own thread."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._probe: sqlite_files.Probe | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="backleg-check", daemon=True)

    @classmethod
    def start(cls, data_dir: Path) -> HealthCheck:
        check = cls(database_path(data_dir))
        check._thread.start()
        return check

    def _run(self) -> None:
        try:
            self._probe = sqlite_files.probe(self.db_path)
        except BaseException as error:  # handed to the caller of result()
            self._error = error

    def result(self) -> sqlite_files.Probe:
        """The probe, waiting for it; raises what the probe raised (open_store turns that
        into a message for the user)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._probe is not None
        return self._probe
