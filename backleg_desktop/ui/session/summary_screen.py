"""The end-of-session summary: duration, sets, volume, pain before → after, records beaten.

After a stop for sharp pain, or pain up 3 or more, a caution comes first with the
advice (domain.session_caution) and the records are not cheered.

Records beaten read every earlier set of each exercise, so they are looked up on a pool
thread (as History marks its records) and fill in a moment after the figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from backleg_desktop.content.model import Library
from backleg_desktop.domain.session_caution import SessionCaution, cheer_records
from backleg_desktop.domain.summary import SessionReport, format_duration
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.ui.colours import tint
from backleg_desktop.ui.session.fit import FlowRow, block, scrolling
from backleg_desktop.ui.session.texts import exercise_load_text, exercise_name, record_lines
from backleg_desktop.ui.session.widgets import action_button, big_label
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, set_scaled_font

if TYPE_CHECKING:
    from backleg_desktop.services.session_records import RecordBeaten
    from backleg_desktop.services.workouts import WorkoutService
    from backleg_desktop.ui.history.worker import Job

HEADINGS = {
    "completed": "Session complete",
    "ended_early": "Session ended early",
    "stopped_pain": "Stopped for sharp pain",
    "in_progress": "Session in progress",
}


class CautionBox(QFrame):
    """The summary's caution: what happened, the advice, and the red-flag card's link."""

    red_flags_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryCaution")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = big_label("", 1.4)
        self.title.setObjectName("cautionTitle")
        self.text = paragraph("")
        self.text.setObjectName("cautionText")
        set_scaled_font(self.text, 1.1)
        self.red_flags_button = action_button(
            "Red-flag signs: when to see a doctor",
            "F",
            "summaryRedFlags",
            self,
            description="Opens the Guidance page at the symptoms that need a doctor soon.",
        )
        self.red_flags_button.clicked.connect(self.red_flags_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.red_flags_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()
        tint(self, QPalette.ColorRole.Window, "warn_tint")  # re-tinted by a theme switch

    def show_caution(self, caution: SessionCaution | None) -> None:
        self.setVisible(caution is not None)
        if caution is None:
            return
        self.title.setText(caution.title)
        self.text.setText(caution.text)
        self.red_flags_button.setVisible(caution.show_red_flags)

    @property
    def links_red_flags(self) -> bool:
        return not self.isHidden() and not self.red_flags_button.isHidden()


class SummaryScreen(QWidget):
    done_requested = Signal()
    records_failed = Signal(str)  # why the records could not be read

    def __init__(self, library: Library, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryScreen")
        self.library = library
        self.pool = pool
        self.units: LoadUnits = KILOGRAMS  # set by the page from the preferences
        self._records_job: Job | None = None
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(14)
        self.heading = big_label("", 2.2)
        self.heading.setObjectName("summaryHeading")
        self.subheading = muted(paragraph(""))
        self.subheading.setObjectName("summarySubheading")
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)

        figures = QFrame(self)
        figures.setFrameShape(QFrame.Shape.StyledPanel)
        # The four figures wrap onto a second row at a large font instead of being cut.
        grid = FlowRow(figures, spacing=40)
        grid.setContentsMargins(18, 14, 18, 14)
        self.values: dict[str, QLabel] = {}
        for key, title in (
            ("duration", "Duration"),
            ("sets", "Sets"),
            ("volume", "Volume"),
            ("pain", "Pain"),
        ):
            caption = muted(QLabel(title, figures))
            value = big_label("", 1.9)
            value.setObjectName(f"summary-{key}")
            value.setWordWrap(False)
            grid.addWidget(block(caption, value))
            self.values[key] = value
        layout.addWidget(figures)

        self.records_title = QLabel("Records beaten", self)
        set_scaled_font(self.records_title, 1.3, bold=True)
        self.records = paragraph("")
        self.records.setObjectName("summaryRecords")
        set_scaled_font(self.records, 1.15)
        self.exercises_title = QLabel("Exercises", self)
        set_scaled_font(self.exercises_title, 1.3, bold=True)
        self.exercises = paragraph("")
        self.exercises.setObjectName("summaryExercises")
        self.exercises.setTextFormat(Qt.TextFormat.PlainText)
        set_scaled_font(self.exercises, 1.1)
        self.caution = CautionBox(self)
        self.red_flags_requested = self.caution.red_flags_requested
        layout.addWidget(self.caution)
        for widget in (self.records_title, self.records, self.exercises_title, self.exercises):
            layout.addWidget(widget)
        self.done_button = action_button(
            "Done",
            "Enter",
            "summaryDone",
            self,
            description="Closes this summary and goes back to the list of plans.",
        )
        self.done_button.clicked.connect(self.done_requested)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        scrolling(self, content, (PAGE_MARGIN * 2, PAGE_MARGIN, PAGE_MARGIN * 2, PAGE_MARGIN))

    def show_report(
        self,
        report: SessionReport,
        *,
        plan_name: str,
        subheading: str,
        caution: SessionCaution | None = None,
    ) -> None:
        """The figures; the records beaten follow once `find_records` has them. With a
        `caution` (sharp pain, or pain up 3+), it comes first and records are not cheered."""
        self.caution.show_caution(caution)
        for widget in (self.records_title, self.records):
            widget.setVisible(cheer_records(caution))
        self.heading.setText(HEADINGS.get(report.status, plan_name))
        self.subheading.setText(subheading)
        self.values["duration"].setText(format_duration(report.duration_s))
        self.values["sets"].setText(f"{report.sets_done} of {report.sets_planned}")
        self.values["volume"].setText(self.units.volume(report.volume_kg))
        self.values["pain"].setText(report.pain_text)
        self.records.setText("Checking your records…")
        lines = []
        for line in report.exercises:
            name = exercise_name(self.library, line.exercise_id)
            best = (
                ""
                if line.best_load_kg is None
                else ", best "
                + exercise_load_text(self.library, line.exercise_id, line.best_load_kg, self.units)
            )
            reps = f", {line.reps_total} reps" if line.reps_total else ""  # none for holds
            lines.append(f"{name}: {line.sets_done} of {line.sets_planned} sets{reps}{best}")
        self.exercises.setText("\n".join(lines))

    def find_records(self, workouts: WorkoutService, session_id: int) -> None:
        """Look up the records `session_id` beat on a pool thread, then show them."""
        from backleg_desktop.services.session_records import records_beaten
        from backleg_desktop.ui.history.worker import Job

        job = Job(lambda _progress, _cancel: records_beaten(workouts, session_id))
        job.signals.finished.connect(self._records_found)
        job.signals.failed.connect(self._records_not_found)
        self._records_job = job  # kept alive, with its signals, until it reports
        self.pool.start(job)

    def wait_for_records(self) -> None:
        """Closing: let a records query finish before the store it reads is closed."""
        if self._records_job is not None:
            self.pool.waitForDone()

    def _records_found(self, records: list[RecordBeaten]) -> None:
        self._records_job = None
        lines = record_lines(self.library, records, self.units)
        self.records.setText("\n".join(lines) if lines else "None this time.")

    def _records_not_found(self, message: str) -> None:
        self._records_job = None
        self.records.setText("Your records could not be checked just now.")
        self.records_failed.emit(message)
