"""What frames the session screens: the progress line and message above, and the bar of
actions below (skip, undo, end, stop), shown while a set or a rest is on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from backleg_desktop.ui.session.widgets import action_button, danger
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted


class SessionChrome:
    """The widgets, made as children of `page`; the page lays out `top` and `action_bar`."""

    def __init__(self, page: QWidget) -> None:
        self.progress = muted(QLabel("", page))
        self.progress.setObjectName("sessionProgress")
        self.message = QLabel("", page)
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        self.skip_set_button = action_button("Skip set", "S", "skipSet", page)
        self.skip_exercise_button = action_button("Skip exercise", "Shift+S", "skipExercise", page)
        self.undo_button = action_button("Undo last set", "Ctrl+Z", "undoSet", page)
        self.end_button = action_button("End session", "Ctrl+E", "endSession", page)
        self.stop_button = danger(
            action_button("Stop: sharp pain", "Ctrl+Shift+P", "stopPain", page)
        )
        self.action_bar = QWidget(page)
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(PAGE_MARGIN, 6, PAGE_MARGIN, 6)
        for button in (self.skip_set_button, self.skip_exercise_button, self.undo_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.end_button)
        bar.addWidget(self.stop_button)
        self.top = QHBoxLayout()
        self.top.setContentsMargins(PAGE_MARGIN, 8, PAGE_MARGIN, 0)
        self.top.addWidget(self.progress)
        self.top.addStretch(1)
        self.top.addWidget(self.message, 2)
