"""What the window looked like when it was closed, restored at the next start: the last
page shown (with its exercise) and every splitter's position. The window's own geometry
is main_window.py's (`window/geometry`).

Pages are built on first use, so a splitter's position is put back when its page is
first shown, not at start-up. Splitters are told apart by page and order of creation
(`window/splitters/history-0`), which needs no object names in the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtWidgets import QSplitter

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow

PAGE_KEY = "window/last_page"
EXERCISE_KEY = "window/last_exercise"
SPLITTER_GROUP = "window/splitters"
SPLIT_RESTORED = "splitterRestored"  # a property set on a splitter once it has been restored


class WindowState(QObject):
    """Installed by `install_window_state(window)` at the end of `complete()`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("windowState")
        self.window = window
        window.page_changed.connect(self._page_shown)
        window.installEventFilter(self)

    # -- the last page ---------------------------------------------------------------
    def restore_page(self) -> bool:
        """Show the page the window was closed on; False when there is none to show."""
        window = self.window
        key = str(window.settings.value(PAGE_KEY, "") or "")
        if key == "exercise":
            exercise_id = str(window.settings.value(EXERCISE_KEY, "") or "")
            if exercise_id in window.library.exercises:
                if window.current_page_key() is None:
                    window.show_page("exercises", remember=False)
                window.open_exercise(exercise_id)  # Back leads to the Exercises grid
                return True
            return False
        if key in window.page_keys() and key != window.current_page_key():
            window.show_page(key, remember=False)
            return True
        return False

    # -- splitters -------------------------------------------------------------------
    def _splitters(self, page_key: str) -> list[QSplitter]:
        page = self.window.page(page_key)
        return page.findChildren(QSplitter)

    def _page_shown(self, page_key: str) -> None:
        for index, splitter in enumerate(self._splitters(page_key)):
            if splitter.property(SPLIT_RESTORED):
                continue
            splitter.setProperty(SPLIT_RESTORED, True)
            state = self.window.settings.value(f"{SPLITTER_GROUP}/{page_key}-{index}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save(self) -> None:
        window = self.window
        settings = window.settings
        page_key = window.current_page_key()
        if page_key is not None:
            settings.setValue(PAGE_KEY, page_key)
            if page_key == "exercise":
                settings.setValue(EXERCISE_KEY, window.current_exercise_id() or "")
        for key in window.page_keys():
            if not window.is_built(key):
                continue
            for index, splitter in enumerate(self._splitters(key)):
                settings.setValue(f"{SPLITTER_GROUP}/{key}-{index}", splitter.saveState())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return False


def install_window_state(window: MainWindow) -> WindowState:
    """Installed before the first page is shown; `restore_page()` then shows it."""
    return WindowState(window)
