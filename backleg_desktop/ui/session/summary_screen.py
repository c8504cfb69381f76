"""The end-of-session summary: duration, sets, volume, pain before → after, records beaten."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from backleg_desktop.domain.summary import SessionReport, format_duration, format_volume
from backleg_desktop.ui.session.widgets import action_button, big_label
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, scaled_font

HEADINGS = {
    "completed": "Session complete",
    "ended_early": "Session ended early",
    "stopped_pain": "Stopped for sharp pain",
    "in_progress": "Session in progress",
}


class SummaryScreen(QWidget):
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN * 2, PAGE_MARGIN, PAGE_MARGIN * 2, PAGE_MARGIN)
        layout.setSpacing(14)
        self.heading = big_label("", 2.2)
        self.heading.setObjectName("summaryHeading")
        self.subheading = muted(paragraph(""))
        self.subheading.setObjectName("summarySubheading")
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)

        figures = QFrame(self)
        figures.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(figures)
        grid.setContentsMargins(18, 14, 18, 14)
        grid.setHorizontalSpacing(40)
        self.values: dict[str, QLabel] = {}
        for column, (key, title) in enumerate(
            (("duration", "Duration"), ("sets", "Sets"), ("volume", "Volume"), ("pain", "Pain"))
        ):
            caption = muted(QLabel(title, figures))
            value = big_label("", 1.9)
            value.setObjectName(f"summary-{key}")
            value.setWordWrap(False)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            self.values[key] = value
        layout.addWidget(figures)

        self.records_title = QLabel("Records beaten", self)
        self.records_title.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.records = paragraph("")
        self.records.setObjectName("summaryRecords")
        self.records.setFont(scaled_font(self.records.font(), 1.15))
        self.exercises_title = QLabel("Exercises", self)
        self.exercises_title.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.exercises = paragraph("")
        self.exercises.setObjectName("summaryExercises")
        self.exercises.setTextFormat(Qt.TextFormat.PlainText)
        self.exercises.setFont(scaled_font(self.exercises.font(), 1.1))
        for widget in (self.records_title, self.records, self.exercises_title, self.exercises):
            layout.addWidget(widget)
        self.done_button = action_button("Done", "Enter", "summaryDone", self)
        self.done_button.clicked.connect(self.done_requested)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_report(
        self,
        report: SessionReport,
        *,
        plan_name: str,
        subheading: str,
        records: list[str],
        exercise_names: dict[str, str],
    ) -> None:
        self.heading.setText(HEADINGS.get(report.status, plan_name))
        self.subheading.setText(subheading)
        self.values["duration"].setText(format_duration(report.duration_s))
        self.values["sets"].setText(f"{report.sets_done} of {report.sets_planned}")
        self.values["volume"].setText(format_volume(report.volume_kg))
        self.values["pain"].setText(report.pain_text)
        self.records.setText("\n".join(records) if records else "None this time.")
        lines = []
        for line in report.exercises:
            name = exercise_names.get(line.exercise_id, line.exercise_id)
            best = "" if line.best_load_kg is None else f", best {line.best_load_kg:g} kg"
            lines.append(
                f"{name}: {line.sets_done} of {line.sets_planned} sets, "
                f"{line.reps_total} reps{best}"
            )
        self.exercises.setText("\n".join(lines))
