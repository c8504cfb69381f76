"""Mid-session: the move's warning signs and easier options, collapsed under one line
until I opens them (or a click), so they are there when a set starts to feel wrong
without crowding the screen while it does not.

The exercise screen puts the line (the panel itself) in its left column and the lists
(`body`) in the right one, where they take the figure's place while open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from backleg_desktop.content.model import Exercise
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.widgets import Collapsible, bullet_list, set_scaled_font

TOGGLE_KEY_TEXT = "I"
TITLE = f"Warning signs and easier options  [{TOGGLE_KEY_TEXT}]"


class SafetyPanel(Collapsible):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._body = QFrame()
        self._body.setObjectName("safetyPanelBody")
        self._body.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(12, 10, 12, 10)
        super().__init__(TITLE, self._body, parent)
        self.setObjectName("safetyPanel")
        self.toggle.setObjectName("safetyPanelToggle")
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the session's
        described(
            self.toggle,
            "Shows or hides this exercise's warning signs and the easier options; I does too.",
        )
        set_scaled_font(self.toggle, 1.05, bold=True)
        self.warning_signs: tuple[str, ...] = ()
        self.easier_options: tuple[str, ...] = ()
        self.hide()

    @property
    def available(self) -> bool:
        return bool(self.warning_signs or self.easier_options)

    def show_exercise(self, exercise: Exercise | None) -> None:
        """A new exercise: its lists, collapsed again; hidden if it has neither."""
        self.warning_signs = exercise.warning_signs if exercise else ()
        self.easier_options = exercise.easier_options if exercise else ()
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for title, items in (
            ("Ease off or stop if:", self.warning_signs),
            ("Easier options:", self.easier_options),
        ):
            if items:
                label = QLabel(title, self._body)
                set_scaled_font(label, 1.0, bold=True)
                self._layout.addWidget(label)
                self._layout.addWidget(bullet_list(items, self._body))
        self.set_expanded(False)
        self.setVisible(self.available)

    def toggle_open(self) -> None:
        """I: open or close it."""
        if self.available:
            self.set_expanded(not self.is_expanded())
