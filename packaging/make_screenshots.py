"""Render screenshots of every page of the real app, offscreen or under Xvfb.

    python packaging/make_screenshots.py OUT_DIR [--size 1280x800] [--dark]

Set QT_SCALE_FACTOR=2 to check 200 % scaling. The files in packaging/screenshots/ are
copied from the default (light) run at 1280×800 in a real X11 window:

    Xvfb :99 -screen 0 1280x800x24 -noreset &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python packaging/make_screenshots.py /tmp/shots

The session, rest and history pictures (listed in the AppStream metainfo with exercise.png)
come from a store in a temporary folder holding the last 120 days of the tests' synthetic
history, moved to end yesterday, and a session driven with the keys a user presses:
Ctrl+N, Enter, the pain level and Enter, Space to start a set and Space to log it.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleFactory

REPO = Path(__file__).resolve().parent.parent


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


class StillClock:
    """The session's monotonic clock, moved only by the script: the timers show set values."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle(ms: int = 300) -> None:
    """Let queued work (the history's worker thread, lazy tabs) finish and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def recent_history(days: int = 120) -> Iterator[Any]:
    """The tests' synthetic history, its newest session moved to yesterday."""
    sys.path.insert(0, str(REPO))
    from tests.support.synthetic import generate_history

    sessions = list(generate_history(years=1))[-days:]
    shift = datetime.now(UTC).replace(hour=7) - timedelta(days=1) - sessions[-1].started_at
    for session in sessions:
        sets = tuple(
            dataclasses.replace(s, completed_at=s.completed_at and s.completed_at + shift)
            for s in session.sets
        )
        ended = session.ended_at and session.ended_at + shift
        yield dataclasses.replace(
            session, started_at=session.started_at + shift, ended_at=ended, sets=sets
        )


def shoot_session_and_history(app: QApplication, width: int, height: int, out: Path) -> None:
    """session.png (a set under way), rest.png and history.png (a progress chart)."""
    from backleg_desktop.app import create_main_window
    from backleg_desktop.content.loader import load_library
    from backleg_desktop.services.store import open_store
    from backleg_desktop.ui.disclaimer import remember_accepted
    from backleg_desktop.ui.history.charts import ProgressView

    data_dir = Path(tempfile.mkdtemp())
    library = load_library()
    clock = StillClock()
    store = open_store(data_dir, library, make_daily_backup=False)
    store.workouts.import_sessions(recent_history())
    window = create_main_window(data_dir=data_dir, library=library, clock=clock)
    remember_accepted(window.settings)
    window.resize(width, height)
    window.show()
    window.activateWindow()
    window.attach_store(store)
    settle()

    def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        focus = QApplication.focusWidget()
        QTest.keyClick(focus if focus is not None else window, k, modifier)
        app.processEvents()

    def shoot(name: str) -> None:
        settle(200)
        window.grab().save(str(out / f"{name}.png"))

    def wait(seconds: float) -> None:
        clock.now += seconds
        page.set_driver.tick()
        page.rest_driver.tick()

    page = window.session.page
    key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # the session chooser
    key(Qt.Key.Key_Return)  # the Strength session
    key(Qt.Key.Key_2)  # pain before: 2 of 10
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Space)  # start the first set
    wait(24)
    shoot("session")
    key(Qt.Key.Key_Space)  # log it: the rest starts by itself
    wait(17)
    shoot("rest")
    window.show_page("history")
    settle(800)
    history: Any = window.page("history")
    history.tabs.setCurrentIndex(1)  # Progress
    settle(800)
    history.tabs.widget(1).findChild(ProgressView).select("goblet-squat")
    shoot("history")
    page.shutdown()
    window.close()
    store.close()


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
    figure = window.exercise_page.figure_panel
    figure.pause()  # at the turning point: both knees bent, the back knee just off the floor
    if figure.view.figure is not None:
        figure.view.go_to_frame(figure.view.figure.turn)
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
    window.close()
    shoot_session_and_history(app, width, height, args.out)


if __name__ == "__main__":
    main()
