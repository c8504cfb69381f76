"""Making the session screens fit a large system font at 1024×700.

- `FlowRow`: a row of buttons that wraps onto more rows when they do not fit (the
  flow layout of Qt's examples; Qt has none built in), so no button is cut.
- `Blocks`: a screen's parts side by side, or one under the other (in a chosen order)
  when their least widths do not fit side by side.
- `scrolling`: a screen's content in a vertical-only scroll area, so a large font
  scrolls instead of squeezing lines over each other.
- `follow_font`: run a function again when a widget's font changes (sizes derived
  from font metrics would otherwise keep the size of the font they were built with).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui.widgets import VerticalScrollArea

Place = tuple[int, int, int, int]  # row, column, row span, column span


class FlowRow(QLayout):
    """Widgets left to right, wrapping to the next row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        m = self.contentsMargins()
        inner = QRect(0, 0, width - m.left() - m.right(), 0)
        return self._place(inner, move=False) + m.top() + m.bottom()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect.marginsRemoved(self.contentsMargins()), move=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        # One button per row at the least: the widest button is as narrow as it goes.
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.sizeHint())
        return self._with_margins(size)

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y = rect.x(), y + row_height + self._gap
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


def flow_row(widgets: Sequence[QWidget], spacing: int = 8) -> FlowRow:
    row = FlowRow(spacing=spacing)
    for widget in widgets:
        row.addWidget(widget)
    return row


