"""What Help → Keyboard shortcuts lists, made from the keys themselves so it cannot drift:
the session's key table (key_table.TABLE), the menu actions that have shortcuts, and
the exercise page's figure keys (ui/figures/panel.py).

Each entry is (where, keys, what they do). A key the table and a menu both handle
(Ctrl+Shift+P) is listed once, under the menu's words.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from backleg_desktop.ui.figures.panel import PAUSE_KEY, STEP_KEYS
from backleg_desktop.ui.session.key_table import TABLE

Entry = tuple[str, str, str]
NATIVE = QKeySequence.SequenceFormat.NativeText


def shortcut_entries(window: QMainWindow) -> list[Entry]:
    menus = menu_entries(window)
    listed = {keys for _where, keys, _does in menus}
    session = [e for e in session_entries() if e[1] not in listed]
    session_menu = [e for e in menus if e[0] == "Session"]
    others = [e for e in menus if e[0] != "Session"]
    return [*session_menu, *session, *figure_entries(), *others]


# The order a session goes through its screens; keys for any screen sit after the
# check-in's (the table itself is ordered by which row must win, not for reading).
READING_ORDER = ("chooser", "resume", "pain", None, "exercise", "warmup", "rest", "summary")


def _reading_place(screen: str | None) -> int:
    return READING_ORDER.index(screen) if screen in READING_ORDER else len(READING_ORDER)


def session_entries() -> list[Entry]:
    """The key table's rows, once each (a key with the same words on two screens is one),
    in the order a session meets them."""
    entries: list[Entry] = []
    for row in sorted(TABLE, key=lambda row: _reading_place(row.screen)):
        entry = ("Session", row.shown, row.does)
        if entry not in entries:
            entries.append(entry)
    return entries


def figure_entries() -> list[Entry]:
    pause = QKeySequence(PAUSE_KEY).toString(NATIVE)
    ordered = sorted(STEP_KEYS.items(), key=lambda item: item[1])  # back, then forward
    back, forward = (QKeySequence(key).toString(NATIVE) for key, _step in ordered)
    return [
        ("Exercise page", pause, "Pause or play the movement"),
        ("Exercise page", f"{back} / {forward}", "Step the movement one position back or forward"),
    ]


def menu_entries(window: QMainWindow) -> list[Entry]:
    """Every menu action with a shortcut, in menu order: (menu, keys, its words)."""
    entries: list[Entry] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            entries += _menu_entries(_plain(menu.title()), menu)
    return entries


def _menu_entries(where: str, menu: QMenu) -> list[Entry]:
    entries: list[Entry] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            entries += _menu_entries(where, sub)
        elif keys := _keys(action):
            words = _plain(action.text())
            entries.append((where, keys, f"Go to {words}" if where == "Go" else words))
    return entries


def _keys(action: QAction) -> str:
    return " or ".join(k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty())


def _plain(text: str) -> str:
    """A menu text without its mnemonic, its "…" or a shown key ("&Undo\\tCtrl+Z")."""
    return (
        text.split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    )
