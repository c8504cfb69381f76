"""Command line entry point: the GUI by default, or a headless subcommand.

Only the standard library is imported here, so `backleg --version` and the CLI
subcommands never load Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

from backleg_desktop import __version__
from backleg_desktop.qt_options import HELP as QT_HELP
from backleg_desktop.qt_options import QtOptionError, split_qt_options


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="backleg",
        description="Backleg: leg training that is kind to a sore lower back.",
        epilog=QT_HELP,
    )
    parser.add_argument("--version", action="version", version=f"backleg {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder_name,
        help="folder for all user data (default: $BACKLEG_DATA_DIR, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser(
        "export", help="write the whole history to CSV, or to JSON when PATH ends in .json"
    )
    export.add_argument("path", metavar="PATH")
    imp = commands.add_parser("import", help="import a Backleg, Strong, Hevy or FitNotes export")
    imp.add_argument("path", metavar="PATH")
    imp.add_argument(
        "--unit",
        choices=("kg", "lb"),
        default="kg",
        help="unit of the weights in a Strong file (default: kg)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="check the file and report; write nothing"
    )
    commands.add_parser("backups", help="list the daily backups of the history, newest first")
    restore = commands.add_parser(
        "restore", help="replace the history with a backup (the current file is kept aside)"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a file listed by `backleg backups`")
    handout = commands.add_parser(
        "handout", help="write a printable PDF handout of a plan (needs no window or display)"
    )
    handout.add_argument("plan_id", metavar="PLAN_ID", help="a plan id, e.g. strength")
    handout.add_argument("out", metavar="OUT.pdf", help="the PDF file to write")
    plans = commands.add_parser("plans", help="export or import your own plans (TOML)")
    plan_actions = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    plans_export = plan_actions.add_parser("export", help="write all of your own plans to PATH")
    plans_export.add_argument("path", metavar="PATH")
    plans_import = plan_actions.add_parser("import", help="add the plans in PATH to your own")
    plans_import.add_argument("path", metavar="PATH")
    return parser


def _folder_name(text: str) -> str:
    """`--data-dir "$UNSET"` used to mean the default folder: a script's import went into
    the user's real history."""
    if not text:
        import argparse

        raise argparse.ArgumentTypeError("the folder name is empty; give a folder, or leave it out")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    from backleg_desktop.storage.paths import resolve_data_dir

    words = sys.argv[1:] if argv is None else list(argv)
    parser = None
    try:
        ours, qt_args = split_qt_options(words)
    except QtOptionError as error:
        parser = build_parser()
        parser.error(str(error))  # exits with status 2, as argparse does
    if not ours:
        # Plain `backleg` (perhaps with Qt's options): straight to the window; argparse
        # would cost start-up time.
        from backleg_desktop.app import run_gui

        return run_gui(resolve_data_dir(None, os.environ), qt_args=qt_args)
    args = (parser or build_parser()).parse_args(ours)

    data_dir = resolve_data_dir(args.data_dir, os.environ)
    if args.command is not None:
        from backleg_desktop.cli import run

        return run(args, data_dir)
    from backleg_desktop.app import run_gui

    return run_gui(data_dir, qt_args=qt_args)


if __name__ == "__main__":
    sys.exit(main())
