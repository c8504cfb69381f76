"""Column types: UTC datetimes stored as fixed-width text that sorts in time order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from backleg_desktop.storage.utc_text import UTC_TEXT_LENGTH, from_utc_text, to_utc_text

__all__ = ["UTC_TEXT_LENGTH", "UTCDateTime", "from_utc_text", "to_utc_text"]


class UTCDateTime(TypeDecorator[datetime]):
    impl = String(UTC_TEXT_LENGTH)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_utc_text(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else from_utc_text(value)
