"""An export that cannot be written names the file the user asked for, never Backleg's
temporary file beside it, and leaves nothing behind (a read-only and a full disk)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.domain.history import SetEntry
from tests.faults.conftest import SmallDisk
from tests.support.stores import open_test_store


def export(data_dir: Path, target: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(["export", str(target)]), data_dir, out=out, err=err)
    return code, err.getvalue()


def test_an_export_onto_a_read_only_disk_names_the_export(
    small_disk: SmallDisk, data_dir: Path
) -> None:
    with open_test_store(data_dir) as store:
        store.workouts.start_session("strength", pain_before=1)
    small_disk.remount("ro")
    target = small_disk.root / "history.csv"
    code, err = export(data_dir, target)
    assert code == 1 and err == f"{target}: Read-only file system\n"


# The history reader's cursor is closed after its connection when the writer fails: that
# must stay silent, not an "exception ignored" from a generator left to the GC.
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_an_export_onto_a_full_disk_names_the_export_and_leaves_nothing(
    small_disk: SmallDisk, data_dir: Path
) -> None:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        for n in range(1, 400):
            store.workouts.log_set(session.id, SetEntry("goblet-squat", n, note="x" * 900))
    small_disk.fill()
    target = small_disk.root / "history.csv"
    code, err = export(data_dir, target)
    assert code == 1 and err == f"{target}: No space left on device\n"
    assert sorted(p.name for p in small_disk.root.iterdir()) == ["filler", "filler-tail"]
