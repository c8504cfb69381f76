"""The History list beside its detail when both fit, the detail under the list when not.

At a large system font (or a narrow window) the sessions list's main columns and the
detail's no longer fit side by side, and both tables would need sideways scrolling and
cut exercise names; stacked, each gets the whole width.

Side by side, the list (the first table) starts as wide as its main columns need and the
detail gets the rest, for its exercise names and set columns; stacked, the detail gets
the larger share of the height. The shares are set when the page is first shown, at a
flip and when the font changes; between those, the user's drag of the handle stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter

from backleg_desktop.ui.history.column_chooser import ColumnChooser

# The list's and the detail's shares of the splitter's height when stacked.
STACKED = (400, 600)


class SplitFit(QObject):
    def __init__(self, splitter: QSplitter, *choosers: ColumnChooser) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.choosers = choosers
        self._shared = False  # the shares were set once the splitter had its size
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self.fit(share=True)
        elif kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit(share=not self._shared and self.splitter.isVisible())
        return False

    def side_by_side_width(self) -> int:
        """The width the tables' main columns need next to each other."""
        return sum(c.needed_width() for c in self.choosers) + self.splitter.handleWidth()

    def fit(self, *, share: bool = False) -> None:
        wide = self.side_by_side_width() <= self.splitter.width()
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            # The tables' viewports are resized by the flip, and each fits its columns then.
            self.splitter.setOrientation(wanted)
            share = True
        if share:
            self._share(wide)

    def _share(self, wide: bool) -> None:
        self._shared = True
        if wide:
            first = self.choosers[0].needed_width()
            rest = self.splitter.width() - first - self.splitter.handleWidth()
            stretch, sizes = (1, 2), [first, max(rest, 1)]
        else:
            stretch, sizes = (2, 3), list(STACKED)  # relative: scaled to the splitter
        for index, factor in enumerate(stretch):
            self.splitter.setStretchFactor(index, factor)
        self.splitter.setSizes(sizes)
