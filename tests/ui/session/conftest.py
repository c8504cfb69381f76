"""A main window with an open store on a tmp data dir, a fake clock, and helpers that
drive the session page the way someone at the gym does: keys sent to whatever has focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from backleg_desktop.services.store import Store, open_store
from backleg_desktop.ui import message_boxes
from tests.support.stores import close_when_jobs_are_done


class FakeAlert:
    """Stands in for RestAlert: records each alert instead of playing a sound."""

    def __init__(self) -> None:
        self.fired: list[tuple[str, str]] = []
        self.countdowns: list[int] = []  # the seconds left at each countdown beep
        self.tray_hidden = 0

    def countdown(self, seconds_left: int) -> None:
        self.countdowns.append(seconds_left)

    def fire(self, title: str = "", message: str = "") -> None:
        self.fired.append((title, message))

    def hide_tray(self) -> None:
        self.tray_hidden += 1


@pytest.fixture
def store(data_dir: Path, library) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    opened = open_store(data_dir, library, make_daily_backup=False)
    yield opened
    close_when_jobs_are_done(opened)  # History's record markers may still be reading


class Answers(list):
    """Answers for message_boxes.ask, in order; `asked` records (title, default button)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, Any]] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    queue = Answers()

    def ask(parent, title, text, *, yes, no, default):  # type: ignore[no-untyped-def]
        queue.asked.append((title, default))
        answer = queue.pop(0) if queue else default  # no answer queued: Enter, the default
        return answer == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(message_boxes, "ask", ask)
    return queue


class Driver:
    """Presses keys in the session like a user, with the fake clock in hand."""

    def __init__(self, qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.window = window
        self.clock = clock
        self.page: Any = window.session.page

    def target(self):  # type: ignore[no-untyped-def]
        focus = QApplication.focusWidget()
        return focus if focus is not None and focus.window() is self.window else self.window

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:  # type: ignore[no-untyped-def]
        self.qtbot.keyClick(self.target(), key, modifier)

    def space(self) -> None:
        self.key(Qt.Key.Key_Space)

    def enter(self) -> None:
        self.key(Qt.Key.Key_Return)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.target(), text)

    def advance(self, seconds: float) -> None:
        """Let fake time pass and let the drivers notice, as their QTimers would."""
        self.clock.advance(seconds)
        self.page.set_driver.tick()
        self.page.rest_driver.tick()

    def start(self, plan_index: int = 0, pain: str | None = "2") -> None:
        self.window.session.start()
        if plan_index:
            for _ in range(plan_index):
                self.key(Qt.Key.Key_Down)
        self.enter()
        assert self.page.current_screen() is self.page.pain_screen
        if pain is None:
            self.key(Qt.Key.Key_Escape)
        else:
            self.type(pain)
            self.enter()

    def do_set(self, seconds: float = 20) -> None:
        """Space to start, time passes, Space to log."""
        self.space()
        self.advance(seconds)
        self.space()

    def workouts(self):  # type: ignore[no-untyped-def]
        return self.window.store.workouts

    def stored(self) -> Any:
        page = self.page
        session_id = page.recorder.session_id if page.recorder else None
        assert session_id is not None
        return self.workouts().session_detail(session_id)


@pytest.fixture
def session_window(main_window, store, monkeypatch):  # type: ignore[no-untyped-def]
    main_window.attach_store(store)
    yield main_window
    main_window.close()


@pytest.fixture
def drive(qtbot, session_window, fake_clock, answers) -> Driver:  # type: ignore[no-untyped-def]
    # `answers` patches message_boxes.ask for every test: a real modal would block.
    driver = Driver(qtbot, session_window, fake_clock)
    driver.page._alert = FakeAlert()
    return driver
