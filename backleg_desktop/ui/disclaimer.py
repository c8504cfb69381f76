"""The disclaimer dialog, shown once on first start and again from Help ▸ Disclaimer.

It opens window-modal with open(), not exec(): nothing blocks, so tests can find the
dialog and press its button as a user would.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.widgets import heading, paragraph

ACCEPTED_KEY = "disclaimer/accepted"
ACCEPT_TEXT = "I understand"


class DisclaimerDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disclaimerDialog")
        self.setWindowTitle("Before you start")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading("Before you start", 2))
        self.text_label: QLabel = paragraph(text)
        self.text_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout.addWidget(self.text_label)
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton(
            ACCEPT_TEXT, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setDefault(True)
        described(
            self.accept_button,
            "Says you have read that Backleg is no medical advice; it is not shown again.",
        )
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)


def disclaimer_accepted(settings: QSettings) -> bool:
    return bool(settings.value(ACCEPTED_KEY, False, type=bool))


def remember_accepted(settings: QSettings) -> None:
    settings.setValue(ACCEPTED_KEY, True)
    settings.sync()  # written now: a crash later must not show it again
