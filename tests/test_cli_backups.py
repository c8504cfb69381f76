"""`backleg backups` and `backleg restore BACKUP`, on real SQLite files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.backups import make_daily_backup
from backleg_desktop.services.store import open_store
from tests.support.cli import run_cli, sessions_in


def log_session(data_dir: Path) -> None:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        store.workouts.log_set(session.id, SetEntry("leg-extension", 1, reps=12, load_kg=20))


def test_list_then_restore_brings_back_the_backed_up_history(data_dir: Path) -> None:
    log_session(data_dir)
    backup = make_daily_backup(data_dir, date(2026, 11, 24))
    assert backup is not None
    log_session(data_dir)  # a change made after the backup
    assert sessions_in(data_dir) == 2

    code, out, _ = run_cli(data_dir, "backups")
    assert code == 0 and "2026-11-24" in out and str(backup) in out

    code, out, err = run_cli(data_dir, "restore", str(backup))
    assert (code, err) == (0, "")
    assert f"Restored the history from {backup}." in out
    assert sessions_in(data_dir) == 1
    kept = [p for p in data_dir.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and str(kept[0]) in out  # the replaced history is kept


def test_no_backups_yet(data_dir: Path) -> None:
    code, out, _ = run_cli(data_dir, "backups")
    assert code == 0 and out.startswith("No backups yet in ")


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    data_dir: Path, tmp_path: Path
) -> None:
    log_session(data_dir)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    code, _, err = run_cli(data_dir, "restore", str(junk))
    assert code == 1 and str(junk) in err and "not a usable Backleg backup" in err
    assert sessions_in(data_dir) == 1


def test_the_kept_copy_is_listed_and_the_notice_names_it(data_dir: Path, tmp_path: Path) -> None:
    log_session(data_dir)
    make_daily_backup(data_dir, date(2026, 11, 24))
    (data_dir / "backleg.sqlite3").write_bytes(b"damaged" * 1000)
    code, out, _ = run_cli(data_dir, "export", str(tmp_path / "out.csv"))
    assert code == 0 and "The last good backup is " in out
    kept = out.split("The last good backup is ")[1].split(";")[0]
    code, listing, _ = run_cli(data_dir, "backups")
    assert f"{kept}  (kept: the last good copy before a damaged file was set aside)" in listing
