"""Render the app icon into the hicolor theme sizes that packaging/build.sh installs.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Reads resources/icons/backleg.svg (the icon the window and the tray use), copies it to
packaging/linux/icons/hicolor/scalable/apps/backleg.svg and renders it with QtSvg to
packaging/linux/icons/hicolor/NxN/apps/backleg.png for every N in SIZES. Run it again
after changing the SVG; tests/test_packaging.py checks the copies are in step.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "icons" / "backleg.svg"
HICOLOR = REPO / "packaging" / "linux" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    scalable = HICOLOR / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / "backleg.svg")
    for size in SIZES:
        folder = HICOLOR / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(folder / "backleg.png")):
            raise SystemExit(f"could not write {folder / 'backleg.png'}")
        print(f"{size}x{size}")


if __name__ == "__main__":
    main()
