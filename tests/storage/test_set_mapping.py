"""One mapping between a stored set, a LoggedSet and a SetEntry: by field name, in order."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from backleg_desktop.domain.history import LOGGED_FIELDS, LoggedSet, SetEntry
from backleg_desktop.storage import repository as repo
from backleg_desktop.storage.models import SetRow

ENTRY = SetEntry(
    "reverse-lunge",
    2,
    side="left",
    kind="warmup",
    reps=9,
    load_kg=7.5,
    duration_s=31.5,
    rest_planned_s=60.0,
    rest_taken_s=64.0,
    completed_at=datetime(2026, 11, 2, 8, 30, tzinfo=UTC),
    note="felt fine",
)


def test_the_sets_table_and_logged_set_share_field_names_in_one_order() -> None:
    assert tuple(f.name for f in fields(LoggedSet)) == LOGGED_FIELDS
    assert tuple(c.name for c in SetRow.__table__.columns) == LOGGED_FIELDS


def test_an_entry_goes_to_a_row_and_back_without_losing_a_value() -> None:
    completed = datetime(2026, 11, 2, 8, 31, tzinfo=UTC)
    assert set(repo.set_values(7, ENTRY, completed)) == set(LOGGED_FIELDS) - {"id"}
    row = repo.set_row(7, ENTRY, completed)
    row.id = 41
    logged = repo.logged_set(row)
    assert (logged.id, logged.session_id, logged.completed_at) == (41, 7, completed)
    assert logged.entry() == SetEntry(**{**vars(ENTRY), "completed_at": completed})
