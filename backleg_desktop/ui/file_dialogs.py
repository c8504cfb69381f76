"""File dialogs that start in the last folder used (the home folder at first) and
suggest a dated name, e.g. backleg-2026-12-01.csv."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings

LAST_FOLDER_KEY = "files/last_folder"


def last_folder(settings: QSettings | None) -> Path:
    """The folder of the last file chosen in any of Backleg's dialogs, if it still exists."""
    if settings is not None:
        stored = str(settings.value(LAST_FOLDER_KEY, "") or "")
        if stored and Path(stored).is_dir():
            return Path(stored)
    return Path.home()


def remember_folder(settings: QSettings | None, chosen: Path) -> None:
    """Remember where `chosen` (a file) is, for the next dialog."""
    if settings is not None:
        settings.setValue(LAST_FOLDER_KEY, str(chosen.parent))


def dated_name(suffix: str, *, middle: str = "", today: date | None = None) -> str:
    """backleg-2026-12-01.csv; with `middle`, backleg-handout-2026-12-01.pdf."""
    day = (today or date.today()).isoformat()
    return f"backleg-{middle}-{day}{suffix}" if middle else f"backleg-{day}{suffix}"


def suggested_path(settings: QSettings | None, suffix: str, *, middle: str = "") -> str:
    return str(last_folder(settings) / dated_name(suffix, middle=middle))
