"""UTC times as the history stores them: fixed-width text that sorts in time order.

No SQLAlchemy here, so the plain-sqlite3 readers (storage/export_rows.py) and the column
type (storage/types.py) share one conversion.
"""

from __future__ import annotations

from datetime import UTC, datetime

# "2026-11-25 10:15:00.000000": fixed width, so text order is time order and the
# started_at index serves range queries and ORDER BY directly.
UTC_TEXT_LENGTH = 26


def to_utc_text(value: datetime) -> str:
    if value.tzinfo is UTC:  # most times here; "+00:00" is the last six characters
        return value.isoformat(sep=" ", timespec="microseconds")[:UTC_TEXT_LENGTH]
    if value.tzinfo is None:
        raise ValueError("naive datetime: Backleg stores timezone-aware times only")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def from_utc_text(value: str) -> datetime:
    # Parsing the offset with the text gives the same aware datetime (tzinfo is UTC)
    # at a fifth of the cost of .replace(tzinfo=UTC) afterwards.
    return datetime.fromisoformat(value + "+00:00")
