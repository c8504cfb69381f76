"""`backleg export` in its own process while another process logs sets into the same file.

The export must succeed and be a consistent snapshot (well-formed CSV, every row complete,
the live session's sets a gap-free prefix of what the logger saved), and the logger must
never fail or lose a set.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.services.transfer import BACKLEG_CSV_HEADER
from tests.support.stores import open_test_store
from tests.support.synthetic import generate_history

REPO = Path(__file__).resolve().parents[2]
# Cells every exported set row must fill (the rest may be legitimately empty).
REQUIRED = (
    "session_id",
    "started_at",
    "status",
    "exercise_id",
    "exercise_name",
    "set_number",
    "side",
    "set_kind",
    "completed_at",
)


class Logger:
    """tests/faults/workers.py logging sets until told to stop; its lines read as they come."""

    def __init__(self, data_dir: Path, stop_file: Path) -> None:
        self.stop_file = stop_file
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.workers", "logger", str(data_dir), str(stop_file)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                self.lines.append(line.strip())
                self._changed.notify_all()
        with self._changed:
            self.lines.append("<eof>")
            self._changed.notify_all()

    def sets_acknowledged(self) -> list[tuple[int, int]]:
        with self._changed:
            return [
                (int(a), int(b))
                for w, a, b in (line.split() for line in self.lines if line.startswith("set "))
            ]

    def wait_for_sets(self, count: int, timeout: float = 30) -> None:
        with self._changed:
            done = self._changed.wait_for(
                lambda: (
                    "<eof>" in self.lines
                    or sum(line.startswith("set ") for line in self.lines) >= count
                ),
                timeout,
            )
        assert done and "<eof>" not in self.lines, self.lines[-3:]

    def session_id(self) -> int:
        with self._changed:
            return int(next(line for line in self.lines if line.startswith("session ")).split()[1])

    def stop(self) -> int:
        self.stop_file.touch()
        code = self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        return code


@pytest.fixture
def logger(data_dir: Path, tmp_path: Path) -> Iterator[Logger]:
    with open_test_store(data_dir) as store:  # a year of history, so the export takes a while
        store.workouts.import_sessions(generate_history(years=1, seed=6))
    logger = Logger(data_dir, tmp_path / "stop")
    try:
        yield logger
    finally:
        if logger.proc.poll() is None:
            logger.stop()


@pytest.mark.slow
def test_export_while_a_session_is_logging_is_a_consistent_snapshot(
    data_dir: Path, tmp_path: Path, logger: Logger
) -> None:
    logger.wait_for_sets(5)
    before = len(logger.sets_acknowledged())
    out = tmp_path / "out.csv"
    export = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir), "export", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )
    after = len(logger.sets_acknowledged())
    logger.wait_for_sets(after + 5)  # and the logger carried on afterwards
    assert logger.stop() == 0
    assert logger.lines[-2].startswith("done "), logger.lines[-3:]
    assert not any(line.startswith("error") for line in logger.lines)

    assert export.returncode == 0, export.stderr
    assert after > before, "the logger did not log while the export ran"
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(BACKLEG_CSV_HEADER)
    header = rows[0]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:] if len(row) == len(header)]
    assert len(records) == len(rows) - 1, "a row has the wrong number of cells"
    for record in records:
        assert all(record[name] for name in REQUIRED), record

    live = [r for r in records if int(r["session_id"]) == logger.session_id()]
    numbers = [int(r["set_number"]) for r in live]
    # A snapshot: the live session's sets 1..k with no gap, k within what was acknowledged
    # around the export (plus one committed whose acknowledgement was still on its way).
    assert numbers == list(range(1, len(numbers) + 1))
    assert before <= len(numbers) <= after + 1
    exported_sets = len(records)
    assert f"({exported_sets:,} sets)" in export.stdout

    # Nothing the logger acknowledged is missing afterwards.
    with open_test_store(data_dir) as store:
        stored = {s.id for s in store.workouts.session_detail(logger.session_id()).sets}
    assert {set_id for set_id, _ in logger.sets_acknowledged()} <= stored
