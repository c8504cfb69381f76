"""Special files: an import reads a regular file, or a pipe exactly once; an export never
replaces (or writes through) anything that is not a regular file; and no message names
Backleg's own temporary files."""

from __future__ import annotations

import io
import os
import shlex
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.content.loader import load_library
from backleg_desktop.services.store import open_store
from tests.support.cli import sessions_in

REPO = Path(__file__).resolve().parents[1]
STRONG = Path(__file__).parent / "data" / "imports" / "strong.csv"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
BACKLEG = f"{shlex.quote(sys.executable)} -m backleg_desktop"


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(list(argv)), data_dir, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def shell(command: str) -> subprocess.CompletedProcess[str]:
    """A real shell, as a user types it (bash for process substitution)."""
    return subprocess.run(
        ["bash", "-c", command], env=ENV, cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_import_of_a_fifo_reads_it_once_and_finishes(data_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)

    def writer() -> None:  # like `cat strong.csv > export.csv` in another terminal
        with fifo.open("wb") as pipe:
            pipe.write(STRONG.read_bytes())

    feeding = threading.Thread(target=writer, daemon=True)
    feeding.start()
    done = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir), "import", str(fifo)],
        env=ENV,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,  # it used to open the FIFO a second time and wait for ever
    )
    feeding.join(timeout=10)
    assert done.returncode == 0, done.stderr
    assert "Read 2 sessions and 9 sets" in done.stdout
    assert sessions_in(data_dir) == 2


def test_import_of_a_process_substitution(data_dir: Path) -> None:
    done = shell(f"{BACKLEG} --data-dir {shlex.quote(str(data_dir))} import <(cat {STRONG})")
    assert done.returncode == 0, done.stderr
    assert "Added 2 sessions and 9 sets" in done.stdout  # not "the file is empty"


def test_an_error_in_a_piped_file_names_the_pipe_not_a_copy(data_dir: Path) -> None:
    done = shell(
        f"{BACKLEG} --data-dir {shlex.quote(str(data_dir))} import "
        "<(printf 'Date,What\\n2026-01-01,x\\n')"
    )
    assert done.returncode == 1
    assert done.stderr.startswith("/dev/fd/") and "line 1: unknown header" in done.stderr
    assert "backleg-import" not in done.stderr and "Traceback" not in done.stderr


def test_import_of_a_device_or_a_folder_is_refused(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(data_dir, "import", os.devnull)
    assert (
        code == 1
        and err == f"{os.devnull}: this is a device, not a file; import an exported file\n"
    )
    code, _, err = cli(data_dir, "import", str(tmp_path))
    assert code == 1 and err == f"{tmp_path}: this is a folder, not a file\n"


def test_export_never_replaces_a_fifo(data_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    code, out, err = cli(data_dir, "export", str(fifo))
    assert (code, out) == (1, "")
    assert (
        err
        == f"{fifo}: it is a pipe or a device, not a file Backleg may replace; choose a file name\n"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["out.csv"]  # no temp left


def test_export_never_replaces_a_device(data_dir: Path, tmp_path: Path) -> None:
    node = tmp_path / "out.csv"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a private /dev/null
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    code, _, err = cli(data_dir, "export", str(node))
    assert code == 1 and "it is a pipe or a device" in err
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_export_never_replaces_a_symlink_nor_writes_through_it(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    link = tmp_path / "out.csv"
    link.symlink_to(target)
    code, _, err = cli(data_dir, "export", str(link))
    assert code == 1 and f"{link}: it is a symbolic link" in err
    assert link.is_symlink() and target.read_text() == "keep me\n"


def test_export_replaces_a_regular_file(data_dir: Path, tmp_path: Path) -> None:
    old = tmp_path / "out.csv"
    old.write_text("yesterday's export\n")
    code, out, _ = cli(data_dir, "export", str(old))
    assert code == 0 and "Exported 0 sessions" in out
    assert old.read_text().startswith("session_id,")


@pytest.mark.parametrize("name", ["backleg.sqlite3", "backleg.sqlite3-wal", "backups/x.csv"])
def test_export_never_replaces_the_history_or_its_backups(data_dir: Path, name: str) -> None:
    with open_store(data_dir, load_library(), make_daily_backup=True) as store:
        store.workouts.start_session("strength", pain_before=1)
    before = (data_dir / "backleg.sqlite3").read_bytes()
    code, out, err = cli(data_dir, "export", str(data_dir / name))
    assert (code, out) == (1, "") and "is one of Backleg's own files" in err
    assert (data_dir / "backleg.sqlite3").read_bytes() == before
    assert sessions_in(data_dir) == 1


def test_a_stopped_import_of_a_pipe_leaves_no_copy_behind(data_dir: Path, tmp_path: Path) -> None:
    # `timeout`, `kill` or a closed terminal send SIGTERM/SIGHUP, not Ctrl+C: the copy of
    # what the pipe sent (a whole history) must not stay in the temporary folder.
    temp = tmp_path / "temp"
    temp.mkdir()
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir), "import", str(fifo)],
        env={**ENV, "TMPDIR": str(temp)},
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    with fifo.open("wb") as pipe:  # the writer stays open, as `cat` on a slow source does
        pipe.write(STRONG.read_bytes())
        pipe.flush()
        # Up to a minute for the process to start: a loaded 2-core machine is slow at it.
        deadline = time.monotonic() + 60
        while not any(temp.glob("backleg-import-*/*")) and time.monotonic() < deadline:
            threading.Event().wait(0.05)
        assert any(temp.glob("backleg-import-*/*")), "the copy was never started"
        process.terminate()
        _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + 15
    assert err.strip() == "Interrupted: nothing was changed."
    assert list(temp.iterdir()) == []
    assert not (data_dir / "backleg.sqlite3").exists() or sessions_in(data_dir) == 0


def _handout(data_dir: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "backleg_desktop",
            "--data-dir",
            str(data_dir),
            "handout",
            "strength",
            str(target),
        ],
        env=ENV,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_handout_never_replaces_the_history(data_dir: Path) -> None:
    assert cli(data_dir, "import", str(STRONG))[0] == 0
    history = data_dir / "backleg.sqlite3"
    done = _handout(data_dir, history)  # it used to write the PDF over the history
    assert done.returncode == 1
    assert "one of Backleg's own files" in done.stderr
    assert history.read_bytes()[:16] == b"SQLite format 3\0"
    assert sessions_in(data_dir) == 2


def test_a_handout_never_replaces_a_fifo_a_device_or_a_symlink(
    data_dir: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "card.pdf"
    os.mkfifo(fifo)  # Qt opened it and waited for a reader forever
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)  # Qt wrote the PDF through it
    for path, why in (
        (fifo, "a pipe or a device"),
        (Path("/dev/full"), "a pipe or a device"),
        (link, "a symbolic link"),
    ):
        done = _handout(data_dir, path)
        assert done.returncode == 1, path
        assert why in done.stderr and "Traceback" not in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert target.read_text() == "keep me"
