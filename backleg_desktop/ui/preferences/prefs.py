"""One typed view of settings.ini for whoever needs a preference, and the signal that
says the user changed them (Preferences → OK/Apply, or a restore).

Created once by the window (`window.preferences`) and handed on; nothing fetches it
from the application object. Services and the domain get plain values from it.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, QSettings, Signal

from backleg_desktop.domain.units import DEFAULT_STEP, STEP_RANGE, LoadUnits, Unit, parse_unit

UNIT_KEY = "units/load"
STEP_KEYS: dict[Unit, str] = {"kg": "units/step_kg", "lb": "units/step_lb"}
HERNIATED_DISC_KEY = "safety/herniated_disc"
RPE_ENTRY_KEY = "session/rpe_entry"
DiscAnswer = Literal["yes", "no"]


class Preferences(QObject):
    changed = Signal()  # emitted after the settings were written; re-read what you show

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    # -- units ---------------------------------------------------------------------
    def load_unit(self) -> Unit:
        return parse_unit(self.settings.value(UNIT_KEY, "kg"))

    def load_step(self, unit: Unit | None = None) -> float:
        """The +/- step and the lighter-load grid in `unit` (default: the user's unit)."""
        unit = unit or self.load_unit()
        try:
            step = float(str(self.settings.value(STEP_KEYS[unit], DEFAULT_STEP[unit])))
        except (TypeError, ValueError):
            return DEFAULT_STEP[unit]
        low, high = STEP_RANGE[unit]
        return step if low <= step <= high else DEFAULT_STEP[unit]

    def load_units(self) -> LoadUnits:
        """The unit and its step, as every screen formats and reads loads."""
        unit = self.load_unit()
        return LoadUnits(unit, self.load_step(unit))

    # -- safety and session --------------------------------------------------------
    def herniated_disc(self) -> DiscAnswer | None:
        """The answer to the herniated-disc question; None until it is answered."""
        value = str(self.settings.value(HERNIATED_DISC_KEY, "")).strip().lower()
        return "yes" if value == "yes" else "no" if value == "no" else None

    def rpe_entry(self) -> bool:
        return bool(self.settings.value(RPE_ENTRY_KEY, False, type=bool))
