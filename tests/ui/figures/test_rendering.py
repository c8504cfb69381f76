"""Figures drawn with QPainter: the requested size, never blank, light and dark, palette only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from backleg_desktop.ui.figures.painter import paint_figure
from tests.support.palettes import dark_palette, light_palette, one_colour_palette

MAIN = ["leg-extension", "lying-leg-curl", "goblet-squat", "reverse-lunge", "split-stance-rdl"]


def render(library, exercise_id: str | None, palette: QPalette, width: int, height: int) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    figure = library.figures.get(exercise_id) if exercise_id else None
    paint_figure(painter, QRectF(0, 0, width, height), palette, figure)
    painter.end()
    return image


def inked_share(image: QImage, background: QColor) -> float:
    """The share of pixels that differ from the background (sampled every 2 px)."""
    bg = background.rgb()
    total = inked = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            total += 1
            inked += image.pixel(x, y) != bg
    return inked / total


@pytest.mark.parametrize("size", [(320, 180), (97, 61), (1200, 700)])
@pytest.mark.parametrize("palette_name", ["light", "dark"])
def test_every_figure_fills_the_requested_size_and_is_not_blank(
    qtbot, library, size: tuple[int, int], palette_name: str
) -> None:  # type: ignore[no-untyped-def]
    palette = light_palette() if palette_name == "light" else dark_palette()
    for exercise_id in [*library.figures.figures, None]:
        image = render(library, exercise_id, palette, *size)
        assert (image.width(), image.height()) == size
        share = inked_share(image, palette.color(QPalette.ColorRole.Base))
        assert 0.01 < share < 0.6, (exercise_id, share)


def test_the_five_main_exercises_give_five_different_images(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    images = [render(library, i, light_palette(), 320, 180) for i in MAIN]
    assert len({bytes(image.constBits()) for image in images}) == 5
    placeholder = render(library, "leg-press", light_palette(), 320, 180)
    assert all(placeholder != image for image in images)


def test_light_and_dark_draw_in_their_own_colours(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    light = render(library, "goblet-squat", light_palette(), 320, 180)
    dark = render(library, "goblet-squat", dark_palette(), 320, 180)
    assert light != dark
    # The body is drawn in the palette's Text colour: dark on light, light on dark.
    dark_text = QColor(dark_palette().color(QPalette.ColorRole.Text)).rgb()
    assert any(dark.pixel(x, y) == dark_text for y in range(0, 180, 2) for x in range(0, 320, 2))


def test_nothing_but_palette_colours_is_used(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    # With every role the same colour, any hard-coded colour would show up.
    palette = one_colour_palette("#3a7f52")
    for exercise_id in [*library.figures.figures, None]:
        image = render(library, exercise_id, palette, 160, 90)
        colours = {image.pixel(x, y) for y in range(90) for x in range(160)}
        assert colours == {QColor("#3a7f52").rgb()}, exercise_id
