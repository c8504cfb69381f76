"""What each session key means: one table of (key, modifiers, screen, needs a running
session) → action, read top to bottom, instead of a chain of branches.

The page (page.py) names its screens ("chooser", "pain", "rest", …); `find` picks the
row and `bind` the page's method for its action. The first row that fits wins; a row
whose action does not apply just now (Q with no plan to switch to) leaves the key
unclaimed, so it goes to the focused widget as usual.

Each row also says how Help → Keyboard shortcuts shows it (`shown`, `does`): that list
is made from this table (shortcut_list.py), so it cannot drift from what the keys do.

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
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QWidget

from backleg_desktop.domain.checkin import ChoiceId
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
    "pain_step",
    "check_in_choice",
    "red_flags",
    "back_level",
    "back_gentle",
    "skip_exercise",
    "skip_set",
    "toggle_pause",
    "more_rest",
    "less_rest",
    "previous_cue",
    "next_cue",
    "disc_swap",
    "warm_up",
    "warm_up_next",
    "warm_up_stop",
    "safety_panel",
    "decline_set",
    "scroll_screen",
]
ENTER = (K.Key_Return, K.Key_Enter)
CHOICE_OF_KEY: dict[Qt.Key, ChoiceId] = {K.Key_Q: "quick", K.Key_R: "rest", K.Key_A: "anyway"}


@dataclass(frozen=True)
class KeyRow:
    action: Action
    keys: tuple[Qt.Key, ...] = ()
    texts: tuple[str, ...] = ()  # or the text the key types ("7", "−")
    mods: Mods = "plain"
    screen: str | None = None  # None: any of the session's screens
    needs_session: bool = False  # only while a stored session is running
    while_typing: bool = False  # also when focus is in a text field (the notes)
    shown: str = ""  # Help → Keyboard shortcuts: the key as written there ("+ / −")
    does: str = ""  # and what it does, where ("Pain check-in: skip it")


TABLE: tuple[KeyRow, ...] = (
    KeyRow(
        "stop_for_pain", (K.Key_P,), mods="ctrl+shift", needs_session=True, while_typing=True,
        shown="Ctrl+Shift+P", does="Stop for sharp pain",
    ),
    KeyRow(
        "start_chosen_plan", ENTER, mods="no-ctrl", screen="chooser", while_typing=True,
        shown="Enter", does="Plans: start the plan chosen with Up / Down",
    ),
    KeyRow(
        "resume", ENTER, mods="no-ctrl", screen="resume", while_typing=True,
        shown="Enter", does="Unfinished session: resume it",
    ),
    KeyRow(
        "confirm_pain", ENTER, mods="no-ctrl", screen="pain", while_typing=True,
        shown="Enter", does="Pain check-in: start what the level suggests (once one is chosen)",
    ),
    KeyRow(
        "back_to_plans", ENTER, mods="no-ctrl", screen="summary", while_typing=True,
        shown="Enter", does="Summary or notice: back to the plans",
    ),
    KeyRow(
        "back_to_plans", ENTER, mods="no-ctrl", screen="notice", while_typing=True,
        shown="Enter", does="Summary or notice: back to the plans",
    ),
    KeyRow(
        "skip_pain", (K.Key_Escape,), mods="any", screen="pain", while_typing=True,
        shown="Esc", does="Pain check-in: skip it",
    ),
    # The warm-up screen's keys come before Space's general row: there, Space moves on.
    KeyRow(
        "warm_up_next", (K.Key_Space,), screen="warmup", needs_session=True,
        shown="Space (warm-up)", does="Warm-up: on to the next move",
    ),
    KeyRow(
        "warm_up_stop", (K.Key_Escape, K.Key_W), mods="none", screen="warmup",
        needs_session=True, shown="Esc or W (warm-up)",
        does="Warm-up: stop it, ready for the first set",
    ),
    KeyRow(
        "primary", (K.Key_Space,),
        shown="Space", does="Start the set or hold · log it · skip the rest · finish",
    ),
    KeyRow(
        "back_level", texts=tuple("0123456789"), screen="rest", needs_session=True,
        shown="0 – 9 (rest)", does="After an exercise's last set: how is your back? (optional)",
    ),
    KeyRow(
        "back_gentle", (K.Key_G,), mods="none", screen="rest", needs_session=True,
        shown="G (rest)", does="Your back got worse: switch to the Gentle day",
    ),
    KeyRow(
        "undo", (K.Key_Z,), mods="ctrl", needs_session=True,
        shown="Ctrl+Z", does="Undo the last set logged or skipped",
    ),
    KeyRow(
        "pain_level", texts=tuple("0123456789"), screen="pain",
        shown="0 – 9", does="Pain check-in: set the level (1 then 0 within a second is 10)",
    ),
    KeyRow(
        "pain_step", (K.Key_Up, K.Key_Down), mods="none", screen="pain",
        shown="Up / Down", does="Pain check-in: one level up or down",
    ),
    KeyRow(
        "check_in_choice", (K.Key_Q,), mods="none", screen="pain",
        shown="Q", does="Pain check-in at 4–6: the quick add-on, lighter",
    ),
    KeyRow(
        "check_in_choice", (K.Key_R,), mods="none", screen="pain",
        shown="R", does="Pain check-in at 7–10: rest today (nothing is recorded)",
    ),
    KeyRow(
        "check_in_choice", (K.Key_A,), mods="none", screen="pain",
        shown="A", does="Pain check-in at 7–10: start the chosen plan anyway",
    ),
    KeyRow(
        "red_flags", (K.Key_F,), mods="none", screen="pain",
        shown="F", does="Check-in at 7–10, or a summary that cautions you: the red-flag signs",
    ),
    KeyRow(
        "red_flags", (K.Key_F,), mods="none", screen="summary",
        shown="F", does="Check-in at 7–10, or a summary that cautions you: the red-flag signs",
    ),
    KeyRow(
        "skip_exercise", (K.Key_S,), mods="shift", needs_session=True,
        shown="Shift+S", does="Skip the rest of this exercise",
    ),
    KeyRow(
        "skip_set", (K.Key_S,), mods="none", needs_session=True,
        shown="S", does="Skip this set",
    ),
    KeyRow(
        "toggle_pause", (K.Key_P,), screen="rest", needs_session=True,
        shown="P", does="Pause or resume the rest",
    ),
    KeyRow(
        "more_rest", (K.Key_Plus, K.Key_Equal), screen="rest", needs_session=True,
        shown="+ (or =)", does="Add 15 seconds of rest",
    ),
    KeyRow(
        "less_rest",
        (K.Key_Minus, K.Key_Underscore),
        texts=("−",),
        screen="rest",
        needs_session=True,
        shown="− (or -)", does="Take 15 seconds of rest away",
    ),
    KeyRow(
        "previous_cue", (K.Key_Left,), screen="exercise", needs_session=True,
        shown="Left", does="Form cues: the previous one",
    ),
    KeyRow(
        "next_cue", (K.Key_Right,), screen="exercise", needs_session=True,
        shown="Right", does="Form cues: the next one",
    ),
    KeyRow(
        "warm_up", (K.Key_W,), mods="none", screen="exercise", needs_session=True,
        shown="W", does="First exercise, before its first set: run the mobility warm-up",
    ),
    KeyRow(
        "safety_panel", (K.Key_I,), mods="none", screen="exercise", needs_session=True,
        shown="I", does="Show or hide the move's warning signs and easier options",
    ),
    KeyRow(
        "decline_set", (K.Key_D,), mods="none", screen="exercise", needs_session=True,
        shown="D", does="An optional extra set (\"2–3 sets\"): leave it out today",
    ),
    KeyRow(
        "disc_swap", (K.Key_X,), mods="none", screen="exercise", needs_session=True,
        shown="X", does="Herniated disc: do the gentler choice offered instead of this move",
    ),
    KeyRow(
        "scroll_screen", (K.Key_PageUp, K.Key_PageDown), mods="none",
        shown="Page Up / Page Down",
        does="A session screen taller than the window (a large font): scroll it",
    ),
)  # fmt: skip

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


def in_spin_box(widget: QWidget | None) -> bool:
    while widget is not None:
        if isinstance(widget, QAbstractSpinBox):
            return True
        widget = widget.parentWidget()
    return False


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


def scroll_action(screen: QWidget | None, event: QKeyEvent | None) -> Callable[[], None] | None:
    """Page Up / Down on a screen that scrolls (its `scroll_area`); None where nothing
    scrolls (the chooser's list keeps its own Page keys)."""
    area = getattr(screen, "scroll_area", None)
    if not isinstance(area, QAbstractScrollArea) or event is None:
        return None
    bar = area.verticalScrollBar()
    if bar.maximum() == 0:
        return None
    step = bar.pageStep() if event.key() == K.Key_PageDown else -bar.pageStep()
    return lambda: bar.setValue(bar.value() + step)


def bind(page: SessionPage, row: KeyRow, event: QKeyEvent | None) -> Callable[[], None] | None:
    """What `row`'s action does on `page` now; None if it does not apply just now."""
    running = page.running
    pain = page.pain_screen
    if row.action == "pain_level":
        text = event.text() if event is not None else ""
        return (lambda: pain.type_digit(text)) if text else None
    if row.action == "pain_step":
        delta = 1 if event is not None and event.key() == K.Key_Up else -1
        return lambda: pain.step_level(delta)
    if row.action == "check_in_choice":
        choice = CHOICE_OF_KEY.get(Qt.Key(event.key())) if event is not None else None
        if choice is None or not pain.offers(choice):
            return None  # not on offer at this level: the key is not the session's
        return lambda: page.check_in.choose(choice)
    if row.action in ("warm_up", "warm_up_next", "warm_up_stop"):
        warm_up = page.warm_up
        if row.action == "warm_up":
            return warm_up.start if warm_up.offered() else None
        return warm_up.next_move if row.action == "warm_up_next" else warm_up.stop
    if row.action == "safety_panel":
        safety = page.exercise_screen.safety
        return safety.toggle_open if safety.available and safety.isVisible() else None
    if row.action == "decline_set":
        return running.decline_extra_set if running.extra_set_offered() else None
    back = page.rest_screen.back
    if row.action == "back_level":
        text = event.text() if event is not None else ""
        if not back.asking or in_spin_box(QApplication.focusWidget()):
            return None  # digits typed into the correction boxes stay theirs
        return lambda: back.type_digit(text)
    if row.action == "back_gentle":
        return page.back_check.switch_to_gentle_day if back.offers_gentle_day else None
    if row.action == "red_flags":
        if row.screen == "summary":
            caution = page.summary_screen.caution
            return caution.red_flags_requested.emit if caution.links_red_flags else None
        return pain.red_flags_requested.emit if pain.links_red_flags else None
    if row.action == "scroll_screen":
        return scroll_action(page.current_screen(), event)
    if row.action == "disc_swap":
        offer = running.disc_offer  # only on the screen of a move a disc should clear first
        return offer.swap_first if offer.can_swap() else None
    actions: dict[Action, Callable[[], None]] = {
        "stop_for_pain": page.stop_for_pain,
        "start_chosen_plan": page.chooser.request_start,
        "resume": page.resume,
        "confirm_pain": page.check_in.confirm,
        "skip_pain": page.check_in.skip,
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
