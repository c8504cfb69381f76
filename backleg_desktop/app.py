"""The one place that wires Backleg together: content, settings, the main window, the store.

Start-up order matters for how fast the window appears. Before the first show() only
QtCore/QtGui/QtWidgets are loaded and only the main window's first frame is built (its
title, size and the sidebar's page names). Right after that frame is painted the history
file's health check starts on a thread (SQLite's C code, off the GIL) while the content is
loaded and the window completed. Then History gets its first rows through plain sqlite3
(once the check has passed), the store's modules (SQLAlchemy, a quarter of a second) are
imported on a thread that touches nothing of Qt, and the store is opened here, on the GUI
thread, once they are in. Keys pressed meanwhile are held and replayed once it is open
(HeldKeys), so Ctrl+N then Enter still starts a session. The single-instance server
comes last, after History's first rows: nothing on screen waits for it.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from backleg_desktop import __version__
from backleg_desktop.ui import pyside_import_scan
from backleg_desktop.ui.gui_thread_gc import GuiThreadCollector, freeze_start_up
from backleg_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from backleg_desktop.content.loader import ContentError
    from backleg_desktop.content.model import Library
    from backleg_desktop.services.first_rows import FirstRows
    from backleg_desktop.services.health_check import HealthCheck
    from backleg_desktop.services.store import Store
    from backleg_desktop.storage.lock import FolderLock
    from backleg_desktop.ui.held_keys import HeldKeys
    from backleg_desktop.ui.main_window import MainWindow
    from backleg_desktop.ui.single_instance import SingleInstance

SETTINGS_FILENAME = "settings.ini"
STORE_MODULE = "backleg_desktop.services.store"
EXIT_CONTENT_ERROR = 2
EXIT_DATA_DIR_ERROR = 3
# Set by tests/bench/startup_bench.py: "shown" quits after the first paint, "complete"
# once the completed window has been painted, "first-rows" once History has painted its
# first rows (as when the user opens it at once), "history" once the store is open and
# History painted from it (packaging/smoke.sh waits for that one); each prints
# "BENCH <marker> <peak RSS KiB>" first.
BENCH_ENV = "BACKLEG_BENCH_EXIT"


def open_settings(data_dir: Path) -> QSettings:
    """Settings live in the data folder with everything else the user owns."""
    return QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)


def load_library() -> Library:
    """The shipped content; imported on use, as it is loaded after the first paint."""
    from backleg_desktop.content.loader import load_library as load_content

    return load_content()


def create_main_window(
    *,
    data_dir: Path,
    library: Library | None = None,
    settings: QSettings | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> MainWindow:
    """The main window: complete when given `library`; else its first frame only, and
    `window.complete(library)` builds the rest (start-up paints the frame first)."""
    from backleg_desktop.ui.main_window import MainWindow

    return MainWindow(
        library=library,
        settings=settings if settings is not None else open_settings(data_dir),
        data_dir=data_dir,
        clock=clock,
    )


def report_content_error(error: ContentError, parent: QWidget | None = None) -> int:
    """Broken content: say so on stderr and in a dialog, and return the exit code."""
    from PySide6.QtWidgets import QMessageBox  # not loaded before the first paint

    print(str(error), file=sys.stderr)
    QMessageBox.critical(
        parent,
        "Backleg cannot start",
        "Backleg's exercise content is damaged, so it will not start.\n\n"
        f"{error}\n\nReinstalling Backleg restores the original files.",
    )
    return EXIT_CONTENT_ERROR


def _make_application(qt_args: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt's own options (-style, -platform, -reverse, …) are Qt's to apply.
    application = QApplication([*sys.argv[:1], *qt_args])
    application.setApplicationName("Backleg")
    application.setApplicationVersion(__version__)
    application.setOrganizationName("Backleg")
    application.setDesktopFileName("backleg")  # matches packaging/linux/backleg.desktop
    return application


def run_gui(data_dir: Path, *, qt_args: Sequence[str] = ()) -> int:
    pyside_import_scan.lighten()  # before the rest of Backleg (and SQLAlchemy) is imported
    application = _make_application(qt_args)
    # Only the standard library: the folder and its locks come before the first frame.
    from backleg_desktop.storage.lock import InstanceLock, folder_lock
    from backleg_desktop.storage.paths import ensure_private_dir, ensure_private_file

    try:
        ensure_private_dir(data_dir)  # 0700 from the first byte, under any umask
        instance_lock = InstanceLock(data_dir)
        primary = instance_lock.try_lock()
    except OSError as error:
        # A read-only, full or missing folder: say so, not "another Backleg".
        return _report_data_dir_problem(None, _folder_problem(data_dir, error))

    # One GUI per data folder; the server that answers later starts (QtNetwork) waits
    # until after the first paint.
    from backleg_desktop.ui.single_instance import SingleInstance, ask_primary_to_activate

    instance = SingleInstance(data_dir, instance_lock)
    if not primary:
        if ask_primary_to_activate(data_dir):
            return 0
        return _report_data_dir_problem(
            None, f"Another Backleg is using {data_dir} and did not answer."
        )
    # The window holds the data-folder lock shared for its whole life: no restore can
    # replace the history underneath it (storage/lock.py).
    data_lock = folder_lock(data_dir)
    if not _share_folder(data_lock):
        instance.release()
        return _report_data_dir_problem(
            None,
            f"A Backleg command is replacing the history in {data_dir} (a restore). "
            "Start Backleg again when it has finished.",
        )
    try:
        ensure_private_file(data_dir / SETTINGS_FILENAME)
    except OSError as error:
        data_lock.release_shared()
        instance.release()
        return _report_data_dir_problem(None, _folder_problem(data_dir, error))
    application.aboutToQuit.connect(instance.release)
    application.aboutToQuit.connect(data_lock.release_shared)

    # From here on threads run Python (the health check, the store import, the pool's
    # jobs): Python's cyclic garbage, Qt objects included, is freed on this thread only.
    collector = GuiThreadCollector(application)
    # The theme first, so even the first frame is drawn in its colours.
    theme = apply_theme(open_settings(data_dir))
    window = create_main_window(data_dir=data_dir)  # the frame; completed after painting
    theme.scheme_changed.connect(lambda _scheme: _retint(window))
    instance.activation_requested.connect(window.bring_to_front)
    window.show()
    # Everything below waits until the first frame has been painted.
    bench = os.environ.get(BENCH_ENV)
    QTimer.singleShot(0, lambda: _first_paint_done(window, instance, bench))
    try:
        return application.exec()
    finally:
        # Never leave the interpreter to end while the store's modules are still being
        # imported on their thread (a window closed at once): wait for the import.
        StoreImport.wait_for_all()
        collector.stop()


def _retint(window: MainWindow) -> None:
    from backleg_desktop.ui.page_icons import retint_page_icons

    retint_page_icons(window)


def _share_folder(data_lock: FolderLock, wait_s: float = 3.0) -> bool:
    """Take the folder lock shared, waiting a moment for a restore to finish."""
    from backleg_desktop.storage.lock import FolderBusy

    give_up = time.monotonic() + wait_s
    while True:
        try:
            data_lock.acquire_shared()
            return True
        except FolderBusy:
            if time.monotonic() >= give_up:
                return False
            time.sleep(0.1)


def _folder_problem(data_dir: Path, error: OSError) -> str:
    import errno

    reason = error.strerror or str(error)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"Backleg cannot write in its data folder {data_dir} ({reason})."
    if error.errno == errno.ENOSPC:
        return f"The disk holding {data_dir} is full. Free some space and try again."
    if error.errno == errno.ELOOP:
        return f"Backleg's data folder {data_dir} is a symbolic link that loops ({reason})."
    return f"Backleg cannot use its data folder {data_dir} ({reason})."


def _first_paint_done(window: MainWindow, instance: SingleInstance, bench: str | None) -> None:
    if bench == "shown":
        _bench_exit("shown")
        return
    # The history file's health check runs beside the content load and the completed
    # window; the folder is held shared (run_gui), so the file it checks stays put.
    # Started after the first paint: its imports would delay that by a few ms.
    from backleg_desktop.services.health_check import HealthCheck

    check = HealthCheck.start(window.data_dir)
    from backleg_desktop.content.loader import ContentError

    try:
        library = load_library()
    except ContentError as error:
        QApplication.exit(report_content_error(error, window))
        return
    window.complete(library)
    if bench == "complete":
        instance.listen()
        window.repaint()
        _bench_exit("complete")
        return
    # Let the completed window paint first.
    QTimer.singleShot(0, lambda: _window_complete(window, bench, check, instance))


def _window_complete(
    window: MainWindow,
    bench: str | None,
    check: HealthCheck,
    instance: SingleInstance | None = None,
) -> None:
    from backleg_desktop.services.first_rows import FirstRows

    rows = FirstRows.open(check)  # waits for the check, which ran beside the content load
    if rows is not None:
        window.show_first_rows(rows)
        # Built now, before the import below takes turns with this thread for the GIL:
        # opening History then only shows it.
        window.history_page.ensurePolished()
    from backleg_desktop.ui.held_keys import HeldKeys

    held = HeldKeys(window)
    StoreImport.start(window, lambda: _store_imported(window, bench, check, rows, held))
    if bench == "first-rows":
        window.show_page("history")
        window.page("history").repaint()  # the first rows, painted
        _bench_exit("first-rows")
        return
    if instance is not None:
        # The server a second start talks to (QtNetwork, ~5 ms) waits until History's
        # first rows have painted; a second start waits up to 3 s for it (single_instance).
        QTimer.singleShot(0, window, instance.listen)


def _store_imported(
    window: MainWindow,
    bench: str | None,
    check: HealthCheck,
    rows: FirstRows | None,
    held: HeldKeys,
) -> None:
    # Keys pressed from now on go where they are meant to: opening blocks this thread
    # (they wait in the queue, as before) and its dialogs must get Enter and Escape.
    held.stop_holding()
    after_first_paint(window, check)
    if rows is not None:
        rows.close()
    freeze_start_up()  # the store is open: start-up's objects stay
    QTimer.singleShot(0, held.replay)  # after the store's own start (a resume offer)
    if bench == "history":
        window.show_page("history")
        window.page("history").repaint()  # from the open store
        _bench_exit("history")


class StoreImport:
    """Imports the store's modules on a plain thread that does nothing else: no Qt object
    is created, touched or signalled there. The GUI thread looks every few milliseconds
    (a QTimer that dies with the window) and calls `done` itself once the import is over.
    A failing import is not reported here: open_store_into imports again and says why."""

    POLL_MS = 5
    _threads: ClassVar[list[threading.Thread]] = []

    @classmethod
    def start(cls, window: QObject, done: Callable[[], None]) -> None:
        thread = threading.Thread(target=cls._run, name="backleg-store-import", daemon=True)
        cls._threads.append(thread)
        thread.start()
        timer = QTimer(window)  # gone with the window: nothing is left to open then

        def look() -> None:
            if not thread.is_alive():
                timer.stop()
                timer.deleteLater()
                done()

        timer.timeout.connect(look)
        timer.start(cls.POLL_MS)

    @staticmethod
    def _run() -> None:
        with contextlib.suppress(BaseException):  # open_store_into imports again and says why
            importlib.import_module(STORE_MODULE)

    @classmethod
    def wait_for_all(cls) -> None:
        while cls._threads:
            cls._threads.pop().join()


def _bench_exit(marker: str) -> None:
    """Report to tests/bench/startup_bench.py: the marker and peak memory (KiB), then quit."""
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:  # Windows has no resource module
        peak = 0
    print(f"BENCH {marker} {peak}", flush=True)
    QApplication.quit()


def after_first_paint(window: MainWindow, check: HealthCheck | None = None) -> None:
    """Deferred start-up: open the history store, then the one-time disclaimer."""
    if open_store_into(window, check) == "unusable-data-dir":
        # Nothing could be saved: quit once the dialog is closed.
        QApplication.exit(EXIT_DATA_DIR_ERROR)
        return
    window.show_disclaimer_if_first_start()


StoreOutcome = Literal["opened", "unusable-data-dir", "failed"]


def open_store_into(window: MainWindow, check: HealthCheck | None = None) -> StoreOutcome:
    """Open the store for the window; problems become dialogs, never tracebacks.

    "failed" (e.g. a history file from a newer Backleg) leaves the reference usable.
    `check`: the file's health check started at start-up (services/health_check.py).
    """
    from backleg_desktop.services.errors import BacklegError, DataDirError
    from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS

    store_module = importlib.import_module(STORE_MODULE)
    try:
        # A short busy timeout: the window never waits seconds for another program's lock.
        store: Store = store_module.open_store(
            window.data_dir, window.library, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS, check=check
        )
    except DataDirError as error:
        _report_data_dir_problem(window, str(error))
        return "unusable-data-dir"
    except BacklegError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, "Backleg cannot open your history", str(error))
        return "failed"
    except Exception as error:  # a bug or a broken install: a sentence, not a traceback
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            window,
            "Backleg cannot open your history",
            f"Opening {window.data_dir} failed unexpectedly ({type(error).__name__}: "
            f"{error}). Nothing was changed. Please report this with Help → About's version.",
        )
        return "failed"
    window.attach_store(store)
    notices = store.notices
    if notices:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(window, "Backleg", "\n\n".join(notices))
    return "opened"


def _report_data_dir_problem(parent: QWidget | None, message: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(
        parent,
        "Backleg cannot use its data folder",
        f"{message}\n\nChoose another folder with --data-dir, or fix the folder's permissions.",
    )
    return EXIT_DATA_DIR_ERROR
