"""Screenshots of the drawn figures in the app: the cards, the exercise page part-way
through its animation, and the set screen, offscreen.

    python packaging/figure_screenshots.py OUT_DIR [--dark]

Set QT_SCALE_FACTOR=2 for 200 % scaling.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_screenshots import dark_palette  # this folder is on sys.path
from PySide6.QtWidgets import QApplication, QStyleFactory


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1024x700")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    suffix = "-dark" if args.dark else "-light"
    if os.environ.get("QT_SCALE_FACTOR") == "2":
        suffix += "-200"
    app = QApplication([])
    app.setStyle(QStyleFactory.create("Fusion"))
    if args.dark:
        app.setPalette(dark_palette())

    from backleg_desktop.app import create_main_window
    from backleg_desktop.content.loader import load_library
    from backleg_desktop.services.store import open_store
    from backleg_desktop.ui.disclaimer import remember_accepted

    clock = Clock()
    data = Path(tempfile.mkdtemp())
    library = load_library()
    window = create_main_window(data_dir=data, library=library, clock=clock)
    remember_accepted(window.settings)
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(args.out / f"{name}{suffix}.png"))

    window.show_page("exercises")
    shoot("cards")
    window.exercises_page.grid.verticalScrollBar().setValue(10_000)
    shoot("cards-end")
    for exercise_id, seconds in (("reverse-lunge", 3.5), ("split-stance-rdl", 4.0)):
        window.open_exercise(exercise_id)
        page = window.exercise_page
        panel = page.figure_panel
        app.processEvents()
        clock.now += seconds  # part-way down
        panel.view.tick()
        page._scroll.ensureWidgetVisible(panel)
        shoot(f"exercise-{exercise_id}")
    with open_store(data, library, make_daily_backup=False) as store:
        window.attach_store(store)
        window.session.start()
        page = window.session.page
        app.processEvents()
        page.chooser.plans.setFocus()
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(page.chooser.plans, Qt.Key.Key_Return)
        app.processEvents()
        QTest.keyClicks(QApplication.focusWidget() or window, "2")
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
        app.processEvents()
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Space)
        clock.now += 2.5
        page.exercise_screen.illustration.figure.view.tick()
        shoot("set-screen")
        window.close()


if __name__ == "__main__":
    main()
