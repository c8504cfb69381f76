"""Help: Keyboard shortcuts, Disclaimer, Open data folder, Report a problem, About."""

from __future__ import annotations

import sqlite3

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog

from backleg_desktop import __version__
from backleg_desktop.services.store import open_store
from backleg_desktop.ui import help_menu, message_boxes
from tests.support.stores import close_when_jobs_are_done


def help_entries(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.objectName() for a in window.help_menu.actions() if not a.isSeparator()]


def test_the_help_menu_has_every_entry_in_order(main_window) -> None:
    assert help_entries(main_window) == [
        "keyboardShortcutsAction",
        "disclaimerAction",
        "openDataFolderAction",
        "reportProblemAction",
        "aboutAction",
    ]


def test_about_names_the_version_licence_and_disclaimer(qtbot, main_window, library) -> None:
    dialog = help_menu.show_about(main_window)
    assert dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.licence)))
    assert f"Backleg {__version__}" in texts
    assert "Licence: MIT" in dialog.licence.text()
    assert dialog.disclaimer.text() == library.guidance.disclaimer
    assert help_menu.show_about(main_window) is dialog  # the same one again
    dialog.close()


def test_the_problem_report_has_the_facts_and_copies_them(qtbot, main_window, data_dir, library):  # type: ignore[no-untyped-def]
    store = open_store(data_dir, library, make_daily_backup=False)
    main_window.attach_store(store)
    try:
        action = main_window.findChild(type(main_window.about_action), "reportProblemAction")
        action.trigger()
        dialog = main_window.findChild(QDialog, "problemReportDialog")
        assert dialog is not None and dialog.isVisible()
        text = dialog.text.toPlainText()
        for fact in (
            f"Backleg {__version__}",
            f"Qt: {qVersion()}",
            f"PySide6: {PySide6.__version__}",
            f"SQLite: {sqlite3.sqlite_version}",
            f"Data folder: {data_dir}",
            "History file: backleg.sqlite3,",
            "Platform: ",
        ):
            assert fact in text
        assert dialog.text.isReadOnly()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == text
        assert dialog.copied.text().startswith("Copied")
        dialog.close()
    finally:
        close_when_jobs_are_done(store)


def test_the_report_says_when_the_history_is_not_open(main_window) -> None:
    dialog = help_menu.show_problem_report(main_window)
    assert "History file: not open" in dialog.text.toPlainText()
    dialog.close()


def test_open_data_folder_asks_the_desktop_and_says_where_when_it_cannot(
    main_window, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    told: list[str] = []
    monkeypatch.setattr(message_boxes, "inform", lambda _p, _t, text: told.append(text))
    action = main_window.findChild(type(main_window.about_action), "openDataFolderAction")
    action.trigger()  # openUrl "returned" None: not opened, so the path is shown instead
    assert opened == [str(data_dir)]
    assert told and str(data_dir) in told[0]
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    action.trigger()
    assert len(told) == 1
