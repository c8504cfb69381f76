"""The colour theme: system, light or dark, as one application palette.

"system" follows `QStyleHints.colorScheme()` and its `colorSchemeChanged` while Backleg
runs; "light" and "dark" force a palette. Both palettes are ours, not the platform's,
so their text colours are known to meet WCAG AA (4.5:1, tests/ui/test_theme.py checks
every text role against the backgrounds it is drawn on).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from backleg_desktop.ui.colours import colours_for

ThemeChoice = Literal["system", "light", "dark"]
Scheme = Literal["light", "dark"]
THEME_KEY = "appearance/theme"
THEME_CHOICES: tuple[ThemeChoice, ...] = ("system", "light", "dark")

_R = QPalette.ColorRole
# (active and inactive colour, disabled colour or None for the same)
_DARK: dict[QPalette.ColorRole, tuple[str, str | None]] = {
    _R.Window: ("#2b2b2b", None),
    _R.WindowText: ("#e8e8e8", "#7f7f7f"),
    _R.Base: ("#1e1e1e", "#262626"),
    _R.AlternateBase: ("#333333", None),
    _R.Text: ("#e8e8e8", "#7f7f7f"),
    _R.Button: ("#3a3a3a", "#303030"),
    _R.ButtonText: ("#e8e8e8", "#7f7f7f"),
    _R.BrightText: ("#ffffff", None),
    _R.Highlight: ("#3b78b5", "#3a3a3a"),  # white text 4.6:1; as a figure accent 3:1 or more
    _R.HighlightedText: ("#ffffff", "#7f7f7f"),
    _R.PlaceholderText: ("#ababab", "#7f7f7f"),
    _R.ToolTipBase: ("#3a3a3a", None),
    _R.ToolTipText: ("#e8e8e8", None),
    _R.Link: ("#8cb4ff", None),
    _R.LinkVisited: ("#c5a3ff", None),
    _R.Light: ("#505050", None),
    _R.Midlight: ("#444444", None),
    _R.Mid: ("#5a5a5a", None),
    _R.Dark: ("#181818", None),
    _R.Shadow: ("#0c0c0c", None),
    _R.Accent: ("#3b78b5", "#3a3a3a"),
}
_LIGHT: dict[QPalette.ColorRole, tuple[str, str | None]] = {
    _R.Window: ("#efefef", None),
    _R.WindowText: ("#1a1a1a", "#8f8f8f"),
    _R.Base: ("#ffffff", "#efefef"),
    _R.AlternateBase: ("#f5f5f5", None),
    _R.Text: ("#1a1a1a", "#8f8f8f"),
    _R.Button: ("#e4e4e4", "#ececec"),
    _R.ButtonText: ("#1a1a1a", "#8f8f8f"),
    _R.BrightText: ("#ffffff", None),
    _R.Highlight: ("#1f62a8", "#d0d0d0"),
    _R.HighlightedText: ("#ffffff", "#8f8f8f"),
    _R.PlaceholderText: ("#5e5e5e", "#8f8f8f"),
    _R.ToolTipBase: ("#ffffdc", None),
    _R.ToolTipText: ("#1a1a1a", None),
    _R.Link: ("#0b57b0", None),
    _R.LinkVisited: ("#6a3fa0", None),
    _R.Light: ("#ffffff", None),
    _R.Midlight: ("#e8e8e8", None),
    _R.Mid: ("#a8a8a8", None),
    _R.Dark: ("#9f9f9f", None),
    _R.Shadow: ("#767676", None),
    _R.Accent: ("#1f62a8", "#d0d0d0"),
}


def palette_for(scheme: Scheme) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in (_DARK if scheme == "dark" else _LIGHT).items():
        palette.setColor(QPalette.ColorGroup.Active, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Inactive, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled or normal))
    return palette


# Fusion draws these controls' outlines as their own Window colour darkened by 140 %
# (check boxes' then lightened by 110 %), which leaves them at 1.6:1 in
# light and near 1:1 in dark. None of them fills its Window, so a Window of their own,
# set per class, is only the source of the outline: it is chosen so the outline comes
# out as the theme's `outline` colour, 3:1 or more (tests/ui/test_contrast.py measures the pixels).
OUTLINE_SOURCES = {"QCheckBox": 1.4 / 1.1, "QRadioButton": 1.4}
OUTLINE_SOURCES |= {"QLineEdit": 1.4, "QAbstractSpinBox": 1.4}


def apply_outline_palettes(application: QGuiApplication, scheme: Scheme) -> None:
    """Class palettes that give Fusion's outlines the theme's outline colour."""
    style = QApplication.style() if isinstance(application, QApplication) else None
    if style is None or style.name().lower() != "fusion":
        return  # other styles draw their own outlines
    outline = QColor(colours_for(scheme).outline)
    for class_name, factor in OUTLINE_SOURCES.items():
        palette = palette_for(scheme)
        source = QColor.fromHsv(
            outline.hsvHue(), outline.hsvSaturation(), min(255, round(outline.value() * factor))
        )
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Window, source)
        QApplication.setPalette(palette, class_name)  # type: ignore[arg-type]  # a str works


def read_theme(settings: QSettings) -> ThemeChoice:
    value = settings.value(THEME_KEY, "system")
    return next((choice for choice in THEME_CHOICES if choice == value), "system")


def system_scheme(application: QGuiApplication) -> Scheme:
    """What the desktop asks for; light when it says nothing (Qt.ColorScheme.Unknown)."""
    dark = application.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return "dark" if dark else "light"


class ThemeController(QObject):
    """Keeps the application's palette on the chosen theme; one per application.

    `scheme_changed(str)` ("light" or "dark") after the palette changed, so what was
    drawn once from the palette (the sidebar's tinted icons) can be drawn again.
    """

    scheme_changed = Signal(str)

    def __init__(self, application: QGuiApplication) -> None:
        super().__init__(application)
        self.setObjectName("themeController")
        self._application = application
        self._choice: ThemeChoice = "system"
        self._scheme: Scheme | None = None
        application.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    @property
    def scheme(self) -> Scheme | None:
        """The palette in use, or None before the first `set_choice`."""
        return self._scheme

    def set_choice(self, choice: ThemeChoice) -> None:
        self._choice = choice
        self._apply()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self._apply()

    def _apply(self) -> None:
        choice = self._choice
        scheme = system_scheme(self._application) if choice == "system" else choice
        changed = scheme != self._scheme
        self._scheme = scheme
        self._application.setPalette(palette_for(scheme))  # resets the class palettes
        apply_outline_palettes(self._application, scheme)
        if changed:
            self.scheme_changed.emit(scheme)


def theme_controller(application: QGuiApplication | None = None) -> ThemeController:
    """The application's ThemeController, made on first use."""
    application = application or QGuiApplication.instance()  # type: ignore[assignment]
    assert isinstance(application, QGuiApplication)
    found = application.findChild(ThemeController, "themeController")
    return found if found is not None else ThemeController(application)


def apply_theme(settings: QSettings) -> ThemeController:
    """Put the application on the theme stored in `settings` (start-up, Preferences)."""
    controller = theme_controller()
    controller.set_choice(read_theme(settings))
    return controller
