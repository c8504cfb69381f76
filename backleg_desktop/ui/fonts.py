"""Font sizes relative to the application font; only QtGui at import, so the first
frame can use it.

`set_scaled_font` also remembers the scale on the widget, so when the system font size
changes while Backleg runs (ApplicationFontChange reaches every widget) the headings and
big numbers are derived again from the new application font instead of keeping the old
size they were given explicitly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont

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


class _FontFollower(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt sends ApplicationFontChange to each window only, and a widget whose size
        # was set explicitly keeps it: derive every scaled font in the window again.
        if event.type() == QEvent.Type.ApplicationFontChange:
            from PySide6.QtWidgets import QWidget

            if isinstance(watched, QWidget) and watched.isWindow():
                for widget in [watched, *watched.findChildren(QWidget)]:
                    _rescale(widget)
        return False


def _rescale(widget: QWidget) -> None:
    from PySide6.QtWidgets import QApplication

    scale = widget.property(_SCALE)
    if scale is not None:
        bold = bool(widget.property(_BOLD))
        widget.setFont(scaled_font(QApplication.font(widget), float(scale), bold=bold))


_follower: _FontFollower | None = None


def _follow_font_changes() -> None:
    global _follower
    app = QCoreApplication.instance()
    if _follower is None and app is not None:
        _follower = _FontFollower(app)
        app.installEventFilter(_follower)
