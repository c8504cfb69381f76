"""Preferences → Sound: the rest-end chime, its volume, a countdown, the notification."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.sound_prefs import SoundPrefs, read_sound_prefs, write_sound_prefs
from backleg_desktop.ui.widgets import heading, muted

if TYPE_CHECKING:
    from backleg_desktop.ui.alerts import RestAlert  # QtMultimedia only when a sound plays
    from backleg_desktop.ui.main_window import MainWindow


class SoundSection(PreferencesSection):
    title = "Sound"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("soundSection")
        self._try_alert: RestAlert | None = None  # made on the first "Try it"
        self._try_prefs = SoundPrefs()
        self.sound = QCheckBox("&Play a chime when a rest is over", self)
        self.sound.setObjectName("soundEnabled")
        described(self.sound, "When on, a short chime tells you the rest is over.")
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("soundVolume")
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setAccessibleName("Volume")
        self.volume.setAccessibleDescription("Loudness of the chime and the countdown, 0 to 100")
        self.volume_value = QLabel(self)
        self.volume_value.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        self.test_button = QPushButton("&Try it", self)
        self.test_button.setObjectName("soundTry")
        self.test_button.setAccessibleDescription("Plays the chime at this volume")
        self.countdown = QCheckBox("&Beep over the last 3 seconds of a rest", self)
        self.countdown.setObjectName("soundCountdown")
        self.notify = QCheckBox("Show a desktop &notification when a rest ends unseen", self)
        self.notify.setToolTip("When the window is minimised or another window is in front")
        described(self.countdown, "When on, three short beeps count down the end of each rest.")
        self.notify.setObjectName("restNotification")
        described(
            self.notify,
            "When on, the desktop shows a message at the end of a rest if Backleg is "
            "minimised or another window is active.",
        )

        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)
        volume_row.addWidget(self.test_button)
        form = QFormLayout()
        volume_label = QLabel("&Volume:", self)
        volume_label.setBuddy(self.volume)
        form.addRow(volume_label, volume_row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Sound", 2))
        layout.addWidget(self.sound)
        layout.addLayout(form)
        layout.addWidget(self.countdown)
        layout.addWidget(self.notify)
        note = muted(
            QLabel(
                "Without a working sound device Backleg uses the system beep, and the "
                "screen always shows when a rest is over.",
                self,
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

        self.volume.valueChanged.connect(lambda value: self.volume_value.setText(f"{value} %"))
        self.sound.toggled.connect(self._follow_sound)
        self.test_button.clicked.connect(self.try_sound)

    def prefs(self) -> SoundPrefs:
        return SoundPrefs(
            enabled=self.sound.isChecked(),
            volume=self.volume.value(),
            countdown=self.countdown.isChecked(),
            notify=self.notify.isChecked(),
        )

    def load(self, settings: QSettings) -> None:
        prefs = read_sound_prefs(settings)
        self.sound.setChecked(prefs.enabled)
        self.volume.setValue(prefs.volume)
        self.volume_value.setText(f"{prefs.volume} %")
        self.countdown.setChecked(prefs.countdown)
        self.notify.setChecked(prefs.notify)
        self._follow_sound(prefs.enabled)

    def apply(self, settings: QSettings) -> None:
        write_sound_prefs(settings, self.prefs())

    def try_sound(self) -> None:
        """Play the chime at the chosen volume (the check box aside: the user asked)."""
        from backleg_desktop.ui.alerts import RestAlert

        self._try_prefs = SoundPrefs(enabled=True, volume=self.volume.value(), notify=False)
        if self._try_alert is None:
            self._try_alert = RestAlert(self.window(), prefs=lambda: self._try_prefs, parent=self)
        self._try_alert.play_chime()

    def _follow_sound(self, enabled: bool) -> None:
        for widget in (self.volume, self.test_button, self.countdown):
            widget.setEnabled(enabled)
