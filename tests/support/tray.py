"""A QSystemTrayIcon that records its messages instead of asking the desktop to show them."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QSystemTrayIcon


class FakeTray(QSystemTrayIcon):
    made: ClassVar[list[FakeTray]] = []  # every one RestAlert made, when it stands in for the class

    def __init__(self, icon=None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        if icon is not None:
            self.setIcon(icon)
        self.messages: list[tuple[str, str]] = []
        self.visible = True
        FakeTray.made.append(self)

    def isVisible(self) -> bool:
        return self.visible

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, title, message, *args) -> None:  # type: ignore[no-untyped-def]
        self.messages.append((title, message))
