"""File → Import… and Export…: the same readers and writers as the command line.

Import: pick a file, see what it holds (a dry run gives the new sessions, duplicates and new
exercises), choose kg or lb for Strong files, then import in a worker thread with a progress
bar. Cancel rolls the whole import back: the service imports in one transaction.

The file's sessions are read once, for the preview, and kept: the dry run and the import
use those, so Import adds what the figures showed even if the file changes meanwhile
(a new unit reads it again). A JSON backup's plans are read by their own reader.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library
from backleg_desktop.domain.records import ImportSummary
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.domain.wording import count_of
from backleg_desktop.services import history_export
from backleg_desktop.services.backup_plans import restore_backup_plans
from backleg_desktop.services.transfer import (
    ExportSummary,
    ImportPreview,
    Unit,
    preview,
    skipped_rows_text,
)
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.file_dialogs import last_folder, remember_folder, suggested_path
from backleg_desktop.ui.history import formatting as fmt
from backleg_desktop.ui.history import lookup
from backleg_desktop.ui.history.worker import Job, Work, start_job

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

BACKUP_FORMAT_ID = "backleg-json"  # services/transfer/formats.py BACKLEG_JSON
IMPORT_FILTER = "Workout exports (*.csv *.json);;All files (*)"
EXPORT_FILTER = "CSV, one row per set (*.csv);;JSON backup (*.json)"


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportSummary, after a real import

    def __init__(
        self,
        workouts: WorkoutService,
        library: Library,
        path: Path,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
        units: LoadUnits = KILOGRAMS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.units = units  # the sample set is shown in the user's unit
        self.setWindowTitle("Import workouts")
        self.setMinimumWidth(520)
        self.workouts = workouts
        self.library = library
        self.path = Path(path)
        self.pool = pool or QThreadPool.globalInstance()
        self.job: Job | None = None
        self.importing = False  # the running job writes (a preview only reads)
        self.preview_data: ImportPreview | None = None
        self.dry_run: ImportSummary | None = None
        self.summary: ImportSummary | None = None  # the real import, once done

        self.file_label = QLabel(str(self.path), self)
        self.file_label.setWordWrap(True)
        self.format_label = QLabel("…", self)
        self.format_label.setObjectName("formatLabel")
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unitCombo")
        described(
            self.unit_combo,
            "The unit the file's weights are in, for files that do not say; Backleg "
            "converts them to kilograms.",
            name="Weights in the file are in",
        )
        self.unit_combo.addItem("Kilograms (kg)", "kg")
        self.unit_combo.addItem("Pounds (lb)", "lb")
        # A file without a unit of its own is most likely in the unit the user trains in.
        self.unit_combo.setCurrentIndex(1 if units.unit == "lb" else 0)
        self.unit_label = QLabel("Weights in the file are in", self)
        self.counts = {
            key: QLabel("…", self)
            for key in (
                "sessions",
                "sets",
                "new_sessions",
                "duplicates",
                "exercises",
                "dates",
                "sample",
            )
        }
        for key, label in self.counts.items():
            label.setObjectName(f"count_{key}")
            label.setWordWrap(True)  # a long list of new exercises wraps, never runs off
        form = QFormLayout()
        form.addRow("File", self.file_label)
        form.addRow("Format", self.format_label)
        form.addRow(self.unit_label, self.unit_combo)
        form.addRow("Sessions in the file", self.counts["sessions"])
        form.addRow("Sets in the file", self.counts["sets"])
        form.addRow("Dates", self.counts["dates"])
        form.addRow("New sessions to add", self.counts["new_sessions"])
        form.addRow("Already in your history", self.counts["duplicates"])
        form.addRow("New exercises", self.counts["exercises"])
        form.addRow("A set from the file", self.counts["sample"])
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.status = QLabel("Reading the file…", self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("Import", self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        described(self.import_button, "Adds the workouts of the file to your history.")
        described(
            self.cancel_button, "Closes this dialog; during an import it stops and adds nothing."
        )
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._show_unit(False)
        self.unit_combo.currentIndexChanged.connect(self.start_preview)
        self.start_preview()

    def unit(self) -> Unit:
        return "lb" if self.unit_combo.currentData() == "lb" else "kg"

    def _sample_set(self, found: ImportPreview) -> str:
        """ "Squat: 5 × 85 lb": one loaded set as it will be stored, to check the unit by."""
        for session in found.sample:
            for entry in session.sets:
                if entry.load_kg:
                    name = lookup.exercise_name(self.library, entry.exercise_id)
                    reps = "" if entry.reps is None else f"{entry.reps} × "
                    return f"{name}: {reps}{self.units.text(entry.load_kg)}"
        return "none with a load"

    def _show_unit(self, visible: bool) -> None:
        self.unit_label.setVisible(visible)
        self.unit_combo.setVisible(visible)

    def _run(self, work: Work, on_finished: Callable[..., None]) -> Job:
        if self.job is not None:  # e.g. the unit changed while the last preview ran
            self.job.cancel()  # start_job keeps it alive until it reports
        job = Job(work)

        def current(handler: Callable[..., None]) -> Callable[..., None]:
            # Only the newest job may change what the dialog shows.
            return lambda *args: handler(*args) if job is self.job else None

        job.signals.progress.connect(current(self.progress.setValue))
        job.signals.finished.connect(current(on_finished))
        job.signals.failed.connect(current(self._failed))
        job.signals.cancelled.connect(current(self._cancelled))
        self.job = job  # read by done(): closing mid-import cancels it
        return start_job(self.pool, job)

    # --- preview (read the file, then a dry run) --------------------------------------

    def start_preview(self, *_args: object) -> None:
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy
        self.status.setText("Reading the file…")
        path, library, workouts, unit = self.path, self.library, self.workouts, self.unit()

        def work(
            _progress: Callable[[int], None], should_cancel: Callable[[], bool]
        ) -> tuple[ImportPreview, ImportSummary, list[str], list[str]]:
            # Every session as the "sample": the one read of the file, kept for Import.
            found = preview(path, library, unit, sample_size=sys.maxsize)
            backup = found.format.id == BACKUP_FORMAT_ID  # only a JSON backup has plans
            plans = restore_backup_plans(workouts, path, dry_run=True) if backup else []
            summary = workouts.import_sessions(
                found.sample, dry_run=True, should_cancel=should_cancel
            )
            # The file's unknown names less the user exercises the history already has:
            # the names of the exercises the import would create, as many as it counts.
            known = {name.casefold() for _id, name in workouts.user_exercises()}
            names = [n for n in found.new_user_exercises if n.casefold() not in known]
            return found, summary, names, [name for name, done in plans if done != "unchanged"]

        self._run(work, self._previewed)

    def _previewed(self, result: tuple[ImportPreview, ImportSummary, list[str], list[str]]) -> None:
        self._job_ended()
        found, summary, new_names, plans = result
        self.preview_data, self.dry_run = found, summary
        self.format_label.setText(found.format.label)
        self._show_unit(found.format.uses_unit_option)
        self.counts["sessions"].setText(f"{found.sessions:,}")
        self.counts["sets"].setText(f"{found.sets:,}")
        if found.first_started_at is not None and found.last_started_at is not None:
            self.counts["dates"].setText(
                f"{fmt.local_date(found.first_started_at)} to "
                f"{fmt.local_date(found.last_started_at)}"
            )
        self.counts["new_sessions"].setText(
            f"{summary.sessions_added:,} ({count_of(summary.sets_added, 'set')})"
        )
        self.counts["duplicates"].setText(f"{summary.duplicates_skipped:,} (skipped)")
        self.counts["sample"].setText(self._sample_set(found))
        names = ", ".join(new_names[:6])
        more = len(new_names) - 6
        if more > 0:
            names += f" and {more} more"
        exercises = f"{summary.user_exercises_created:,}"
        self.counts["exercises"].setText(f"{exercises} — {names}" if names else exercises)
        self.progress.setRange(0, max(found.sessions, 1))
        self.progress.setValue(0)
        # Rows that hold no set (a Strong file's rest timers and notes), so the counts add up.
        skipped = f" {skipped_rows_text(found.skipped)}" if found.skipped else ""
        if summary.sessions_added or plans:
            also = f" It also brings back your plans: {', '.join(plans)}." if plans else ""
            self.status.setText(
                f"Nothing has been imported yet. Check the figures, then Import.{also}{skipped}"
            )
            self.import_button.setEnabled(True)
        else:
            self.status.setText("Everything in this file is already in your history.")
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Taller if the unit row or a wrapped status now needs it (wrapped text never
        raises a window's minimum height by itself)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = max(layout.minimumSize().height(), self.heightForWidth(self.width()))
        if needed > self.height():
            self.resize(self.width(), needed)

    # --- import -------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.preview_data is None:
            return
        self.import_button.setEnabled(False)
        self.unit_combo.setEnabled(False)
        self.status.setText("Importing… You can cancel: nothing is kept until it finishes.")
        self.importing = True
        path, workouts = self.path, self.workouts
        sessions = self.preview_data.sample  # what the preview read and showed
        backup = self.preview_data.format.id == BACKUP_FORMAT_ID

        def work(
            progress: Callable[[int], None], should_cancel: Callable[[], bool]
        ) -> ImportSummary:
            summary = workouts.import_sessions(
                sessions, progress=progress, should_cancel=should_cancel
            )
            if backup:
                restore_backup_plans(workouts, path)  # a JSON backup's plans and exercises
            return summary

        self._run(work, self._imported)

    def _imported(self, summary: ImportSummary) -> None:
        self._job_ended()
        self.summary = summary
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            f"Added {count_of(summary.sessions_added, 'session')} and "
            f"{count_of(summary.sets_added, 'set')}; "
            f"skipped {summary.duplicates_skipped:,} already in your history."
        )
        self.cancel_button.setText("Close")
        self._grow_to_fit()
        self.imported.emit(summary)

    def _job_ended(self) -> None:
        """Whatever the outcome, the dialog can be closed again."""
        self.job = None
        self.importing = False
        self.cancel_button.setEnabled(True)

    def cancel(self) -> None:
        if self.job is not None and self.importing:
            # The import rolls back at its next session; wait for that before closing.
            self.job.cancel()
            self.status.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
            return
        self.reject()  # a preview writes nothing: close now, its job ends on its own

    def _cancelled(self) -> None:
        self._job_ended()
        self.status.setText("Import cancelled. Nothing was imported.")
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.unit_combo.setEnabled(True)
        self.import_button.setEnabled(self.dry_run is not None and self.dry_run.sessions_added > 0)

    def _failed(self, message: str) -> None:
        self._job_ended()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(f"This file cannot be imported, so nothing was changed.\n{message}")
        self._grow_to_fit()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")

    def done(self, result: int) -> None:
        if self.job is not None:  # closing mid-import cancels it
            self.job.cancel()  # start_job keeps it alive until it reports
            self.job = None
        super().done(result)


def import_history(
    parent: QWidget | None,
    workouts: WorkoutService,
    library: Library,
    *,
    pool: QThreadPool | None = None,
    units: LoadUnits = KILOGRAMS,
    settings: QSettings | None = None,
) -> ImportDialog | None:
    """File → Import…: ask for a file, then open the preview dialog (non-blocking)."""
    start = str(last_folder(settings))  # the last folder used; home at first
    path, _filter = QFileDialog.getOpenFileName(parent, "Import workouts", start, IMPORT_FILTER)
    if not path:
        return None
    remember_folder(settings, Path(path))
    dialog = ImportDialog(workouts, library, Path(path), parent, pool=pool, units=units)
    dialog.open()
    return dialog


def export_history(
    parent: QWidget | None,
    workouts: WorkoutService,
    library: Library,
    *,
    pool: QThreadPool | None = None,
    settings: QSettings | None = None,
) -> Job | None:
    """File → Export…: CSV (one row per set) or, for a .json name, the full JSON backup."""
    # A dated name without a suffix: the type chosen in the dialog adds .csv or .json.
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export workouts", suggested_path(settings, ""), EXPORT_FILTER
    )
    if not path:
        return None
    target = Path(path)
    remember_folder(settings, target)
    if not target.suffix:
        target = target.with_suffix(".json" if "json" in chosen.lower() else ".csv")

    def work(_progress: Callable[[int], None], _should_cancel: Callable[[], bool]) -> ExportSummary:
        return history_export.export_history(workouts, library, target)

    job = Job(work)

    def finished(summary: ExportSummary) -> None:
        message_boxes.inform(
            parent,
            "Export finished",
            f"Exported {count_of(summary.sessions, 'session')} "
            f"({count_of(summary.sets, 'set')}) to {target}.",
        )

    def failed(message: str) -> None:
        message_boxes.warn(parent, "Export failed", f"Nothing was written.\n{message}")

    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    return start_job(pool or QThreadPool.globalInstance(), job)
