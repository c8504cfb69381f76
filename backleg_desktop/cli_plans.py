"""`backleg plans export PATH` and `backleg plans import PATH`: the user's own plans as a
TOML file (the format is in services/plan_files.py and the README).

Like the other commands it opens the history as any client does, so it works while the
window is open; an import is one transaction. Errors are BacklegErrors (a PlanFileError
lists every problem in the file) or OSErrors, which cli.py prints without a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from backleg_desktop.content.model import Library
from backleg_desktop.services.own_files import refuse_own_file
from backleg_desktop.services.plan_files import import_plans, write_plan_file
from backleg_desktop.services.store import open_store


def plans_command(action: str, path: Path, data_dir: Path, library: Library, out: TextIO) -> int:
    if action == "export":
        return _export(path, data_dir, library, out)
    return _import(path, data_dir, library, out)


def _export(path: Path, data_dir: Path, library: Library, out: TextIO) -> int:
    refuse_own_file(path, data_dir, "the plans")  # before the store opens anything
    with open_store(data_dir, library, make_daily_backup=False) as store:
        for notice in store.notices:
            print(notice, file=out)
        plans = store.plans.all()
        if not plans:
            print("You have no plans of your own yet, so nothing was written.", file=out)
            return 0
        write_plan_file(path, plans, data_dir)
    names = ", ".join(f'"{plan.name}"' for plan in plans)
    print(f"Exported {_plural(len(plans), 'plan')} to {path}: {names}.", file=out)
    return 0


def _import(path: Path, data_dir: Path, library: Library, out: TextIO) -> int:
    with open_store(data_dir, library, make_daily_backup=True) as store:
        for notice in store.notices:
            print(notice, file=out)
        outcomes = import_plans(store, path)
    for name, outcome in outcomes:
        print(f'{outcome.capitalize()}: "{name}"', file=out)
    counts = {o: sum(1 for _, done in outcomes if done == o) for o in ("added", "updated")}
    unchanged = len(outcomes) - counts["added"] - counts["updated"]
    print(
        f"Read {_plural(len(outcomes), 'plan')} from {path}: {counts['added']} added, "
        f"{counts['updated']} updated, {unchanged} unchanged.",
        file=out,
    )
    return 0


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