class Blocks(QWidget):
    """`blocks` placed by `wide` (grid places) when their least widths fit side by
    side in this widget's width, else by `narrow`. `columns` holds the block indexes
    of each column of `wide`, to sum their least widths."""

    def __init__(
        self,
        blocks: Sequence[QWidget],
        wide: Sequence[Place],
        narrow: Sequence[Place],
        columns: Sequence[Sequence[int]],
        *,
        stretch: Sequence[int] = (),
        spacing: int = 24,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.blocks, self._wide, self._narrow = list(blocks), list(wide), list(narrow)
        self._columns, self._stretch = columns, stretch
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        self.stacked: bool | None = None
        self._arrange(False)

    def need(self) -> int:
        """The least width side by side."""
        widths = [
            max((self.blocks[i].minimumSizeHint().width() for i in column), default=0)
            for column in self._columns
        ]
        return sum(widths) + self.grid.horizontalSpacing() * (len(widths) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        self._arrange(self.need() > self.width())

    def _arrange(self, stacked: bool) -> None:
        if stacked == self.stacked:
            return
        self.stacked = stacked
        for block in self.blocks:
            self.grid.removeWidget(block)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        for block, place in zip(self.blocks, self._narrow if stacked else self._wide, strict=True):
            self.grid.addWidget(block, *place)
        if not stacked:
            for column, factor in enumerate(self._stretch):
                self.grid.setColumnStretch(column, factor)


def block(*parts: QWidget | QLayout, stretch_last: bool = False) -> QWidget:
    """Widgets (and layouts) in one column, as one block for `Blocks`; with
    `stretch_last` the first part takes the height left over instead of a stretch."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    for index, part in enumerate(parts):
        grow = 1 if stretch_last and index == 0 else 0
        if isinstance(part, QLayout):
            column.addLayout(part, grow)
        else:
            column.addWidget(part, grow)
    if not stretch_last:
        column.addStretch(1)
    return holder


def scrolling(screen: QWidget, content: QWidget, margins: tuple[int, int, int, int]) -> None:
    """Put `content` in a vertical-only scroll area that fills `screen`."""
    layout = content.layout()
    if layout is not None:
        layout.setContentsMargins(*margins)
    area = VerticalScrollArea(content, screen)
    area.setObjectName(f"{screen.objectName()}Scroll")
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    screen.scroll_area = area  # type: ignore[attr-defined]


def scroll_to_top_of(area: QScrollArea, widget: QWidget, gap: int = 8) -> None:
    """Scroll `area` so `widget`'s top is in view (at the top when it is taller than
    the view; Qt's ensureWidgetVisible would centre it and hide its first lines)."""
    content = area.widget()
    if content is None:
        return
    top = widget.mapTo(content, QPoint(0, 0)).y()
    view = area.viewport().height()
    bar = area.verticalScrollBar()
    if widget.height() + gap > view or top < bar.value():
        bar.setValue(max(0, top - gap))
    elif top + widget.height() > bar.value() + view:
        bar.setValue(top + widget.height() + gap - view)


def settle_layouts(rounds: int = 3) -> None:
    """Run the pending layouts (a label, its screen, then the scroll area) now."""
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def show_span(
    area: QScrollArea, first: QWidget, last: QWidget, gap: int = 8, *, first_on_top: bool = False
) -> None:
    """Scroll so `first` to `last` are in view; when they do not all fit, `last` is,
    and `first` is scrolled wholly out rather than shown cut in half. `first_on_top`:
    when it has to scroll, `first` goes to the top (no line above it cut in half)."""
    content = area.widget()
    if content is None:
        return
    settle_layouts()  # a screen just switched to: its places are not final yet
    top = first.mapTo(content, QPoint(0, 0)).y()
    first_bottom = top + first.height()
    bottom = last.mapTo(content, QPoint(0, last.height())).y()
    view = area.viewport().height()
    bar = area.verticalScrollBar()
    if bottom - top + gap <= view:
        if first_on_top and bottom > bar.value() + view:
            bar.setValue(max(0, top - gap // 2))
        elif top < bar.value() or bottom > bar.value() + view:
            bar.setValue(max(0, min(top - gap // 2, bottom + gap - view)))
    else:
        bar.setValue(max(bottom + gap - view, first_bottom))


def show_from_first_fitting(
    area: QScrollArea, firsts: Sequence[QWidget], last: QWidget, gap: int = 8
) -> None:
    """`show_span(first_on_top=True)` from the first of `firsts` (the shown ones, top to
    bottom) whose span to `last` fits the view, so the lines above it are scrolled
    wholly out rather than cut; from the last of them when none fits."""
    content = area.widget()
    shown = [widget for widget in firsts if widget.isVisible()]
    if content is None or not shown:
        return
    settle_layouts()
    bottom = last.mapTo(content, QPoint(0, last.height())).y()
    view = area.viewport().height()
    fitting = (w for w in shown if bottom - w.mapTo(content, QPoint(0, 0)).y() + gap <= view)
    show_span(area, next(fitting, shown[-1]), last, gap, first_on_top=True)


def uncut_buttons(area: QScrollArea, keep: QWidget) -> None:
    """No button half in view at the bottom fold: scroll it wholly in when `keep`
    stays wholly in view, else wholly out (then what is above it stays)."""
    content = area.widget()
    if content is None:
        return
    bar, view = area.verticalScrollBar(), area.viewport().height()
    keep_top = keep.mapTo(content, QPoint(0, 0)).y()
    for button in content.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        top = button.mapTo(content, QPoint(0, 0)).y()
        bottom = top + button.height()
        fold = bar.value() + view
        if top < fold < bottom:
            whole = bottom + 4 - view
            bar.setValue(whole if whole <= keep_top else max(0, top - view))


def uncut_top(area: QScrollArea, keep: QWidget) -> None:
    """No text cut at the top of the view (half a heading): scroll it wholly out,
    when `keep` stays wholly in view."""
    content = area.widget()
    if content is None:
        return
    bar, view = area.verticalScrollBar(), area.viewport().height()
    keep_bottom = keep.mapTo(content, QPoint(0, keep.height())).y()
    for label in content.findChildren(QLabel):
        top = label.mapTo(content, QPoint(0, 0)).y()
        bottom = top + label.height()
        if label.isVisible() and top < bar.value() < bottom and keep_bottom <= bottom + view:
            bar.setValue(bottom)


class _FontWatch(QObject):
    def __init__(self, widget: QWidget, update: Callable[[], None]) -> None:
        super().__init__(widget)
        self._update = update
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._update()
        return False


def follow_font(widget: QWidget, update: Callable[[], None]) -> None:
    """Call `update` now and whenever `widget`'s font changes."""
    update()
    _FontWatch(widget, update)
