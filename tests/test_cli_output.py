"""Where the report goes: a closed pipe, a full disk or a terminal that cannot show a file
name never turns a finished command into a failure, a wrong message or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import sessions_in

REPO = Path(__file__).resolve().parents[1]
STRONG = Path(__file__).parent / "data" / "imports" / "strong.csv"


def backleg(data_dir: Path, *argv: str | bytes, **kwargs: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), **kwargs.pop("env", {})}  # type: ignore[dict-item]
    command = [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir), *argv]
    return subprocess.run(command, env=env, cwd=REPO, timeout=120, **kwargs)  # type: ignore[call-overload]


def test_an_import_into_a_closed_pipe_is_done_and_not_called_a_broken_file(
    data_dir: Path,
) -> None:
    # `backleg import strong.csv | head -0`: the reader is gone before the summary.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = backleg(data_dir, "import", str(STRONG), stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""  # it said "strong.csv: Broken pipe" and exited 1
    assert sessions_in(data_dir) == 2


def test_an_import_whose_report_meets_a_full_disk_says_the_import_finished(
    data_dir: Path,
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = backleg(data_dir, "import", str(STRONG), stdout=full, stderr=subprocess.PIPE)
    message = done.stderr.decode()
    assert done.returncode == 1
    # It said "strong.csv: No space left on device", as if the file could not be read.
    assert "standard output" in message and "No space left on device" in message
    assert "the import itself finished" in message
    assert "Traceback" not in message and str(STRONG) not in message
    assert sessions_in(data_dir) == 2


def test_a_file_name_the_terminal_cannot_show_is_escaped_not_a_traceback(
    data_dir: Path, tmp_path: Path
) -> None:
    # A desktop's UTF-8 locale makes Python's stdout strict; the name has a Latin-1 byte.
    strange = os.fsencode(tmp_path) + b"/caf\xe9.csv"
    with open(strange, "wb") as copy:
        copy.write(STRONG.read_bytes())
    done = backleg(
        data_dir,
        "import",
        strange,
        capture_output=True,
        env={"PYTHONIOENCODING": "utf-8:strict"},
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == 0
    assert b"caf\\udce9.csv" in done.stdout
    assert sessions_in(data_dir) == 2


def test_with_standard_error_closed_the_problem_still_reaches_the_output(
    data_dir: Path, tmp_path: Path
) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Date,Exercise,Reps\n2026-11-23,Caf\u00e9,8\n".encode("latin-1"))
    # `backleg import latin1.csv 2>&-`: Python starts with sys.stderr = None.
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m backleg_desktop --data-dir "$1" import "$2" 2>&-',
            "bash",
            str(data_dir),
            str(latin1),
        ],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == (
        f"{latin1}, line 1: the file is not UTF-8 text; save it as 'CSV UTF-8'\n"
    )
