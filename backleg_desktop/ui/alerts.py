"""Tell someone between sets that the rest is over: a chime, a taskbar alert, a notification.

QtMultimedia is imported lazily, inside a function: on Linux it fails to import without
libpulse, and even when it imports there may be no audio device, in which case
QSoundEffect reports an error instead of playing. Every one of those cases falls back
to `QApplication.beep()`, so the alert never depends on audio working.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from backleg_desktop import assets
from backleg_desktop.ui.sound_prefs import SoundPrefs

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect  # loaded lazily, see load_multimedia()

log = logging.getLogger(__name__)

SOUND_FILE = "rest-over.wav"
COUNTDOWN_FILE = "countdown.wav"
SoundOutcome = Literal["effect", "beep", "off"]

_multimedia: ModuleType | None = None
_multimedia_failed = False


def _import_multimedia() -> ModuleType:
    # Imported here, not at the top: it can fail (no libpulse) and costs start-up time.
    import PySide6.QtMultimedia as multimedia

    return multimedia


def load_multimedia() -> ModuleType | None:
    """PySide6.QtMultimedia, or None if it cannot be loaded here (tried once)."""
    global _multimedia, _multimedia_failed
    if _multimedia is None and not _multimedia_failed:
        try:
            _multimedia = _import_multimedia()
        except (ImportError, OSError) as exc:  # e.g. libpulse.so.0 missing
            log.info("no QtMultimedia (%s); rest alerts will beep", exc)
            _multimedia_failed = True
    return _multimedia


def _reset_multimedia_cache() -> None:
    """For tests: forget the result of the last import attempt."""
    global _multimedia, _multimedia_failed
    _multimedia, _multimedia_failed = None, False


@dataclass(frozen=True)
class AlertResult:
    """What `RestAlert.fire()` did."""

    sound: SoundOutcome  # "effect": the chime; "beep": the fallback; "off": sound disabled
    notified: bool  # a desktop notification was shown


class RestAlert(QObject):
    """Signals the end of a rest.

    ``fire()`` plays the bundled chime (or beeps), calls ``QApplication.alert(window)``
    so the taskbar entry asks for attention, and, when the window is not active and the
    desktop has a system tray, shows a desktop notification through a tray icon.
    The icon is the one given as ``tray``, or else one made on the first notification
    (with the window's icon) and kept until ``hide_tray()``: call that when the session
    ends, so the icon is only there while it may be needed.
    Call ``prepare()`` when a session starts so the sound is loaded before it is needed.
    """

    def __init__(
        self,
        window: QWidget,
        *,
        sound_enabled: bool = True,
        sound_file: Path | None = None,
        tray: QSystemTrayIcon | None = None,
        prefs: Callable[[], SoundPrefs] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`prefs`, when given, is asked before each sound, so a change in Preferences
        counts from the next one (sound on/off, volume, countdown, notification)."""
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._prefs = prefs
        self._volume = 0.8
        self._notify_enabled = True
        self._countdown_enabled = True
        self._countdown: QSoundEffect | None = None
        self._sound_enabled = sound_enabled
        self._sound_file = sound_file
        self._tray = tray
        self._own_tray: QSystemTrayIcon | None = None  # made here on first need
        self._effect: QSoundEffect | None = None  # once prepared
        self._prepared = False
        self._play_pending = False

    # -- settings ------------------------------------------------------------------
    @property
    def sound_enabled(self) -> bool:
        return self._sound_enabled

    @sound_enabled.setter
    def sound_enabled(self, enabled: bool) -> None:
        self._sound_enabled = enabled
        if enabled:
            self.prepare()

    @property
    def tray(self) -> QSystemTrayIcon | None:
        """The icon notifications go through: the one given, else the one made here."""
        return self._tray if self._tray is not None else self._own_tray

    @tray.setter
    def tray(self, tray: QSystemTrayIcon | None) -> None:
        self._tray = tray

    @property
    def sound_file(self) -> Path:
        return self._sound_file or assets.sound_path(SOUND_FILE)

    # -- use -----------------------------------------------------------------------
    def prepare(self) -> None:
        """Load the chime now (asynchronously), if sound is on and audio may work."""
        if self._prepared or not self._sound_enabled:
            return
        self._prepared = True
        self._effect = self._create_effect()
        self._countdown = self._create_countdown()

    @property
    def volume(self) -> float:
        return self._volume

    def follow_prefs(self) -> None:
        """Take the current preferences (when a `prefs` source was given)."""
        if self._prefs is None:
            return
        prefs = self._prefs()
        self._volume = prefs.volume_fraction
        self._notify_enabled = prefs.notify
        self._countdown_enabled = prefs.countdown
        self._sound_enabled = prefs.enabled
        self.prepare()  # first, so the volume reaches the effects just made
        for effect in (self._effect, self._countdown):
            if effect is not None:
                effect.setVolume(self._volume)

    def countdown(self, seconds_left: int) -> SoundOutcome:
        """One short beep as a rest's last seconds begin (the caller picks the seconds)."""
        self.follow_prefs()
        if not self._sound_enabled or not self._countdown_enabled or self._volume <= 0:
            return "off"
        self.prepare()
        effect = self._countdown
        if effect is None or effect.status() != type(effect.status()).Ready:
            QApplication.beep()  # no audio, or still loading: the system's short beep
            return "beep"
        effect.play()
        return "effect"

    def play_chime(self) -> SoundOutcome:
        """Only the chime (Preferences → Sound's "Try it"): no taskbar alert, no message."""
        self.follow_prefs()
        return self._play_sound()

    def fire(
        self, title: str = "Rest is over", message: str = "Time for your next set."
    ) -> AlertResult:
        self.follow_prefs()
        sound = self._play_sound()
        QApplication.alert(self._window, 0)
        notified = self._notify(title, message)
        return AlertResult(sound=sound, notified=notified)

    def hide_tray(self) -> None:
        """Take away the tray icon made for notifications (one given stays as it is)."""
        if self._own_tray is not None:
            self._own_tray.hide()

    # -- internals -----------------------------------------------------------------
    def _create_effect(self) -> QSoundEffect | None:
        effect = self._sound_effect(self.sound_file, "RestAlert.sound")
        if effect is not None:
            effect.statusChanged.connect(self._on_status_changed)
        return effect

    def _create_countdown(self) -> QSoundEffect | None:
        return self._sound_effect(assets.sound_path(COUNTDOWN_FILE), "RestAlert.countdown")

    def _sound_effect(self, path: Path, name: str) -> QSoundEffect | None:
        multimedia = load_multimedia()
        if multimedia is None:
            return None
        if not multimedia.QMediaDevices.audioOutputs():
            log.info("no audio output; rest alerts will beep")
            return None
        effect = multimedia.QSoundEffect(self)
        effect.setObjectName(name)
        effect.setVolume(self._volume)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        return effect

    def _play_sound(self) -> SoundOutcome:
        if not self._sound_enabled or self._volume <= 0:
            return "off"
        self.prepare()
        effect = self._effect
        if effect is None:
            QApplication.beep()
            return "beep"
        status = effect.status()
        Status = type(status)
        if status == Status.Error:
            QApplication.beep()
            return "beep"
        if status == Status.Ready:
            effect.play()
        else:  # still loading: play (or beep) as soon as it settles
            self._play_pending = True
        return "effect"

    def _on_status_changed(self) -> None:
        effect = self._effect
        if effect is None or not self._play_pending:
            return
        status = effect.status()
        Status = type(status)
        if status == Status.Ready:
            self._play_pending = False
            effect.play()
        elif status == Status.Error:
            self._play_pending = False
            QApplication.beep()

    def _notify(self, title: str, message: str) -> bool:
        if not self._notify_enabled:
            return False
        away = self._window.isMinimized() or not self._window.isActiveWindow()
        if not away or not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        tray = self._tray if self._tray is not None else self._make_tray()
        if not tray.isVisible():
            return False
        tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)
        return True

    def _make_tray(self) -> QSystemTrayIcon:
        # Looked up on the module each time, so tests can put a fake class in its place.
        tray = self._own_tray
        if tray is None:
            tray = QSystemTrayIcon(self._app_icon(), self)
            tray.setObjectName("RestAlert.tray")
            tray.setToolTip(QApplication.applicationDisplayName() or "Backleg")
            tray.activated.connect(self._bring_window_back)
            tray.messageClicked.connect(self._bring_window_back)
            self._own_tray = tray
        tray.show()
        return tray

    def _app_icon(self) -> QIcon:
        icon = self._window.windowIcon()
        return icon if not icon.isNull() else QApplication.windowIcon()

    def _bring_window_back(self, *_args: object) -> None:
        window = self._window.window()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
