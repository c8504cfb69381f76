"""Draw the pages' icons again after the palette changed (a theme switch), so they stay
in the text colour and legible on the new background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from backleg_desktop.ui import resources
from backleg_desktop.ui.colours import PaletteFollower
from backleg_desktop.ui.navigation import KEY_ROLE

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


def retint_page_icons(window: MainWindow) -> None:
    """Each sidebar row and Go menu entry gets "<page key>.svg" in the current palette."""
    if not window.is_complete:
        return  # complete() draws them with the palette of its day
    # The application's palette: the window's own follows it only once events are processed.
    palette = QApplication.palette(window)
    sidebar = window.sidebar
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        key = str(item.data(KEY_ROLE))
        icon = resources.icon(f"{key}.svg", palette)
        item.setIcon(icon)
        action = window.findChild(QAction, f"goTo-{key}")
        if action is not None:
            action.setIcon(icon)


def follow_theme(window: MainWindow) -> None:
    """Redraw the icons whenever the sidebar's palette changes (any theme switch, however
    it came about), not only when app.py's ThemeController signal says so."""
    PaletteFollower(window.sidebar, lambda: retint_page_icons(window))
