"""The rest screen's optional "How is your back?" after an exercise's last set.

Digits answer it at once (1 then 0 is 10, as at the check-in: domain.level_entry); it
needs no Enter and blocks nothing, so the rest runs on whether or not it is answered.
A rise of 2 or more against the check-in (domain.back_check) offers the gentle day
(G) or ending (Ctrl+E); carrying on is simply letting the rest run out.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from backleg_desktop.domain.back_check import BACK_QUESTION, BackCheckOffer
from backleg_desktop.domain.level_entry import LevelEntry
from backleg_desktop.ui.colours import tint
from backleg_desktop.ui.session.widgets import action_button, big_label
from backleg_desktop.ui.widgets import muted, paragraph

ASK_TEXT = "Optional: type 0–10 (1 then 0 for 10). The rest runs on either way."


class BackQuestion(QFrame):
    """Shown by the page after an exercise's last set; `answered(exercise_id, level)`."""

    answered = Signal(str, int)
    gentle_requested = Signal()
    end_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backQuestion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._clock = clock
        self.entry = LevelEntry(clock)
        self.exercise_id: str | None = None
        self.title = big_label(BACK_QUESTION, 1.2)
        self.level = big_label("–", 1.6)
        self.level.setObjectName("backLevel")
        self.hint = muted(paragraph(ASK_TEXT))
        self.offer_text = paragraph("")
        self.offer_text.setObjectName("backOffer")
        self.gentle_button = action_button(
            "Switch to Gentle day",
            "G",
            "backGentle",
            self,
            description="Replaces the rest of this session with the Gentle day's easy moves.",
        )
        self.end_button = action_button(
            "End the session",
            "Ctrl+E",
            "backEnd",
            self,
            description="Stops here; the sets you logged are kept.",
        )
        self.gentle_button.clicked.connect(self.gentle_requested)
        self.end_button.clicked.connect(self.end_requested)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.level)
        buttons = QVBoxLayout()  # stacked: side by side they would squeeze the rest's ring
        for button in (self.gentle_button, self.end_button):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.offer_text)
        layout.addLayout(buttons)
        self.close_question()

    def ask(self, exercise_id: str) -> None:
        """Ask about the exercise just finished; no answer yet."""
        self.exercise_id = exercise_id
        self.entry = LevelEntry(self._clock)
        self.level.setText("–")
        self.show_offer(None)
        self.show()

    def close_question(self) -> None:
        self.exercise_id = None
        self.show_offer(None)
        self.hide()

    @property
    def asking(self) -> bool:
        return self.exercise_id is not None and not self.isHidden()

    def type_digit(self, text: str) -> None:
        if self.exercise_id is None or not self.entry.type_text(text):
            return
        level = self.entry.level
        assert level is not None
        self.level.setText(str(level))
        self.answered.emit(self.exercise_id, level)

    def show_offer(self, offer: BackCheckOffer | None, *, gentle: bool = True) -> None:
        """What a rise offers (None: nothing to offer); `gentle` False hides the switch."""
        self.offer_text.setText("" if offer is None else offer.text)
        self.offer_text.setVisible(offer is not None)
        can_switch = offer is not None and gentle and offer.choice("gentle-day") is not None
        self.gentle_button.setVisible(can_switch)
        self.end_button.setVisible(offer is not None)
        # The theme's warning tint, re-tinted by a theme switch while it shows.
        tint(self, QPalette.ColorRole.Window, "warn_tint" if offer is not None else None)

    @property
    def offers_gentle_day(self) -> bool:
        return self.asking and not self.gentle_button.isHidden()
