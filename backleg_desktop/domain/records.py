"""History figures: one exercise's progress over time, its personal records, import counts.

Pure: no Qt, no SQLAlchemy. `compute_records` works out an exercise's bests and
`records_held` is the one place that decides which of them count as a record a session
holds, so the session summary ("records beaten") and History's stars always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

RecordKind = Literal["heaviest", "volume"]


@dataclass(frozen=True)
class ExercisePoint:
    """One session's figures for one exercise (warm-up sets left out)."""

    session_id: int
    started_at: datetime
    top_load_kg: float | None  # heaviest load of any side
    volume_kg: float  # sum of reps × load
    total_reps: int  # for one-leg moves this counts both legs
    pain_before: int | None
    pain_after: int | None
    top_load_left_kg: float | None = None  # one-leg moves: heaviest load on each leg
    top_load_right_kg: float | None = None
    sets: int = 0


@dataclass(frozen=True)
class SetFigures:
    """What a record needs to know about one set."""

    session_id: int
    performed_at: datetime
    reps: int
    load_kg: float


@dataclass(frozen=True)
class RecordEntry:
    reps: int
    load_kg: float
    session_id: int
    achieved_at: datetime


@dataclass(frozen=True)
class VolumeRecord:
    session_id: int
    achieved_at: datetime
    volume_kg: float


@dataclass(frozen=True)
class ExerciseRecords:
    exercise_id: str
    heaviest_by_reps: tuple[RecordEntry, ...]  # one entry per rep count, fewest reps first
    most_reps_by_load: tuple[RecordEntry, ...]  # one entry per load, lightest first
    best_volume: VolumeRecord | None  # the session with the most volume
    first_session_id: int | None = None  # the earliest session with a set that counts

    @property
    def heaviest(self) -> RecordEntry | None:
        """The heaviest load lifted for at least one rep (earliest time if tied)."""
        best: RecordEntry | None = None
        for entry in self.heaviest_by_reps:
            if best is None or entry.load_kg > best.load_kg:
                best = entry
        return best

    def heaviest_for(self, reps: int) -> RecordEntry | None:
        return next((e for e in self.heaviest_by_reps if e.reps == reps), None)

    def most_reps_at(self, load_kg: float) -> RecordEntry | None:
        key = _load_key(load_kg)
        return next((e for e in self.most_reps_by_load if _load_key(e.load_kg) == key), None)


@dataclass(frozen=True)
class RecordBeaten:
    """A personal best a session holds: the heaviest load or the most volume."""

    exercise_id: str
    kind: RecordKind
    load_kg: float = 0.0  # "heaviest": the load and its reps
    reps: int = 0
    volume_kg: float = 0.0  # "volume": reps × load over the session


def records_held(records: ExerciseRecords) -> dict[int, list[RecordBeaten]]:
    """The records that count, by the session that holds them (heaviest before volume).

    Two records per exercise: the heaviest load lifted and the most volume in one
    session. The exercise's first session holds none: a first time beats nothing.
    """
    held: dict[int, list[RecordBeaten]] = {}
    first = records.first_session_id
    heaviest = records.heaviest
    if heaviest is not None and heaviest.session_id != first:
        held.setdefault(heaviest.session_id, []).append(
            RecordBeaten(
                records.exercise_id, "heaviest", load_kg=heaviest.load_kg, reps=heaviest.reps
            )
        )
    volume = records.best_volume
    if volume is not None and volume.session_id != first:
        held.setdefault(volume.session_id, []).append(
            RecordBeaten(records.exercise_id, "volume", volume_kg=volume.volume_kg)
        )
    return held


@dataclass(frozen=True)
class ImportSummary:
    sessions_added: int
    sets_added: int
    duplicates_skipped: int
    user_exercises_created: int
    dry_run: bool = False


def _load_key(load_kg: float) -> int:
    # Loads converted from pounds carry float noise; two loads within 5 g are the same load.
    return round(load_kg * 100)


def _beats(
    candidate: SetFigures, value: float, held: RecordEntry | None, held_value: float
) -> bool:
    # A record belongs to whoever set it first: a tie later does not take it over.
    if held is None or value > held_value:
        return True
    return value == held_value and candidate.performed_at < held.achieved_at


def compute_records(exercise_id: str, sets: Iterable[SetFigures]) -> ExerciseRecords:
    """Personal records from an exercise's sets (pass working sets; leave warm-ups out).

    Sets with no reps or no load are ignored: a record needs both. Volume is summed per
    session, so pass every set of a session for the volume record to be right.
    """
    by_reps: dict[int, RecordEntry] = {}
    by_load: dict[int, RecordEntry] = {}
    volume: dict[int, float] = {}
    first_seen: dict[int, datetime] = {}
    for s in sets:
        if s.reps <= 0 or s.load_kg <= 0:
            continue
        entry = RecordEntry(s.reps, s.load_kg, s.session_id, s.performed_at)
        held = by_reps.get(s.reps)
        if _beats(s, s.load_kg, held, held.load_kg if held else 0.0):
            by_reps[s.reps] = entry
        key = _load_key(s.load_kg)
        held = by_load.get(key)
        if _beats(s, s.reps, held, held.reps if held else 0):
            by_load[key] = entry
        volume[s.session_id] = volume.get(s.session_id, 0.0) + s.reps * s.load_kg
        seen = first_seen.get(s.session_id)
        if seen is None or s.performed_at < seen:
            first_seen[s.session_id] = s.performed_at
    first = min(first_seen, key=lambda sid: (first_seen[sid], sid), default=None)
    best: VolumeRecord | None = None
    for session_id, kg in volume.items():
        when = first_seen[session_id]
        if (
            best is None
            or kg > best.volume_kg
            or (kg == best.volume_kg and when < best.achieved_at)
        ):
            best = VolumeRecord(session_id, when, kg)
    return ExerciseRecords(
        exercise_id=exercise_id,
        heaviest_by_reps=tuple(by_reps[r] for r in sorted(by_reps)),
        most_reps_by_load=tuple(by_load[k] for k in sorted(by_load)),
        best_volume=best,
        first_session_id=first,
    )
