"""The tray icon while a session runs: tooltip, Skip rest, +15 s, Show, and the
rest-end notification when the window is minimised or in the background."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from backleg_desktop.ui import session_tray
from tests.support.tray import FakeTray


@pytest.fixture
def tray_desktop(monkeypatch):  # type: ignore[no-untyped-def]
    """A desktop with a system tray; the icons made are FakeTrays that record messages."""
    FakeTray.made = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(session_tray, "QSystemTrayIcon", FakeTray)
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda *a: None))
    return FakeTray


def real_alert(drive) -> None:  # type: ignore[no-untyped-def]
    """The page's own RestAlert (not the recording fake), with sound off."""
    drive.window.settings.setValue("sound/enabled", False)
    drive.page._alert = None


def test_the_icon_is_there_only_while_a_session_runs(drive, tray_desktop, answers) -> None:
    tray = drive.window.session.tray
    assert tray is not None and tray.icon is None
    drive.start()
    [icon] = tray_desktop.made
    assert icon.isVisible() and tray.tooltip() == "Backleg: session running"
    assert not tray.skip_action.isEnabled() and not tray.more_action.isEnabled()
    drive.space()
    drive.advance(3)
    assert tray.tooltip() == "Backleg: 0:03 · Set"
    drive.page.end_session()  # Enter in the question: yes
    assert not icon.isVisible()


def test_the_tooltip_counts_the_rest_and_the_menu_acts_on_it(drive, tray_desktop) -> None:
    page = drive.page
    tray = drive.window.session.tray
    drive.start()
    drive.do_set()
    assert tray.tooltip() == "Backleg: 0:45 of rest left"
    drive.advance(5)
    assert tray.tooltip() == "Backleg: 0:40 of rest left"
    assert tray.skip_action.isEnabled() and tray.more_action.isEnabled()
    tray.more_action.trigger()
    assert page.rest_screen.ring.text == "0:55" and tray.tooltip() == "Backleg: 0:55 of rest left"
    tray.skip_action.trigger()
    assert page.flow.state == "ready" and page.current_screen() is page.exercise_screen
    assert not tray.skip_action.isEnabled()
    assert drive.stored().sets[0].rest_taken_s == 5


def test_show_brings_a_minimised_window_back(drive, tray_desktop, qtbot) -> None:
    tray = drive.window.session.tray
    drive.start()
    drive.window.showMinimized()
    tray.show_action.trigger()
    assert not drive.window.isMinimized()


def test_rest_end_notifies_through_the_icon_when_minimised(drive, tray_desktop) -> None:
    real_alert(drive)
    drive.start()
    drive.do_set()
    [icon] = tray_desktop.made
    drive.window.showMinimized()
    drive.advance(45)
    assert icon.messages == [("Rest is over", "Ready for set 2: Leg extension")]


def test_no_notification_when_the_window_is_in_front(drive, tray_desktop, monkeypatch) -> None:
    real_alert(drive)
    monkeypatch.setattr(drive.window, "isActiveWindow", lambda: True)
    drive.start()
    drive.do_set()
    drive.advance(45)
    assert tray_desktop.made[0].messages == []


def test_the_notification_preference_is_respected(drive, tray_desktop, monkeypatch) -> None:
    real_alert(drive)
    drive.window.settings.setValue("notifications/rest_end", False)
    monkeypatch.setattr(drive.window, "isActiveWindow", lambda: False)
    drive.start()
    drive.do_set()
    drive.advance(45)
    assert drive.page.flow.state == "ready" and tray_desktop.made[0].messages == []


def test_no_tray_on_a_desktop_without_one(drive, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    drive.start()
    drive.do_set()
    tray = drive.window.session.tray
    assert tray.icon is None and tray.tooltip() == ""
