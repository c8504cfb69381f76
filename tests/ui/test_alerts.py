"""RestAlert: chime or beep, taskbar alert, and a notification when the window is away."""

from __future__ import annotations

import wave
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from backleg_desktop import assets
from backleg_desktop.ui import alerts
from backleg_desktop.ui.alerts import RestAlert


class Calls:
    def __init__(self) -> None:
        self.beeps = 0
        self.alerted: list[QWidget] = []

    def beep(self) -> None:
        self.beeps += 1

    def alert(self, widget: QWidget, msec: int = 0) -> None:
        self.alerted.append(widget)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    recorded = Calls()
    monkeypatch.setattr(QApplication, "beep", staticmethod(recorded.beep))
    monkeypatch.setattr(QApplication, "alert", staticmethod(recorded.alert))
    alerts._reset_multimedia_cache()
    yield recorded
    alerts._reset_multimedia_cache()


class FakeTray(QSystemTrayIcon):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def isVisible(self) -> bool:
        return True

    def showMessage(self, title, message, *args) -> None:
        self.messages.append((title, message))


class FakeEffect:
    """Stands in for QSoundEffect where a real audio device would be needed."""

    def __init__(self, status: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        self.Status = QSoundEffect.Status
        self._status = getattr(self.Status, status)
        self.plays = 0

    def status(self):
        return self._status

    def set_status(self, status: str) -> None:
        self._status = getattr(self.Status, status)

    def play(self) -> None:
        self.plays += 1


def test_the_bundled_chime_is_a_short_16_bit_mono_wav() -> None:
    path = assets.sound_path(alerts.SOUND_FILE)
    assert path.stat().st_size < 100_000
    with wave.open(str(path)) as chime:
        assert (chime.getnchannels(), chime.getsampwidth(), chime.getframerate()) == (1, 2, 44100)
        assert chime.getnframes() / chime.getframerate() < 1.0


def test_without_qtmultimedia_it_beeps_and_still_alerts(qtbot, calls, monkeypatch) -> None:
    def no_libpulse():
        raise ImportError("libpulse.so.0: cannot open shared object file")

    monkeypatch.setattr(alerts, "_import_multimedia", no_libpulse)
    window = QWidget()
    qtbot.addWidget(window)
    result = RestAlert(window).fire()
    assert result.sound == "beep" and not result.notified
    assert calls.beeps == 1 and calls.alerted == [window]


def test_without_an_audio_output_it_beeps(qtbot, calls, monkeypatch) -> None:
    multimedia = pytest.importorskip("PySide6.QtMultimedia")
    monkeypatch.setattr(multimedia.QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    window = QWidget()
    qtbot.addWidget(window)
    alert = RestAlert(window)
    alert.prepare()
    assert alert.findChild(multimedia.QSoundEffect) is None
    assert alert.fire().sound == "beep" and calls.beeps == 1


def test_a_real_sound_effect_that_cannot_play_falls_back_to_a_beep(
    qtbot, calls, monkeypatch
) -> None:
    multimedia = pytest.importorskip("PySide6.QtMultimedia")
    # Pretend an output exists so a real QSoundEffect is made and loads the real file.
    monkeypatch.setattr(multimedia.QMediaDevices, "audioOutputs", staticmethod(lambda: [1]))
    window = QWidget()
    qtbot.addWidget(window)
    alert = RestAlert(window)
    alert.prepare()
    effect = alert.findChild(multimedia.QSoundEffect, "RestAlert.sound")
    assert effect is not None
    assert effect.source().toLocalFile() == str(assets.sound_path(alerts.SOUND_FILE))
    qtbot.waitUntil(lambda: effect.status() != multimedia.QSoundEffect.Status.Loading, timeout=3000)
    result = alert.fire()
    if effect.status() == multimedia.QSoundEffect.Status.Error:  # no real device here
        assert result.sound == "beep" and calls.beeps == 1
    else:
        assert result.sound == "effect" and calls.beeps == 0


def test_a_loaded_effect_plays_without_a_beep(qtbot, calls, monkeypatch) -> None:
    pytest.importorskip("PySide6.QtMultimedia")
    effect = FakeEffect("Ready")
    monkeypatch.setattr(RestAlert, "_create_effect", lambda self: effect)
    window = QWidget()
    qtbot.addWidget(window)
    assert RestAlert(window).fire().sound == "effect"
    assert effect.plays == 1 and calls.beeps == 0


def test_a_sound_still_loading_plays_when_ready_or_beeps_on_error(
    qtbot, calls, monkeypatch
) -> None:
    pytest.importorskip("PySide6.QtMultimedia")
    window = QWidget()
    qtbot.addWidget(window)
    for final, plays, beeps in (("Ready", 1, 0), ("Error", 0, 1)):
        effect = FakeEffect("Loading")
        monkeypatch.setattr(RestAlert, "_create_effect", lambda self, e=effect: e)
        alert = RestAlert(window)
        calls.beeps = 0
        assert alert.fire().sound == "effect" and effect.plays == 0
        effect.set_status(final)
        alert._on_status_changed()
        alert._on_status_changed()  # a second status change does not replay
        assert (effect.plays, calls.beeps) == (plays, beeps)


def test_sound_can_be_switched_off(qtbot, calls, monkeypatch) -> None:
    monkeypatch.setattr(alerts, "_import_multimedia", lambda: pytest.fail("loaded audio"))
    window = QWidget()
    qtbot.addWidget(window)
    alert = RestAlert(window, sound_enabled=False)
    alert.prepare()
    result = alert.fire()
    assert result.sound == "off" and calls.beeps == 0
    assert calls.alerted == [window]  # the taskbar alert is not a sound


def test_a_notification_shows_only_when_the_window_is_not_active(qtbot, calls, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = QWidget()
    qtbot.addWidget(window)
    tray = FakeTray()
    alert = RestAlert(window, sound_enabled=False, tray=tray)
    result = alert.fire("Rest is over", "Ready for set 2")
    assert result.notified and tray.messages == [("Rest is over", "Ready for set 2")]

    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    assert not alert.fire().notified and len(tray.messages) == 1

    alert.tray = None
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    assert not alert.fire().notified


def test_no_notification_without_a_system_tray(qtbot, calls, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    window = QWidget()
    qtbot.addWidget(window)
    tray = FakeTray()
    assert not RestAlert(window, sound_enabled=False, tray=tray).fire().notified
    assert tray.messages == []
