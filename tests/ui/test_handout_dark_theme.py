"""A handout saved while the dark theme is on is still dark ink on white paper: the plan's
summary and the disclaimer too (found in a walkthrough: both came out light grey on white,
drawn in the screen's text colour, not the paper's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QWidget

from backleg_desktop.ui import theme
from backleg_desktop.ui.handout import write_plan_pdf


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    controller.set_choice("dark")
    yield
    controller.set_choice(choice)
    qapp.setPalette(before)


def darkest_lightness(image: QImage, top: int, bottom: int) -> int:
    return min(
        image.pixelColor(x, y).lightness()
        for y in range(top, bottom)
        for x in range(0, image.width(), 2)
    )


def test_summary_and_disclaimer_are_dark_on_the_page(dark, library, tmp_path: Path) -> None:
    window = QWidget()  # the window whose palette the File menu passes: the dark one
    assert window.palette().color(QPalette.ColorRole.Text).lightness() > 128
    path = tmp_path / "handout.pdf"
    write_plan_pdf(library, library.plan("strength"), path, window.palette())
    document = QPdfDocument()
    document.load(str(path))
    size = document.pagePointSize(0)
    rendered = document.render(0, QSize(int(size.width()), int(size.height())))
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))  # the render is transparent where nothing is drawn: paper
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    h = image.height()
    # The summary line under the plan's name (about 6–9 % down), and the footer's
    # disclaimer (the last 10 % of the page): dark ink like the rest.
    assert darkest_lightness(image, int(h * 0.072), int(h * 0.088)) < 100
    assert darkest_lightness(image, int(h * 0.88), int(h * 0.97)) < 100
