"""Private from the first byte: under any umask, the folder the window creates (and any
missing parent) is 0700 and every file in it 0600: settings, the locks, the history and
its WAL files, backups; the command line creates the same."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import DATA

REPO = Path(__file__).resolve().parents[2]


def modes(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): stat.S_IMODE(p.lstat().st_mode) for p in [root, *root.rglob("*")]
    }


def run_backleg(umask: int, *argv: str, bench: str | None = None) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    if bench:
        env["BACKLEG_BENCH_EXIT"] = bench  # quit once the history is open and shown
    subprocess.run(
        [sys.executable, "-m", "backleg_desktop", *argv],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.umask(umask),  # the umask of the child only
    )


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_the_window_creates_everything_private(tmp_path: Path, umask: int) -> None:
    data_dir = tmp_path / "new" / "backleg"
    run_backleg(umask, "--data-dir", str(data_dir), bench="history")
    found = modes(tmp_path / "new")
    names = set(found)
    assert {"backleg/settings.ini", "backleg/backleg.sqlite3", "backleg/backups"} <= names
    assert any(n.startswith("backleg/backups/backleg-") for n in names)
    assert any(n.endswith(".lock") for n in names)
    for name, mode in found.items():
        is_dir = (tmp_path / "new" / name).is_dir()
        assert mode == (0o700 if is_dir else 0o600), (name, oct(mode))


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_the_command_line_creates_everything_private(tmp_path: Path, umask: int) -> None:
    data_dir = tmp_path / "cli" / "backleg"
    run_backleg(umask, "--data-dir", str(data_dir), "import", str(DATA / "strong.csv"))
    run_backleg(umask, "--data-dir", str(data_dir), "export", str(tmp_path / "out.json"))
    for name, mode in modes(tmp_path / "cli").items():
        is_dir = (tmp_path / "cli" / name).is_dir()
        assert mode == (0o700 if is_dir else 0o600), (name, oct(mode))
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o600
