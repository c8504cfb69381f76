"""Run by tests/manual/real_tray_and_sound.sh (not by pytest): the real window on a real
X server (Xvfb) with a real system tray (trayer), and sound through a real PulseAudio
server whose null sink is recorded. Prints what it saw; exit 1 if something is missing.

Usage: python tests/manual/check_tray_and_sound.py DATA_DIR SCREENSHOT.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from backleg_desktop.app import create_main_window  # noqa: E402
from backleg_desktop.content.loader import load_library  # noqa: E402
from backleg_desktop.services.store import open_store  # noqa: E402
from backleg_desktop.ui.disclaimer import remember_accepted  # noqa: E402
from tests.support.clock import FakeClock  # noqa: E402


def wait(app: QApplication, ms: int) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(ms)
    while timer.isActive():
        app.processEvents()


def main() -> int:
    data_dir, shot = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication.instance() or QApplication(["backleg", "-platform", "xcb"])
    assert isinstance(app, QApplication)
    print("platform", QGuiApplication.platformName())
    library = load_library()
    clock = FakeClock()  # the rest ends when we say, not after a real minute
    problems: list[str] = []
    with open_store(data_dir, library, make_daily_backup=False) as store:
        window = create_main_window(data_dir=data_dir, library=library, clock=clock)
        remember_accepted(window.settings)
        window.settings.setValue("safety/herniated_disc", "no")
        window.resize(1024, 700)
        window.show()
        window.attach_store(store)
        wait(app, 1500)  # the tray host and the window settle
        available = QSystemTrayIcon.isSystemTrayAvailable()
        print("isSystemTrayAvailable", available)
        window.session.start_plan("strength")
        page = window.session.page
        wait(app, 300)
        type_text(window, app, "2")
        return_key(window, app)  # pain 2
        fired: list[object] = []
        real_fire = page.alert.fire

        def fire(*args, **kwargs):  # type: ignore[no-untyped-def]
            fired.append(real_fire(*args, **kwargs))
            return fired[-1]

        page.alert.fire = fire  # to print what the real alert did
        space(window, app)  # start set 1
        clock.advance(30)
        space(window, app)  # log it: the rest starts
        wait(app, 700)
        tray = window.session.tray if hasattr(window.session, "tray") else None
        icon = tray.icon if tray is not None else None
        print("flow state", page.flow.state if page.flow else None)
        print("tray icon visible", icon is not None and icon.isVisible())
        if icon is not None:
            print("tray tooltip", repr(icon.toolTip()))
            print("tray geometry", icon.geometry().getRect())
            menu = icon.contextMenu()
            print("tray menu", [a.text() for a in menu.actions() if not a.isSeparator()])
            print("tray menu enabled", [a.isEnabled() for a in menu.actions() if a.text()])
            tray.more_action.trigger()  # the menu's +15 s, as a click on it would
            wait(app, 1200)
            print("tray tooltip after +15 s", repr(icon.toolTip()))
        else:
            problems.append("no tray icon during the rest")
        if not available:
            problems.append("no system tray found")
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(shot))  # the whole X screen: the panel and its icon
        print("screenshot", shot)
        print("MARK fire", flush=True)  # the recording around here must be sound
        window.showMinimized()  # the notification is for a window not in front
        wait(app, 300)
        clock.advance(200)  # past the rest's end
        wait(app, 2500)  # the tick fires the alert; the chime is ~1 s
        print("alert result", fired)
        if not fired:
            problems.append("the rest ended without an alert")
        print("MARK done", flush=True)
        window.close()
        wait(app, 300)
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


def _key(window, app, key, text=""):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    target = QApplication.focusWidget() or window
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
    wait(app, 150)


def return_key(window, app):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    _key(window, app, Qt.Key.Key_Return, "\r")


def space(window, app):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    _key(window, app, Qt.Key.Key_Space, " ")


def type_text(window, app, text):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    for char in text:
        _key(window, app, Qt.Key(ord(char)), char)


if __name__ == "__main__":
    sys.exit(main())
