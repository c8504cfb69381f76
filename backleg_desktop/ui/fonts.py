"""Font sizes relative to the application font; only QtGui at import, so the first
frame can use it.

`set_scaled_font` also remembers the scale on the widget, so when the system font size
changes while Backleg runs (the application's fontChanged signal) the headings and
big numbers are derived again from the new application font instead of keeping the old
size they were given explicitly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

_SCALE = "backlegFontScale"
_BOLD = "backlegFontBold"


def scaled_font(base: QFont, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(round(font.pixelSize() * scale))
    font.setBold(bold)
    return font


def set_scaled_font(widget: QWidget, scale: float, *, bold: bool = False) -> None:
    """Give `widget` the application font times `scale`, now and after font changes."""
    from PySide6.QtWidgets import QApplication

    widget.setProperty(_SCALE, scale)
    widget.setProperty(_BOLD, bold)
    widget.setFont(scaled_font(QApplication.font(widget), scale, bold=bold))
    _follow_font_changes()


def _rescale_all(_font: QFont) -> None:
    # Qt tells only the windows of a new application font, and a widget whose size was
    # set explicitly keeps it: derive every scaled font in every window again.
    from PySide6.QtWidgets import QApplication, QWidget

    for window in QApplication.topLevelWidgets():
        for widget in [window, *window.findChildren(QWidget)]:
            _rescale(widget)


def _rescale(widget: QWidget) -> None:
    from PySide6.QtWidgets import QApplication

    scale = widget.property(_SCALE)
    if scale is not None:
        bold = bool(widget.property(_BOLD))
        widget.setFont(scaled_font(QApplication.font(widget), float(scale), bold=bold))


_following: QObject | None = None  # the application whose fontChanged is connected


def _follow_font_changes() -> None:
    """Connect once to the application's fontChanged signal: no event filter, which
    would put every event of the application through Python."""
    global _following
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and _following is not app:
        _following = app
        app.fontChanged.connect(_rescale_all)
