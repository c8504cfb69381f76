"""The RPE cell's editor in History: the session's own RPE box, so the same values pass.

Whole and half numbers from 0 to 10; "–" (the box's lowest step, or an emptied box) clears
the RPE. What the box commits goes through the model's setData like any other edit.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from backleg_desktop.ui.session.rpe_field import NO_RPE, RpeSpinBox

_Index = QModelIndex | QPersistentModelIndex


class _CellRpeBox(RpeSpinBox):
    """Knows whether the user changed it: an imported 8.25 shows as 8.3, and Enter on an
    untouched box must not round it to 8.5."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.touched = False
        self.lineEdit().textEdited.connect(self._touch)

    def _touch(self, *_args: object) -> None:
        self.touched = True

    def stepBy(self, steps: int) -> None:
        self.touched = True
        super().stepBy(steps)


class RpeDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = _CellRpeBox(parent)
        editor.setObjectName("historyRpeInput")
        editor.setAccessibleName("RPE of this set")
        editor.setAccessibleDescription(
            "0 to 10 in whole or half steps; – clears it. Ctrl+Z undoes the change."
        )
        editor.setFrame(False)
        # The cell is narrow: the text gets all of it (Up and Down still step by 0.5).
        editor.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for "10.5" while editing, however short the values shown."""
        hint = super().sizeHint(option, index)
        room = option.fontMetrics.horizontalAdvance("10.5") + 16
        return QSize(max(hint.width(), room), hint.height())

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, RpeSpinBox)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "").strip()
        try:
            editor.setValue(float(text) if text else NO_RPE)
        except ValueError:
            editor.setValue(NO_RPE)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, _CellRpeBox)
        if not editor.touched:
            return
        if not editor.text().strip():  # emptied: no RPE
            editor.setValue(NO_RPE)
        editor.interpretText()
        value = editor.value()
        model.setData(index, "" if value < 0 else f"{value:g}")
