"""A tray icon while a session runs: the rest left in its tooltip, and a menu with
Skip rest, +15 s and Show. The rest-end notification goes through this icon too
(ui/alerts.py), so the desktop shows one Backleg icon, not two."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow
    from backleg_desktop.ui.session.page import SessionPage

APP_NAME = "Backleg"


class SessionTray(QObject):
    """Made with the session page; the icon exists only while a session is active and
    the desktop has a system tray (`QSystemTrayIcon.isSystemTrayAvailable()`)."""

    def __init__(self, window: MainWindow, page: SessionPage) -> None:
        super().__init__(page)
        self.window = window
        self.page = page
        self.icon: QSystemTrayIcon | None = None
        self.menu = QMenu()  # no parent: a tray menu is a top-level popup
        self.menu.setObjectName("trayMenu")
        self.skip_action = self._action("&Skip rest", "traySkipRest", self._skip)
        self.more_action = self._action("&+15 s rest", "trayMoreRest", self._more)
        self.menu.addSeparator()
        self.show_action = self._action("S&how Backleg", "trayShow", window.bring_to_front)
        self.destroyed.connect(self.menu.deleteLater)
        page.active_changed.connect(self._active_changed)
        page.title_prefix_changed.connect(self._show_state)

    def _action(self, text: str, name: str, slot: object) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.menu.addAction(action)
        return action

    @property
    def visible(self) -> bool:
        return self.icon is not None and self.icon.isVisible()

    def _active_changed(self, active: bool) -> None:
        if active:
            self._show_icon()
        elif self.icon is not None:
            self.icon.hide()

    def _show_icon(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.icon is None:
            icon = self.window.windowIcon()
            self.icon = QSystemTrayIcon(icon if not icon.isNull() else QApplication.windowIcon())
            self.icon.setParent(self)
            self.icon.setObjectName("sessionTray")
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self.window.bring_to_front)
        alert = self.page.alert
        if hasattr(alert, "tray"):
            alert.tray = self.icon  # the rest-end message comes from this icon
        self.icon.show()
        self._show_state(self.window.windowTitle().removesuffix(f" · {APP_NAME}"))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.window.bring_to_front()

    def _show_state(self, prefix: str) -> None:
        """`prefix` is the window title's ("0:45 · Rest", "0:12 · Set", "Rest over", "")."""
        flow = self.page.flow
        resting = flow is not None and flow.state == "resting"
        self.skip_action.setEnabled(resting)
        self.more_action.setEnabled(resting)
        if self.icon is None:
            return
        if resting and flow is not None:
            from backleg_desktop.domain.timers import format_mmss

            left = format_mmss(flow.rest_timer.display_seconds())
            paused = " (paused)" if flow.rest_timer.is_paused else ""
            tip = f"{APP_NAME}: {left} of rest left{paused}"
        elif prefix:
            tip = f"{APP_NAME}: {prefix}"
        else:
            tip = f"{APP_NAME}: session running"
        self.icon.setToolTip(tip)

    def _skip(self) -> None:
        self.page.running.skip_rest()

    def _more(self) -> None:
        self.page.running.adjust_rest(15)

    def tooltip(self) -> str:
        return "" if self.icon is None else self.icon.toolTip()
