"""The herniated-disc mark as a box: on an exercise's page and on the session's screen.

It says why the move needs the go-ahead first, and lists the safer choices: as links on
the exercise page, as buttons in the session (the first one also on D).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backleg_desktop.content.disc_content import DiscMove
from backleg_desktop.ui.colours import tint
from backleg_desktop.ui.links import exercise_link
from backleg_desktop.ui.widgets import paragraph, set_scaled_font

TITLE = "Check with your doctor or physical therapist first"
SWAP_KEY = "X"


class DiscNotice(QFrame):
    link_activated = Signal(str)  # "exercise:<id>", from the safer choices' links
    swap_requested = Signal(str)  # an exercise id, from a safer choice's button

    def __init__(self, *, buttons: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._buttons = buttons
        self.title = QLabel(f"⚠  {TITLE}", self)
        self.title.setObjectName("discNoticeTitle")
        set_scaled_font(self.title, 1.15, bold=True)
        self.title.setWordWrap(True)
        self.text = paragraph("", self)
        self.text.setObjectName("discNoticeText")
        self.safer = QLabel(self)
        self.safer.setObjectName("discNoticeSafer")
        self.safer.setWordWrap(True)
        self.safer.setTextFormat(Qt.TextFormat.RichText)
        self.safer.linkActivated.connect(self.link_activated)
        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(8)
        self.swap_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.safer)
        layout.addLayout(self.button_row)
        self.hide()
        tint(self, QPalette.ColorRole.Window, "caution_tint")  # re-tinted by a theme switch

    def show_mark(
        self, note: str, why: str, intro: str, safer: list[DiscMove], names: dict
    ) -> None:
        """Show the mark for a move; `names` maps the safer choices' ids to their names.

        On a page: the note, why, and the safer choices as links with how to do them. In
        the session, where room is short: why, and a button per choice (how in its tooltip).
        """
        if self._buttons:
            reason = note.split(":", 1)[0].rstrip(".") + "." if note else ""
            self.text.setText(f"{reason} {why}".strip())
            self.safer.setTextFormat(Qt.TextFormat.PlainText)
            self.safer.setText(intro.rstrip(":") + ":" if safer else "")
        else:
            self.text.setText(f"{note} {why}".strip())
            lines = [
                f'<a href="{exercise_link(m.exercise_id)}">{html.escape(names[m.exercise_id])}</a>'
                f": {html.escape(m.text)}"
                for m in safer
            ]
            self.safer.setText(f"{html.escape(intro)}<br>" + "<br>".join(lines) if safer else "")
        self.safer.setVisible(bool(safer))
        self._set_buttons(safer, names)
        self.show()

    def set_swap_enabled(self, enabled: bool, why_not: str = "") -> None:
        for button in self.swap_buttons:
            button.setEnabled(enabled)
            if not enabled:
                button.setToolTip(why_not)

    def _set_buttons(self, safer: list[DiscMove], names: dict) -> None:
        for button in self.swap_buttons:
            self.button_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.swap_buttons = []
        if not self._buttons:
            return
        while self.button_row.count():  # the stretch from last time
            self.button_row.takeAt(0)
        for index, move in enumerate(safer):
            label = names[move.exercise_id] + (" (bodyweight)" if move.bodyweight else "")
            button = QPushButton(f"{label}  [{SWAP_KEY}]" if index == 0 else label, self)
            button.setObjectName(f"discSwap-{move.exercise_id}")
            button.setToolTip(f"Do {names[move.exercise_id]} instead today. {move.text}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the session's key
            button.clicked.connect(lambda _=False, i=move.exercise_id: self.swap_requested.emit(i))
            self.button_row.addWidget(button)
            self.swap_buttons.append(button)
        self.button_row.addStretch(1)
