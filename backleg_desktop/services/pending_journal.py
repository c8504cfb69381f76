"""Writes the window is holding for later, kept in a file too, so a kill cannot lose them.

When the history is busy the window queues a write in memory (pending_writes.py). Before
it tells the user the set is kept, that write is appended to a journal file of its own in
the data folder, `backleg.pending-<time>-<pid>.jsonl`: 0600, one JSON line per write
(`{"seq": 3, "op": "set", "session": 12, "entry": {...}, "at": "…"}`), each line one
write(2) followed by fsync. The window holds an exclusive flock on its journal while it
has one and deletes it once everything in it is in SQLite.

On the next open of the store (services/store.py) `replay` puts every journal whose owner
is gone (its flock is free: the kernel drops it on a kill) back into the history, in its
order, before anything reads the history:

- `set`: a logged set, with the time it was logged (a kept set is written with that same
  time, now or on a retry); skipped if the session already has a set with the same
  exercise, set number, side and kind. If that set has the same time it is this very set,
  written before the kill; if not, the key was logged anew since (a resumed session), and
  the journal's later corrections and undos for that key are left out rather than applied
  to a set they were never meant for.
- `update`: a correction (reps, load) or a rest time, as absolute values, to this
  journal's set with that key, or (for a set stored before anything was queued) to the
  newest set with that key; skipped if there is none.
- `undo`: deletes that same set, if it is there.
- `end`: finish / end early / stop for pain, only while the session is still in progress;
  `pain_after`: the pain after and notes.

Replaying a line twice gives the same history, so a replay cut short is simply replayed
again. A torn last line (a kill mid-write) is ignored. A journal with a line that can never
be replayed (its session was deleted) is renamed `….jsonl.kept-<time>` and named in a
notice; one that cannot be replayed just now (the file is busy) stays for the next start.
No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import asdict, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backleg_desktop.domain.history import LoggedSet, SetEntry
from backleg_desktop.services.errors import BacklegError, DataDirError, StorageError
from backleg_desktop.storage.lock import _lock, _unlock, open_lock_file

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

JOURNAL_PREFIX = "backleg.pending-"
JOURNAL_SUFFIX = ".jsonl"
_ENTRY_FIELDS = {f.name for f in fields(SetEntry)}
_counter = threading.Lock()
_made = 0


def journal_files(data_dir: Path) -> list[Path]:
    """The journals in `data_dir`, oldest first (their names start with a UTC time)."""
    try:
        found = [
            p
            for p in data_dir.iterdir()
            if p.name.startswith(JOURNAL_PREFIX) and p.name.endswith(JOURNAL_SUFFIX)
        ]
    except OSError:
        return []
    return sorted(found)


def set_line(session_id: int, entry: SetEntry) -> dict[str, Any]:
    values = asdict(entry)
    values["completed_at"] = _time(entry.completed_at or datetime.now(UTC))
    return {"op": "set", "session": session_id, "entry": values}


def key_line(op: str, session_id: int, key: tuple[str, int, str], **changes: Any) -> dict[str, Any]:
    return {"op": op, "session": session_id, "key": list(key), "changes": changes}


def end_line(session_id: int, how: str, **values: Any) -> dict[str, Any]:
    at = _time(datetime.now(UTC))  # when the user ended it, not when it is replayed
    return {"op": "end", "session": session_id, "how": how, "values": values, "at": at}


def _time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


class PendingJournal:
    """One window's journal: created on the first queued write, deleted by `clear`."""

    def __init__(self, data_dir: Path) -> None:
        global _made
        with _counter:
            _made += 1
            number = _made
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        self.path = data_dir / f"{JOURNAL_PREFIX}{stamp}-{os.getpid()}-{number}{JOURNAL_SUFFIX}"
        self._fd: int | None = None
        self._seq = 0

    def append(self, line: dict[str, Any]) -> None:
        """Durably add one write (OSError if it cannot: a full disk, say)."""
        if self._fd is None:
            fd = open_lock_file(self.path)  # 0600 under any umask, never a symlink
            if not _lock(fd, exclusive=True, wait=True):  # pragma: no cover - waits
                os.close(fd)
                raise OSError(f"could not lock {self.path}")
            self._fd = fd
            _sync_folder(self.path.parent)  # the new name survives a crash too
        self._seq += 1
        data = (json.dumps({"seq": self._seq, **line}, ensure_ascii=True) + "\n").encode()
        os.lseek(self._fd, 0, os.SEEK_END)
        if os.write(self._fd, data) != len(data):  # pragma: no cover - a short write
            raise OSError(f"could not write all of {self.path}")
        os.fsync(self._fd)

    def clear(self) -> None:
        """Everything in it is in the history: delete it (while still holding its lock)."""
        if self._fd is None:
            return
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None
        self._seq = 0


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replay(data_dir: Path, workouts: WorkoutService) -> list[str]:
    """Put journals left by a window that is gone back into the history; notices."""
    notices: list[str] = []
    for path in journal_files(data_dir):
        try:
            fd = open_lock_file(path)
        except OSError as error:
            notices.append(
                f"Backleg could not read {path}, which holds sets not saved yet "
                f"({error.strerror or error}). It was left as it is."
            )
            continue
        try:
            if not _lock(fd, exclusive=True):
                continue  # a running window's own journal: it writes them itself
            notice = _replay_file(path, fd, workouts)
        except OSError as error:
            notice = (
                f"Backleg could not finish putting back the sets kept in {path} "
                f"({error.strerror or error}); the file stays for the next start."
            )
        finally:
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)
        if notice:
            notices.append(notice)
    return notices


