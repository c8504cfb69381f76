"""The one module that loads icons (as Mu does), so resource paths live in one place.

Icons are drawn with `currentColor` and tinted here with the palette's text colour, so
they stay visible on light and dark themes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPalette, QPixmap

from backleg_desktop.assets import ResourcesNotFound, icon_path

# No stylesheet on purpose: a window-wide style sheet makes Qt re-polish every widget
# through QStyleSheetStyle, which cost about a third of start-up. Frames and highlights
# use palette roles instead (see widgets.Section and cue_player).


@cache
def _svg_text(name: str) -> str | None:
    try:
        return icon_path(name).read_text(encoding="utf-8")
    except (OSError, ResourcesNotFound):
        return None  # a missing icon must never stop the app


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The icon `name` (e.g. "plans.svg") tinted with the palette's window text colour."""
    svg = _svg_text(name)
    if svg is None:
        return QIcon()
    if palette is not None:
        colour = palette.color(QPalette.ColorRole.WindowText).name()
        svg = svg.replace("currentColor", colour)
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(svg.encode("utf-8")), "SVG")
    return QIcon(pixmap) if not pixmap.isNull() else QIcon(str(icon_path(name)))


def app_icon() -> QIcon:
    path = icon_path("backleg.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
