"""Help → Keyboard shortcuts lists exactly the keys that exist: every row of the session
key table, every menu shortcut, the figure keys, and nothing else; and the Go menu's
Ctrl+1…6 follow the sidebar's order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from backleg_desktop.ui.session.key_table import TABLE

CTRL = Qt.KeyboardModifier.ControlModifier


def listed(drive) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    drive.window.session.shortcuts_action.trigger()
    dialog = drive.window.session.shortcuts_dialog
    table = dialog.table
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    dialog.close()
    return rows  # type: ignore[return-value]


def test_every_key_table_row_is_listed_with_its_words(drive) -> None:
    rows = listed(drive)
    for row in TABLE:
        assert row.shown and row.does, row.action  # a row Help could not list
        assert any(keys == row.shown for _where, keys, _does in rows), row.shown
    session = {(keys, does) for where, keys, does in rows if where == "Session"}
    # The key table's words, unless a menu lists the same key (Ctrl+Shift+P) in its own.
    menu_keys = {keys for where, keys, _does in rows if where == "Session"} - {
        row.shown for row in TABLE
    }
    assert {(r.shown, r.does) for r in TABLE if r.shown != "Ctrl+Shift+P"} <= session
    assert menu_keys == {"Ctrl+N", "Ctrl+E"}
    for key in ("W", "I", "D", "Space (warm-up)", "Esc or W (warm-up)", "Ctrl+Z", "Q", "R", "A"):
        assert key in {keys for _where, keys, _does in rows}


def test_nothing_is_listed_that_no_key_does(drive) -> None:
    rows = listed(drive)
    assert len(rows) == len(set(rows))  # each key once
    window = drive.window
    shortcuts = {
        " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())
        for a in window.findChildren(QAction)
        if a.shortcuts()
    }
    table = {row.shown for row in TABLE}
    figure = {"K", ", / ."}
    for where, keys, _does in rows:
        assert keys in table | shortcuts | figure, (where, keys)
    # The old hand-written list promised Ctrl+1 … Ctrl+9 though six pages exist.
    assert not any("Ctrl+9" in keys for _where, keys, _does in rows)
    goes = [(keys, does) for where, keys, does in rows if where == "Go"]
    assert goes[:6] == [
        ("Ctrl+1", "Go to Session"),
        ("Ctrl+2", "Go to Exercises"),
        ("Ctrl+3", "Go to Plans"),
        ("Ctrl+4", "Go to Avoid"),
        ("Ctrl+5", "Go to Guidance"),
        ("Ctrl+6", "Go to History"),
    ]


def test_the_go_menu_follows_the_sidebar(drive) -> None:
    window = drive.window
    sidebar = window.sidebar.keys()
    pages = [a for a in window.go_menu.actions() if a.objectName().startswith("goTo-")]
    assert [a.objectName().removeprefix("goTo-") for a in pages] == sidebar
    assert [a.shortcut().toString() for a in pages] == [f"Ctrl+{n}" for n in range(1, 7)]
    for number, key in enumerate(sidebar, start=1):
        drive.key(getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.current_page_key() == key
        assert window.sidebar.current_key() == key
