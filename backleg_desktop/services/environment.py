"""What Backleg runs on, for Help → Report a problem: no Qt, nothing imported just to ask.

SQLite's version is the library Python's sqlite3 module is linked with, which is the one
SQLAlchemy talks to; SQLAlchemy's and Alembic's come from their installed metadata.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from importlib import metadata


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def platform_text() -> str:
    """e.g. "Linux 6.1.0 (x86_64), Debian GNU/Linux 12 (bookworm)"."""
    text = f"{platform.system()} {platform.release()} ({platform.machine()})"
    try:
        release = platform.freedesktop_os_release()
    except (OSError, AttributeError):
        return text
    name = release.get("PRETTY_NAME")
    return f"{text}, {name}" if name else text


def library_versions() -> dict[str, str]:
    """Python, SQLite, SQLAlchemy and Alembic versions, by name."""
    return {
        "Python": sys.version.split()[0],
        "SQLite": sqlite3.sqlite_version,
        "SQLAlchemy": _installed("SQLAlchemy"),
        "Alembic": _installed("alembic"),
    }
