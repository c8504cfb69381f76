"""The History list beside its detail when both fit, the detail under the list when not.

At a large system font (or a narrow window) the sessions list's main columns and the
detail's no longer fit side by side, and both tables would need sideways scrolling and
cut exercise names; stacked, each gets the whole width.

Side by side, the list (the first table) is given the width its main columns need and
the detail the rest, for its exercise names and set columns; stacked, the detail gets the
larger share of the height. The shares are set when the page is first shown (unless
ui/window_state.py put back the split of the last run), after a flip and after a font
change; between those the user's drag of the handle stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter

from backleg_desktop.ui.history.column_chooser import ColumnChooser
from backleg_desktop.ui.window_state import SPLIT_RESTORED  # set on a splitter it restored

# The list's and the detail's shares of the splitter's height when stacked.
STACKED = (400, 600)


class SplitFit(QObject):
    def __init__(self, splitter: QSplitter, *choosers: ColumnChooser) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.choosers = choosers
        self._started = False  # shown once
        self._laid_out: Qt.Orientation | None = None  # the orientation the shares are for
        self._force = False
        self._pending = False
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._force = True
            self.fit()
        elif kind in (QEvent.Type.Resize, QEvent.Type.Show):
            if not self._started and self.splitter.isVisible():
                self._started = True
                if self.splitter.property(SPLIT_RESTORED):  # the last run's split stays
                    self._laid_out = self.splitter.orientation()
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
        if self._started and (self._force or wanted != self._laid_out) and not self._pending:
            # After the events of this pass: a flip there and back (while the window
            # takes its size) leaves the shares as they were.
            self._pending = True
            QTimer.singleShot(0, self, self._share)

    def _share(self) -> None:
        self._pending = False
        orientation = self.splitter.orientation()
        if not self._force and orientation == self._laid_out:
            return
        self._force = False
        self._laid_out = orientation
        if orientation == Qt.Orientation.Horizontal:
            first = self.choosers[0].needed_width()
            rest = self.splitter.width() - first - self.splitter.handleWidth()
            stretch, sizes = (1, 2), [first, max(rest, 1)]
        else:
            stretch, sizes = (2, 3), list(STACKED)  # relative: scaled to the splitter
        for index, factor in enumerate(stretch):
            self.splitter.setStretchFactor(index, factor)
        self.splitter.setSizes(sizes)
