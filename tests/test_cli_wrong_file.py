"""The wrong kind of file for the command: a backup database given to import, an export
given to restore, a compressed export. Each is named for what it is, with what to do;
they were "not UTF-8 text; save it as 'CSV UTF-8'" and "it is damaged"."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from tests.support.cli import run_cli, sessions_in

STRONG = Path(__file__).parent / "data" / "imports" / "strong.csv"


@pytest.fixture
def history(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "import", str(STRONG))[0] == 0
    return data_dir


def test_a_backup_database_given_to_import_points_to_restore(history: Path) -> None:
    (backup,) = (history / "backups").iterdir()
    assert run_cli(history, "import", str(backup)) == (
        1,
        "",
        f"{backup}: this is a Backleg history database (such as a daily backup), not an "
        "export; bring it back with `backleg restore FILE`\n",
    )


def test_compressed_exports_are_named(history: Path, tmp_path: Path) -> None:
    packed = tmp_path / "strong.csv.gz"
    packed.write_bytes(gzip.compress(STRONG.read_bytes()))
    archive = tmp_path / "strong.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(STRONG, "strong.csv")
    assert run_cli(history, "import", str(packed))[2] == (
        f"{packed}: this is a gzip-compressed file; unpack it first, then import the CSV\n"
    )
    assert run_cli(history, "import", str(archive))[2] == (
        f"{archive}: this is a ZIP archive; unpack it first, then import the CSV in it\n"
    )


@pytest.mark.parametrize("name", ["history.csv", "history.json"])
def test_an_export_given_to_restore_points_to_import(
    history: Path, tmp_path: Path, name: str
) -> None:
    export = tmp_path / name
    assert run_cli(history, "export", str(export))[0] == 0
    kind = "a JSON export" if name.endswith(".json") else "a CSV file"
    assert run_cli(history, "restore", str(export)) == (
        1,
        "",
        f"{export} is not a usable Backleg backup: it is {kind}, not a database backup; "
        f"bring it in with `backleg import {export}`.\n",
    )
    assert sessions_in(history) == 2
