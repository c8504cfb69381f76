"""WCAG 2.1 AA in both themes: text on every tint 4.5:1 or more; lines, outlines, the
focus ring and chart lines 3:1 or more against what they are drawn on. The outlines are
measured in the pixels Fusion draws for real controls, not taken on trust."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui import theme
from backleg_desktop.ui.colours import colours_for
from tests.ui.test_theme import contrast

R = QPalette.ColorRole
SCHEMES = ["light", "dark"]


def role(scheme: theme.Scheme, which: QPalette.ColorRole) -> QColor:
    return theme.palette_for(scheme).color(which)


# (colour name, the roles it is drawn on, the ratio it needs)
ON = {
    "problem_text": ((R.Window, R.Base), 4.5),
    "ready": ((R.Window,), 4.5),  # "Ready for set 2" (and the ring, 3:1 would do)
    "stop": ((R.Button,), 4.5),
    "focus": ((R.Window, R.Base, R.Button, R.AlternateBase), 3.0),
    "outline": ((R.Window, R.Base), 3.0),
    "caution_border": ((R.Base, R.AlternateBase), 3.0),
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_colour_meets_aa_on_what_it_is_drawn_on(scheme: theme.Scheme) -> None:
    colours = colours_for(scheme)
    failures = []
    for name, (backgrounds, needed) in ON.items():
        for background in backgrounds:
            ratio = contrast(colours.colour(name), role(scheme, background))
            if ratio < needed:
                failures.append(f"{name} on {background.name}: {ratio:.2f}")
    for tint in ("warn_tint", "caution_tint"):  # the text drawn on the tints
        for text in (R.WindowText, R.Link, R.PlaceholderText):
            ratio = contrast(role(scheme, text), colours.colour(tint))
            if ratio < 4.5:
                failures.append(f"{text.name} on {tint}: {ratio:.2f}")
    for line in colours.series_colours():  # chart lines on the chart's Base background
        ratio = contrast(line, role(scheme, R.Base))
        if ratio < 3.0:
            failures.append(f"series {line.name()} on Base: {ratio:.2f}")
    ratio = contrast(colours.colour("grid"), role(scheme, R.Base))  # chart grid and axes
    if ratio < 3.0:
        failures.append(f"grid on Base: {ratio:.2f}")
    assert failures == []


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[theme.ThemeController]:
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    yield controller
    controller.set_choice(choice)
    qapp.setPalette(before)


def strongest(image: QImage, points: list[QPoint], against: QColor) -> float:
    return max(contrast(image.pixelColor(p), against) for p in points)


def edge_contrast(image: QImage, rect: QRect, against: QColor) -> float:
    """The weakest of the four sides' strongest contrast within 2 px of `rect`'s edge."""
    mid_x, mid_y = rect.center().x(), rect.center().y()
    sides = [
        [QPoint(rect.left() + d, mid_y) for d in range(3)],
        [QPoint(rect.right() - d, mid_y) for d in range(3)],
        [QPoint(mid_x, rect.top() + d) for d in range(3)],
        [QPoint(mid_x, rect.bottom() - d) for d in range(3)],
    ]
    return min(strongest(image, side, against) for side in sides)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_check_box_radio_and_input_outlines_are_3_to_1(qtbot, themes, scheme) -> None:  # type: ignore[no-untyped-def]
    themes.set_choice(scheme)
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    check, radio = QCheckBox("Remember", form), QRadioButton("Dark", form)
    edit, spin = QLineEdit("12", form), QSpinBox(form)
    for widget in (check, radio, edit, spin):
        layout.addWidget(widget)
    form.resize(260, 200)
    form.show()
    qtbot.waitExposed(form)
    image = form.grab().toImage()
    window = role(scheme, R.Window)
    assert image.pixelColor(1, 1) == window  # the form is drawn in the theme's Window
    ratios = {}
    for button, element in ((check, QStyle.SubElement.SE_CheckBoxIndicator),):
        ratios["check box"] = edge_contrast(image, indicator(button, element), window)
    ratios["radio button"] = edge_contrast(
        image, indicator(radio, QStyle.SubElement.SE_RadioButtonIndicator), window
    )
    for name, widget in (("line edit", edit), ("spin box", spin)):
        ratios[name] = edge_contrast(image, widget.geometry(), window)
    weak = {name: round(ratio, 2) for name, ratio in ratios.items() if ratio < 3.0}
    assert weak == {}


def indicator(button: QCheckBox | QRadioButton, element: QStyle.SubElement) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(button)
    rect = button.style().subElementRect(element, option, button)
    return rect.translated(button.pos())


@pytest.mark.parametrize("scheme", SCHEMES)
def test_unchecked_boxes_were_faint_before_the_class_palettes(qtbot, themes, scheme) -> None:  # type: ignore[no-untyped-def]
    """What the class palettes fix: Fusion's own outline is under 3:1 in both themes."""
    themes.set_choice(scheme)
    QApplication.setPalette(theme.palette_for(scheme), "QCheckBox")  # type: ignore[arg-type]  # as before
    form = QWidget()
    qtbot.addWidget(form)
    check = QCheckBox("Remember", form)
    form.resize(200, 40)
    form.show()
    qtbot.waitExposed(form)
    image = form.grab().toImage()
    rect = indicator(check, QStyle.SubElement.SE_CheckBoxIndicator)
    assert edge_contrast(image, rect, role(scheme, R.Window)) < 3.0


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_year_grid_squares_stand_out_from_the_window(scheme: theme.Scheme) -> None:
    from backleg_desktop.ui.history.calendar_view import _shade

    palette = theme.palette_for(scheme)
    window = palette.color(R.Window)
    for count in (1, 2, 3, 7):
        ratio = contrast(drawn(_shade(palette, count), window), window)
        assert ratio >= 3.0, (count, ratio)


def drawn(colour: QColor, on: QColor) -> QColor:
    """`colour` as it shows when painted over `on` (its alpha counts)."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        *(c * a + b * (1 - a) for c, b in zip(colour.getRgbF()[:3], on.getRgbF()[:3], strict=True))
    )
