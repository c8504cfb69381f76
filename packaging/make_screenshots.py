"""Render screenshots of every page of the real app, offscreen.

    python packaging/make_screenshots.py OUT_DIR [--size 1280x800] [--dark]

Set QT_SCALE_FACTOR=2 to check 200 % scaling. The files in packaging/screenshots/ come from
the default (light) run at 1280×800.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


def dark_palette() -> QPalette:
    """A plain dark palette, as a user's dark theme would supply."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in {
        roles.Window: "#2b2b2b",
        roles.WindowText: "#e6e6e6",
        roles.Base: "#1f1f1f",
        roles.AlternateBase: "#333333",
        roles.Text: "#e6e6e6",
        roles.Button: "#353535",
        roles.ButtonText: "#e6e6e6",
        roles.Highlight: "#3d7ab8",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#7fb4ff",
        roles.PlaceholderText: "#a0a0a0",
        roles.Mid: "#5a5a5a",
        roles.Midlight: "#454545",
        roles.Dark: "#181818",
        roles.Light: "#505050",
        roles.ToolTipBase: "#333333",
        roles.ToolTipText: "#e6e6e6",
    }.items():
        p.setColor(role, QColor(colour))
    return p


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    app = QApplication([])
    if args.dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())

    from backleg_desktop.app import create_main_window
    from backleg_desktop.content.loader import load_library
    from backleg_desktop.ui.disclaimer import remember_accepted

    window = create_main_window(data_dir=Path(tempfile.mkdtemp()), library=load_library())
    remember_accepted(window.settings)
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(args.out / f"{name}.png"))

    for key in ("exercises", "plans", "avoid", "guidance"):
        window.show_page(key)
        shoot(key)
    window.open_exercise("reverse-lunge")
    window.exercise_page.player.next()
    shoot("exercise")
    window.show_page("exercises")
    window.exercises_page.search.setText("lunge")
    shoot("search")
    window.exercises_page.search.setText("trampoline")
    shoot("no-match")
    window.exercises_page.search.clear()
    window.show_page("guidance")
    window.guidance_page.faq_items[0].set_expanded(True)
    shoot("guidance-faq")
    dialog = window.show_disclaimer()
    app.processEvents()
    dialog.grab().save(str(args.out / "disclaimer.png"))
    dialog.accept()


if __name__ == "__main__":
    main()
