"""Font sizes relative to the platform font; only QtGui, so the first frame can use it."""

from __future__ import annotations

from PySide6.QtGui import QFont


def scaled_font(base: QFont, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(round(font.pixelSize() * scale))
    font.setBold(bold)
    return font
