"""The editor's form for one plan item: sets, reps or a hold, per leg, rest, warm-up sets
and a note, each with its own problem line right under it.

The form shows a `DraftItem` and says what the user changed (`field_edited(name, value)`);
it never changes the draft itself, the editor turns each change into an undo command.
Showing an item again (after an undo) leaves a field alone when its text is already
right, so the cursor does not jump while you type.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.plan_rules import NOTE_MAX
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.colours import tint
from backleg_desktop.ui.plans.draft import MAX_WARMUP_SETS, DraftItem
from backleg_desktop.ui.widgets import heading, muted, paragraph

MODES = (("reps", "Reps"), ("hold", "A timed hold"))
WARMUP_TEXT = (
    "Warm-up sets come before the working sets, at about half the working load "
    "(with no weight, slower and smaller). They are not counted as working sets."
)
PROBLEM_FIELDS = ("exercise_id", "sets", "reps", "hold", "per_leg", "rest", "warmup_sets", "note")
NO_HOLD_WARMUP = "A timed hold has no warm-up sets: there is no load to halve."
PER_LEG_OFF = "Only for moves done one leg at a time."


class ProblemLabel(QLabel):
    """A field's problem in a red that reads on light and dark backgrounds; hidden if none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"problem-{name}")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        tint(self, QPalette.ColorRole.WindowText, "problem_text")  # follows theme switches

    def show_problems(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


def range_edit(name: str, accessible: str, parent: QWidget, description: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(f"field-{name}")
    described(edit, f"{description} One number, or a range such as 12–15.", name=accessible)
    edit.setPlaceholderText("3 or 12–15")
    # Digits, spaces and a dash or "to": "12", "12-15", "12 to 15".
    edit.setValidator(QRegularExpressionValidator(r"[0-9 \-–—to]{0,15}", edit))
    edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * 20)
    return edit


class ItemForm(QWidget):
    field_edited = Signal(str, object)  # DraftItem field name, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemForm")
        self._showing = False  # filling the fields from a draft: no edits to report
        self._one_sided = False
        self.title = heading("", 2, self)
        self.title.setObjectName("itemTitle")
        self.about = muted(paragraph("", self))
        self.about.setObjectName("itemAbout")

        self.sets = range_edit("sets", "Sets", self, "How many sets of this exercise.")
        self.mode = QComboBox(self)
        self.mode.setObjectName("field-mode")
        described(
            self.mode,
            "Whether each set is a number of reps or a hold timed in seconds.",
            name="Each set is",
        )
        for value, text in MODES:
            self.mode.addItem(text, value)
        self.reps = range_edit("reps", "Reps", self, "How many reps in each set.")
        self.hold = range_edit("hold", "Hold in seconds", self, "How long each hold lasts.")
        self.per_leg = QCheckBox("Count them for each leg", self)
        self.per_leg.setObjectName("field-per_leg")
        described(
            self.per_leg,
            "When on, the session asks for the sets of one leg, then of the other.",
        )
        self.rest = range_edit(
            "rest", "Rest in seconds", self, "The rest after each set, in seconds."
        )
        self.warmup = QSpinBox(self)
        self.warmup.setObjectName("field-warmup_sets")
        self.warmup.setRange(0, MAX_WARMUP_SETS)
        described(
            self.warmup,
            "Lighter sets before the working sets, at about half the load; 0 to 2.",
            name="Warm-up sets",
        )
        self.warmup_about = muted(paragraph(WARMUP_TEXT, self))
        self.note = QLineEdit(self)
        self.note.setObjectName("field-note")
        described(
            self.note, "A short reminder shown with this exercise in the session.", name="Note"
        )
        self.note.setPlaceholderText("Shown during the session, e.g. “slow on the way down”")
        self.note.setMaxLength(NOTE_MAX)

        self.problems = {name: ProblemLabel(name, self) for name in PROBLEM_FIELDS}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        self._reps_label = QLabel("&Reps:", self)
        self._hold_label = QLabel("&Hold (seconds):", self)
        rows: list[tuple[QLabel | str, QWidget, str]] = [
            ("&Sets:", self.sets, "sets"),
            ("&Each set is:", self.mode, ""),
            (self._reps_label, self.reps, "reps"),
            (self._hold_label, self.hold, "hold"),
            ("", self.per_leg, "per_leg"),
            ("Res&t (seconds):", self.rest, "rest"),
            ("&Warm-up sets:", self.warmup, "warmup_sets"),
            ("", self.warmup_about, ""),
            ("N&ote:", self.note, "note"),
        ]
        for label, field, problem in rows:
            if isinstance(label, QLabel):
                label.setBuddy(field)
                form.addRow(label, field)
            elif label:
                form.addRow(label, field)
            else:
                form.addRow(field)
            if problem:
                form.addRow("", self.problems[problem])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.about)
        layout.addWidget(self.problems["exercise_id"])
        layout.addLayout(form)
        layout.addStretch(1)
        self._form = form
        form.setRowVisible(self.hold, False)  # reps until an item says it is a hold
        self._connect()

    def _connect(self) -> None:
        for name in ("sets", "reps", "hold", "rest", "note"):
            edit: QLineEdit = getattr(self, name)
            edit.textEdited.connect(lambda text, n=name: self._edited(n, text))
        self.mode.activated.connect(lambda _i: self._edited("mode", self.mode.currentData()))
        self.per_leg.clicked.connect(lambda checked: self._edited("per_leg", bool(checked)))
        self.warmup.valueChanged.connect(lambda value: self._edited("warmup_sets", int(value)))

    def _edited(self, name: str, value: object) -> None:
        if not self._showing:
            self.field_edited.emit(name, value)

    # -- showing ---------------------------------------------------------------------------
    def show_item(self, item: DraftItem | None, name: str, about: str, one_sided: bool) -> None:
        """Fill the fields from `item` (None: no item chosen, the form is disabled)."""
        self._showing = True
        try:
            self.setEnabled(item is not None)
            self.title.setText(name if item is not None else "No exercise chosen")
            self.about.setText(about if item is not None else "Add an exercise to the plan.")
            if item is None:
                return
            self._one_sided = one_sided
            for field in ("sets", "reps", "hold", "rest", "note"):
                edit: QLineEdit = getattr(self, field)
                value = getattr(item, field)
                if edit.text() != value:
                    edit.setText(value)
            self.mode.setCurrentIndex(self.mode.findData(item.mode))
            self.per_leg.setChecked(item.per_leg)
            # A two-leg move can still untick a per leg it was given (say, by a file).
            self.per_leg.setEnabled(one_sided or item.per_leg)
            self.per_leg.setToolTip("" if one_sided else PER_LEG_OFF)
            self.warmup.setValue(item.warmup_sets)
            hold = item.mode == "hold"
            # A hold has no load to halve, so no warm-ups; a hold given some can go to 0.
            self.warmup.setEnabled(not hold or item.warmup_sets > 0)
            self.warmup.setToolTip(NO_HOLD_WARMUP if hold else "")
            self._form.setRowVisible(self.reps, not hold)
            self._form.setRowVisible(self.problems["reps"], not hold and self._has("reps"))
            self._form.setRowVisible(self.hold, hold)
            self._form.setRowVisible(self.problems["hold"], hold and self._has("hold"))
            self.per_leg.setText("Hold each leg in turn" if hold else "Count the reps for each leg")
        finally:
            self._showing = False

    def _has(self, name: str) -> bool:
        return bool(self.problems[name].text())

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Each field's messages under it (draft field names); the others cleared."""
        for name, label in self.problems.items():
            label.show_problems(problems.get(name, []))
        hold = self.mode.currentData() == "hold"
        self._form.setRowVisible(self.problems["reps"], not hold and bool(problems.get("reps")))
        self._form.setRowVisible(self.problems["hold"], hold and bool(problems.get("hold")))
        for name in ("sets", "per_leg", "rest", "warmup_sets", "note"):
            self._form.setRowVisible(self.problems[name], bool(problems.get(name)))

    def focus_field(self, name: str) -> None:
        widget = {"mode": self.mode, "per_leg": self.per_leg, "warmup_sets": self.warmup}.get(
            name, getattr(self, name, self.sets)
        )
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
