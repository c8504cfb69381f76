"""SIGKILL at random points of a whole guided session, many times over.

Each run is one session in its own history (start with a pain check-in, nine sets, pain
after, finish) in a forked child that is killed at a random point drawn from a seeded
RNG: after a random number of its acknowledged writes plus a few random milliseconds.
After every kill: the file passes `PRAGMA integrity_check`, no acknowledged write is
lost, and opening the history again offers the unfinished session for resume with
every acknowledged set.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from backleg_desktop.storage.paths import DB_FILENAME
from tests.faults import workers
from tests.support.stores import open_test_store

REPO = Path(__file__).resolve().parents[2]
RUNS = 25


@dataclass
class Acknowledged:
    """What the child said it had saved before it died."""

    session_id: int | None = None
    sets: list[tuple[int, str, int, str]] = field(default_factory=list)
    pain: bool = False
    finished: bool = False

    @classmethod
    def parse(cls, lines: list[str]) -> Acknowledged:
        acked = cls()
        for line in lines:
            word, *rest = line.split()
            assert word != "error", line
            if word == "session":
                acked.session_id = int(rest[0])
            elif word == "set":
                acked.sets.append((int(rest[0]), rest[1], int(rest[2]), rest[3]))
            elif word == "pain":
                acked.pain = True
            elif word == "finished":
                acked.finished = True
        return acked

    @property
    def phase(self) -> str:
        if self.finished:
            return "finished"
        if self.session_id is None:
            return "before the session was saved"
        return "during the session"


class SessionServer:
    """The fork server in tests/faults/workers.py, driven over its stdin and stdout."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.workers", "sessions"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the session server died"
        return line.strip()

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def start(self, data_dir: Path) -> tuple[int, list[str]]:
        """Fork a child running one session; its pid and any lines it printed first."""
        self.send(f"run {data_dir}")
        early: list[str] = []
        while not (line := self.readline()).startswith("pid "):
            early.append(line)
        return int(line.split()[1]), early

    def reap(self, pid: int, lines: list[str]) -> list[str]:
        """Wait for the child to be gone; every line it printed, in order."""
        self.send(f"reap {pid}")
        while (line := self.readline()) != f"reaped {pid}":
            lines.append(line)
        return lines

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _child_done(lines: list[str]) -> bool:
    """The child wrote its last line: it finished, or failed (parse() then says why)."""
    return bool(lines) and lines[-1].split()[0] in ("finished", "error")


@pytest.fixture
def server() -> Iterator[SessionServer]:
    server = SessionServer()
    try:
        yield server
    finally:
        server.close()


def check_after_kill(data_dir: Path, acked: Acknowledged) -> None:
    db_path = data_dir / DB_FILENAME
    if db_path.exists():
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    if acked.session_id is None:
        return
    with open_test_store(data_dir) as store:  # "the next start of the app"
        w = store.workouts
        detail = w.session_detail(acked.session_id)
        stored = [(s.id, s.exercise_id, s.set_number, s.side) for s in detail.sets]
        # Every acknowledged set is there, in order; at most one more was committed just
        # before the kill, before its acknowledgement could be printed.
        assert stored[: len(acked.sets)] == acked.sets
        assert len(stored) <= len(acked.sets) + 1
        assert detail.session.pain_before == workers.PAIN_BEFORE
        if acked.pain:
            assert detail.session.pain_after == workers.PAIN_AFTER
        if acked.finished:
            assert detail.session.status == "completed"
        if detail.session.status == "in_progress":
            resume = w.in_progress_session()
            assert resume is not None and resume.session.id == acked.session_id
            assert [s.id for s in resume.sets] == [s[0] for s in stored]
        else:  # finish was committed (its acknowledgement may have been cut off)
            assert detail.session.status == "completed"
            assert len(stored) == len(workers.SESSION_SETS)
            assert w.in_progress_session() is None


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_killing_a_session_anywhere_loses_nothing_acknowledged_and_offers_resume(
    tmp_path: Path, server: SessionServer
) -> None:
    # One uninterrupted session first: the worker itself works.
    open_test_store(tmp_path / "calibration").close()
    pid, lines = server.start(tmp_path / "calibration")
    lines = server.reap(pid, lines)
    assert Acknowledged.parse(lines).finished
    check_after_kill(tmp_path / "calibration", Acknowledged.parse(lines))

    # Kill points are chosen by progress, not by wall time, so a slow or busy machine
    # still spreads them over the whole session: wait for a random number of the
    # child's acknowledgements, then a random fraction of a write more.
    events = 1 + len(workers.SESSION_SETS) + 2  # session, the sets, pain, finished
    rng = random.Random(6)
    phases: dict[str, int] = {}
    for run in range(RUNS):
        data_dir = tmp_path / f"run-{run}"
        open_test_store(data_dir).close()  # an existing history, as on any later day
        pid, lines = server.start(data_dir)
        target = rng.randint(0, events)
        while len(lines) < target and not _child_done(lines):
            lines.append(server.readline())
        time.sleep(rng.uniform(0, 0.004))
        os.kill(pid, signal.SIGKILL)
        acked = Acknowledged.parse(server.reap(pid, lines))
        phases[acked.phase] = phases.get(acked.phase, 0) + 1
        check_after_kill(data_dir, acked)

    # The kills really landed inside sessions, not only before or after them.
    assert phases.get("during the session", 0) >= RUNS // 2, phases
