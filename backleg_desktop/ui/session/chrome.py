"""What frames the session screens: the progress line and message above, and the bar of
actions below (skip, undo, end, stop), shown while a set or a rest is on screen.

A message ("Resumed…", "Set skipped.") goes away after a few seconds on the app's clock,
a problem after a little longer; the page clears it when the screen changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backleg_desktop.ui.session.widgets import action_button, danger
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted

MESSAGE_S = 5.0  # long enough to read a short sentence twice
PROBLEM_S = 15.0  # a problem stays longer (a pending write says so again on each retry)
CHECK_MS = 250  # how often the message's deadline is checked while one is shown


class ActionBar(QWidget):
    """The session's buttons: one row with their keys when the width allows; with a
    large font, the keys go to the tooltip and accessible description (and Help), then
    the bar takes two rows, so no button is ever cut."""

    def __init__(
        self,
        left: tuple[QPushButton, ...],
        right: tuple[QPushButton, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionActionBar")
        self._left, self._right = left, right
        self._full = {b: b.text() for b in (*left, *right)}
        column = QVBoxLayout(self)
        column.setContentsMargins(PAGE_MARGIN, 6, PAGE_MARGIN, 6)
        self._row_layouts = (QHBoxLayout(), QHBoxLayout())
        for row in self._row_layouts:
            column.addLayout(row)
        self.keys_shown = False
        self.rows = 0
        self._arrange(keys=True, rows=1)

    @staticmethod
    def _short(text: str) -> str:
        return text.split("  [", 1)[0]

    def _need(self, buttons: tuple[QPushButton, ...], keys: bool) -> int:
        spacing = max(0, self._row_layouts[0].spacing())
        total = spacing * (len(buttons) - 1)
        for button in buttons:
            metrics = button.fontMetrics()
            full = self._full[button]
            shown = full if keys else self._short(full)
            # The hint of the text now shown, corrected to the text that would be shown.
            total += (
                button.sizeHint().width()
                - metrics.horizontalAdvance(button.text())
                + metrics.horizontalAdvance(shown)
            )
        return total

    def _fits(self, keys: bool, rows: int) -> bool:
        room = self.width() - 2 * PAGE_MARGIN
        if rows == 1:
            gap = PAGE_MARGIN  # the stretch between the two groups
            return self._need((*self._left, *self._right), keys) + gap <= room
        return max(self._need(self._left, keys), self._need(self._right, keys)) <= room

    def _arrange(self, *, keys: bool, rows: int) -> None:
        if (keys, rows) == (self.keys_shown, self.rows):
            return
        self.keys_shown, self.rows = keys, rows
        for row in self._row_layouts:
            while row.count():
                row.takeAt(0)  # buttons stay children of the bar; only the places go
        for button, full in self._full.items():
            button.setText(full if keys else self._short(full))
        first, second = self._row_layouts
        for button in self._left:
            first.addWidget(button)
        first.addStretch(1)
        lower = first if rows == 1 else second
        for button in self._right:
            lower.addWidget(button)
        if rows == 2:
            second.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self.refit)  # once the buttons have their new font

    def refit(self) -> None:
        """Choose the widest arrangement that fits (called on resize and font change)."""
        for keys, rows in ((True, 1), (False, 1), (True, 2), (False, 2)):
            if self._fits(keys, rows):
                break
        self._arrange(keys=keys, rows=rows)


WRAP = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


class TopLine(QBoxLayout):
    """The progress line with the message beside it, or under it when the room left
    beside it (a large font) would wrap a sentence into a narrow column of words."""

    MESSAGE_CHARS = 36  # the least width of the message beside the progress, in characters

    def __init__(self, progress: QLabel, message: QLabel) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)
        self._progress, self._message = progress, message
        self.addWidget(progress)
        self.addStretch(1)
        self.addWidget(message, 2)

    def setGeometry(self, rect: QRect) -> None:
        m = self.contentsMargins()
        room = rect.width() - m.left() - m.right()
        beside = self._message.fontMetrics().averageCharWidth() * self.MESSAGE_CHARS
        wide = self._progress.sizeHint().width() + self.spacing() + beside <= room
        across = QBoxLayout.Direction.LeftToRight
        # From the width alone: stacked only while a message shows, the screen below
        # moved down a line when a message came and back when it cleared, mid-set.
        direction = across if wide else QBoxLayout.Direction.TopToBottom
        if direction != self.direction():
            self.setDirection(direction)  # lays out again, in the new direction
        # Room for the message's lines, message or not, or the screen under it moves down
        # when one comes and back up when it clears: two beside the progress, one under it
        # (where a large font leaves no room to spare, and most messages take one line).
        sample = "X\nX" if wide else "X"  # measured as QLabel measures its plain text
        bounds = QRect(0, 0, max(1, room), 10_000)
        needed = self._message.fontMetrics().boundingRect(bounds, WRAP, sample).height()
        self._message.setMinimumHeight(needed)
        super().setGeometry(rect)


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
        self.action_bar = ActionBar(
            (self.skip_set_button, self.skip_exercise_button, self.undo_button),
            (self.end_button, self.stop_button),
            page,
        )
        self.top = TopLine(self.progress, self.message)
        self.top.setContentsMargins(PAGE_MARGIN, 8, PAGE_MARGIN, 0)

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
