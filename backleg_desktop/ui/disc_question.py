"""The one-time herniated-disc question, asked after the disclaimer (Enter answers "No").

Like the disclaimer it opens window-modal with open(), so nothing blocks and tests press
its buttons as a user would. Closing it without an answer (Esc) stores nothing: it is
asked again at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.disc import DEFAULT_DISC_ANSWER, DiscAnswer
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.widgets import heading, muted, paragraph

TITLE = "One question about your back"
EXPLANATION = (
    "If you answer yes, Backleg marks the moves to get the go-ahead for first and offers "
    "gentler ones for a disc in your sessions. You can change the answer later in "
    "Preferences."
)


class DiscQuestionDialog(QDialog):
    answered = Signal(str)  # "yes" or "no"

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discQuestionDialog")
        self.setWindowTitle(TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading(TITLE, 2))
        self.question_label: QLabel = paragraph(question)
        self.question_label.setObjectName("discQuestion")
        self.question_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout.addWidget(self.question_label)
        layout.addWidget(muted(paragraph(EXPLANATION)))
        self.buttons = QDialogButtonBox(self)
        self.yes_button = self.buttons.addButton("Yes", QDialogButtonBox.ButtonRole.YesRole)
        self.no_button = self.buttons.addButton("No", QDialogButtonBox.ButtonRole.NoRole)
        # Enter answers "No" (domain.disc's default), wherever the focus is in the dialog.
        described(
            self.yes_button,
            "Marks the moves to be careful with and offers safer ones; Preferences, "
            "Safety changes it.",
        )
        described(
            self.no_button,
            "Shows every exercise unmarked; Preferences, Safety changes it later.",
        )
        for button in (self.yes_button, self.no_button):
            is_default = button is self.default_button
            button.setDefault(is_default)
            button.setAutoDefault(is_default)
        self.yes_button.clicked.connect(lambda: self._answer("yes"))
        self.no_button.clicked.connect(lambda: self._answer("no"))
        layout.addWidget(self.buttons)

    @property
    def default_button(self) -> QPushButton:
        return self.no_button if DEFAULT_DISC_ANSWER == "no" else self.yes_button

    def open(self) -> None:
        super().open()
        self.default_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, answer: DiscAnswer) -> None:
        self.answered.emit(answer)
        self.accept()
