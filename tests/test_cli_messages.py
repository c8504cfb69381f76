"""No traceback, and every set-aside file named: the command line on hostile folders and
files (a folder given as a backup, a newer backup, a symlink loop, a file whose mode cannot
be changed, an immutable history, a damaged history met by `export`)."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from backleg_desktop import __main__ as entry
from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.backups import make_daily_backup
from backleg_desktop.services.store import open_store
from backleg_desktop.storage.paths import DB_FILENAME


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(list(argv)), data_dir, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def one_session(data_dir: Path) -> None:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        store.workouts.log_set(session.id, SetEntry("leg-extension", 1, reps=12, load_kg=20))


def test_restore_of_a_folder_says_so(data_dir: Path, tmp_path: Path) -> None:
    one_session(data_dir)
    code, out, err = cli(data_dir, "restore", str(tmp_path))
    assert (code, out) == (1, "")
    assert f"{tmp_path} is not a usable Backleg backup: it is a folder" in err


def test_restore_of_a_missing_file_says_so(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(data_dir, "restore", str(tmp_path / "nope.sqlite3"))
    assert code == 1 and "there is no such file" in err


def test_restore_of_a_backup_from_a_newer_backleg_gives_the_reason(
    data_dir: Path, tmp_path: Path
) -> None:
    one_session(data_dir)
    backup = make_daily_backup(data_dir, date(2026, 11, 24))
    assert backup is not None
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(backup, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    code, _, err = cli(data_dir, "restore", str(newer))
    assert code == 1 and "(ok)" not in err
    assert "written by a newer version of Backleg (schema 9999)" in err


def test_a_data_dir_that_is_a_symlink_loop_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop")
    code = entry.main(["--data-dir", str(loop), "export", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err
    assert code == 1 and "symbolic link that leads back to itself" in err
    assert "Traceback" not in err


def test_export_of_a_damaged_history_says_where_it_went(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / DB_FILENAME).write_bytes(b"this was my history, now it is noise\n" * 200)
    code, out, err = cli(data_dir, "export", str(tmp_path / "out.csv"))
    assert (code, err) == (0, "")
    [aside] = data_dir.glob(f"{DB_FILENAME}.corrupt-*")
    assert f"moved, unchanged, to {aside}" in out
    assert out.index(str(aside)) < out.index("Exported 0 sessions")


def test_a_history_whose_mode_cannot_change_opens_with_a_notice(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user's file (simulated: chmod is refused), readable by others."""
    one_session(data_dir)
    db = data_dir / DB_FILENAME
    db.chmod(0o644)
    real_chmod = os.chmod

    def refused(path: object, mode: int, *args: object, **kwargs: object) -> None:
        if Path(str(path)).name.startswith(DB_FILENAME):
            raise PermissionError(1, "Operation not permitted", str(path))
        real_chmod(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "chmod", refused)
    code, out, err = cli(data_dir, "export", str(tmp_path / "out.csv"))
    assert (code, err) == (0, "")
    assert f"Backleg could not make {db} private" in out and "Exported 1 session" in out


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr (e2fsprogs)")
def test_an_immutable_history_is_reported_and_left_alone(data_dir: Path, tmp_path: Path) -> None:
    one_session(data_dir)
    db = data_dir / DB_FILENAME
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("this file system or user cannot set the immutable attribute")
    try:
        before = db.read_bytes()
        code, out, err = cli(
            data_dir, "import", str(Path(__file__).parent / "data" / "imports" / "strong.csv")
        )
        assert (code, out) == (1, "")
        assert f"Backleg cannot write to its history file {db}" in err and "immutable" in err
        assert db.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_restore_of_the_history_onto_itself_is_refused(data_dir: Path) -> None:
    one_session(data_dir)
    code, _, err = cli(data_dir, "restore", str(data_dir / DB_FILENAME))
    assert code == 1 and "is the history itself, not a backup" in err
    assert not list(data_dir.glob(f"{DB_FILENAME}.before-restore-*"))