def _read_lines(fd: int) -> list[dict[str, Any]]:
    chunks = []
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    text = b"".join(chunks)
    lines = text.split(b"\n")
    # The last piece has no newline: empty, or a line a kill cut short. Either way it
    # was never acknowledged to the user, so it is left out.
    records = []
    for number, raw in enumerate(lines[:-1], start=1):
        try:
            record = json.loads(raw)
        except ValueError as error:
            raise _Unreplayable(f"line {number} is not a journal line") from error
        if not isinstance(record, dict):
            raise _Unreplayable(f"line {number} is not a journal line")
        records.append(record)
    return records


class _Unreplayable(Exception):
    pass


def _replay_file(path: Path, fd: int, workouts: WorkoutService) -> str:
    recovered = 0
    problems: list[str] = []
    try:
        records = _read_lines(fd)
    except _Unreplayable as error:
        records, problems = [], [str(error)]
    known: dict[tuple[Any, ...], int | None] = {}  # key -> the id of this journal's set
    for record in records:
        try:
            recovered += _replay_one(record, workouts, known)
        except (StorageError, DataDirError) as error:
            return (
                f"{_sets(recovered)} waiting from an earlier session could not all be saved "
                f"yet ({error}). They are kept in {path}, and Backleg tries again the next "
                "time it starts."
            )
        except (BacklegError, KeyError, TypeError, ValueError) as error:
            problems.append(f"line {record.get('seq', '?')}: {str(error).rstrip('.')}")
    if problems:
        kept = path.with_name(f"{path.name}.kept-{datetime.now(UTC):%Y%m%dT%H%M%S}")
        os.replace(path, kept)
        start = (
            f"Backleg put {_sets(recovered)} from an earlier session back into your "
            "history, but some of the writes kept with it"
            if recovered
            else "Some writes Backleg kept from an earlier session"
        )
        return (
            f"{start} could not be replayed "
            f"({'; '.join(problems[:3])}). The file is kept, unchanged, as {kept}."
        )
    path.unlink()
    if not recovered:
        return ""
    return (
        f"Backleg saved {_sets(recovered)} that were logged while the history was busy and "
        "were not in it yet when Backleg last stopped. They are in your history now."
    )


def _sets(count: int) -> str:
    return f"{count} set{'' if count == 1 else 's'}"


def _replay_one(
    record: dict[str, Any], workouts: WorkoutService, known: dict[tuple[Any, ...], int | None]
) -> int:
    """Make one journal line; 1 when it added a set. `known` maps a key this journal
    logged to the id of that very set (None: another set holds the key, leave it)."""
    session_id = int(record["session"])
    op = record["op"]
    if op == "set":
        values = dict(record["entry"])
        unknown = set(values) - _ENTRY_FIELDS
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        values["completed_at"] = datetime.fromisoformat(values["completed_at"])
        entry = SetEntry(**values)
        key = (entry.exercise_id, entry.set_number, entry.side)
        sets = workouts.session_detail(session_id).sets  # NotFoundError if it was deleted
        same = [
            s for s in sets if (s.exercise_id, s.set_number, s.side, s.kind) == (*key, entry.kind)
        ]
        if same:  # written before the kill (same time), or the key was logged anew since
            ours = [s for s in same if s.completed_at == entry.completed_at]
            known[key] = ours[-1].id if ours else None
            return 0
        known[key] = workouts.log_set(session_id, entry).id
        return 1
    if op in ("update", "undo"):
        key = tuple(record["key"])
        if key in known:
            set_id = known[key]
        else:  # a set stored before anything was queued
            found = _newest(workouts, session_id, key)
            set_id = found.id if found is not None else None
        if set_id is None:
            return 0
        if op == "undo":
            workouts.delete_set(set_id)
            known[key] = None
        else:
            workouts.update_set(set_id, **_changes(record["changes"]))
        return 0
    if op == "end":
        return _replay_end(record, workouts, session_id)
    raise ValueError(f"unknown write {op!r}")


def _changes(changes: dict[str, Any]) -> dict[str, Any]:
    allowed = {"reps", "load_kg", "rest_taken_s"}
    if not set(changes) <= allowed:
        raise ValueError(f"unknown changes {sorted(set(changes) - allowed)}")
    return changes


def _newest(workouts: WorkoutService, session_id: int, key: tuple[Any, ...]) -> LoggedSet | None:
    matching = [
        s
        for s in workouts.session_detail(session_id).sets
        if (s.exercise_id, s.set_number, s.side) == key
    ]
    return max(matching, key=lambda s: s.id) if matching else None


def _replay_end(record: dict[str, Any], workouts: WorkoutService, session_id: int) -> int:
    how = record["how"]
    values = record["values"]
    session = workouts.session_detail(session_id).session
    if how == "pain_after":
        workouts.set_pain_after(session_id, values["pain_after"], values.get("notes"))
        return 0
    if session.status != "in_progress":
        return 0  # it ended before the kill
    at = datetime.fromisoformat(record["at"])
    if how == "finish":
        workouts.finish_session(
            session_id, pain_after=values["pain_after"], notes=values["notes"], ended_at=at
        )
    elif how == "end_early":
        workouts.end_session_early(session_id, ended_at=at)
    elif how == "stop_for_pain":
        workouts.stop_for_pain(
            session_id,
            exercise_id=values["exercise_id"],
            set_number=values["set_number"],
            ended_at=at,
        )
    else:
        raise ValueError(f"unknown end {how!r}")
    return 0
