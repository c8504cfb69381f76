"""The plan editor: a name and summary, the exercises in order, and the chosen one's form.

Every change is a command on the editor's own QUndoStack (undo.py); Ctrl+Z and
Ctrl+Shift+Z walk it while the editor has focus (undo_keys.py). The plan is checked after
each change by the content's own rules (checks.py), each message shown next to its field
and the item marked in the list; Save stays disabled while anything is wrong, so nothing
invalid is ever saved. Nothing is stored until Save.

    editor = PlanEditor(book, draft_from_plan(plan), parent=window)
    editor.saved.connect(...)   # with the Plan as stored
    editor.open()
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Plan
from backleg_desktop.domain.plan_rules import name_key
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.plan_catalog import known_exercises
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.plans.book import PlanBook
from backleg_desktop.ui.plans.checks import DraftProblems, draft_problems
from backleg_desktop.ui.plans.draft import Draft, new_item, to_plan
from backleg_desktop.ui.plans.item_form import ItemForm, ProblemLabel
from backleg_desktop.ui.plans.items_model import PlanItemsModel, items_view
from backleg_desktop.ui.plans.undo import AddItems, MoveItem, RemoveItem, SetItemField, SetPlanField
from backleg_desktop.ui.plans.undo_keys import UndoKeys
from backleg_desktop.ui.widgets import muted, paragraph


class PlanEditor(QDialog):
    saved = Signal(object)  # the Plan as stored

    def __init__(self, book: PlanBook, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.setModal(True)
        self.book = book
        self.plan_id = draft.plan_id
        self.stack = QUndoStack(self)
        self.problems = DraftProblems()
        self._name, self._summary = draft.name, draft.summary
        # Read once: the editor is modal, so neither changes while it is open.
        self.user_exercises = book.user_exercises()
        self._known = known_exercises(book.library, self.user_exercises)
        own = name_key(draft.name) if draft.plan_id else None
        self._other_names = [name for name in book.names() if name_key(name) != own]

        self.name = QLineEdit(draft.name, self)
        self.name.setObjectName("planName")
        described(
            self.name,
            "The plan's name as the Plans page and History show it; it must be new.",
            name="Plan name",
        )
        self.name.setMaxLength(80)
        self.summary = QLineEdit(draft.summary, self)
        self.summary.setObjectName("planSummary")
        described(self.summary, "One optional line on what the plan is for.", name="Summary")
        self.summary.setPlaceholderText("What the plan is for, in a line (optional)")
        self.summary.setMaxLength(300)
        self.name_problem = ProblemLabel("name", self)
        self.items_problem = ProblemLabel("items", self)

        self.model = PlanItemsModel(book.exercise_name, self)
        self.model.set_items(draft.items)
        self.list = items_view(self.model, self)

        self.add_button = QPushButton("&Add exercises…", self)
        self.add_button.setObjectName("addItems")
        self.add_button.setToolTip("Choose from the library and your own exercises (Insert)")
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.setObjectName("removeItem")
        self.remove_button.setToolTip("Take the chosen exercise out of the plan (Delete)")
        self.replace_button = QPushButton("Re&place…", self)
        self.replace_button.setObjectName("replaceItem")
        self.replace_button.setToolTip("Another exercise in its place, with the same numbers")
        self.up_button = QPushButton("Move &up", self)
        self.up_button.setObjectName("moveUp")
        self.up_button.setToolTip("Alt+Up, or drag it")
        self.down_button = QPushButton("Move do&wn", self)
        self.down_button.setObjectName("moveDown")
        self.down_button.setToolTip("Alt+Down, or drag it")
        self.form = ItemForm(self)

        self.status = muted(paragraph("", self))
        self.status.setObjectName("editorStatus")
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("savePlan")
        described(self.save_button, "Saves the plan as one of your own and closes the editor.")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        described(self.cancel_button, "Closes the editor; it asks first if you changed anything.")
        self.undo_button = QPushButton("Undo", self)
        self.undo_button.setObjectName("editorUndo")
        self.undo_button.setToolTip("Ctrl+Z")
        described(self.undo_button, "Takes back the last change in this editor (Ctrl+Z).")
        self.redo_button = QPushButton("Redo", self)
        self.redo_button.setObjectName("editorRedo")
        self.redo_button.setToolTip("Ctrl+Shift+Z")
        described(self.redo_button, "Makes the last change taken back again (Ctrl+Shift+Z).")
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field must not save and close
        self._lay_out()
        self._connect()
        self._undo_keys = UndoKeys(self, self.stack)
        self._resize_to_fit()
        self.after(0 if self.model.rowCount() else None)
        self.stack.setClean()
        self._update_title()
        (self.name if not draft.name else self.list).setFocus()

    # -- building --------------------------------------------------------------------------
    def _lay_out(self) -> None:
        top = QFormLayout()
        name_label = QLabel("&Name:", self)
        name_label.setBuddy(self.name)
        summary_label = QLabel("Su&mmary:", self)
        summary_label.setBuddy(self.summary)
        top.addRow(name_label, self.name)
        top.addRow("", self.name_problem)
        top.addRow(summary_label, self.summary)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        items_label = QLabel("E&xercises, in order:", self)
        items_label.setBuddy(self.list)
        left_layout.addWidget(items_label)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.items_problem)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.add_button)
        row1.addWidget(self.replace_button)
        row1.addWidget(self.remove_button)
        row2.addWidget(self.up_button)
        row2.addWidget(self.down_button)
        left_layout.addLayout(row1)
        left_layout.addLayout(row2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.name.textEdited.connect(lambda text: self._push_plan_field("name", text))
        self.summary.textEdited.connect(lambda text: self._push_plan_field("summary", text))
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.move_requested.connect(self.move_item)
        self.form.field_edited.connect(self._item_edited)
        self.add_button.clicked.connect(self.pick_exercises)
        self.remove_button.clicked.connect(self.remove_current)
        self.replace_button.clicked.connect(self.pick_replacement)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.undo_button.clicked.connect(self.stack.undo)
        self.redo_button.clicked.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        # No cleanChanged here: the stack emits it while the dialog is being destroyed.
        # Each command's after() and save() update the title instead.
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        keys = [
            ("Alt+Up", lambda: self.move_current(-1), self.list),
            ("Alt+Down", lambda: self.move_current(1), self.list),
            ("Delete", self.remove_current, self.list),
            ("Insert", self.pick_exercises, self),
            ("Ctrl+S", self.save, self),
        ]
        for keys_text, slot, owner in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys_text))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            owner.addAction(action)

    def _resize_to_fit(self) -> None:
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 135, metrics.height() * 36)

    # -- the plan's own fields (undo.PlanFields) ---------------------------------------------
    def plan_field(self, name: str) -> str:
        return self._name if name == "name" else self._summary

    def set_plan_field(self, name: str, value: str) -> None:
        edit = self.name if name == "name" else self.summary
        if name == "name":
            self._name = value
        else:
            self._summary = value
        if edit.text() != value:
            edit.setText(value)

    def _push_plan_field(self, name: str, text: str) -> None:
        self.stack.push(SetPlanField(self, name, text, self.after))

    # -- the items -------------------------------------------------------------------------
    def current_row(self) -> int | None:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else None

    def draft(self) -> Draft:
        return Draft(self.plan_id, self._name, self._summary, self.model.items)

    def push(self, command: QUndoCommand) -> None:
        self.stack.push(command)

    def _item_edited(self, name: str, value: object) -> None:
        row = self.current_row()
        if row is not None:
            self.push(SetItemField(self.model, row, name, value, self.after))

    def add_exercises(self, exercise_ids: list[str]) -> None:
        """Add them after the chosen item (at the end when none is chosen)."""
        if not exercise_ids:
            return
        current = self.current_row()
        row = self.model.rowCount() if current is None else current + 1
        items = [new_item(exercise_id, self.book.library) for exercise_id in exercise_ids]
        self.push(AddItems(self.model, row, items, self.after))

    def pick_exercises(self) -> None:
        from backleg_desktop.ui.plans.exercise_picker import ExercisePicker

        picker = ExercisePicker(self.book.library, self.user_exercises, self)
        picker.accepted.connect(lambda: self.add_exercises(picker.chosen_ids()))
        picker.finished.connect(lambda _result: picker.deleteLater())
        picker.open()
        self.picker = picker  # tests reach it here

    def pick_replacement(self) -> None:
        from backleg_desktop.ui.plans.exercise_picker import ExercisePicker

        row = self.current_row()
        if row is None:
            return
        name = self.model.exercise_name(row)
        picker = ExercisePicker(self.book.library, self.user_exercises, self, replacing=name)
        picker.accepted.connect(lambda: self.replace_current(picker.chosen_ids()[:1]))
        picker.finished.connect(lambda _result: picker.deleteLater())
        picker.open()
        self.picker = picker

    def replace_current(self, exercise_ids: list[str]) -> None:
        """The chosen item gets another exercise and keeps its numbers; per leg goes when
        the new one uses both legs (one undo step for both)."""
        row = self.current_row()
        if row is None or not exercise_ids or exercise_ids[0] == self.model.item(row).exercise_id:
            return
        new_id = exercise_ids[0]
        old = self.model.exercise_name(row)
        self.stack.beginMacro(f"Replace {old} with {self.book.exercise_name(new_id)}")
        self.push(SetItemField(self.model, row, "exercise_id", new_id, self.after))
        if self.model.item(row).per_leg and not self.book.one_sided(new_id):
            self.push(SetItemField(self.model, row, "per_leg", False, self.after))
        self.stack.endMacro()

    def remove_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.push(RemoveItem(self.model, row, self.after))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row is not None:
            self.move_item(row, row + step)

    def move_item(self, source: int, to: int) -> None:
        if source != to and 0 <= to < self.model.rowCount():
            self.push(MoveItem(self.model, source, to, self.after))

    # -- after every change -----------------------------------------------------------------
    def after(self, row: int | None) -> None:
        """A command ran: show the item it touched, check the plan, update the buttons."""
        if row is not None and 0 <= row < self.model.rowCount():
            selection = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.list.selectionModel().setCurrentIndex(self.model.index(row), selection)
        self.check()
        self._show_current()
        self._update_title()

    def _show_current(self) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row is not None)
        self.replace_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < count - 1)
        if row is None:
            self.form.show_item(None, "", "", False)
            self.form.show_problems({})
            return
        item = self.model.item(row)
        self.form.show_item(
            item,
            self.model.exercise_name(row),
            self.book.about(item.exercise_id),
            self.book.one_sided(item.exercise_id),
        )
        self.form.show_problems(self.problems.of_item(row))

    def check(self) -> DraftProblems:
        self.problems = draft_problems(
            self.draft(), self._known, self._other_names, self.book.exercise_name
        )
        self.name_problem.show_problems(self.problems.plan.get("name", []))
        self.items_problem.show_problems(self.problems.plan.get("items", []))
        self.model.set_problems(
            {
                row: [message for messages in fields.values() for message in messages]
                for row, fields in self.problems.items.items()
            }
        )
        count = self.problems.count
        self.save_button.setEnabled(count == 0 and self.book.ready)
        if count:
            self.status.setText(
                "1 thing to fix before saving."
                if count == 1
                else f"{count} things to fix before saving."
            )
        elif not self.book.ready:
            self.status.setText("Your history is not open yet, so the plan cannot be saved.")
        else:
            self.status.setText("")
        return self.problems

    def _update_title(self) -> None:
        name = self._name.strip() or "New plan"
        self.setWindowTitle(f"{name}{'' if self.stack.isClean() else ' *'} · Edit plan")

    # -- saving and leaving --------------------------------------------------------------
    def save(self) -> Plan | None:
        if self.check().count or not self.book.ready:
            return None  # Save is disabled then; Ctrl+S says nothing more either
        try:
            stored = self.book.save(to_plan(self.draft()))
        except BacklegError as error:
            self._save_refused(error)
            return None
        self.plan_id = stored.id
        self.stack.setClean()
        self.saved.emit(stored)
        self.accept()
        return stored

    def _save_refused(self, error: BacklegError) -> None:
        problems = getattr(error, "problems", None)
        if problems:  # PlanInvalid: what the service found that the editor did not
            for problem in problems:
                self.problems.add(
                    problem.item,
                    "items" if problem.item is None else "exercise_id",
                    problem.message,
                )
            self.items_problem.show_problems(self.problems.plan.get("items", []))
            self._show_current()
            self.save_button.setEnabled(False)
            return
        message_boxes.warn(self, "Plan not saved", f"The plan was not saved.\n\n{error}")

    def reject(self) -> None:
        if not self.stack.isClean():
            question = "Leave the editor? The changes you made to this plan are not saved."
            if not message_boxes.ask(
                self,
                "Discard changes",
                question,
                yes="Closes the editor; the changes made to this plan are lost.",
                no="Goes back to the editor with your changes still there.",
                default=message_boxes.No,
            ):
                return
        super().reject()
