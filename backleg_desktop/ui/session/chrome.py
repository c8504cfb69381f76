"""What frames the session screens: the progress line and message above, and the bar of
actions below (skip, undo, end, stop), shown while a set or a rest is on screen.

A message ("Resumed…", "Set skipped.") goes away after a few seconds on the app's clock,
a problem after a little longer; the page clears it when the screen changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from backleg_desktop.ui.session.widgets import action_button, danger
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted

MESSAGE_S = 5.0  # long enough to read a short sentence twice
PROBLEM_S = 15.0  # a problem stays longer (a pending write says so again on each retry)
CHECK_MS = 250  # how often the message's deadline is checked while one is shown


class SessionChrome:
    """The widgets, made as children of `page`; the page lays out `top` and `action_bar`."""

    def __init__(self, page: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._message_until: float | None = None
        # Polls the injected clock rather than waiting out its own interval, so the
        # message's lifetime follows the clock the timers run on (a fake one in tests).
        self.message_timer = QTimer(page)
        self.message_timer.setObjectName("sessionMessageTimer")
        self.message_timer.setInterval(CHECK_MS)
        self.message_timer.timeout.connect(self._expire)
        self.progress = muted(QLabel("", page))
        self.progress.setObjectName("sessionProgress")
        self.message = QLabel("", page)
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        self.skip_set_button = action_button(
            "Skip set", "S", "skipSet", page, description="Moves on without logging this set."
        )
        self.skip_exercise_button = action_button(
            "Skip exercise",
            "Shift+S",
            "skipExercise",
            page,
            description="Leaves out the sets of this exercise that are left.",
        )
        self.undo_button = action_button(
            "Undo",
            "Ctrl+Z",
            "undoSet",
            page,
            description="Takes back the last set logged or skipped.",
        )
        self.end_button = action_button(
            "End session",
            "Ctrl+E",
            "endSession",
            page,
            description="Ends the session now: it asks how your back is, then sums it up.",
        )
        self.stop_button = danger(
            action_button(
                "Stop: sharp pain",
                "Ctrl+Shift+P",
                "stopPain",
                page,
                description="Stops the session at once because of sharp pain, and "
                "shows what to do next.",
            )
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

    def say(self, text: str, *, error: bool = False) -> None:
        """Show `text` on the message line for a few seconds ("": clear it now)."""
        self.message.setText(text)
        self.message.setProperty("error", error)
        if not text:
            self._message_until = None
            self.message_timer.stop()
            return
        self._message_until = self._clock() + (PROBLEM_S if error else MESSAGE_S)
        self.message_timer.start()

    def clear_message(self) -> None:
        self.say("")

    def _expire(self) -> None:
        if self._message_until is None or self._clock() >= self._message_until:
            self.clear_message()
