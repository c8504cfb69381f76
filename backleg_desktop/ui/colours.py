"""The theme's meaning-bearing colours, one set per scheme, and how widgets follow them.

The palettes (ui/theme.py) give the ordinary roles; these are the colours that say
something: a warning behind advice not to train, the amber of a caution, a problem's
red, the green of "ready", the chart lines and grid, the focus ring. Every widget reads them
from here, for the scheme its own palette is in, and `tint` (or a `PaletteFollower`)
sets it again when the palette changes (a theme switch), so nothing keeps the old
theme's colours. tests/ui/test_contrast.py checks each against what it is drawn on
(WCAG 2.1 AA: 4.5:1 for text, 3:1 for lines and outlines).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

Scheme = Literal["light", "dark"]


@dataclass(frozen=True)
class Colours:
    warn_tint: str  # behind advice that says not to train (text on it: WindowText)
    caution_tint: str  # amber behind a caution, not a stop (the herniated-disc notice)
    caution_border: str  # the caution badge's outline on a card
    problem_text: str  # a field's problem, on Window
    ready: str  # "Ready for set" and the finished rest ring, on Window
    stop: str  # the stop button's text, on Button
    focus: str  # the keyboard focus ring, on Window, Base and Button
    outline: str  # check box, radio button and input outlines
    series: tuple[str, ...]  # chart lines, on Base
    grid: str  # chart grid and axis lines, 3:1 on Base (Mid was 2.4:1)

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def series_colours(self) -> list[QColor]:
        return [QColor(c) for c in self.series]


LIGHT = Colours(
    warn_tint="#fbe3dd",
    caution_tint="#fdf0d5",
    caution_border="#9a5d00",
    problem_text="#b3261e",
    ready="#1e7a44",
    stop="#a8281d",
    focus="#0b57b0",
    outline="#767676",
    series=("#1f62a8", "#c0621b", "#2e7d4f", "#b3261e", "#6a4caf"),
    grid="#8e8e8e",
)
DARK = Colours(
    warn_tint="#5a2a22",
    caution_tint="#4d3b12",
    caution_border="#f0a830",
    problem_text="#ffb4ab",
    ready="#6fd39a",
    stop="#ff8a80",
    focus="#8cb4ff",
    outline="#8a8a8a",
    series=("#6fa6e0", "#f4a259", "#8bd3a8", "#e57373", "#c3a6ff"),
    grid="#707070",
)


def scheme_of(palette: QPalette) -> Scheme:
    """Light or dark, read from the palette itself (so a user's own palette counts too)."""
    return "dark" if palette.color(QPalette.ColorRole.Window).lightness() < 128 else "light"


def colours_for(scheme: Scheme) -> Colours:
    return DARK if scheme == "dark" else LIGHT


def colours_of(palette: QPalette) -> Colours:
    return colours_for(scheme_of(palette))


def inherited_palette(widget: QWidget) -> QPalette:
    """The palette around `widget`: its parent's, or the application's for a window."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette(widget)


_THEME_EVENTS = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.ThemeChange,
)


class PaletteFollower(QObject):
    """Calls `retint` after `widget`'s palette changed; not again for its own change."""

    def __init__(self, widget: QWidget, retint: Callable[[], None]) -> None:
        super().__init__(widget)
        self.setObjectName("paletteFollower")
        self._retint = retint
        self._busy = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _THEME_EVENTS and not self._busy:
            self._busy = True  # `retint` sets a palette, which sends PaletteChange again
            try:
                self._retint()
            finally:
                self._busy = False
        return False


class RoleTint(QObject):
    """Keeps one palette role of a widget on a named colour of the theme in use."""

    def __init__(self, widget: QWidget, role: QPalette.ColorRole) -> None:
        super().__init__(widget)
        self.setObjectName(f"tint-{role.name}")
        self._widget = widget
        self._role = role
        self.name: str | None = None
        PaletteFollower(widget, self.apply)

    def apply(self) -> None:
        # A fresh palette with one role set: every other role keeps following the theme.
        palette = QPalette()
        if self.name is not None:
            colours = colours_of(inherited_palette(self._widget))
            palette.setColor(self._role, colours.colour(self.name))
        self._widget.setPalette(palette)


def tint(widget: QWidget, role: QPalette.ColorRole, name: str | None) -> None:
    """Draw `widget`'s `role` in the theme's colour `name` (None: the theme's own), now
    and after every theme switch. One role per widget: the tint owns its palette."""
    found = widget.findChild(
        RoleTint, f"tint-{role.name}", Qt.FindChildOption.FindDirectChildrenOnly
    )
    keeper = found if found is not None else RoleTint(widget, role)
    keeper.name = name
    keeper.apply()
