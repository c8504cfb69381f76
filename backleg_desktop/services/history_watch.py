"""Whether the history file changed outside this process's own writes (a CLI import, a
restore): the services' door to storage's data-version watch, for the History page."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.storage.change_watch import DataVersionWatch

__all__ = ["DataVersionWatch", "watch_history"]


def watch_history(db_path: Path) -> DataVersionWatch:
    """A watch on `db_path`; `changed()` is True once per outside change."""
    return DataVersionWatch(db_path)
