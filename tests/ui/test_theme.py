"""The theme: system, light or dark; readable text (WCAG AA) in both palettes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from backleg_desktop.ui import theme
from backleg_desktop.ui.page_icons import retint_page_icons
from backleg_desktop.ui.preferences.theme_section import ThemeSection

R = QPalette.ColorRole
# Every text role and the backgrounds it is drawn on somewhere in the app (cards draw
# Text and PlaceholderText on Base; cue steps PlaceholderText on AlternateBase; muted
# labels on Window; list selections HighlightedText on Highlight; links on both).
TEXT_ON = {
    R.WindowText: (R.Window, R.AlternateBase, R.Base),
    R.Text: (R.Base, R.AlternateBase, R.Window),
    R.ButtonText: (R.Button,),
    R.PlaceholderText: (R.Window, R.Base, R.AlternateBase),
    R.HighlightedText: (R.Highlight,),
    R.ToolTipText: (R.ToolTipBase,),
    R.Link: (R.Base, R.Window),
    R.LinkVisited: (R.Base, R.Window),
}


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_role_meets_wcag_aa_on_its_backgrounds(scheme: theme.Scheme) -> None:
    palette = theme.palette_for(scheme)
    failures = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for text, backgrounds in TEXT_ON.items():
            for background in backgrounds:
                ratio = contrast(palette.color(group, text), palette.color(group, background))
                if ratio < 4.5:
                    failures.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    assert failures == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_disabled_text_is_visibly_fainter_but_still_there(scheme: theme.Scheme) -> None:
    palette = theme.palette_for(scheme)
    d, a = QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Active
    for text, background in ((R.ButtonText, R.Button), (R.WindowText, R.Window), (R.Text, R.Base)):
        enabled = contrast(palette.color(a, text), palette.color(a, background))
        disabled = contrast(palette.color(d, text), palette.color(d, background))
        assert 2.0 <= disabled < 4.5 and disabled < enabled / 2, (text.name, disabled, enabled)


@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[theme.ThemeController]:
    """The theme is application-wide: put the palette and the choice back afterwards."""
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    yield controller
    controller.set_choice(choice)
    qapp.setPalette(before)


def _window_colour(qapp: QApplication) -> str:
    return qapp.palette().color(R.Window).name()


def test_light_and_dark_force_their_palette(qapp, restore_palette, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(theme.THEME_KEY, "dark")
    theme.apply_theme(settings)
    assert _window_colour(qapp) == "#2b2b2b"
    settings.setValue(theme.THEME_KEY, "light")
    theme.apply_theme(settings)
    assert _window_colour(qapp) == "#efefef"
    settings.setValue(theme.THEME_KEY, "purple")  # a hand-edited file: the default
    assert theme.read_theme(settings) == "system"


def test_system_follows_the_colour_scheme_while_running(qapp, restore_palette, monkeypatch) -> None:
    hints = QGuiApplication.styleHints()
    scheme = {"now": Qt.ColorScheme.Light}
    monkeypatch.setattr(theme, "system_scheme", lambda _app: _name(scheme["now"]))
    controller = restore_palette
    changes: list[str] = []
    controller.scheme_changed.connect(changes.append)
    controller.set_choice("system")
    assert _window_colour(qapp) == "#efefef"
    scheme["now"] = Qt.ColorScheme.Dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the platform sends
    assert _window_colour(qapp) == "#2b2b2b" and changes[-1] == "dark"
    controller.set_choice("light")  # forced: the desktop no longer matters
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _window_colour(qapp) == "#efefef"


def _name(scheme: Qt.ColorScheme) -> theme.Scheme:
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def test_the_real_system_scheme_is_read_from_the_style_hints(qapp) -> None:
    hints = QGuiApplication.styleHints()
    expected = "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"
    assert theme.system_scheme(qapp) == expected


def test_disabled_button_looks_disabled_in_dark(qtbot, qapp, restore_palette) -> None:
    restore_palette.set_choice("dark")
    enabled, disabled = QPushButton("Skip rest"), QPushButton("Skip rest")
    disabled.setEnabled(False)
    for button in (enabled, disabled):
        qtbot.addWidget(button)
        button.resize(160, 40)
    on, off = enabled.grab().toImage(), disabled.grab().toImage()

    def text_pixels(image) -> int:  # type: ignore[no-untyped-def]
        background = image.pixelColor(6, image.height() // 2)
        return sum(
            1
            for x in range(20, image.width() - 20)
            for y in range(8, image.height() - 8)
            if contrast(image.pixelColor(x, y), background) > 1.8
        )

    assert text_pixels(on) > 0 and text_pixels(off) > 0  # both labels are drawn
    brightest_on = max(image_values(on))
    brightest_off = max(image_values(off))
    assert brightest_off < brightest_on - 60  # the disabled label is clearly dimmer


def image_values(image) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        image.pixelColor(x, y).value()
        for x in range(20, image.width() - 20)
        for y in range(8, image.height() - 8)
    ]


def test_theme_section_loads_applies_and_persists(
    qtbot, qapp, restore_palette, tmp_path, main_window
) -> None:
    path = str(tmp_path / "settings.ini")
    settings = QSettings(path, QSettings.Format.IniFormat)
    section = ThemeSection(main_window)
    qtbot.addWidget(section)
    section.load(settings)
    assert section.buttons["system"].isChecked()
    qtbot.mouseClick(section.buttons["dark"], Qt.MouseButton.LeftButton)
    section.apply(settings)
    settings.sync()
    assert _window_colour(qapp) == "#2b2b2b"
    again = ThemeSection(main_window)
    qtbot.addWidget(again)
    again.load(QSettings(path, QSettings.Format.IniFormat))  # as after a restart
    assert again.buttons["dark"].isChecked() and not again.buttons["system"].isChecked()


def test_sidebar_icons_are_redrawn_in_the_new_text_colour(main_window, qapp, restore_palette):  # type: ignore[no-untyped-def]
    def icon_ink() -> int:
        image = main_window.sidebar.item(0).icon().pixmap(22, 22).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked
        return max(c.value() for c in inked)

    restore_palette.set_choice("light")
    retint_page_icons(main_window)
    light_ink = icon_ink()
    restore_palette.set_choice("dark")
    retint_page_icons(main_window)
    assert light_ink < 80 and icon_ink() > 180  # dark ink on light, light ink on dark


def test_dark_from_the_preferences_dialog_survives_a_restart(
    qtbot, qapp, restore_palette, main_window, data_dir, library
) -> None:
    from backleg_desktop.app import create_main_window
    from backleg_desktop.ui.preferences.install import show_preferences

    dialog = show_preferences(main_window)
    section = dialog.section(ThemeSection)
    assert isinstance(section, ThemeSection)
    dialog.show_section(ThemeSection)
    dark = section.buttons["dark"]
    qtbot.mouseClick(dark, Qt.MouseButton.LeftButton, pos=QPoint(12, dark.height() // 2))
    assert dark.isChecked()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _window_colour(qapp) == "#2b2b2b"
    restore_palette.set_choice("light")  # as a fresh start would have it, before settings
    again = create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(again)
    theme.apply_theme(again.settings)  # what app.run_gui does at start
    assert _window_colour(qapp) == "#2b2b2b"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_accent_stands_out_as_a_graphic(scheme: theme.Scheme) -> None:
    """Figures draw the moving leg and the cards their selection in Highlight: WCAG asks
    3:1 for graphics against what they are drawn on."""
    palette = theme.palette_for(scheme)
    for background in (R.Window, R.Base):
        ratio = contrast(palette.color(R.Highlight), palette.color(background))
        assert ratio >= 3.0, (background.name, ratio)


def test_an_ok_that_leaves_the_theme_as_it_was_leaves_the_palette_alone(
    qtbot, qapp, restore_palette, main_window
) -> None:
    from backleg_desktop.ui.preferences.install import show_preferences

    marker = QPalette(qapp.palette())
    marker.setColor(R.Window, QColor("#123456"))  # whatever the platform gave
    qapp.setPalette(marker)
    dialog = show_preferences(main_window)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _window_colour(qapp) == "#123456"
