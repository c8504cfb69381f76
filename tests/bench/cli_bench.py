"""`backleg export` and `backleg import` as a user runs them, against plain Python.

Both sides run as a fresh `python` process, so the CLI's start-up (SQLAlchemy, the content)
is part of Backleg's figure and the interpreter's own start is part of the baseline's:

- export: the CLI writing the whole history as CSV, against sqlite3 + csv.writer writing
  the same rows (same join, same order, the same 22 columns with rpe and distance_m) to
  a file;
- import: the CLI importing that CSV into a fresh data folder, against the csv module
  reading the file and plain sqlite3 inserting the same sessions and sets into the same
  tables (Backleg's own schema: indexes, constraints) in one transaction, WAL,
  synchronous=FULL.

The import also reports the CLI's peak memory (ru_maxrss of the child).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

RAW_EXPORT = r"""
import csv, sqlite3, sys
SQL = '''
SELECT s.id, s.started_at, s.ended_at, s.plan_id, s.status, s.pain_before, s.pain_after,
       x.exercise_id, x.exercise_id, x.set_number, x.side, x.kind, x.reps, x.load_kg,
       x.duration_s, x.rest_planned_s, x.rest_taken_s, x.completed_at, x.note, s.notes,
       x.rpe, x.distance_m
FROM sessions s LEFT JOIN sets x ON x.session_id = s.id
ORDER BY s.started_at, s.id, x.completed_at, x.id
'''
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([d[0] for d in conn.execute(SQL).description])
    writer.writerows(conn.execute(SQL))
"""

RAW_IMPORT = r"""
import csv, sqlite3, sys
schema, source, target = sys.argv[1:4]
conn = sqlite3.connect(target, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL").fetchall()
conn.execute("PRAGMA synchronous=FULL")
conn.executescript(open(schema, encoding="utf-8").read())
conn.execute("BEGIN IMMEDIATE")
SESSION = ("INSERT INTO sessions (plan_id, name, started_at, ended_at, status, pain_before,"
           " pain_after, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
SET = ("INSERT INTO sets (session_id, exercise_id, set_number, side, kind, reps, load_kg,"
       " duration_s, rest_planned_s, rest_taken_s, completed_at, note, rpe, distance_m)"
       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
def number(text, kind):
    return kind(text) if text else None
ids, batch = {}, []
with open(source, encoding="utf-8", newline="") as handle:
    rows = csv.reader(handle)
    next(rows)
    for r in rows:
        sid = ids.get(r[0])
        if sid is None:
            sid = ids[r[0]] = conn.execute(SESSION, (r[3], r[3], r[1], r[2] or None, r[4],
                number(r[5], int), number(r[6], int), r[19])).lastrowid
        if r[7]:
            batch.append((sid, r[7], int(r[9]), r[10], r[11], number(r[12], int),
                number(r[13], float), number(r[14], float), number(r[15], float),
                number(r[16], float), r[17], r[18], number(r[20], float),
                number(r[21], float)))
            if len(batch) >= 1000:
                conn.executemany(SET, batch)
                batch.clear()
conn.executemany(SET, batch)
conn.execute("COMMIT")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install has compiled bytecode
    return env


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds of one child process, and its own peak RSS in MiB (from wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[2:]!r} failed: {err.decode(errors='replace').strip()[-300:]}")
    return took, usage.ru_maxrss / 1024


def _median(runs: int, once: Callable[[int], tuple[float, float]]) -> tuple[float, float]:
    results = [once(run) for run in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def backleg(*args: str) -> list[str]:
    return [sys.executable, "-m", "backleg_desktop", *args]


def schema_of(db_path: Path, out: Path) -> Path:
    """Backleg's CREATE statements (tables and indexes), for the baseline's fresh file."""
    conn = sqlite3.connect(db_path)
    try:
        sql = [
            row[0] + ";"
            for row in conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' "
                "ORDER BY type DESC, name"
            )
        ]
    finally:
        conn.close()
    out.write_text("\n".join(sql) + "\n", encoding="utf-8")
    return out


def measure(history_dir: Path, workdir: Path, runs: int) -> dict[str, float]:
    """Median seconds of the CLI export and import and of their plain-Python baselines."""
    db_path = history_dir / "backleg.sqlite3"
    exported = workdir / "cli-export.csv"
    result: dict[str, float] = {}
    # One unmeasured run writes the bytecode caches.
    _run(backleg("--data-dir", str(history_dir), "export", str(exported)))
    result["export_s"], _ = _median(
        runs, lambda _: _run(backleg("--data-dir", str(history_dir), "export", str(exported)))
    )
    raw_out = workdir / "raw-export.csv"
    result["raw_export_s"], _ = _median(
        runs, lambda _: _run([sys.executable, "-c", RAW_EXPORT, str(db_path), str(raw_out)])
    )
    with exported.open(encoding="utf-8") as handle:
        result["rows"] = sum(1 for _ in handle) - 1

    schema = schema_of(db_path, workdir / "schema.sql")

    def cli_import(run: int) -> tuple[float, float]:
        target = workdir / f"cli-import-{run}"
        return _run(backleg("--data-dir", str(target), "import", str(exported)))

    def raw_import(run: int) -> tuple[float, float]:
        target = workdir / f"raw-import-{run}.sqlite3"
        return _run([sys.executable, "-c", RAW_IMPORT, str(schema), str(exported), str(target)])

    result["import_s"], result["import_peak_mib"] = _median(runs, cli_import)
    result["raw_import_s"], _ = _median(runs, raw_import)
    check = sqlite3.connect(workdir / "cli-import-0" / "backleg.sqlite3")
    try:
        result["imported_sets"] = check.execute("SELECT count(*) FROM sets").fetchone()[0]
    finally:
        check.close()
    return result
