"""Backleg's JSON backup: every session with its sets, and the user's own exercises.

Written as a stream (one session per line inside the `sessions` array) so exporting a long
history holds one session in memory. Reading parses the whole file: a backup is a few
megabytes even for ten years of training.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TextIO, cast

from backleg_desktop import __version__
from backleg_desktop.domain.history import (
    SESSION_STATUSES,
    SET_KINDS,
    SIDES,
    BackAnswer,
    ImportedSession,
    LoggedSet,
    SessionRecord,
    SessionStatus,
    SetEntry,
    SetKind,
    Side,
)
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.plan_catalog import is_user_plan_id
from backleg_desktop.services.transfer.backleg_csv import UNNAMED, ExportRow, ExportSummary
from backleg_desktop.services.transfer.csvio import open_text
from backleg_desktop.services.transfer.json_objects import Repeats, object_of
from backleg_desktop.services.transfer.names import USER_PREFIX, ExerciseMatcher, user_exercise_id
from backleg_desktop.services.transfer.values import (
    MAX_DECIMAL_CHARS,
    MAX_DURATION_S,
    MAX_LOAD_KG,
    MAX_NUMBER_CHARS,
    MAX_PAIN,
    MAX_REPS,
    CellError,
    check_range,
    format_time,
    parse_iso_time,
)
from backleg_desktop.services.validation import (
    MAX_DISTANCE_M,
    MAX_NAME,
    MAX_RPE,
    MAX_SET_NUMBER,
    MAX_TEXT,
)

FORMAT_NAME = "backleg-backup"
FORMAT_VERSION = 1
BACK_ANSWERS_KEY = "exercise_pain"  # per session; older backups lack it, older readers skip it


def _back_answers_json(answers: Sequence[BackAnswer]) -> list[dict[str, object]]:
    return [
        {"exercise_id": a.exercise_id, "pain": a.pain, "asked_at": format_time(a.asked_at) or None}
        for a in answers
    ]


def _set_json(logged: LoggedSet, exercise_name: Callable[[str], str]) -> dict[str, object]:
    return {
        "exercise_id": logged.exercise_id,
        "exercise_name": exercise_name(logged.exercise_id),
        "set_number": logged.set_number,
        "side": logged.side,
        "kind": logged.kind,
        "reps": logged.reps,
        "load_kg": logged.load_kg,
        "duration_s": logged.duration_s,
        "rest_planned_s": logged.rest_planned_s,
        "rest_taken_s": logged.rest_taken_s,
        "completed_at": format_time(logged.completed_at) or None,
        "note": logged.note,
        "rpe": logged.rpe,
        "distance_m": logged.distance_m,
    }


def _session_json(
    session: SessionRecord, sets: list[dict[str, object]], answers: Sequence[BackAnswer] = ()
) -> str:
    return json.dumps(
        {
            "name": session.name,
            "plan_id": session.plan_id,
            "started_at": format_time(session.started_at),
            "ended_at": format_time(session.ended_at) or None,
            "status": session.status,
            "pain_before": session.pain_before,
            "pain_after": session.pain_after,
            "notes": session.notes,
            "stop_exercise_id": session.stop_exercise_id,
            "stop_set_number": session.stop_set_number,
            "source_time": session.source_time,
            "sets": sets,
            BACK_ANSWERS_KEY: _back_answers_json(answers),
        },
        ensure_ascii=False,
        allow_nan=False,
    )


def write_json(
    rows: Iterable[ExportRow],
    out: TextIO,
    exercise_name: Callable[[str], str],
    user_exercises: Sequence[tuple[str, str]],
    *,
    exported_at: datetime,
    back_answers: Mapping[int, Sequence[BackAnswer]] | None = None,
    user_plans: Sequence[Mapping[str, object]] = (),
) -> ExportSummary:
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": format_time(exported_at),
        "user_exercises": [{"id": uid, "name": name} for uid, name in user_exercises],
        "user_plans": list(user_plans),  # services/backup_plans.py reads them back
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2])
    out.write(',\n "sessions": [')
    sessions = sets_written = 0
    current: SessionRecord | None = None
    sets: list[dict[str, object]] = []
    answers = back_answers or {}
    for session, logged in rows:
        if current is not None and session.id != current.id:
            line = _session_json(current, sets, answers.get(current.id, ()))
            out.write(("\n  " if sessions == 0 else ",\n  ") + line)
            sessions += 1
            sets = []
        current = session
        if logged is not None:
            sets.append(_set_json(logged, exercise_name))
            sets_written += 1
    if current is not None:
        line = _session_json(current, sets, answers.get(current.id, ()))
        out.write(("\n  " if sessions == 0 else ",\n  ") + line)
        sessions += 1
    out.write("\n ]\n}\n")
    return ExportSummary(sessions, sets_written)


class _LongNumber:
    """A JSON number too long to be a value Backleg stores, kept to be reported by field:
    int() refuses 4,300 digits, and float() turns 400 into inf."""

    def __init__(self, text: str) -> None:
        self.digits = len(text)
        self.text = text

    def __repr__(self) -> str:
        return f"a {self.digits}-character number"

    def __str__(self) -> str:
        if self.digits > MAX_NUMBER_CHARS:
            return f"a number of {self.digits} characters is too long (at most {MAX_NUMBER_CHARS})"
        # Short but huge, such as 1e300: its length is not what is wrong.
        return f"{self.text} is too large for a number Backleg stores"


def _parse_int(text: str) -> int | _LongNumber:
    return _LongNumber(text) if len(text) > MAX_NUMBER_CHARS else int(text)


def _parse_float(text: str) -> float | _LongNumber:
    value = float(text)
    if len(text) > MAX_DECIMAL_CHARS or not math.isfinite(value) or abs(value) >= 1e24:
        return _LongNumber(text)
    return value


class _Reader:
    """Checks one backup's values, naming the JSON path of anything wrong."""

    def __init__(self, path: Path, matcher: ExerciseMatcher, local: tzinfo | None) -> None:
        self.path = path
        self.matcher = matcher
        self.local = local
        self.user_names: dict[str, str] = {}

    def fail(self, where: str, reason: str) -> ImportFormatError:
        return ImportFormatError(str(self.path), None, f"{where}: {reason}")

    def obj(self, value: object, where: str) -> Mapping[str, object]:
        if not isinstance(value, dict):
            raise self.fail(where, "expected an object")
        if isinstance(value, Repeats):
            raise self.fail(where, f"{value.repeated!r} is given twice; keep one of them")
        return cast(Mapping[str, object], value)

    def text(
        self,
        data: Mapping[str, object],
        key: str,
        where: str,
        default: str = "",
        *,
        limit: int = MAX_TEXT,
    ) -> str:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", "expected text")
        if len(value) > limit:
            raise self.fail(f"{where}.{key}", f"more than {limit} characters ({len(value)})")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            # JSON can spell half a UTF-16 pair (\ud800); no text file can hold it.
            bad = value[error.start]
            raise self.fail(
                f"{where}.{key}",
                f"contains \\u{ord(bad):04x}, half of a character pair that is not text; "
                "remove or replace it",
            ) from None
        return value

    def choice(
        self,
        data: Mapping[str, object],
        key: str,
        where: str,
        options: tuple[str, ...],
        default: str,
    ) -> str:
        value = self.text(data, key, where, default)
        if value not in options:
            raise self.fail(f"{where}.{key}", f"{value!r} is not one of {', '.join(options)}")
        return value

    def number(
        self,
        data: Mapping[str, object],
        key: str,
        where: str,
        high: float,
        *,
        whole: bool = False,
        low: float = 0,
    ) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, _LongNumber):
            raise self.fail(f"{where}.{key}", str(value))
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            raise self.fail(f"{where}.{key}", f"{value!r} is not a number")
        if whole and not float(value).is_integer():
            raise self.fail(f"{where}.{key}", f"{value!r} is not a whole number")
        try:
            check_range(value, low, high, key)
        except CellError as error:
            raise self.fail(f"{where}.{key}", str(error)) from None
        return value

    def count(
        self, data: Mapping[str, object], key: str, where: str, high: float, low: float = 0
    ) -> int | None:
        value = self.number(data, key, where, high, whole=True, low=low)
        return None if value is None else int(value)

    def time(
        self, data: Mapping[str, object], key: str, where: str, required: bool = False
    ) -> datetime | None:
        value = self.text(data, key, where)
        if not value:
            if required:
                raise self.fail(f"{where}.{key}", "a time is required")
            return None
        try:
            return parse_iso_time(value, self.local)
        except CellError as error:
            raise self.fail(f"{where}.{key}", str(error)) from None

    def exercise(self, data: Mapping[str, object], key: str, where: str) -> str | None:
        exercise_id = self.text(data, key, where)
        if not exercise_id:
            return None
        if self.matcher.is_library_id(exercise_id):
            return exercise_id
        name = self.text(data, "exercise_name", where) or self.user_names.get(exercise_id, "")
        try:
            if exercise_id.startswith(USER_PREFIX):
                user_name = name or exercise_id.removeprefix(USER_PREFIX)
                return self.matcher.remember(user_name, user_exercise_id(user_name))
            return self.matcher.exercise_id(name or exercise_id)
        except CellError as error:
            raise self.fail(f"{where}.{key}", str(error)) from None

    def sessions(self, document: object) -> Iterator[ImportedSession]:
        top = self.obj(document, "the backup")
        if top.get("format") != FORMAT_NAME:
            raise self.fail("format", f"this is not a Backleg backup (expected {FORMAT_NAME!r})")
        version = top.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("version", f"{version!r} is not a backup version")
        if version > FORMAT_VERSION:
            raise self.fail(
                "version",
                f"backup version {version} was written by a newer "
                "Backleg; update Backleg to import it",
            )
        users = top.get("user_exercises", [])
        if not isinstance(users, list):
            raise self.fail("user_exercises", "expected a list")
        for index, item in enumerate(users):
            where = f"user_exercises[{index}]"
            entry = self.obj(item, where)
            user_id = self.text(entry, "id", where, limit=MAX_NAME + len(USER_PREFIX))
            self.user_names[user_id] = self.text(entry, "name", where, limit=MAX_NAME)
        sessions = top.get("sessions", [])
        if not isinstance(sessions, list):
            raise self.fail("sessions", "expected a list")
        for index, item in enumerate(sessions):
            yield self.session(self.obj(item, f"sessions[{index}]"), f"sessions[{index}]")

    def session(self, data: Mapping[str, object], where: str) -> ImportedSession:
        raw_sets = data.get("sets", [])
        if not isinstance(raw_sets, list):
            raise self.fail(f"{where}.sets", "expected a list")
        started_at = self.time(data, "started_at", where, required=True)
        assert started_at is not None
        plan_id = self.text(data, "plan_id", where) or None
        return ImportedSession(
            name=" ".join(self.text(data, "name", where, limit=MAX_NAME).split()) or UNNAMED,
            # A user plan's id too: its plan comes back with it (services/backup_plans.py).
            plan_id=plan_id
            if plan_id in self.matcher.library.plans or is_user_plan_id(plan_id)
            else None,
            started_at=started_at,
            ended_at=self.time(data, "ended_at", where),
            status=cast(
                SessionStatus, self.choice(data, "status", where, SESSION_STATUSES, "completed")
            ),
            pain_before=self.count(data, "pain_before", where, MAX_PAIN),
            pain_after=self.count(data, "pain_after", where, MAX_PAIN),
            notes=self.text(data, "notes", where),
            sets=tuple(
                self.set(self.obj(item, f"{where}.sets[{i}]"), f"{where}.sets[{i}]")
                for i, item in enumerate(raw_sets)
            ),
            stop_exercise_id=self.exercise(data, "stop_exercise_id", where),
            stop_set_number=self.count(data, "stop_set_number", where, MAX_SET_NUMBER, low=1),
            source_time=self.text(data, "source_time", where, limit=32) or None,
            back_answers=self.back_answers(data, where),
        )

    # -- "How is your back?" answers (exercise_pain); a file without them has none ------
    def back_answers(self, data: Mapping[str, object], where: str) -> tuple[BackAnswer, ...]:
        raw = data.get(BACK_ANSWERS_KEY, [])
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise self.fail(f"{where}.{BACK_ANSWERS_KEY}", "expected a list")
        answers: dict[str, BackAnswer] = {}
        for index, item in enumerate(raw):
            at = f"{where}.{BACK_ANSWERS_KEY}[{index}]"
            entry = self.obj(item, at)
            exercise_id = self.exercise(entry, "exercise_id", at)
            if exercise_id is None:
                raise self.fail(f"{at}.exercise_id", "the exercise is missing")
            if exercise_id in answers:
                raise self.fail(f"{at}.exercise_id", f"{exercise_id!r} is answered twice")
            pain = self.count(entry, "pain", at, MAX_PAIN)
            if pain is None:
                raise self.fail(f"{at}.pain", "the pain level is missing")
            answers[exercise_id] = BackAnswer(exercise_id, pain, self.time(entry, "asked_at", at))
        return tuple(answers.values())

    def set(self, data: Mapping[str, object], where: str) -> SetEntry:
        exercise_id = self.exercise(data, "exercise_id", where)
        if exercise_id is None:
            raise self.fail(f"{where}.exercise_id", "the exercise is missing")
        number = self.count(data, "set_number", where, MAX_SET_NUMBER, low=1)
        if number is None:
            raise self.fail(f"{where}.set_number", "the set number is missing")
        return SetEntry(
            exercise_id=exercise_id,
            set_number=number,
            side=cast(Side, self.choice(data, "side", where, SIDES, "both")),
            kind=cast(SetKind, self.choice(data, "kind", where, SET_KINDS, "working")),
            reps=self.count(data, "reps", where, MAX_REPS),
            load_kg=self.number(data, "load_kg", where, MAX_LOAD_KG),
            duration_s=self.number(data, "duration_s", where, MAX_DURATION_S),
            rest_planned_s=self.number(data, "rest_planned_s", where, MAX_DURATION_S),
            rest_taken_s=self.number(data, "rest_taken_s", where, MAX_DURATION_S),
            completed_at=self.time(data, "completed_at", where),
            note=self.text(data, "note", where),
            rpe=self.number(data, "rpe", where, MAX_RPE),
            distance_m=self.number(data, "distance_m", where, MAX_DISTANCE_M),
        )


def read_backleg_json(
    path: Path, matcher: ExerciseMatcher, *, local: tzinfo | None = None
) -> Iterator[ImportedSession]:
    with open_text(path) as handle:
        try:
            document = json.load(
                handle, parse_int=_parse_int, parse_float=_parse_float, object_pairs_hook=object_of
            )
        except UnicodeDecodeError:
            raise ImportFormatError(str(path), None, "the file is not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise ImportFormatError(
                str(path), error.lineno, f"not valid JSON ({error.msg})"
            ) from None
        except ValueError as error:  # e.g. a number too long to convert
            raise ImportFormatError(str(path), None, f"not valid JSON ({error})") from None
        except RecursionError:
            raise ImportFormatError(
                str(path), None, "not a Backleg backup (nested too deeply)"
            ) from None
    yield from _Reader(path, matcher, local).sessions(document)
