"""The exercise screen's header: the exercise's name, then the set ("Set 1 of 3") and
the side on the name's line, or under the name when the name would not fit on one
line beside them (a large font: a wrapped name left the set alone, far to its right)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from backleg_desktop.ui.session.fit import follow_font
from backleg_desktop.ui.widgets import PAGE_MARGIN

BOTTOM = Qt.AlignmentFlag.AlignBottom


class ExerciseHeader(QVBoxLayout):
    def __init__(self, screen: QWidget, name: QLabel, set_label: QLabel, side: QLabel) -> None:
        super().__init__()
        self._screen, self._name, self._set, self._side = screen, name, set_label, side
        self._rows = (QHBoxLayout(), QHBoxLayout())
        for row in self._rows:
            row.setSpacing(PAGE_MARGIN)
            self.addLayout(row)
        self.setSpacing(0)
        self.under: bool | None = None
        follow_font(name, self.refit)

    def refit(self) -> None:
        """The set beside the name, or under it when that keeps the name on one line."""
        m = self.contentsMargins()
        room = self._screen.width() - m.left() - m.right()
        name = self._name.fontMetrics().horizontalAdvance(self._name.text()) + 8
        beside = PAGE_MARGIN + self._set.sizeHint().width()
        if self._side.isVisibleTo(self._screen):
            beside += PAGE_MARGIN + self._side.sizeHint().width()
        # Under only when that keeps the name on one line: a name that wraps anyway
        # keeps the set beside its last line, and the header no taller.
        self._place(name + beside > room >= name)
        # A wrapping label asks for less than one line's width: where the line fits,
        # hold it to that, or the name wraps with room to spare beside the set.
        self._name.setMinimumWidth(name if name + beside <= room else 0)

    def _place(self, under: bool) -> None:
        if under == self.under:
            return
        self.under = under
        for row in self._rows:
            while row.count():
                row.takeAt(0)
        first, second = self._rows
        if under:  # alone on its line, with the whole width (no alignment: no wrap)
            first.addWidget(self._name, 1)
        else:
            first.addWidget(self._name, 0, BOTTOM)
        rest = second if under else first  # the set and side: under the name, or beside it
        rest.addWidget(self._set, 0, BOTTOM)
        rest.addWidget(self._side, 0, BOTTOM)
        rest.addStretch(1)
