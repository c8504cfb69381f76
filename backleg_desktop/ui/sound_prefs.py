"""What the user chose for sounds and the rest-end notification, read from settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

SOUND_KEY = "sound/enabled"
VOLUME_KEY = "sound/volume"  # 0–100
COUNTDOWN_KEY = "sound/countdown_beeps"
NOTIFY_KEY = "notifications/rest_end"
DEFAULT_VOLUME = 80
COUNTDOWN_SECONDS = (3, 2, 1)  # a short beep as each of the last 3 s of a rest begins


@dataclass(frozen=True)
class SoundPrefs:
    enabled: bool = True
    volume: int = DEFAULT_VOLUME
    countdown: bool = True
    notify: bool = True

    @property
    def volume_fraction(self) -> float:
        return max(0, min(100, self.volume)) / 100


def read_flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # IniFormat gives "true"/"false" back as text
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def read_sound_prefs(settings: QSettings) -> SoundPrefs:
    try:
        volume = int(settings.value(VOLUME_KEY, DEFAULT_VOLUME))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        volume = DEFAULT_VOLUME  # a hand-edited file: the default, never a crash
    return SoundPrefs(
        enabled=read_flag(settings, SOUND_KEY, True),
        volume=max(0, min(100, volume)),
        countdown=read_flag(settings, COUNTDOWN_KEY, True),
        notify=read_flag(settings, NOTIFY_KEY, True),
    )


def write_sound_prefs(settings: QSettings, prefs: SoundPrefs) -> None:
    settings.setValue(SOUND_KEY, prefs.enabled)
    settings.setValue(VOLUME_KEY, prefs.volume)
    settings.setValue(COUNTDOWN_KEY, prefs.countdown)
    settings.setValue(NOTIFY_KEY, prefs.notify)
