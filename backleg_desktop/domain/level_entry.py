"""Choosing a pain level 0–10 from the keyboard: digits, "1 then 0" for 10, Up/Down.

Pure Python on an injected monotonic clock, so the pre-session check-in and the
"How is your back?" question after an exercise share one set of rules, and tests move
time instead of waiting:

* a digit picks 0–9 at once;
* a 0 typed within TEN_WINDOW_S of a lone 1 turns that 1 into 10;
* Up/Down step by one and stop at 0 and 10; from no level, either picks 0, the low end
  of the scale where the slider starts, so the next press steps from a level on screen;
* there is no level until one is chosen: `level` is None, never a silent default.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from backleg_desktop.domain.pain import PAIN_MAX, PAIN_MIN, validate_pain_level

TEN_WINDOW_S = 1.0  # "1" then "0" within this many seconds picks 10


class LevelEntry:
    """The level being chosen; `level` is None until the user picks one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._level: int | None = None
        self._lone_one_at: float | None = None  # when a 1 was typed that a 0 may extend

    @property
    def level(self) -> int | None:
        return self._level

    @property
    def chosen(self) -> bool:
        return self._level is not None

    def type_text(self, text: str) -> bool:
        """Handle a key's text; True if it was a digit (and so chose a level)."""
        if len(text) != 1 or text not in "0123456789":
            return False
        self.digit(int(text))
        return True

    def digit(self, value: int) -> int:
        """Pick `value` (0–9), or 10 when it is a 0 that follows a lone 1 in time."""
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 9:
            raise ValueError(f"a digit is 0–9, not {value!r}")
        now = self._clock()
        if value == 0 and self._lone_one_at is not None and now - self._lone_one_at <= TEN_WINDOW_S:
            self._level = 10
            self._lone_one_at = None
        else:
            self._level = value
            self._lone_one_at = now if value == 1 else None
        return self._level

    def step(self, delta: int) -> int:
        """Up (+1) or Down (-1), kept within 0–10; from no level, pick PAIN_MIN."""
        self._lone_one_at = None
        if self._level is None:
            self._level = PAIN_MIN
        else:
            self._level = max(PAIN_MIN, min(PAIN_MAX, self._level + delta))
        return self._level

    def up(self) -> int:
        return self.step(+1)

    def down(self) -> int:
        return self.step(-1)

    def set(self, level: int) -> int:
        """Set the level directly (the slider); it ends any pending "1 then 0"."""
        self._level = validate_pain_level(level)
        self._lone_one_at = None
        return self._level

    def clear(self) -> None:
        self._level = None
        self._lone_one_at = None
