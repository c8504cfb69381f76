"""Small building blocks shared by the reference pages: headings, paragraphs, link lines.

Sizes come from the application font and colours from the palette, so the pages follow
the platform style, dark themes and 200 % scaling without special cases.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui.fonts import scaled_font as scaled_font  # re-exported for the pages
from backleg_desktop.ui.fonts import set_scaled_font
from backleg_desktop.ui.links import anchor

# Relative heading sizes: the base font scaled, never a fixed point size.
_HEADING_SCALE = {1: 1.6, 2: 1.3, 3: 1.1}
PAGE_MARGIN = 24
SECTION_SPACING = 18
LINK_SEPARATOR = " · "
READABLE_WIDTH = 860  # long lines are hard to read; cap text columns at about 100 characters


def heading(text: str, level: int = 2, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    set_scaled_font(label, _HEADING_SCALE[level], bold=True)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    label.setProperty("heading", level)
    return label


def paragraph(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text in the palette's placeholder colour (readable in light and dark)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def bullet_list(items: Iterable[str], parent: QWidget | None = None) -> QLabel:
    rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    label = QLabel(f"<ul style='margin-left:0; -qt-list-indent:1'>{rows}</ul>", parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _FocusEntry(QObject):
    """Moves the focus a container is given to one of its controls (see focus_enters)."""

    def __init__(self, container: QWidget, target: Callable[[], QWidget | None]) -> None:
        super().__init__(container)
        self._container = container
        self._target = target
        container.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._container and event.type() == QEvent.Type.FocusIn:
            target = self._target()
            if target is not None and target.isVisible() and target.isEnabled():
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            else:  # the usual control is hidden (an empty grid): the first one in Tab order
                self._container.focusNextChild()
        return False


_LIST_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def move_in_list(
    event: QEvent, view: QAbstractItemView, *, focus_back: QWidget | None = None
) -> bool:
    """For a search box's event filter: Up, Down, Page Up and Page Down move through
    `view`, the list the box filters, and the box keeps the keyboard. True if it was one.

    With `focus_back` (the box) the list has focus while it moves, as the plan editor's
    multi-selection picker wants, and the box gets it back after."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    assert isinstance(event, QKeyEvent)
    if event.key() not in _LIST_MOVES:
        return False
    if focus_back is not None:
        view.setFocus()
    view.keyPressEvent(event)
    if focus_back is not None:
        focus_back.setFocus()
    return True


def focus_enters(container: QWidget, target: Callable[[], QWidget | None]) -> None:
    """`container.setFocus()` puts the keyboard on `target()` (‹ Back lands on the cards).

    Not setFocusProxy: in Qt 6 Tab into a container with a proxy jumps to the proxy and
    carries on from there, so the controls before it (a search box above a grid) are
    never reached from the keyboard."""
    container.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FocusEntry(container, target)


class LinkLabel(QLabel):
    """A line of in-app links ("exercise:<id>"); emits link_activated, never opens a browser."""

    link_activated = Signal(str)

    def __init__(
        self,
        links: Iterable[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        description: str = "Links to other pages of Backleg: Tab moves between them, "
        "Enter opens one.",
    ) -> None:
        super().__init__(parent)
        self.links = list(links)  # (link, text) pairs, kept for tests and accessibility
        self.setAccessibleDescription(description)
        self.setText(LINK_SEPARATOR.join(anchor(link, text) for link, text in self.links))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        # Tab moves between the links and Enter follows one.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.linkActivated.connect(self.link_activated)

    # Tab and Shift+Tab step through the links ourselves: Qt's label rests once on no
    # link when Tab enters it, and Shift+Tab never leaves its first link (a trap).
    def _spans(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for _link, text in self.links:
            spans.append((start, len(text)))
            start += len(text) + len(LINK_SEPARATOR)
        return spans

    def _select_link(self, index: int) -> None:
        self.setSelection(*self._spans()[index])

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.links and event.reason() == Qt.FocusReason.TabFocusReason:
            self._select_link(0)
        elif self.links and event.reason() == Qt.FocusReason.BacktabFocusReason:
            self._select_link(len(self.links) - 1)

    def focusNextPrevChild(self, next: bool) -> bool:
        starts = [start for start, _length in self._spans()]
        if self.hasFocus() and self.hasSelectedText() and self.selectionStart() in starts:
            index = starts.index(self.selectionStart()) + (1 if next else -1)
            if 0 <= index < len(starts):
                self._select_link(index)
                return True
        return QFrame.focusNextPrevChild(self, next)


class VerticalScrollArea(QScrollArea):
    """A scroll area for long pages: vertical only, and it leaves Left/Right to the page."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()  # let the page use them (the cue player steps with them)
            return
        super().keyPressEvent(event)


class ReadableColumn(QWidget):
    """Page content in a centred column of readable width, with page margins."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout()
        self.column.setSpacing(SECTION_SPACING)
        self._inner = QWidget(self)
        self._inner.setLayout(self.column)
        self._inner.setMaximumWidth(READABLE_WIDTH)
        self._inner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # The column takes all the width up to READABLE_WIDTH; the spacers get the rest.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._inner, 1000)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        outer.addLayout(row)
        outer.addStretch(1)

    def add(self, widget: QWidget) -> QWidget:
        self.column.addWidget(widget)
        return widget


class Section(QFrame):
    """A titled block inside a page, with a thin palette-coloured frame."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setObjectName("section")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.title = heading(title, 2)
        self.body.addWidget(self.title)

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget


class Collapsible(QWidget):
    """A heading that shows or hides its body, for the FAQ (keyboard: Space toggles)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        set_scaled_font(self.toggle, _HEADING_SCALE[3], bold=True)
        self.toggle.setAccessibleDescription("Shows or hides the answer below; Space does too.")
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.body = body
        body.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toggle)
        layout.addWidget(body)
        self.toggle.toggled.connect(self.set_expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()
