"""The session key table: each promised key means its action, on its screen only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from backleg_desktop.ui.session import key_table

K = Qt.Key
M = Qt.KeyboardModifier
NONE, SHIFT, CTRL, KEYPAD = M.NoModifier, M.ShiftModifier, M.ControlModifier, M.KeypadModifier


def action(key, mods=NONE, text="", *, screen, active=True, typing=False):  # type: ignore[no-untyped-def]
    event = QKeyEvent(QEvent.Type.KeyPress, key, mods, text)
    row = key_table.find(event, screen=screen, active=active, typing=typing)
    return None if row is None else row.action


@pytest.mark.parametrize(
    ("key", "mods", "text", "screen", "active", "expected"),
    [
        (K.Key_Return, NONE, "\r", "chooser", False, "start_chosen_plan"),
        (K.Key_Enter, KEYPAD, "\r", "chooser", False, "start_chosen_plan"),
        (K.Key_Return, CTRL, "\r", "chooser", False, None),
        (K.Key_7, NONE, "7", "pain", False, "pain_level"),
        (K.Key_7, KEYPAD, "7", "pain", False, "pain_level"),
        (K.Key_Return, NONE, "\r", "pain", False, "confirm_pain"),
        (K.Key_Escape, NONE, "", "pain", False, "skip_pain"),
        (K.Key_Q, NONE, "q", "pain", False, "check_in_choice"),
        (K.Key_R, NONE, "r", "pain", False, "check_in_choice"),
        (K.Key_Up, NONE, "", "pain", False, "pain_step"),
        (K.Key_F, NONE, "f", "pain", False, "red_flags"),
        (K.Key_Space, NONE, " ", "exercise", True, "primary"),
        (K.Key_Space, NONE, " ", "rest", True, "primary"),
        (K.Key_Space, CTRL, " ", "exercise", True, None),
        (K.Key_P, NONE, "p", "rest", True, "toggle_pause"),
        (K.Key_P, NONE, "p", "exercise", True, None),
        (K.Key_Plus, SHIFT, "+", "rest", True, "more_rest"),
        (K.Key_Equal, NONE, "=", "rest", True, "more_rest"),
        (K.Key_Minus, NONE, "-", "rest", True, "less_rest"),
        (K.Key_unknown, NONE, "−", "rest", True, "less_rest"),
        (K.Key_S, NONE, "s", "exercise", True, "skip_set"),
        (K.Key_S, SHIFT, "S", "rest", True, "skip_exercise"),
        (K.Key_S, CTRL, "", "exercise", True, None),
        (K.Key_S, NONE, "s", "exercise", False, None),
        (K.Key_Z, CTRL, "", "rest", True, "undo"),
        (K.Key_Z, CTRL, "", "chooser", False, None),
        (K.Key_P, CTRL | SHIFT, "", "exercise", True, "stop_for_pain"),
        (K.Key_P, CTRL | SHIFT, "", "pain", False, None),  # the menu's shortcut takes it
        (K.Key_Right, NONE, "", "exercise", True, "next_cue"),
        (K.Key_Left, NONE, "", "exercise", True, "previous_cue"),
        (K.Key_Return, NONE, "\r", "summary", False, "back_to_plans"),
        (K.Key_Return, NONE, "\r", "exercise", True, None),
    ],
)
def test_keys_mean_their_action(qapp, key, mods, text, screen, active, expected) -> None:  # type: ignore[no-untyped-def]
    assert action(key, mods, text, screen=screen, active=active) == expected


def test_typing_in_the_notes_keeps_only_enter_esc_and_the_stop(qapp) -> None:  # type: ignore[no-untyped-def]
    assert action(K.Key_7, NONE, "7", screen="pain", active=False, typing=True) is None
    assert action(K.Key_Space, NONE, " ", screen="pain", typing=True) is None
    assert action(K.Key_Return, NONE, "\r", screen="pain", active=False, typing=True) == (
        "confirm_pain"
    )
    assert action(K.Key_Escape, NONE, "", screen="pain", active=False, typing=True) == ("skip_pain")
    assert action(K.Key_P, CTRL | SHIFT, "", screen="rest", typing=True) == "stop_for_pain"


def test_space_on_the_other_screens_means_enter() -> None:
    assert {screen: row.action for screen, row in key_table.ENTER_ROWS.items()} == {
        "chooser": "start_chosen_plan",
        "resume": "resume",
        "pain": "confirm_pain",
        "summary": "back_to_plans",
        "notice": "back_to_plans",
    }
