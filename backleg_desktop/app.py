"""The one place that wires Backleg together: content, settings, the main window, the store.

Start-up order matters for how fast the window appears: before the first show() only
QtCore/QtGui/QtWidgets and the content (standard library only) are loaded. The store
(SQLAlchemy) and anything else heavy is opened right after the first paint.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from backleg_desktop import __version__
from backleg_desktop.content.loader import ContentError, load_library
from backleg_desktop.content.model import Library

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow

SETTINGS_FILENAME = "settings.ini"
STORE_MODULE = "backleg_desktop.services.store"
EXIT_CONTENT_ERROR = 2
EXIT_DATA_DIR_ERROR = 3


def open_settings(data_dir: Path) -> QSettings:
    """Settings live in the data folder with everything else the user owns."""
    return QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)


def create_main_window(
    *,
    data_dir: Path,
    library: Library,
    settings: QSettings | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> MainWindow:
    from backleg_desktop.ui.main_window import MainWindow

    return MainWindow(
        library=library,
        settings=settings if settings is not None else open_settings(data_dir),
        data_dir=data_dir,
        clock=clock,
    )


def report_content_error(error: ContentError, parent: QWidget | None = None) -> int:
    """Broken content: say so on stderr and in a dialog, and return the exit code."""
    print(str(error), file=sys.stderr)
    QMessageBox.critical(
        parent,
        "Backleg cannot start",
        "Backleg's exercise content is damaged, so it will not start.\n\n"
        f"{error}\n\nReinstalling Backleg restores the original files.",
    )
    return EXIT_CONTENT_ERROR


def _make_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(sys.argv[:1])
    application.setApplicationName("Backleg")
    application.setApplicationVersion(__version__)
    application.setOrganizationName("Backleg")
    application.setDesktopFileName("io.github.backleg.Backleg")
    return application


def run_gui(data_dir: Path) -> int:
    application = _make_application()
    try:
        library = load_library()
    except ContentError as error:
        return report_content_error(error)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _report_data_dir_problem(None, f"{data_dir}: {error.strerror or error}")

    window = create_main_window(data_dir=data_dir, library=library)
    window.show()
    # Everything below waits until the window has been painted once.
    QTimer.singleShot(0, lambda: after_first_paint(window))
    return application.exec()


def after_first_paint(window: MainWindow) -> None:
    """Deferred start-up: open the history store, then the one-time disclaimer."""
    if importlib.util.find_spec(STORE_MODULE) is not None:
        open_store_into(window)
    window.show_disclaimer_if_first_start()


def open_store_into(window: MainWindow) -> bool:
    """Open the store for the window; problems become dialogs, never tracebacks."""
    from backleg_desktop.services.errors import BacklegError, DataDirError

    store_module = importlib.import_module(STORE_MODULE)
    try:
        store = store_module.open_store(window.data_dir, window.library)
    except DataDirError as error:
        _report_data_dir_problem(window, str(error))
        QApplication.exit(EXIT_DATA_DIR_ERROR)  # no history, no app: nothing could be saved
        return False
    except BacklegError as error:
        QMessageBox.critical(window, "Backleg cannot open your history", str(error))
        return False
    window.attach_store(store)
    notices = list(getattr(store, "notices", []))
    if notices:
        QMessageBox.information(window, "Backleg", "\n\n".join(notices))
    return True


def _report_data_dir_problem(parent: QWidget | None, message: str) -> int:
    QMessageBox.critical(
        parent,
        "Backleg cannot use its data folder",
        f"{message}\n\nChoose another folder with --data-dir, or fix the folder's permissions.",
    )
    return EXIT_DATA_DIR_ERROR
