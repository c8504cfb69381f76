"""A visible keyboard focus: a 2 px ring in the theme's focus colour around the control
that has focus, in every window of the application.

Fusion marks focus with a one-pixel line in a shade of the accent, which is hard to see
(under 3:1 in the dark theme). Qt's QFocusFrame draws outside a widget's own area, so
one ring serves every kind of control without changing how any of them paints. As on
the web's :focus-visible, it shows after keyboard moves (Tab, shortcuts, a page that
puts focus on its list) and always on text entry; not around a button just clicked.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QWidget,
)

from backleg_desktop.ui.colours import colours_of, inherited_palette

ModelIndex = QModelIndex | QPersistentModelIndex
RING_WIDTH = 2  # px; the frame's margin outside the control (PM_FocusFrameH/VMargin)


class FocusRing(QFocusFrame):
    def paintEvent(self, _event: QPaintEvent) -> None:
        target = self.widget()
        if target is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = colours_of(inherited_palette(target)).colour("focus")
        painter.setPen(QPen(colour, RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


class InnerRing(QWidget):
    """The ring drawn just inside a control, for one whose outside ring would be cut off
    (a list or table flush with the window's or a splitter's edge)."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("innerFocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = colours_of(inherited_palette(self)).colour("focus")
        painter.setPen(QPen(colour, RING_WIDTH))
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


def room_outside(widget: QWidget) -> bool:
    """Whether a ring RING_WIDTH px outside `widget` shows whole in every ancestor."""
    ring = widget.rect().adjusted(-RING_WIDTH, -RING_WIDTH, RING_WIDTH, RING_WIDTH)
    ancestor = widget.parentWidget()
    while ancestor is not None:
        corner = widget.mapTo(ancestor, ring.topLeft())
        if not ancestor.rect().contains(QRect(corner, ring.size())):
            return False
        if ancestor.isWindow():
            return True
        ancestor = ancestor.parentWidget()
    return True


class FocusRowDelegate(QStyledItemDelegate):
    """Rows as usual, plus the ring inside the current row while the list has focus: for
    a list at the window's edge, where a ring outside it would be cut off."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().paint(painter, option, index)
        if not option.state & QStyle.StateFlag.State_HasFocus:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        selected = option.state & QStyle.StateFlag.State_Selected
        # On a selected row the focus colour would be blue on blue: its text colour then.
        colour = (
            palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else colours_of(palette).colour("focus")
        )
        painter.setPen(QPen(colour, RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = RING_WIDTH / 2 + 1
        rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
        painter.drawRoundedRect(rect, 3, 3)
        painter.restore()


def _types_text(widget: QWidget) -> bool:
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit)


def wants_ring(widget: QWidget) -> bool:
    """A ring for a control in a window, unless a mouse press just gave it focus (the
    pointer shows where that is); always on a field that takes typed text."""
    if widget.isWindow() or widget.parentWidget() is None:
        return False
    clicked = QApplication.mouseButtons() != Qt.MouseButton.NoButton
    return not clicked or _types_text(widget)


class FocusRingKeeper(QObject):
    """Moves the one ring to whichever control has focus; one per application."""

    def __init__(self, application: QApplication) -> None:
        super().__init__(application)
        self.setObjectName("focusRingKeeper")
        self._ring: FocusRing | None = None
        self._inner: InnerRing | None = None
        application.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, application.focusWidget())

    @property
    def ring(self) -> FocusRing | None:
        """The ring, if it still exists (it dies with the window it was last in)."""
        if self._ring is not None and not shiboken6.isValid(self._ring):
            self._ring = None
        return self._ring

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self.ring
        if self._inner is not None and shiboken6.isValid(self._inner):
            self._inner.hide()  # at once: deleteLater waits for the event loop
            self._inner.deleteLater()
        self._inner = None
        if new is None or not wants_ring(new) or not room_outside(new):
            if ring is not None:
                ring.setWidget(None)  # type: ignore[arg-type]  # Qt takes nullptr: hide
            if new is not None and wants_ring(new):
                self._inner = InnerRing(new)  # no room outside: just inside its edge
            return
        if ring is None:
            ring = self._ring = FocusRing()
            ring.setObjectName("focusRing")
        ring.setWidget(new)
        ring.update()


def install_focus_ring(application: QApplication | None = None) -> FocusRingKeeper | None:
    """The application's focus ring, made on first use; None without a QApplication."""
    application = application or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(application, QApplication):
        return None
    found = application.findChild(FocusRingKeeper, "focusRingKeeper")
    return found if found is not None else FocusRingKeeper(application)
