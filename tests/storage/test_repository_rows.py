"""The export reads rows by position: the tables' columns must stay in the field order of
the domain records they become (storage/repository.py iter_export_rows)."""

from __future__ import annotations

import dataclasses

from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.storage.models import SessionRow, SetRow


def test_the_sessions_columns_are_in_session_record_order() -> None:
    columns = [c.name for c in SessionRow.__table__.c]
    assert columns == [f.name for f in dataclasses.fields(SessionRecord)]


def test_the_sets_columns_are_in_logged_set_order() -> None:
    columns = [c.name for c in SetRow.__table__.c]
    assert columns == [f.name for f in dataclasses.fields(LoggedSet)]
