"""What the session controller reports and answers: its events protocol and the results of
logging a set, an undo, the check-in advice and the summary.

Split out of session_controller.py so the controller stays one job; it re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from backleg_desktop.domain.checkin import CheckInOffer
from backleg_desktop.domain.history import LoggedSet, SessionDetail, SetEntry
from backleg_desktop.domain.pain import PainAdvice
from backleg_desktop.domain.session_flow import Step, Unskipped
from backleg_desktop.domain.summary import SessionReport


class SessionEvents(Protocol):
    """What the controller tells its owner (the session page, or a test)."""

    def store_failed(self, message: str) -> None:
        """A store call failed; `message` says what went wrong, for the user."""

    def session_active(self, active: bool) -> None:
        """A stored session started (or resumed): True; it ended: False."""

    def set_completed(self, step: Step) -> None:
        """The flow moved past `step` and the set is about to be written: start the
        next countdown now, so storing can never hold it up."""

    def store_called(self) -> None:
        """A store call returned: a write may have been queued (the file was busy) or
        written; the owner retries what waits (services/pending_writes.py)."""


@dataclass(frozen=True)
class CheckInAdvice:
    """What the level chosen means for today (the content's words) and what each key
    starts (domain.checkin)."""

    advice: PainAdvice
    offer: CheckInOffer


@dataclass(frozen=True)
class SetLogged:
    """`log_set`'s answer: the step done, the set as logged, and the set as stored (None:
    it was not, or it is `queued` and written on a retry). For an alternating set these
    are its right row; `entries` and `stored_rows` hold both (left, right)."""

    step: Step
    entry: SetEntry
    stored: LoggedSet | None
    queued: bool = False
    entries: tuple[SetEntry, ...] = ()
    stored_rows: tuple[LoggedSet | None, ...] = ()


@dataclass(frozen=True)
class Undo:
    """`undo_last_set`'s answer: the set taken back (None: it could not be deleted), or
    the skip taken back (nothing is deleted for a skip)."""

    removed: LoggedSet | None
    unskipped: Unskipped | None = None
    removed_rows: tuple[LoggedSet, ...] = ()  # both rows of an alternating set (left first)


@dataclass(frozen=True)
class Summary:
    """The stored session and the summary's figures for it."""

    detail: SessionDetail
    report: SessionReport
