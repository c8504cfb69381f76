"""The herniated-disc swaps of a session, stored as they are made (table session_swaps,
migration 0007), so a session resumed after a crash or a kill goes on with the exercise
swapped in and does not offer the swap again. A second swap of the same item replaces
the first; deleting a session deletes its swaps with it. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import ValidationError
from backleg_desktop.services.history_db import HistoryDb, session_row
from backleg_desktop.storage.models import SessionSwapRow

MAX_ITEMS = 100  # far more items than a plan has: a bigger index is a mistake


@dataclass(frozen=True)
class Swap:
    item_index: int  # the plan item, from 0
    exercise_id: str  # done instead of the plan's exercise
    bodyweight: bool = False  # with no load, as the offer said


class SessionSwapLog:
    def __init__(self, db: HistoryDb) -> None:
        self._db = db

    def record_swap(self, session_id: int, swap: Swap) -> None:
        check.whole_number("item_index", swap.item_index, 0, MAX_ITEMS)
        check.name("exercise_id", swap.exercise_id)
        if not isinstance(swap.bodyweight, bool):
            raise ValidationError("bodyweight", swap.bodyweight, "bodyweight must be yes or no")
        with self._db.write() as db:
            session_row(db, session_id)  # NotFoundError for a session that is gone
            row = db.scalars(
                select(SessionSwapRow).where(
                    SessionSwapRow.session_id == session_id,
                    SessionSwapRow.item_index == swap.item_index,
                )
            ).one_or_none()
            if row is None:
                row = SessionSwapRow(session_id=session_id, item_index=swap.item_index)
                db.add(row)
            row.exercise_id = swap.exercise_id
            row.bodyweight = swap.bodyweight

    def session_swaps(self, session_id: int) -> list[Swap]:
        """The swaps of one session, by plan item."""
        with self._db.read() as db:
            rows = db.scalars(
                select(SessionSwapRow)
                .where(SessionSwapRow.session_id == session_id)
                .order_by(SessionSwapRow.item_index)
            )
            return [Swap(r.item_index, r.exercise_id, bool(r.bodyweight)) for r in rows]
