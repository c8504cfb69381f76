"""Match exercise names from other apps to Backleg's library ids.

Only names that are the same movement match: the equipment in brackets or in front is
dropped ("Goblet Squat (Kettlebell)", "Dumbbell Reverse Lunge"), case and punctuation are
ignored, and a short alias table covers other common names for the same exercise. A
different movement ("Seated Leg Curl", "Romanian Deadlift") stays a user exercise under its
own name, so nothing is silently merged into the wrong history.
"""

from __future__ import annotations

import re

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import USER_PREFIX
from backleg_desktop.services.transfer.values import CellError
from backleg_desktop.services.validation import MAX_NAME

# Other names for the same movement -> library id. Keys are normalised (see `normalise`).
ALIASES: dict[str, str] = {
    "knee extension": "leg-extension",
    "leg extensions": "leg-extension",
    "prone leg curl": "lying-leg-curl",
    "lying hamstring curl": "lying-leg-curl",
    "prone hamstring curl": "lying-leg-curl",
    "lying leg curls": "lying-leg-curl",
    "goblet squats": "goblet-squat",
    "reverse lunges": "reverse-lunge",
    "lunge reverse": "reverse-lunge",
    "glute bridges": "glute-bridge",
    "hip bridge": "glute-bridge",
    "step ups": "step-up",
    "leg press horizontal": "leg-press",
    "seated leg press": "leg-press",
    "box squats": "box-squat",
    "wall sit": "wall-squat",
    "bird dogs": "bird-dog",
    "dead bugs": "dead-bug",
    "staggered stance rdl": "split-stance-rdl",
    "staggered stance romanian deadlift": "split-stance-rdl",
    "kickstand rdl": "split-stance-rdl",
    "b stance rdl": "split-stance-rdl",
    "split stance romanian deadlift": "split-stance-rdl",
}

# Equipment words that apps put in front of a name; they do not change the movement.
_EQUIPMENT_PREFIXES = (
    "smith machine ",
    "machine ",
    "dumbbell ",
    "kettlebell ",
    "barbell ",
    "cable ",
    "band ",
    "bodyweight ",
    "weighted ",
    "db ",
    "kb ",
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """`Goblet Squat (Kettlebell)` -> `goblet squat`; `Step-Up` -> `step up`."""
    text = _BRACKETS.sub(" ", name.lower())
    text = _NON_WORD.sub(" ", text).strip()
    stripped = True
    while stripped:
        stripped = False
        for prefix in _EQUIPMENT_PREFIXES:
            if text.startswith(prefix):
                text = text[len(prefix) :]
                stripped = True
    return text


def user_exercise_id(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise CellError("the exercise name is empty")
    if len(clean) > MAX_NAME:
        raise CellError(f"the exercise name is longer than {MAX_NAME} characters")
    return USER_PREFIX + clean


class ExerciseMatcher:
    """Maps names to ids, remembering every decision so a preview can list them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._known: dict[str, str] = {}
        for exercise_id, exercise in library.exercises.items():
            self._known.setdefault(normalise(exercise.name), exercise_id)
            self._known.setdefault(normalise(exercise_id), exercise_id)
        for alias, exercise_id in ALIASES.items():
            if exercise_id in library.exercises:
                self._known.setdefault(alias, exercise_id)
        self.decisions: dict[str, str] = {}  # name as written -> id

    def exercise_id(self, name: str) -> str:
        """A library id for the same movement, else `user:<name>`; CellError if blank."""
        decided = self.decisions.get(name)
        if decided is not None:
            return decided
        decided = self._known.get(normalise(name)) or user_exercise_id(name)
        self.decisions[name] = decided
        return decided

    def remember(self, name: str, exercise_id: str) -> str:
        """Record a decision made elsewhere (a Backleg file names its own ids)."""
        self.decisions.setdefault(name, exercise_id)
        return exercise_id

    def is_library_id(self, exercise_id: str) -> bool:
        return exercise_id in self.library.exercises

    def display_name(self, exercise_id: str) -> str:
        if exercise_id in self.library.exercises:
            return self.library.exercises[exercise_id].name
        return exercise_id.removeprefix(USER_PREFIX)

    def new_user_names(self) -> list[str]:
        """Names that will become user exercises, in first-seen order."""
        seen: dict[str, None] = {}
        for exercise_id in self.decisions.values():
            if exercise_id.startswith(USER_PREFIX):
                seen.setdefault(exercise_id.removeprefix(USER_PREFIX))
        return list(seen)
