"""What each session key means: one table of (key, modifiers, screen, needs a running
session) → action, read top to bottom, instead of a chain of branches.

The page (page.py) names its screens ("chooser", "pain", "rest", …); `find` picks the
row and `bind` the page's method for its action. The first row that fits wins; a row
whose action does not apply just now (Q with no plan to switch to) leaves the key
unclaimed, so it goes to the focused widget as usual.

Modifiers, keypad ignored throughout:
  "plain"      none, or Shift alone (so "+" and shifted layouts work)
  "none"       none at all
  "shift", "ctrl", "ctrl+shift"   exactly those
  "no-ctrl"    anything without Ctrl (Enter, Shift+Enter)
  "any"        whatever is held
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from backleg_desktop.domain.pain import pain_from_key
from backleg_desktop.ui.session.rest_screen import ADJUST_STEP_S

if TYPE_CHECKING:
    from backleg_desktop.ui.session.page import SessionPage

K = Qt.Key
KM = Qt.KeyboardModifier
Mods = Literal["plain", "none", "shift", "ctrl", "ctrl+shift", "no-ctrl", "any"]
Action = Literal[
    "stop_for_pain",
    "start_chosen_plan",
    "resume",
    "confirm_pain",
    "skip_pain",
    "back_to_plans",
    "primary",
    "undo",
    "pain_level",
    "switch_plan",
    "skip_exercise",
    "skip_set",
    "toggle_pause",
    "more_rest",
    "less_rest",
    "previous_cue",
    "next_cue",
]
ENTER = (K.Key_Return, K.Key_Enter)


@dataclass(frozen=True)
class KeyRow:
    action: Action
    keys: tuple[Qt.Key, ...] = ()
    texts: tuple[str, ...] = ()  # or the text the key types ("7", "−")
    mods: Mods = "plain"
    screen: str | None = None  # None: any of the session's screens
    needs_session: bool = False  # only while a stored session is running
    while_typing: bool = False  # also when focus is in a text field (the notes)


TABLE: tuple[KeyRow, ...] = (
    KeyRow("stop_for_pain", (K.Key_P,), mods="ctrl+shift", needs_session=True, while_typing=True),
    KeyRow("start_chosen_plan", ENTER, mods="no-ctrl", screen="chooser", while_typing=True),
    KeyRow("resume", ENTER, mods="no-ctrl", screen="resume", while_typing=True),
    KeyRow("confirm_pain", ENTER, mods="no-ctrl", screen="pain", while_typing=True),
    KeyRow("back_to_plans", ENTER, mods="no-ctrl", screen="summary", while_typing=True),
    KeyRow("back_to_plans", ENTER, mods="no-ctrl", screen="notice", while_typing=True),
    KeyRow("skip_pain", (K.Key_Escape,), mods="any", screen="pain", while_typing=True),
    KeyRow("primary", (K.Key_Space,)),
    KeyRow("undo", (K.Key_Z,), mods="ctrl", needs_session=True),
    KeyRow("pain_level", texts=tuple("0123456789"), screen="pain"),
    KeyRow("switch_plan", (K.Key_Q,), screen="pain"),
    KeyRow("skip_exercise", (K.Key_S,), mods="shift", needs_session=True),
    KeyRow("skip_set", (K.Key_S,), mods="none", needs_session=True),
    KeyRow("toggle_pause", (K.Key_P,), screen="rest", needs_session=True),
    KeyRow("more_rest", (K.Key_Plus, K.Key_Equal), screen="rest", needs_session=True),
    KeyRow(
        "less_rest",
        (K.Key_Minus, K.Key_Underscore),
        texts=("−",),
        screen="rest",
        needs_session=True,
    ),
    KeyRow("previous_cue", (K.Key_Left,), screen="exercise", needs_session=True),
    KeyRow("next_cue", (K.Key_Right,), screen="exercise", needs_session=True),
)

_EXACT = {
    "none": KM.NoModifier,
    "shift": KM.ShiftModifier,
    "ctrl": KM.ControlModifier,
    "ctrl+shift": KM.ControlModifier | KM.ShiftModifier,
}


# Space on a screen other than the set and rest screens means what Enter means there.
ENTER_ROWS: dict[str, KeyRow] = {
    row.screen: row for row in TABLE if row.keys == ENTER and row.screen is not None
}


def mods_fit(mods: Mods, held: Qt.KeyboardModifier) -> bool:
    held = held & ~KM.KeypadModifier
    if mods == "any":
        return True
    if mods == "no-ctrl":
        return not held & KM.ControlModifier
    if mods == "plain":
        return held & ~KM.ShiftModifier == KM.NoModifier
    return held == _EXACT[mods]


def find(event: QKeyEvent, *, screen: str | None, active: bool, typing: bool) -> KeyRow | None:
    """The first row that fits this key press on `screen`, or None."""
    key, text, held = event.key(), event.text(), event.modifiers()
    for row in TABLE:
        if (
            (key in row.keys or (text and text in row.texts))
            and (row.screen is None or row.screen == screen)
            and (active or not row.needs_session)
            and (row.while_typing or not typing)
            and mods_fit(row.mods, held)
        ):
            return row
    return None


def bind(page: SessionPage, row: KeyRow, event: QKeyEvent | None) -> Callable[[], None] | None:
    """What `row`'s action does on `page` now; None if it does not apply just now."""
    running = page.running
    if row.action == "pain_level":
        level = pain_from_key(event.text()) if event is not None else None
        return None if level is None else (lambda: page.pain_screen.set_level(level))
    if row.action == "switch_plan":
        plan_id = page.pain_screen.suggested_plan
        return (lambda: page.switch_plan(plan_id)) if plan_id else None
    actions: dict[Action, Callable[[], None]] = {
        "stop_for_pain": page.stop_for_pain,
        "start_chosen_plan": page.chooser.request_start,
        "resume": page.resume,
        "confirm_pain": page.confirm_pain,
        "skip_pain": page.skip_pain,
        "back_to_plans": page.back_to_plans,
        "primary": page.primary_action,
        "undo": page.undo_last_set,
        "skip_exercise": running.skip_exercise,
        "skip_set": running.skip_set,
        "toggle_pause": running.toggle_pause,
        "more_rest": lambda: running.adjust_rest(ADJUST_STEP_S),
        "less_rest": lambda: running.adjust_rest(-ADJUST_STEP_S),
        "previous_cue": lambda: page.exercise_screen.step_cue(-1),
        "next_cue": lambda: page.exercise_screen.step_cue(1),
    }
    return actions[row.action]
