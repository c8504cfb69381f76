"""A light and a dark palette for rendering tests, as a user's theme would supply them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f1f1f",
    QPalette.ColorRole.AlternateBase: "#333333",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#3d7ab8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Mid: "#5a5a5a",
    QPalette.ColorRole.Dark: "#181818",
    QPalette.ColorRole.Light: "#505050",
}


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


def dark_palette() -> QPalette:
    palette = light_palette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def one_colour_palette(colour: str) -> QPalette:
    """Every role the same colour: a drawing from roles alone is then that colour only."""
    palette = QPalette()
    for role in QPalette.ColorRole:
        if role not in (QPalette.ColorRole.NColorRoles,):
            palette.setColor(role, QColor(colour))
    return palette
