"""RestAlert: chime or beep, taskbar alert, and a notification when the window is away."""

from __future__ import annotations

import wave
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from backleg_desktop import assets
from backleg_desktop.ui import alerts, resources
from backleg_desktop.ui.alerts import RestAlert
from tests.support.tray import FakeTray


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


@pytest.fixture
def tray_class(monkeypatch: pytest.MonkeyPatch) -> type[FakeTray]:
    """A desktop with a system tray, where RestAlert makes FakeTrays."""
    FakeTray.made = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(alerts, "QSystemTrayIcon", FakeTray)
    return FakeTray


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

    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    tray.visible = False  # the given icon was hidden by its owner: no message through it
    assert not alert.fire().notified and len(tray.messages) == 1


def test_no_notification_without_a_system_tray(qtbot, calls, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    window = QWidget()
    qtbot.addWidget(window)
    tray = FakeTray()
    assert not RestAlert(window, sound_enabled=False, tray=tray).fire().notified
    assert tray.messages == []


def test_a_tray_icon_is_made_only_when_a_notification_is_needed(
    qtbot, calls, tray_class, monkeypatch
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowIcon(resources.app_icon())
    assert not window.windowIcon().isNull()
    alert = RestAlert(window, sound_enabled=False)
    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    assert not alert.fire("Rest is over", "Ready for set 2").notified
    assert tray_class.made == [] and alert.tray is None  # in front: no icon, no message

    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    assert alert.fire("Rest is over", "Ready for set 2: Leg extension").notified
    assert alert.fire("Rest is over", "Ready for set 3: Leg extension").notified
    [tray] = tray_class.made  # made once, then reused
    assert alert.tray is tray and tray.isVisible()
    assert tray.messages == [
        ("Rest is over", "Ready for set 2: Leg extension"),
        ("Rest is over", "Ready for set 3: Leg extension"),
    ]
    assert tray.icon().cacheKey() == window.windowIcon().cacheKey()
    assert calls.alerted == [window] * 3  # the taskbar alert happens either way

    alert.hide_tray()
    assert not tray.isVisible()
    assert alert.fire("Rest is over", "Ready for set 2").notified  # shown again when needed
    assert tray.isVisible() and len(tray_class.made) == 1


def test_hide_tray_leaves_a_given_icon_alone(qtbot, calls, tray_class, monkeypatch) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    given = FakeTray()
    alert = RestAlert(window, sound_enabled=False, tray=given)
    assert alert.fire().notified and given.messages
    alert.hide_tray()
    assert given.isVisible() and tray_class.made == [given]


def test_without_a_system_tray_no_icon_is_made(qtbot, calls, monkeypatch) -> None:
    # Offscreen, as on a desktop without a tray: the sound and taskbar alert still happen.
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    monkeypatch.setattr(alerts, "QSystemTrayIcon", QSystemTrayIcon)
    window = QWidget()
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    alert = RestAlert(window)
    monkeypatch.setattr(alerts, "_import_multimedia", _no_multimedia)
    result = alert.fire()
    assert result == alerts.AlertResult(sound="beep", notified=False)
    assert alert.tray is None and calls.beeps == 1 and calls.alerted == [window]
    alert.hide_tray()  # nothing to hide: fine


def _no_multimedia():  # type: ignore[no-untyped-def]
    raise ImportError("libpulse.so.0: cannot open shared object file")
