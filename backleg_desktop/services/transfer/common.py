"""Small pieces shared by the readers of other apps' exports."""

from __future__ import annotations

from backleg_desktop.domain.history import SetKind
from backleg_desktop.services.transfer.values import CellError

# Set types as the apps write them -> Backleg's set kinds.
STRONG_SET_ORDER_KINDS: dict[str, SetKind] = {"W": "warmup", "D": "drop", "F": "failure"}
HEVY_SET_TYPES: dict[str, SetKind] = {
    "normal": "working",
    "warmup": "warmup",
    "dropset": "drop",
    "failure": "failure",
}


def kg_per(unit: str) -> float:
    """The factor for a unit cell such as `kg`, `kgs`, `lbs`."""
    value = unit.strip().lower()
    if value in ("kg", "kgs", "kilograms"):
        return 1.0
    if value in ("lb", "lbs", "pounds"):
        return 0.45359237
    raise CellError(f"{unit!r} is not a weight unit (kg or lbs)")


def set_note(note: str) -> str:
    """A set's note as the file wrote it (RPE and distance have their own fields)."""
    return note.strip()


def expand_escaped_newlines(text: str) -> str:
    """Strong writes a newline inside a note as the two characters backslash and n."""
    return text.replace("\\n", "\n")
