"""The herniated-disc answer in the window: asked once, then marks wherever moves are shown.

`safety/herniated_disc` in settings.ini is "yes" or "no" (absent: not asked yet). It is
read afresh every time a mark is drawn or a page is shown, so a change made anywhere
(the one-time question, Preferences) shows on the next look without a restart. The rules
are domain.disc's; the words are the content's (resources/content/disc.toml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from backleg_desktop.content.disc_content import DiscContent, DiscMove
from backleg_desktop.domain.disc import DiscAnswer, needs_clearance, safer_choices

if TYPE_CHECKING:
    from backleg_desktop.content.model import Library

DISC_KEY = "safety/herniated_disc"
CARD_BADGE = "Ask your doctor or PT first"  # short enough for a card's badge row


def disc_answer(settings: QSettings) -> DiscAnswer | None:
    value = settings.value(DISC_KEY)
    text = str(value).strip().lower() if value is not None else ""
    if text == "yes":
        return "yes"
    if text == "no":
        return "no"
    return None  # not asked yet, or an unreadable value: marks nothing


def remember_disc_answer(settings: QSettings, answer: DiscAnswer) -> None:
    settings.setValue(DISC_KEY, answer)
    settings.sync()  # written now: a crash later must not ask again


class DiscMarks(QObject):
    """What the answer marks and offers, for the pages and the session."""

    changed = Signal()  # the answer was changed through set_answer

    def __init__(self, content: DiscContent | None, settings: QSettings, library: Library) -> None:
        super().__init__()
        self.content = content
        self.settings = settings
        self._library = library

    def answer(self) -> DiscAnswer | None:
        return disc_answer(self.settings)

    def set_answer(self, answer: DiscAnswer) -> None:
        remember_disc_answer(self.settings, answer)
        self.changed.emit()

    def is_marked(self, exercise_id: str) -> bool:
        content = self.content
        return content is not None and needs_clearance(content.rules, self.answer(), exercise_id)

    @property
    def note(self) -> str:
        return self.content.clear_first_note if self.content is not None else ""

    def why(self, exercise_id: str) -> str:
        moves = self.content.clear_first if self.content is not None else ()
        return next((m.text for m in moves if m.exercise_id == exercise_id), "")

    def safer_for(self, exercise_id: str) -> list[DiscMove]:
        """The content's safer choices for a marked move, the one that works the same
        main muscle first (a squat's is the leg extension, a deadlift's the leg curl)."""
        content = self.content
        if content is None:
            return []
        ids = safer_choices(
            content.rules, self.answer(), exercise_id, available=tuple(self._library.exercises)
        )
        moves = [m for i in ids for m in content.safer if m.exercise_id == i]
        main = _main_muscle(self._library, exercise_id)
        return sorted(moves, key=lambda m: _main_muscle(self._library, m.exercise_id) != main)

    def name(self, exercise_id: str) -> str:
        exercise = self._library.exercises.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id


def _main_muscle(library: Library, exercise_id: str) -> str:
    exercise = library.exercises.get(exercise_id)
    if exercise is None or not exercise.target_muscles:
        return ""
    return exercise.target_muscles[0].split("(")[0].strip().casefold()
