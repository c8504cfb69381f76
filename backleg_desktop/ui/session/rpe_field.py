"""The optional RPE box on the set screen: how hard the set felt, 0 to 10 in halves.

Off by default; the preference `session/rpe_entry` (settings.ini) turns it on. Empty ("–")
means no RPE, and a set logs None; only whole and half numbers can be typed.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QVBoxLayout, QWidget

RPE_ENTRY_KEY = "session/rpe_entry"
NO_RPE = -0.5  # the box's minimum, shown as "–": no RPE given


def rpe_entry_on(settings: QSettings) -> bool:
    value = settings.value(RPE_ENTRY_KEY, False)
    return value is True or str(value).strip().lower() in ("true", "1", "yes")


class RpeSpinBox(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rpeInput")
        self.setRange(NO_RPE, 10.0)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setSpecialValueText("–")
        self.setValue(NO_RPE)
        self.setKeyboardTracking(False)
        self.setAccessibleName("RPE, rate of perceived exertion")
        self.setAccessibleDescription("Optional: 0 to 10 in halves; leave at – for none.")
        self.setToolTip("How hard the set felt: 10 is all-out, 7 is about three reps left.")

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        raw = text.strip().replace(",", ".")
        if raw in ("", "–", "-"):  # an emptied box means no RPE, as "–" does
            return QValidator.State.Acceptable, text, pos
        try:
            number = float(raw)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if not 0 <= number <= 10:
            return QValidator.State.Invalid, text, pos
        if (number * 2).is_integer():
            return QValidator.State.Acceptable, text, pos
        # "7." on the way to "7.5" is fine; "7.3" is not a half.
        return QValidator.State.Intermediate, text, pos

    def valueFromText(self, text: str) -> float:
        raw = text.strip().replace(",", ".")
        if raw in ("", "–", "-"):
            return NO_RPE
        return super().valueFromText(raw)

    def fixup(self, text: str) -> str:
        try:
            number = float(text.strip().replace(",", "."))
        except ValueError:
            return "–"
        return f"{round(min(max(number, 0.0), 10.0) * 2) / 2:.1f}"


class RpeField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rpeField")
        self.box = RpeSpinBox(self)
        label = QLabel("RP&E (optional)", self)
        label.setBuddy(self.box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.box)
        self._settings: QSettings | None = None
        self._hold = False
        self.hide()

    def use_settings(self, settings: QSettings) -> None:
        self._settings = settings
        self.update_shown()

    def enabled_by_setting(self) -> bool:
        return self._settings is not None and rpe_entry_on(self._settings)

    def show_for(self, *, hold: bool) -> None:
        """Shown if the preference is on and the set has reps (what was typed stays until
        the set is logged: the screen is redrawn when the set starts)."""
        self._hold = hold
        self.update_shown()

    def update_shown(self) -> None:
        self.setVisible(self.enabled_by_setting() and not self._hold)

    def value(self) -> float | None:
        """The RPE typed, a multiple of 0.5 from 0 to 10, or None (none, or the box hidden)."""
        if self.isHidden():
            return None
        self.box.interpretText()
        value = self.box.value()
        return None if value < 0 else round(value * 2) / 2

    def clear(self) -> None:
        self.box.setValue(NO_RPE)
