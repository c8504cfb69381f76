"""The whole app from the keyboard: on each page Tab goes round every enabled, shown
control that takes Tab focus and comes back where it started, never stuck on one control
(a view that moves between its items on Tab, a text box that types it); Shift+Tab goes
the same way back. Buttons that stay out of the Tab order (the session's, so Space stays
its key) show a key of their own ("Skip set  [S]").

Every loop here is bounded by a count, and a timer closes any modal box a key opens
(and fails the test), so a wrong key never hangs the run."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateTimeEdit, QWidget

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.widgets import LinkLabel
from tests.support.accessible import controls
from tests.support.stores import close_when_jobs_are_done
from tests.support.synthetic import generate_history

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
MAX_TABS = 80  # the longest page (History's list and filters) has about 20 stops


class ModalGuard:
    """Closes any modal box or popup that opens while keys are pressed, and notes it."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        for box in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
            if box is not None:
                self.opened.append(f"{type(box).__name__} {box.windowTitle()!r}")
                box.close()


@pytest.fixture
def window(qtbot, main_window, data_dir, library) -> Iterator:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, library, make_daily_backup=False)
    # A few real sessions, so History shows rows, a detail and its tabs.
    store.workouts.import_sessions(itertools.islice(generate_history(years=1, seed=3), 12))
    main_window.attach_store(store)
    guard = ModalGuard()
    yield main_window
    guard.timer.stop()
    main_window.close()
    close_when_jobs_are_done(store)
    assert not guard.opened, f"a key opened a modal box: {guard.opened}"


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget | None:  # type: ignore[no-untyped-def]
    before = QApplication.focusWidget()
    assert before is not None, "nothing has the focus"
    qtbot.keyClick(before, key, modifier)
    return QApplication.focusWidget()


def chain(qtbot, window, backwards: bool = False) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab (or Shift+Tab) until the focus is back where it started: the widgets
    it visited, in order, ending with the start."""
    key, modifier = (K.Key_Backtab, SHIFT) if backwards else (K.Key_Tab, Qt.KeyboardModifier(0))
    start = QApplication.focusWidget()
    assert start is not None and start.window() is window, describe(start)
    if not start.focusPolicy() & Qt.FocusPolicy.TabFocus:
        # The session parks the focus on its page (no Tab stop) so Space and the digits
        # reach it; the first Tab leaves the parking place for the first stop.
        start = press(qtbot, key, modifier)
        assert start is not None and start.window() is window, describe(start)
    visited: list[QWidget] = []
    held = 0  # presses the same widget kept the focus for
    before = start
    for _ in range(MAX_TABS):
        now = press(qtbot, key, modifier)
        assert now is not None, f"Tab from {describe(before)} left nothing focused"
        assert now.window() is window, f"Tab left the window for {describe(now)}"
        held = held + 1 if now is before else 0
        # A label of links moves between its links first, a date box between its day,
        # month and year; anything else that keeps the focus on Tab is a trap.
        limit = 0
        if isinstance(now, LinkLabel):
            limit = len(now.links) - 1
        elif isinstance(now, QDateTimeEdit):
            limit = now.sectionCount() - 1
        assert held <= limit, f"Tab is stuck on {describe(now)}"
        if now is not before:
            visited.append(now)
        if now is start and visited:
            return visited
        before = now
    raise AssertionError(
        f"Tab never came back to {describe(start)}; last stops: "
        + " → ".join(describe(w) for w in visited[-6:])
    )


def tab_controls(window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The enabled, shown controls that say they take the focus from Tab."""
    return [
        w
        for w in controls(window)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.window() is window
    ]


def check_round(qtbot, window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Tab reaches every control and comes back round; Shift+Tab is the same way back."""
    forward = chain(qtbot, window)
    names = " → ".join(describe(w) for w in forward)
    # A calendar hands its focus to its inner view (its focus proxy).
    missed = [
        describe(w)
        for w in tab_controls(window)
        if w not in forward and w.focusProxy() not in forward
    ]
    assert not missed, "Tab never reaches:\n" + "\n".join(missed) + f"\nTab went: {names}"
    backward = chain(qtbot, window, backwards=True)
    assert backward == [*reversed(forward[:-1]), forward[-1]], (
        f"Shift+Tab went: {' → '.join(describe(w) for w in backward)}\nTab went: {names}"
    )
    unkeyed = [
        describe(w)
        for w in controls(window)
        if isinstance(w, QAbstractButton)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() == Qt.FocusPolicy.NoFocus
        and not re.search(r"\[.+\]|\(.+\)", w.text() + " " + w.toolTip())
    ]
    assert not unkeyed, "Out of the Tab order with no key:\n" + "\n".join(unkeyed)
    return forward


def from_sidebar(window, key: str) -> None:  # type: ignore[no-untyped-def]
    window.show_page(key)
    window.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)
    assert QApplication.focusWidget() is window.sidebar


def test_tab_reaches_the_exercise_search_and_filters_in_order(qtbot, window) -> None:
    from_sidebar(window, "exercises")
    page = window.exercises_page
    forward = check_round(qtbot, window)
    assert forward == [
        page.search,
        page.muscle_filter,
        page.equipment_filter,
        page.grid,
        window.sidebar,
    ]


@pytest.mark.parametrize("key", ["avoid", "guidance", "plans", "history"])
def test_tab_goes_round_each_page(qtbot, window, key) -> None:
    from_sidebar(window, key)
    forward = check_round(qtbot, window)
    assert len(forward) > 1  # something on the page besides the sidebar


def test_tab_goes_round_an_exercise_page_from_back(qtbot, window) -> None:
    window.open_exercise("goblet-squat")
    page = window.exercise_page
    assert QApplication.focusWidget() is page.player.next_button  # opening lands here
    page.back_button.setFocus()
    forward = check_round(qtbot, window)
    assert page.player.next_button in forward


def test_tab_goes_round_each_tab_of_history(qtbot, window) -> None:
    window.show_page("history")
    history = window.history_page
    qtbot.waitUntil(lambda: history.table.model().rowCount() > 0, timeout=5000)
    history.table.selectRow(0)
    for index in range(history.tabs.count()):
        history.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        history.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
        forward = check_round(qtbot, window)
        assert history.tabs.tabBar() in forward


def test_tab_goes_round_the_chooser_check_in_and_set_screen(qtbot, window) -> None:
    page = window.session.page
    window.session.start()
    assert page.current_screen() is page.chooser
    forward = check_round(qtbot, window)
    assert page.chooser.filter in forward and page.chooser.plans in forward
    page.chooser.plans.setFocus()
    press(qtbot, K.Key_Return)
    assert page.current_screen() is page.pain_screen
    check_round(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    press(qtbot, K.Key_Return)
    assert page.current_screen() is page.exercise_screen
    check_round(qtbot, window)
