"""The schema revisions Backleg knows. No SQLAlchemy here, so a plain-sqlite3 reader can
compare a file's revision with HEAD_REVISION before (or without) loading it;
storage/schema.py re-exports both."""

from __future__ import annotations

# Every revision in migrations/versions, oldest first (a test checks this against Alembic).
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = REVISIONS[-1]
