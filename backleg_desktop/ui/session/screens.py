"""The session's simpler screens: resume offer, a notice (the plan chooser is chooser.py,
the pain check-in pain_screen.py).

Screens are views: they show what the page tells them and emit what the user asked for.
The session page (page.py) decides what happens, and its key handling routes keys here.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QWidget,
)

from backleg_desktop.ui.session.chooser import PlanChooser, column, ordered_plans, plan_blurb
from backleg_desktop.ui.session.widgets import action_button, big_label
from backleg_desktop.ui.widgets import muted, paragraph

# The chooser lived here; page.py and older tests still import it from this module.
__all__ = ["NoticeScreen", "PlanChooser", "ResumeScreen", "ordered_plans", "plan_blurb"]


class ResumeScreen(QWidget):
    """Offered at start-up when a session was left unfinished (the app quit or was killed)."""

    resume_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeScreen")
        layout = column(self)
        layout.addWidget(big_label("You have an unfinished session", 2.0))
        self.details = paragraph("")
        self.details.setObjectName("resumeDetails")
        self.details.setFont(big_label("", 1.3, bold=False).font())
        layout.addWidget(self.details)
        layout.addWidget(
            muted(paragraph("Everything you logged is saved. Resume carries on with the next set."))
        )
        self.resume_button = action_button(
            "Resume",
            "Enter",
            "resumeSession",
            self,
            description="Carries on the unfinished session from the set after the last one logged.",
        )
        self.end_button = action_button(
            "End it",
            "Ctrl+E",
            "endUnfinished",
            self,
            description="Closes the unfinished session as it is; its logged sets are kept.",
        )
        self.resume_button.clicked.connect(self.resume_requested)
        self.end_button.clicked.connect(self.end_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_session(
        self, name: str, started_at: datetime, sets_logged: int, *, can_resume: bool
    ) -> None:
        """`can_resume` False: its plan is not in the content any more; it can only end."""
        when = started_at.astimezone().strftime("%A %d %B, %H:%M")
        sets = "1 set" if sets_logged == 1 else f"{sets_logged} sets"
        self.details.setText(f"{name}, started {when}: {sets} logged so far.")
        self.resume_button.setEnabled(can_resume)


class NoticeScreen(QWidget):
    """A full-page notice with one way on, e.g. after sharp pain at the check-in."""

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeScreen")
        layout = column(self)
        self.title = big_label("", 2.0)
        self.title.setObjectName("noticeTitle")
        self.text = paragraph("")
        self.text.setObjectName("noticeText")
        self.text.setFont(big_label("", 1.2, bold=False).font())
        self.done_button = action_button(
            "Back to plans",
            "Enter",
            "noticeDone",
            self,
            description="Closes this message and goes back to the list of plans.",
        )
        self.done_button.clicked.connect(self.done_requested)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_notice(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
