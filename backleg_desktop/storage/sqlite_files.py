"""Whole-file operations on SQLite databases with the plain sqlite3 module.

These run before SQLAlchemy is involved (start-up health check, reading the schema
revision) or on files the app does not have open (backups, restore), so they stay cheap
and import nothing heavy.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# How long a call waits for another program's lock (storage/engine.py uses it too).
BUSY_TIMEOUT_MS = 5000
FILE_MODE = 0o600
DIR_MODE = 0o700
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")

ProbeState = Literal["missing", "empty", "ok", "corrupt", "foreign"]


@dataclass(frozen=True)
class Probe:
    state: ProbeState
    revision: str | None = None  # alembic revision when state == "ok"
    detail: str = ""  # why a file is corrupt or foreign


def sqlite_uri(path: Path, mode: str = "rw") -> str:
    """A SQLite URI for `path`: `?`, `#` and `%` in folder names are percent-escaped."""
    return f"{Path(os.path.abspath(path)).as_uri()}?mode={mode}"


def connect(path: Path, mode: str = "rw") -> sqlite3.Connection:
    """A plain connection in autocommit mode with Backleg's busy timeout; mode=rw never
    creates a file by looking at it."""
    conn = sqlite3.connect(sqlite_uri(path, mode), uri=True, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def probe(db_path: Path) -> Probe:
    """Health and schema revision of a database file, in one short connection.

    "corrupt" only when SQLite itself says the file is not a database or fails its check.
    Anything else (a full disk, a busy or unreadable file, an I/O error) is raised as the
    sqlite3.Error or OSError it is, so the caller reports it and moves nothing.
    """
    try:
        info = os.stat(db_path)
    except FileNotFoundError:
        return Probe("missing")
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "not a regular file", str(db_path))
    if info.st_size == 0 and not Path(f"{db_path}-wal").exists():
        return Probe("empty")
    conn = connect(db_path)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        problems = [r[0] for r in rows if r[0] != "ok"]
        if problems:
            return Probe("corrupt", detail="; ".join(problems[:3]))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return Probe("empty")
        if "alembic_version" not in tables:
            return Probe("foreign", detail="it has no Backleg schema version")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            return Probe("foreign", detail="its schema version is empty")
        return Probe("ok", revision=str(row[0]))
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return Probe("corrupt", detail=str(error))
        raise  # full, busy, read-only, I/O error: not the file's fault
    finally:
        conn.close()


def is_damage(error: sqlite3.Error) -> bool:
    """True only for SQLite's own verdicts on the bytes: corrupt, or not a database."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    return primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def sidecars(db_path: Path) -> list[Path]:
    return [p for s in SIDECAR_SUFFIXES if (p := Path(f"{db_path}{s}")).exists()]


def secure(db_path: Path) -> list[Path]:
    """Health data: only the owner may read the database and its WAL files.

    Returns the files whose mode could not be changed (immutable, or another user's)
    and that others may still read, so the caller can say so instead of failing.
    """
    exposed = []
    for path in (db_path, *sidecars(db_path)):
        try:
            os.chmod(path, FILE_MODE)
        except FileNotFoundError:
            pass
        except OSError:
            with contextlib.suppress(OSError):
                if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
                    exposed.append(path)
    return exposed


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600, so SQLite's WAL and shm files inherit it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def move_aside(db_path: Path, suffix: str) -> Path:
    """Rename the database and its WAL files to `<name>.<suffix>`, bytes untouched."""
    aside = db_path.with_name(f"{db_path.name}.{suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.{suffix}-{n}")
    for side in sidecars(db_path):
        os.replace(side, Path(f"{aside}{side.name[len(db_path.name) :]}"))
    os.replace(db_path, aside)
    fsync_dir(db_path.parent)
    return aside


def copy_database(source: Path, dest: Path) -> None:
    """A consistent copy of a live database (WAL included) via SQLite's online backup API.

    Written to a temporary name and renamed, so `dest` is either absent or complete. The
    name is this copy's own: two commands started together both make today's backup, and
    with one shared name one removed or renamed the other's half-written file.
    """
    _remove_stale_partials(dest)
    partial = dest.with_name(f"{dest.name}.partial-{os.getpid()}-{secrets.token_hex(4)}")
    create_private_file(partial)
    try:
        src = connect(source)
        try:
            out = sqlite3.connect(partial, isolation_level=None)
            try:
                src.backup(out)
                # A standalone copy: one file, no WAL beside it.
                out.execute("PRAGMA journal_mode=DELETE").fetchall()
            finally:
                out.close()
        finally:
            src.close()
        fsync_file(partial)
        os.replace(partial, dest)
    except BaseException:
        # A failed copy leaves nothing behind, not even an empty *.partial.
        for leftover in (partial, *sidecars(partial)):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    fsync_dir(dest.parent)


def _remove_stale_partials(dest: Path) -> None:
    """Partial copies a killed process left (no `finally` ran), and the one shared name
    of earlier versions; one younger than an hour may be another process's, still busy."""
    old = time.time() - 3600
    for leftover in dest.parent.glob(f"{glob.escape(dest.name)}.partial*"):
        with contextlib.suppress(OSError):
            if leftover.name.endswith(".partial") or leftover.stat().st_mtime < old:
                leftover.unlink()


def copy_into(source: Path, live: Path) -> None:
    """Replace the contents of database `live` with `source` in one SQLite transaction.

    The backup API writes through the live file's own journal/WAL, so a crash part way
    leaves the old contents, never a mix.
    """
    src = connect(source)
    try:
        dst = connect(live)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    # A rename is durable only once its directory is synced (no-op where unsupported).
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
