"""A pipe is copied once into the temporary folder; when that folder is full the message
says so (it used to blame the pipe: "cannot read it (No space left on device)") and the
part-copy is gone."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from tests.faults.conftest import SmallDisk

REPO = Path(__file__).resolve().parents[2]


def import_a_pipe_of(
    size: int, small_disk: SmallDisk, data_dir: Path
) -> subprocess.CompletedProcess[str]:
    """`backleg import <(head -c SIZE /dev/zero)` with the small disk as temporary folder."""
    command = (
        f"{shlex.quote(sys.executable)} -m backleg_desktop --data-dir {shlex.quote(str(data_dir))}"
        f" import <(head -c {size} /dev/zero)"
    )
    return subprocess.run(
        ["bash", "-c", command],
        env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(small_disk.root)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_pipe_larger_than_the_temporary_folder_is_named_as_such(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    done = import_a_pipe_of(4_000_000, small_disk, tmp_path / "data")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "cannot read it" not in done.stderr
    assert f"the temporary folder {small_disk.root} could not hold it" in done.stderr
    assert "save it to a file and import that file" in done.stderr
    assert list(small_disk.root.iterdir()) == []


def test_a_small_pipe_into_a_full_temporary_folder_is_named_as_such_too(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    # Fewer bytes than a write buffer: the copy used to keep them, try them again at close
    # and report that second failure as the pipe's ("cannot read it"), as CI once saw.
    small_disk.fill()
    filler = small_disk.root / "filler"
    os.truncate(filler, filler.stat().st_size - 4096)  # one page free: a full folder is
    # passed over by Python's choice of temporary folder, which writes a test file there
    done = import_a_pipe_of(6000, small_disk, tmp_path / "data")
    assert done.returncode == 1
    assert "cannot read it" not in done.stderr
    assert f"the temporary folder {small_disk.root} could not hold it" in done.stderr
    assert sorted(p.name for p in small_disk.root.iterdir()) == ["filler", "filler-tail"]


def test_a_handout_on_a_full_disk_is_not_reported_as_written(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    small_disk.fill()
    target = small_disk.root / "strength.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "backleg_desktop",
            "--data-dir",
            str(tmp_path / "data"),
            "handout",
            "strength",
            str(target),
        ],
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    # It said "Wrote the Strength session handout (2 pages)" and left an empty file.
    assert done.returncode == 1
    assert "could not be written completely (is the disk full?)" in done.stderr
    assert "Wrote" not in done.stdout
    assert not target.exists()
