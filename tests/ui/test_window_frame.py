"""The main window's first frame (shown before the content loads) and its completion."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from backleg_desktop import app
from backleg_desktop.ui.main_window import SIDEBAR_PAGES, MainWindow


def sidebar_rows(window: MainWindow) -> list[tuple[str, str, bool]]:
    bar = window.sidebar
    return [
        (key, bar.item(row).text(), not bar.item(row).icon().isNull())
        for row, key in enumerate(bar.keys())
    ]


def menus(window: MainWindow) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Every menu with its actions: (object name, text, shortcut)."""
    found = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        entries = [
            (action.objectName(), action.text(), action.shortcut().toString())
            for action in menu.actions()  # type: ignore[union-attr]
        ]
        found.append((menu_action.text(), entries))
    return found


def test_the_first_frame_has_the_title_and_page_names_only(qtbot, data_dir) -> None:
    frame = app.create_main_window(data_dir=data_dir)
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    assert not frame.is_complete
    assert frame.windowTitle() == "Backleg"
    assert [(key, title) for key, title, _icon in sidebar_rows(frame)] == list(SIDEBAR_PAGES)
    assert frame.menuBar().actions() == []
    assert frame.page_keys() == []
    assert not hasattr(frame, "library")


def test_a_completed_frame_is_the_same_window_as_one_built_at_once(
    qtbot, data_dir, library
) -> None:
    whole = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(whole)
    frame = app.create_main_window(data_dir=data_dir)
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    frame.complete(library)
    qtbot.wait(1)  # let the completed window paint
    assert frame.is_complete
    assert frame.library is library
    assert sidebar_rows(frame) == sidebar_rows(whole)
    assert all(has_icon for _key, _title, has_icon in sidebar_rows(frame))
    assert frame.page_keys() == whole.page_keys()
    assert menus(frame) == menus(whole)
    assert [title for title, _actions in menus(frame)] == [
        "&File",
        "&Edit",
        "&Session",
        "&Go",
        "&Help",
    ]
    assert frame.current_page_key() == whole.current_page_key() == "exercises"
    assert frame.sidebar.current_key() == "exercises"
    assert frame.statusBar().currentMessage() == whole.statusBar().currentMessage()
    assert not frame.windowIcon().isNull()
    assert frame.sidebar.viewport().backgroundRole() == whole.sidebar.viewport().backgroundRole()
    # And it works as a window: a sidebar click shows that page.
    frame.sidebar.setCurrentRow(frame.sidebar.keys().index("plans"))
    assert frame.current_page_key() == "plans"
    with pytest.raises(RuntimeError):
        frame.complete(library)


START_UP = """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from backleg_desktop import app

def report(marker):
    [window] = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    watched = ("backleg_desktop.content.loader", "backleg_desktop.ui.pages.exercises",
               "sqlalchemy", "PySide6.QtMultimedia", "backleg_desktop.ui.focus_ring")
    loaded = [m for m in watched if m in sys.modules]
    print(marker, window.windowTitle(), window.is_complete, ",".join(loaded) or "lean")
    QApplication.quit()

app._bench_exit = report
sys.exit(app.run_gui(Path(sys.argv[1])))
"""


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        # Shown and painted: the frame only, before any content or page code is loaded.
        ("shown", "shown Backleg False lean"),
        # Right after: content, the first page and the focus ring, and still no database.
        (
            "complete",
            "complete Backleg True "
            "backleg_desktop.content.loader,backleg_desktop.ui.pages.exercises,"
            "backleg_desktop.ui.focus_ring",
        ),
    ],
)
def test_start_up_shows_the_frame_first_and_completes_it_before_the_store(
    tmp_path: Path, marker: str, expected: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app.BENCH_ENV: marker}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(START_UP), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
