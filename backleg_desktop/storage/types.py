"""Column types: UTC datetimes stored as fixed-width text that sorts in time order."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# "2026-11-25 10:15:00.000000": fixed width, so text order is time order and the
# started_at index serves range queries and ORDER BY directly.
UTC_TEXT_LENGTH = 26


def to_utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: Backleg stores timezone-aware times only")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def from_utc_text(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


class UTCDateTime(TypeDecorator[datetime]):
    impl = String(UTC_TEXT_LENGTH)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_utc_text(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else from_utc_text(value)
