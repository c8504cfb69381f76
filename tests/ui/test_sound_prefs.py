"""Preferences → Sound: stored values, what RestAlert does with them, the countdown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from backleg_desktop.ui import alerts
from backleg_desktop.ui.alerts import RestAlert
from backleg_desktop.ui.preferences.sound_section import SoundSection
from backleg_desktop.ui.sound_prefs import SoundPrefs, read_sound_prefs, write_sound_prefs
from tests.support.tray import FakeTray


def ini(path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(path / "settings.ini"), QSettings.Format.IniFormat)


def test_defaults_and_a_round_trip_through_the_file(tmp_path) -> None:
    assert read_sound_prefs(ini(tmp_path)) == SoundPrefs(True, 80, True, True)
    settings = ini(tmp_path)
    write_sound_prefs(settings, SoundPrefs(enabled=False, volume=35, countdown=False, notify=False))
    settings.sync()
    assert read_sound_prefs(ini(tmp_path)) == SoundPrefs(False, 35, False, False)


def test_a_hand_edited_file_gives_defaults_not_a_crash(tmp_path) -> None:
    (tmp_path / "settings.ini").write_text("[sound]\nvolume=loud\nenabled=maybe\n")
    prefs = read_sound_prefs(ini(tmp_path))
    assert prefs.volume == 80 and prefs.enabled is False
    (tmp_path / "settings.ini").write_text("[sound]\nvolume=250\n")
    assert read_sound_prefs(ini(tmp_path)).volume == 100


class Effect:
    """A loaded QSoundEffect, as far as RestAlert uses one."""

    def __init__(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        self.Status = QSoundEffect.Status
        self.plays = 0
        self.volume: float | None = None

    def status(self):  # type: ignore[no-untyped-def]
        return self.Status.Ready

    def play(self) -> None:
        self.plays += 1

    def setVolume(self, volume: float) -> None:
        self.volume = volume


@pytest.fixture
def effects(monkeypatch):  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6.QtMultimedia")
    made = {"chime": Effect(), "countdown": Effect()}
    monkeypatch.setattr(RestAlert, "_create_effect", lambda self: made["chime"])
    monkeypatch.setattr(RestAlert, "_create_countdown", lambda self: made["countdown"])
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda *a: None))
    made["beeps"] = beeps  # type: ignore[assignment]
    return made


def test_rest_alert_follows_the_prefs_at_each_sound(qtbot, effects) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    prefs = {"now": SoundPrefs(volume=40)}
    alert = RestAlert(window, prefs=lambda: prefs["now"])
    assert alert.fire().sound == "effect" and effects["chime"].volume == pytest.approx(0.4)
    assert alert.countdown(3) == "effect" and effects["countdown"].plays == 1
    prefs["now"] = SoundPrefs(countdown=False)
    assert alert.countdown(2) == "off" and alert.fire().sound == "effect"
    prefs["now"] = SoundPrefs(enabled=False)
    assert alert.fire().sound == "off" and alert.countdown(1) == "off"
    prefs["now"] = SoundPrefs(volume=0)  # volume 0 is silence, not a system beep
    assert alert.fire().sound == "off" and effects["beeps"] == []
    assert effects["chime"].plays == 2


def test_the_notification_can_be_switched_off(qtbot, effects, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = QWidget()
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    tray = FakeTray()
    prefs = {"now": SoundPrefs(notify=False)}
    alert = RestAlert(window, tray=tray, prefs=lambda: prefs["now"])
    assert not alert.fire().notified and tray.messages == []
    prefs["now"] = SoundPrefs(notify=True)
    assert alert.fire().notified and len(tray.messages) == 1


def test_sound_section_loads_applies_and_greys_out_what_needs_sound(
    qtbot, tmp_path, main_window
) -> None:
    settings = ini(tmp_path)
    section = SoundSection(main_window)
    qtbot.addWidget(section)
    section.load(settings)
    assert section.sound.isChecked() and section.volume.value() == 80
    assert section.volume_value.text() == "80 %"
    section.volume.setValue(55)
    assert section.volume_value.text() == "55 %"
    qtbot.mouseClick(section.notify, Qt.MouseButton.LeftButton)
    section.countdown.setChecked(False)
    section.sound.setChecked(False)
    assert not section.volume.isEnabled() and not section.countdown.isEnabled()
    assert section.notify.isEnabled()  # a notification is not a sound
    section.apply(settings)
    settings.sync()
    assert read_sound_prefs(ini(tmp_path)) == SoundPrefs(False, 55, False, False)


def test_try_it_plays_the_chime_at_the_chosen_volume(qtbot, tmp_path, effects, main_window) -> None:
    section = SoundSection(main_window)
    qtbot.addWidget(section)
    section.load(ini(tmp_path))
    section.volume.setValue(30)
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    assert effects["chime"].plays == 1 and effects["chime"].volume == pytest.approx(0.3)


def test_the_real_countdown_sound_is_short(qtbot) -> None:
    import wave

    from backleg_desktop import assets

    with wave.open(str(assets.sound_path(alerts.COUNTDOWN_FILE))) as beep:
        assert beep.getnframes() / beep.getframerate() <= 0.1
