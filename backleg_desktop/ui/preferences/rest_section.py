"""Preferences → Rest: where in a plan's range the rest falls, and the rests the
session's ±15 s keys set for particular exercises."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.session_flow import RestChoice, planned_rest
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.rest_prefs import (
    LONGEST_S,
    REMEMBER_KEY,
    SHORTEST_S,
    read_custom_rests,
    remembers_adjustments,
    write_custom_rests,
)
from backleg_desktop.ui.session.chooser import REST_CHOICES
from backleg_desktop.ui.session.page import REST_CHOICE_KEY, read_rest_choice
from backleg_desktop.ui.widgets import heading, muted

if TYPE_CHECKING:
    from backleg_desktop.content.model import IntRange, Library
    from backleg_desktop.ui.main_window import MainWindow

ID_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: the exercise id behind a row


class RestSection(PreferencesSection):
    title = "Rest"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("restSection")
        self.library: Library = main_window.library
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Rest", 2))
        layout.addWidget(QLabel("Rest between sets, within each plan's range:", self))
        self.group = QButtonGroup(self)
        self.choices: dict[RestChoice, QRadioButton] = {}
        example = self._example()
        keys = ("&Shortest", "&Middle", "&Longest")  # Alt+S, Alt+M, Alt+L
        for (value, plain), key in zip(REST_CHOICES, keys, strict=True):
            text = plain.replace(key.strip("&"), key, 1)
            button = QRadioButton(text, self)
            button.setObjectName(f"rest-{value}")
            if example is not None:
                name, rest = example
                button.setAccessibleDescription(
                    f"For example {name} rests {planned_rest(rest, value)} s"
                )
            self.group.addButton(button)
            self.choices[value] = button
            layout.addWidget(button)
        if example is not None:
            # The example gets a wrapping line of its own: in the buttons' text it made them
            # wider than the dialog on a small or scaled screen.
            name, rest = example
            shortest, middle, longest = (planned_rest(rest, value) for value, _ in REST_CHOICES)
            sample = muted(
                QLabel(f"{name}, for example: {shortest} s, {middle} s or {longest} s.", self)
            )
            sample.setObjectName("restExample")
            sample.setWordWrap(True)
            layout.addWidget(sample)
        advice = muted(
            QLabel("The shortest is the default. Rest longer whenever your back asks for it.", self)
        )
        advice.setWordWrap(True)
        layout.addWidget(advice)

        self.remember = QCheckBox("&Remember + and − as that exercise's rest", self)
        self.remember.setObjectName("restRemember")
        described(
            self.remember,
            "When on, the rest you set with + and − in a session is used for that "
            "exercise from then on.",
        )
        layout.addSpacing(8)
        layout.addWidget(self.remember)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("customRests")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        described(
            self.table,
            "The exercises with a rest of your own, and that rest in seconds.",
            name="Your rest per exercise",
        )
        self.table.setHorizontalHeaderLabels(["Exercise", "Rest"])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.empty = muted(
            QLabel("No exercise has its own rest yet. Press + or − during a rest to set one.", self)
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.forget_button = QPushButton("&Forget selected", self)
        self.forget_button.setObjectName("forgetRest")
        described(
            self.forget_button,
            "The chosen exercises go back to the rest their plan gives.",
        )
        self.forget_all_button = QPushButton("Forget &all", self)
        self.forget_all_button.setObjectName("forgetAllRests")
        described(
            self.forget_all_button,
            "Every exercise goes back to the rest its plan gives.",
        )
        buttons.addWidget(self.forget_button)
        buttons.addWidget(self.forget_all_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.forget_button.clicked.connect(self.forget_selected)
        self.forget_all_button.clicked.connect(self.forget_all)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def _example(self) -> tuple[str, IntRange] | None:
        """An exercise from the first plan whose range is wide enough to show the choice."""
        for plan in self.library.plans.values():
            for item in plan.items:
                rest = item.rest_seconds
                if rest.low != rest.high:
                    exercise = self.library.exercises.get(item.exercise_id)
                    return (exercise.name if exercise else item.exercise_id), rest
        return None

    def _name(self, exercise_id: str) -> str:
        exercise = self.library.exercises.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id

    # -- the table -------------------------------------------------------------------
    def rests(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            spin = self.table.cellWidget(row, 1)
            if item is not None and isinstance(spin, QSpinBox):
                found[str(item.data(ID_ROLE))] = spin.value()
        return found

    def _show_rests(self, rests: dict[str, int]) -> None:
        self.table.setRowCount(0)
        for exercise_id, seconds in sorted(rests.items(), key=lambda kv: self._name(kv[0])):
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(self._name(exercise_id))
            name.setData(ID_ROLE, exercise_id)
            self.table.setItem(row, 0, name)
            spin = QSpinBox(self.table)
            spin.setRange(SHORTEST_S, LONGEST_S)
            spin.setSingleStep(15)
            spin.setSuffix(" s")
            spin.setValue(seconds)
            spin.setAccessibleName(f"Rest for {name.text()}")
            self.table.setCellWidget(row, 1, spin)
        self.empty.setVisible(not rests)
        self.table.setVisible(bool(rests))
        self._update_buttons()

    def forget_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        rests = self.rests()
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None:
                rests.pop(str(item.data(ID_ROLE)), None)
        self._show_rests(rests)

    def forget_all(self) -> None:
        self._show_rests({})

    def _update_buttons(self) -> None:
        self.forget_button.setEnabled(bool(self.table.selectedIndexes()))
        self.forget_all_button.setEnabled(self.table.rowCount() > 0)

    # -- PreferencesSection ----------------------------------------------------------
    def choice(self) -> RestChoice:
        return next((c for c, b in self.choices.items() if b.isChecked()), "bottom")

    def load(self, settings: QSettings) -> None:
        self.choices[read_rest_choice(settings)].setChecked(True)
        self.remember.setChecked(remembers_adjustments(settings))
        self._show_rests(read_custom_rests(settings))

    def apply(self, settings: QSettings) -> None:
        settings.setValue(REST_CHOICE_KEY, self.choice())
        settings.setValue(REMEMBER_KEY, self.remember.isChecked())
        write_custom_rests(settings, self.rests())
