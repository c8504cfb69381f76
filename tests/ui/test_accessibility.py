"""Accessibility: every interactive control on every page and every screen of a session
has a name and a description that says more than the name, and the Exercises grid works
from the keyboard and the mouse (Enter and double-click open, Escape and ‹ Back return
with the focus on the card that was opened). The dialogs are in
test_accessibility_dialogs.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from backleg_desktop.services.store import open_store
from backleg_desktop.ui import message_boxes
from tests.support.accessible import problems
from tests.support.stores import close_when_jobs_are_done
from tests.ui.session.conftest import Driver, FakeAlert

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def walked(qtbot, main_window, data_dir, library, fake_clock, monkeypatch):  # type: ignore[no-untyped-def]
    """The window on a real store, with a question answered by its default button."""
    monkeypatch.setattr(message_boxes, "ask", lambda *a, default, **k: default == message_boxes.Yes)
    store = open_store(data_dir, library, make_daily_backup=False)
    main_window.attach_store(store)
    drive = Driver(qtbot, main_window, fake_clock)
    drive.page._alert = FakeAlert()
    yield drive
    main_window.close()
    close_when_jobs_are_done(store)


class Found(list):
    def look(self, top: QWidget) -> None:
        self.extend(text for text in problems(top) if text not in self)


def test_every_screen_of_a_session_names_and_describes_its_controls(walked) -> None:
    drive, found = walked, Found()
    page = drive.page
    drive.window.session.start()
    found.look(page.chooser)
    drive.enter()  # Strength
    found.look(page.pain_screen)
    drive.type("2")
    drive.enter()
    found.look(page.exercise_screen)
    drive.key(K.Key_W)  # the warm-up
    assert page.warm_up.screen is not None and page.current_screen() is page.warm_up.screen
    found.look(page.warm_up.screen)
    drive.key(K.Key_Escape)
    drive.do_set()
    assert page.current_screen() is page.rest_screen
    found.look(page.rest_screen)
    drive.key(K.Key_E, CTRL)  # end: the check-in after
    found.look(page.pain_screen)
    drive.type("3")
    drive.enter()
    assert page.current_screen() is page.summary_screen
    found.look(page)
    found.look(drive.window)  # the chrome: sidebar, menus' widgets
    assert not found, "\n" + "\n".join(found)


def test_a_hold_names_and_describes_its_controls(walked) -> None:
    drive, found = walked, Found()
    drive.window.session.start()
    drive.enter()
    drive.type("8")  # the gentle day: holds
    drive.enter()
    assert drive.page.plan.id == "gentle-day"
    drive.space()  # the hold runs
    found.look(drive.page)
    assert not found, "\n" + "\n".join(found)
    drive.space()


def test_every_page_names_and_describes_its_controls(qtbot, walked) -> None:
    drive, found = walked, Found()
    window = drive.window
    drive.window.session.start()
    drive.enter()
    drive.type("2")
    drive.enter()
    drive.do_set()  # one session in History
    drive.key(K.Key_E, CTRL)
    drive.type("3")
    drive.enter()
    for key in window.page_keys():
        if key == "exercise":
            window.open_exercise("goblet-squat")
        else:
            window.show_page(key)
        found.look(window)
    history = window.history_page
    qtbot.waitUntil(lambda: history.table.model().rowCount() > 0, timeout=5000)
    history.table.selectRow(0)
    for index in range(history.tabs.count()):  # the lazy tabs: charts, records, calendar
        history.tabs.setCurrentIndex(index)
        found.look(history)
    window.show_page("plans")
    window.plans_page.new_plan()
    editor = window.plans_page.editor
    found.look(editor)
    editor.pick_exercises()
    found.look(editor.picker)
    editor.picker.reject()
    editor.reject()
    assert not found, "\n" + "\n".join(found)
