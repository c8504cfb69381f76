"""The user's rest lengths: the default within a plan's range, and one per exercise
remembered from the session's ±15 s keys (Preferences → Rest)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from backleg_desktop.ui.sound_prefs import read_flag

CUSTOM_GROUP = "rest/custom"  # rest/custom/<exercise id> = seconds
REMEMBER_KEY = "rest/remember_adjustments"
# A remembered rest stays within these: shorter is a skip, longer is a break.
SHORTEST_S = 15
LONGEST_S = 600


def remembers_adjustments(settings: QSettings) -> bool:
    return read_flag(settings, REMEMBER_KEY, True)


def _clamp(seconds: int) -> int:
    return max(SHORTEST_S, min(LONGEST_S, seconds))


def read_custom_rests(settings: QSettings) -> dict[str, int]:
    """Exercise id → rest seconds; unreadable entries are left out, never a crash."""
    settings.beginGroup(CUSTOM_GROUP)
    try:
        found: dict[str, int] = {}
        for key in settings.childKeys():
            try:
                seconds = int(str(settings.value(key)))
            except ValueError:
                continue
            if seconds > 0:
                found[key] = _clamp(seconds)
        return found
    finally:
        settings.endGroup()


def remember_rest(settings: QSettings, exercise_id: str, seconds: int) -> int:
    """Keep `seconds` (within 15 s–10 min) as this exercise's rest; returns what was kept."""
    kept = _clamp(seconds)
    settings.setValue(f"{CUSTOM_GROUP}/{exercise_id}", kept)
    return kept


def forget_rest(settings: QSettings, exercise_id: str) -> None:
    settings.remove(f"{CUSTOM_GROUP}/{exercise_id}")


def write_custom_rests(settings: QSettings, rests: dict[str, int]) -> None:
    """Replace every remembered rest with `rests`."""
    settings.remove(CUSTOM_GROUP)
    for exercise_id, seconds in rests.items():
        remember_rest(settings, exercise_id, seconds)
