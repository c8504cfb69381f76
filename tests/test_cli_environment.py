"""What the command line takes from its surroundings: the time zone and the folder named
by --data-dir. A mistake there is one sentence before anything is read or written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.cli import run_cli

REPO = Path(__file__).resolve().parents[1]
STRONG = Path(__file__).parent / "data" / "imports" / "strong.csv"


def backleg(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backleg_desktop", *argv],
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_time_zone_a_day_or_more_from_utc_is_named_before_anything_changes(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    done = backleg("--data-dir", str(data_dir), "import", str(STRONG), env={"TZ": "UTC+99"})
    assert "Traceback" not in done.stderr  # datetime.astimezone()'s ValueError
    assert done.returncode == 1
    assert done.stderr == (
        "backleg: The time zone TZ='UTC+99' cannot be used: its offset from UTC is a day or "
        "more. Set TZ to a zone such as Europe/Berlin or UTC, or unset it; nothing was read "
        "or changed.\n"
    )
    assert not data_dir.exists()


def test_an_empty_data_dir_is_refused_not_taken_as_the_default_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # `backleg --data-dir "$FOLDER" import …` with FOLDER unset in a script.
    done = backleg(
        "--data-dir",
        "",
        "import",
        str(STRONG),
        env={"HOME": str(home), "XDG_DATA_HOME": str(home / "share"), "BACKLEG_DATA_DIR": ""},
    )
    assert done.returncode == 2
    assert done.stderr.endswith(
        "backleg: error: argument --data-dir: the folder name is empty; give a folder, "
        "or leave it out\n"
    )
    assert not home.exists()  # it imported into the user's real history there


def test_backups_of_a_data_dir_that_is_a_file_or_a_loop_says_so(tmp_path: Path) -> None:
    a_file = tmp_path / "history-folder"
    a_file.write_text("not a folder", encoding="utf-8")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    # Both said "No backups yet in <path>/backups." and exited 0.
    assert run_cli(a_file, "backups") == (
        1,
        "",
        f"Backleg's data folder {a_file} is a file, not a folder. Choose another folder "
        "with --data-dir or BACKLEG_DATA_DIR.\n",
    )
    code, out, err = run_cli(loop, "backups")
    assert (code, out) == (1, "")
    assert err.startswith(f"Backleg's data folder {loop} is a symbolic link that leads back")
    assert run_cli(tmp_path / "new", "backups")[:2] == (
        0,
        f"No backups yet in {tmp_path}/new/backups.\n",
    )
    assert not (tmp_path / "new").exists()  # looking creates nothing
