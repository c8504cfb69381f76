"""Start-up wiring in app.py: content errors, the store after the first paint, the disclaimer."""

from __future__ import annotations

import importlib.machinery
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from backleg_desktop import app
from backleg_desktop.content.loader import ContentError
from backleg_desktop.services.errors import DataDirError
from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS
from backleg_desktop.services.store import Store
from backleg_desktop.services.store import open_store as open_real_store
from backleg_desktop.ui.disclaimer import ACCEPTED_KEY
from tests.support.stores import close_when_jobs_are_done


class DialogRecorder:
    """Stands in for a static QMessageBox function and records what it was asked to show."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(self, _parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.calls.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    monkeypatch.setattr(QMessageBox, "critical", recorder)
    return recorder


@pytest.fixture
def information(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    monkeypatch.setattr(QMessageBox, "information", recorder)
    return recorder


BROKEN = ContentError(["exercises.toml: exercise 'goblet-squat': field 'cues' is missing"])


def test_broken_content_stops_start_up_with_the_message(
    qapp, data_dir: Path, critical: DialogRecorder, capsys, monkeypatch
) -> None:
    def broken_library() -> None:
        raise BROKEN

    monkeypatch.setattr(app, "load_library", broken_library)
    assert app.run_gui(data_dir) == app.EXIT_CONTENT_ERROR
    assert "field 'cues' is missing" in capsys.readouterr().err
    [(title, text)] = critical.calls
    assert "cannot start" in title
    assert "exercises.toml: exercise 'goblet-squat': field 'cues' is missing" in text
    assert "Traceback" not in text


def test_create_main_window_keeps_settings_in_the_data_dir(qtbot, data_dir, library) -> None:
    window = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(window)
    assert Path(window.settings.fileName()) == data_dir / "settings.ini"
    assert window.windowTitle() == "Backleg"


def test_disclaimer_shows_on_first_start_and_not_on_the_second(qtbot, data_dir, library) -> None:
    first = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(first)
    first.show()
    dialog = first.show_disclaimer_if_first_start()
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.text_label.text() == library.guidance.disclaimer
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    first.close()

    again = app.create_main_window(data_dir=data_dir, library=library)  # fresh QSettings
    qtbot.addWidget(again)
    assert again.show_disclaimer_if_first_start() is None
    stored = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert stored.value(ACCEPTED_KEY, type=bool) is True


def test_a_dismissed_disclaimer_comes_back_next_time(qtbot, data_dir, library) -> None:
    first = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(first)
    first.show()
    dialog = first.show_disclaimer_if_first_start()
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    again = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(again)
    assert again.show_disclaimer_if_first_start() is not None


def fake_store_module(monkeypatch, open_store) -> None:  # type: ignore[no-untyped-def]
    module = types.ModuleType(app.STORE_MODULE)
    module.__spec__ = importlib.machinery.ModuleSpec(app.STORE_MODULE, None)
    module.open_store = open_store  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, app.STORE_MODULE, module)


def test_store_opens_after_first_paint_and_its_notices_are_shown(
    qtbot, main_window, monkeypatch, information: DialogRecorder
) -> None:
    # A real store (the window uses all of it), with the notice an upgrade would leave.
    store = open_real_store(main_window.data_dir, main_window.library, make_daily_backup=False)
    store.notices.append("Your history was upgraded; a backup is in backups/.")
    opened_with: list[tuple[Path, object, dict[str, object]]] = []

    def open_store(data_dir: Path, library: object, **options: object) -> Store:
        opened_with.append((data_dir, library, options))
        return store

    fake_store_module(monkeypatch, open_store)
    with store:
        with qtbot.waitSignal(main_window.store_attached) as attached:
            app.after_first_paint(main_window)
        assert attached.args == [store]
        assert main_window.store is store
        # The window's store waits at most a short moment for another program's lock.
        assert opened_with == [
            (
                main_window.data_dir,
                main_window.library,
                {"busy_timeout_ms": WINDOW_BUSY_TIMEOUT_MS, "check": None},
            )
        ]
        assert information.calls == [
            ("Backleg", "Your history was upgraded; a backup is in backups/.")
        ]


def test_an_unusable_data_dir_is_a_clear_dialog(
    main_window, monkeypatch, critical: DialogRecorder
) -> None:
    def open_store(data_dir: Path, library: object, **_options: object) -> object:
        raise DataDirError(f"{data_dir} is read-only.")

    fake_store_module(monkeypatch, open_store)
    assert app.open_store_into(main_window) == "unusable-data-dir"
    assert main_window.store is None
    [(title, text)] = critical.calls
    assert "data folder" in title
    assert f"{main_window.data_dir} is read-only." in text


def test_an_unexpected_failure_at_open_is_a_sentence_not_a_traceback(
    main_window, monkeypatch, critical: DialogRecorder
) -> None:
    def open_store(data_dir: Path, library: object, **_options: object) -> object:
        raise KeyError("version_num")  # e.g. a broken install's migrations

    fake_store_module(monkeypatch, open_store)
    assert app.open_store_into(main_window) == "failed"
    assert main_window.store is None
    [(title, text)] = critical.calls
    assert "cannot open your history" in title
    assert "KeyError" in text and str(main_window.data_dir) in text


def test_menus_have_stable_names_for_other_features(main_window) -> None:
    assert main_window.file_menu.objectName() == "fileMenu"
    assert main_window.help_menu.objectName() == "helpMenu"
    assert main_window.quit_action in main_window.file_menu.actions()
    help_actions = main_window.help_menu.actions()
    assert main_window.about_action in help_actions
    assert main_window.disclaimer_action in help_actions


def test_about_box(main_window) -> None:
    main_window.about_action.trigger()
    dialog = main_window.findChild(QWidget, "aboutDialog")
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "About Backleg"
    dialog.close()


def test_help_disclaimer_reopens_the_dialog(qtbot, main_window) -> None:
    main_window.disclaimer_action.trigger()
    assert main_window.disclaimer_dialog is not None
    assert main_window.disclaimer_dialog.isVisible()
    qtbot.mouseClick(main_window.disclaimer_dialog.accept_button, Qt.MouseButton.LeftButton)


def test_a_new_page_is_one_call(qtbot, main_window) -> None:
    extra = QLabel("a page added later")
    main_window.add_page("extra", "Extra", extra)
    keys = main_window.sidebar.keys()
    assert keys[-1] == "extra"
    qtbot.keyClick(
        main_window.exercises_page.search,
        getattr(Qt.Key, f"Key_{len(keys)}"),
        Qt.KeyboardModifier.ControlModifier,
    )
    assert main_window.current_page_key() == "extra"
    assert main_window.stack.currentWidget() is extra
    main_window.show_page("plans")
    assert main_window.sidebar.current_key() == "plans"
    with pytest.raises(ValueError):
        main_window.add_page("extra", "Extra again", QLabel())


def test_history_page_shows_the_stored_sessions_once_the_store_opens(
    qtbot, main_window, library
) -> None:
    from backleg_desktop.services.store import open_store

    store = open_store(main_window.data_dir, library, make_daily_backup=False)
    try:
        session = store.workouts.start_session("strength", pain_before=3)
        store.workouts.finish_session(session.id, pain_after=2)
        main_window.show_page("history")  # built before the store is there
        page = main_window.page("history")
        assert page.model is None
        main_window.attach_store(store)
        assert page.model is not None
        assert page.model.rowCount() == 1
        assert page.model.index(0, 1).data() == "Strength session"
    finally:
        close_when_jobs_are_done(store)  # the page's record markers read off the GUI thread


def test_start_up_loads_no_database_or_multimedia_before_the_window_shows(tmp_path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        application = QApplication([])
        from backleg_desktop.app import create_main_window
        from backleg_desktop.content.loader import load_library
        window = create_main_window(data_dir=Path({str(tmp_path)!r}), library=load_library())
        window.show()
        application.processEvents()
        heavy = [m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic")
                 or m in ("PySide6.QtCharts", "PySide6.QtMultimedia", "PySide6.QtSql")]
        print(",".join(heavy) or "lean")
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "lean"
