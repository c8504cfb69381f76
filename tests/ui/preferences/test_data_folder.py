"""Preferences → Data folder: the path, Back up now, and Restore backup… from the window,
with the CLI's rules (the replaced history is kept; refused while another Backleg holds
the folder or a session runs); afterwards the window shows the restored history."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from backleg_desktop.services import backups
from backleg_desktop.ui.preferences.data_section import DataFolderSection
from backleg_desktop.ui.preferences.dialog import PreferencesDialog
from backleg_desktop.ui.preferences.install import show_preferences
from tests.support.stores import close_when_jobs_are_done

START = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)


def add_session(store, day: int) -> int:  # type: ignore[no-untyped-def]
    from backleg_desktop.domain.history import SetEntry

    workouts = store.workouts
    start = START + timedelta(days=day)
    session = workouts.start_session("strength", pain_before=2, started_at=start)
    entry = SetEntry("leg-extension", 1, reps=10, load_kg=40.0, completed_at=start)
    workouts.log_set(session.id, entry)
    workouts.finish_session(session.id, pain_after=2, ended_at=start + timedelta(hours=1))
    return session.id


def data_section(window) -> DataFolderSection:  # type: ignore[no-untyped-def]
    dialog = show_preferences(window)
    assert isinstance(dialog, PreferencesDialog)
    dialog.show_section(DataFolderSection)
    section = dialog.section(DataFolderSection)
    assert isinstance(section, DataFolderSection)
    return section


def sessions_in(window) -> int:  # type: ignore[no-untyped-def]
    return window.store.workouts.count_sessions()


@pytest.fixture
def restored_window(session_window):  # type: ignore[no-untyped-def]
    yield session_window
    if session_window.store is not None:  # the store the restore reopened
        close_when_jobs_are_done(session_window.store)


def test_the_section_shows_the_folder(qtbot, restored_window, data_dir) -> None:
    section = data_section(restored_window)
    assert section.path_label.text() == str(data_dir)
    assert section.isVisible()
    for button in (section.open_button, section.backup_button, section.restore_button):
        assert button.isVisible() and button.accessibleName()


def test_back_up_now_then_restore_from_the_window(qtbot, restored_window, store) -> None:
    window = restored_window
    add_session(store, 0)
    section = data_section(window)
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    [made] = backups.list_backups(window.data_dir)
    assert section.status.text() == f"Backed up your history to {made.path}."
    add_session(store, 1)  # after the backup: the restore takes it away
    window.show_page("history")
    qtbot.waitUntil(lambda: window.history_page.model.rowCount() == 2)

    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    dialog = section.restore_dialog
    assert dialog is not None and dialog.isVisible()
    item = dialog.tree.topLevelItem(0)
    assert item.text(2) == made.path.name and item.text(1)  # its date, size and name
    assert item.text(0).endswith(f"{made.day:%b %Y}")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert section.status.text().startswith(f"Restored your history from {made.path.name}.")
    assert "The history it replaced is kept as" in section.status.text()
    kept = list(window.data_dir.glob("backleg.sqlite3.before-restore-*"))
    assert len(kept) == 1
    assert window.store is not store  # reopened on the restored file
    assert sessions_in(window) == 1
    qtbot.waitUntil(lambda: window.history_page.model.rowCount() == 1)  # History follows


def test_restore_is_refused_while_another_backleg_holds_the_folder(
    qtbot, restored_window, store
) -> None:
    window = restored_window
    add_session(store, 0)
    section = data_section(window)
    section.back_up_now()
    add_session(store, 1)
    holder = subprocess.Popen(  # a CLI import holds the folder lock shared, as it would
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR);"
            " fcntl.flock(fd, fcntl.LOCK_SH); print('held', flush=True); sys.stdin.read()",
            str(window.data_dir / "backleg.lock"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        dialog = section.choose_backup()
        dialog.accept()
    finally:
        holder.communicate("", timeout=10)
    assert section.status.text().startswith("Another Backleg")
    assert "Nothing was changed." in section.status.text()
    assert not list(window.data_dir.glob("backleg.sqlite3.before-restore-*"))
    assert sessions_in(window) == 2  # the window's history is open again, untouched


def test_restore_is_refused_while_a_session_runs(qtbot, restored_window, store, drive) -> None:
    window = restored_window
    add_session(store, 0)
    section = data_section(window)
    section.back_up_now()
    section.window().close()  # the Preferences dialog; the session is started from the window
    drive.start()
    assert window.session.page.is_active
    section.choose_backup().accept()
    assert section.status.text().startswith("A session is running")
    assert window.store is store
    assert not list(window.data_dir.glob("backleg.sqlite3.before-restore-*"))


def test_back_up_now_with_no_history_yet_says_so(qtbot, main_window) -> None:
    section = data_section(main_window)
    section.back_up_now()
    assert section.status.text() == "There is no history to back up yet: log a set first."


class UrlCatcher(QObject):
    """Takes file: URLs in place of the desktop's file manager (QDesktopServices'
    own hook for this), so the test sees what Open folder asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_open_folder_opens_the_data_folder(qtbot, main_window, data_dir) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        section = data_section(main_window)
        qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.opened] == [str(data_dir)]
