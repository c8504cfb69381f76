"""Refreshing History when the history file changes outside the window (a CLI import, a
restore): a look at SQLite's data version every few seconds while the page is shown,
and whenever the window becomes active again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from backleg_desktop.services.history_watch import DataVersionWatch, watch_history

CHECK_INTERVAL_MS = 3000


class OutsideChangeWatcher(QObject):
    changed_outside = Signal()

    def __init__(self, page: QWidget) -> None:
        # No Python reference back to the page: a cycle would leave a closed page to the
        # garbage collector, which may run on a worker thread and must not delete widgets.
        super().__init__(page)
        self._watch: DataVersionWatch | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("historyOutsideChangeTimer")
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        page.installEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state)

    def watch(self, db_path: Path) -> None:
        if self._watch is not None:
            self._watch.close()
        self._watch = watch_history(db_path)
        self._update_timer()

    def seen(self) -> None:
        """The window's own change: not one to refresh for."""
        if self._watch is not None:
            self._watch.seen()

    def check(self) -> bool:
        """Refresh if the file changed outside; whether it did."""
        if self._watch is None or not self._watch.changed():
            return False
        self.changed_outside.emit()
        self.seen()  # what the refresh read is now known
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:
            self.check()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._update_timer()
        if kind == QEvent.Type.WindowActivate and self._page_visible():
            self.check()
        return False

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self._page_visible():
            self.check()

    def _update_timer(self) -> None:
        # Only while History is on screen: a hidden page has nothing to show.
        if self._watch is not None and self._page_visible():
            self.timer.start()
        else:
            self.timer.stop()

    def _page_visible(self) -> bool:
        page = self.parent()
        return isinstance(page, QWidget) and page.isVisible()

    def stop(self) -> None:
        self.timer.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
