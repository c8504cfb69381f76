"""The History list beside its detail when both fit, the detail under the list when not.

At a large system font (or a narrow window) the sessions list's main columns and the
detail's no longer fit side by side, and both tables would need sideways scrolling and
cut exercise names; stacked, each gets the whole width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter

from backleg_desktop.ui.history.column_chooser import ColumnChooser

# The list's and the detail's shares of the splitter (history_page starts side by side).
SIDE_BY_SIDE = (440, 390)  # the detail's sets need room at 1024 wide
STACKED = (400, 600)


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
            # Side by side the list gets more of the width; stacked, the detail gets more
            # of the height, for its sets (a large font leaves room for few rows).
            stretch, sizes = ((3, 2), SIDE_BY_SIDE) if wide else ((2, 3), STACKED)
            for index, factor in enumerate(stretch):
                self.splitter.setStretchFactor(index, factor)
            self.splitter.setSizes(list(sizes))  # relative: scaled to the splitter
