"""The History list beside its detail when both fit, the detail under the list when not.

At a large system font (or a narrow window) the sessions list's main columns and the
detail's no longer fit side by side, and both tables would need sideways scrolling and
cut exercise names; stacked, each gets the whole width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter

from backleg_desktop.ui.history.column_chooser import ColumnChooser


class SplitFit(QObject):
    def __init__(self, splitter: QSplitter, *choosers: ColumnChooser) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.choosers = choosers
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.fit()
        return False

    def side_by_side_width(self) -> int:
        """The width the tables' main columns need next to each other."""
        return sum(c.needed_width() for c in self.choosers) + self.splitter.handleWidth()

    def fit(self) -> None:
        wide = self.side_by_side_width() <= self.splitter.width()
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            # The tables' viewports are resized by the flip, and each fits its columns then.
            self.splitter.setOrientation(wanted)
