"""Render every drawn figure (start and turning point) to PNGs, light and dark, to look at.

QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_figures.py OUT_DIR [ID ...]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_screenshots import dark_palette  # this folder is on sys.path
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from backleg_desktop.content.loader import load_library
from backleg_desktop.ui.figures.painter import figure_bounds, paint_figure


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    style = QStyleFactory.create("Fusion")
    palettes = {"light": style.standardPalette(), "dark": dark_palette()}
    library = load_library()
    wanted = sys.argv[2:] or list(library.figures.figures)
    for exercise_id in wanted:
        figure = library.figures.get(exercise_id)
        if figure is None:
            continue
        bounds = figure_bounds(figure)
        for name, palette in palettes.items():
            image = QImage(960, 400, QImage.Format.Format_RGB32)
            image.fill(palette.color(QPalette.ColorRole.Base))
            painter = QPainter(image)
            paint_figure(
                painter, QRectF(0, 0, 480, 400), palette, figure, figure.start_pose, bounds=bounds
            )
            paint_figure(
                painter, QRectF(480, 0, 480, 400), palette, figure, figure.turn_pose, bounds=bounds
            )
            painter.end()
            image.save(str(out / f"{exercise_id}-{name}.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
