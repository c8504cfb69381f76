"""Domain objects for workout history: what the store returns and what importers produce.

Pure dataclasses: no Qt, no SQLAlchemy. Timestamps are timezone-aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from operator import attrgetter
from typing import Literal, get_args

SessionStatus = Literal["in_progress", "completed", "ended_early", "stopped_pain"]
Side = Literal["both", "left", "right"]
SetKind = Literal["working", "warmup", "drop", "failure"]

SESSION_STATUSES: tuple[str, ...] = get_args(SessionStatus)
SIDES: tuple[str, ...] = get_args(Side)
SET_KINDS: tuple[str, ...] = get_args(SetKind)

# A user exercise's id is this prefix and its name (library ids never contain a colon).
USER_PREFIX = "user:"


def user_exercise_id(name: str) -> str:
    return f"{USER_PREFIX}{name}"


def user_exercise_name(exercise_id: str) -> str | None:
    """The name in a `user:<name>` id; None for any other id."""
    return exercise_id[len(USER_PREFIX) :] if exercise_id.startswith(USER_PREFIX) else None


@dataclass(frozen=True)
class SetEntry:
    """One set as the user logs it (or an importer reads it), before it has an id."""

    exercise_id: str  # a library id, or "user:<name>" for a user exercise
    set_number: int  # 1-based within the exercise in this session
    side: Side = "both"
    kind: SetKind = "working"
    reps: int | None = None
    load_kg: float | None = None
    duration_s: float | None = None
    rest_planned_s: float | None = None
    rest_taken_s: float | None = None
    completed_at: datetime | None = None
    note: str = ""
    rpe: float | None = None  # rate of perceived exertion, 0-10 (Strong, Hevy, optional entry)
    distance_m: float | None = None


# A stored set is its entry's fields behind its two ids, in the same order; the sets table
# has a column of the same name for each (storage/repository.py maps rows by these names).
ENTRY_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SetEntry))
LOGGED_FIELDS: tuple[str, ...] = ("id", "session_id", *ENTRY_FIELDS)
_entry_values = attrgetter(*ENTRY_FIELDS)


@dataclass(frozen=True)
class LoggedSet:
    """A set as stored."""

    id: int
    session_id: int
    exercise_id: str
    set_number: int
    side: Side
    kind: SetKind
    reps: int | None
    load_kg: float | None
    duration_s: float | None
    rest_planned_s: float | None
    rest_taken_s: float | None
    completed_at: datetime
    note: str
    rpe: float | None = None
    distance_m: float | None = None

    @property
    def volume_kg(self) -> float:
        return (self.reps or 0) * (self.load_kg or 0.0)

    def entry(self) -> SetEntry:
        """The same set without its ids, to check and store it again (undo, restore)."""
        return SetEntry(*_entry_values(self))


@dataclass(frozen=True)
class SessionRecord:
    """A workout session as stored, without its sets."""

    id: int
    plan_id: str | None  # a content plan id; None for imported workouts
    name: str  # display name: the plan's name or the imported workout's title
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    pain_before: int | None
    pain_after: int | None
    notes: str
    stop_exercise_id: str | None = None  # where a stop for pain happened
    stop_set_number: int | None = None
    source_time: str | None = None  # see ImportedSession.source_time


@dataclass(frozen=True)
class SessionDetail:
    session: SessionRecord
    sets: tuple[LoggedSet, ...]


@dataclass(frozen=True)
class SessionSummary:
    """A row of the history list: a session plus figures computed from its sets."""

    session: SessionRecord
    sets_done: int | None  # domain.set_count.sets_done; None when not asked for
    volume_kg: float  # reps × load over the same sets
    duration_s: float | None


@dataclass(frozen=True)
class BackAnswer:
    """A "How is your back?" answer after an exercise (the exercise_pain table)."""

    exercise_id: str
    pain: int
    asked_at: datetime | None = None


@dataclass(frozen=True)
class ImportedSession:
    """A workout read from a file, ready to be stored in one transaction with the others."""

    name: str
    plan_id: str | None
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    pain_before: int | None
    pain_after: int | None
    notes: str
    sets: tuple[SetEntry, ...]
    stop_exercise_id: str | None = None
    stop_set_number: int | None = None
    # The start time as the file wrote it when it gave no zone ("2025-10-20T18:02:11"):
    # a re-import matches on it, whatever the machine's time zone is then.
    source_time: str | None = None
    back_answers: tuple[BackAnswer, ...] = ()  # the JSON backup carries them
