"""Run a `backleg` command in this process, as `backleg --data-dir DIR …` would, and count
what the history holds afterwards."""

from __future__ import annotations

import io
from pathlib import Path

from backleg_desktop import cli
from backleg_desktop.__main__ import build_parser
from backleg_desktop.content.loader import load_library
from backleg_desktop.services.store import open_store


def run_cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of one command."""
    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(["--data-dir", str(data_dir), *argv])
    code = cli.run(args, data_dir, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def sessions_in(data_dir: Path) -> int:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        return store.workouts.count_sessions()
