"""The load spin box: typed and shown in the user's unit, read and written in kilograms.

A load shown unchanged reads back as the very kilograms it was given, so moving between
units (25 kg shows as 55.12 lb) never shifts a stored load by a rounding.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from backleg_desktop.domain.units import KILOGRAMS, UNIT_NAMES, LoadUnits, from_kg

MAX_LOAD_KG = 1000.0  # services.validation refuses more


class LoadSpinBox(QDoubleSpinBox):
    def __init__(
        self, accessible: str, parent: QWidget | None = None, *, purpose: str = ""
    ) -> None:
        super().__init__(parent)
        self._accessible = accessible  # "Load", "Correct the load of the set just logged"
        self._purpose = purpose or "The load lifted in this set."  # said before the step
        self._given: float | None = None  # the kilograms behind the value shown, if unchanged
        self._counts = ""  # "per dumbbell", "total" or "": said in the accessible name
        self.units = KILOGRAMS
        self.setSpecialValueText("no load")  # 0 means bodyweight: stored as no load
        self.set_units(KILOGRAMS)

    def set_units(self, units: LoadUnits) -> None:
        """Show loads in `units`; the load shown now stays the same load."""
        load = self.load_kg()
        self.units = units
        self.setDecimals(units.decimals)
        self.setRange(0.0, round(from_kg(MAX_LOAD_KG, units.unit), units.decimals))
        self.setSingleStep(units.step)
        self.setSuffix(f" {units.unit}")
        self._name()
        self.set_load_kg(load)

    def set_counts(self, counts: str) -> None:
        """What the load counts ("per dumbbell", "total"), for screen readers."""
        self._counts = counts
        self._name()

    def _name(self) -> None:
        unit = UNIT_NAMES[self.units.unit].split(" ")[0]
        counts = f", {self._counts}" if self._counts else ""
        self.setAccessibleName(f"{self._accessible} in {unit}{counts}")
        step = self.locale().toString(self.units.step, "g", 6)
        self.setAccessibleDescription(
            f"{self._purpose} Up and Down change it by {step} {self.units.unit}; "
            "0 means no load (bodyweight)."
        )

    def textFromValue(self, value: float) -> str:
        """ "55 lb" rather than "55.00 lb": trailing zeros go, as everywhere else."""
        text = self.locale().toString(value, "f", self.decimals())
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    def set_load_kg(self, load_kg: float | None) -> None:
        self.setValue(0.0 if load_kg is None else self.units.shown(load_kg))
        self._given = load_kg if load_kg else None

    def load_kg(self) -> float | None:
        """The load in kilograms; None for no load (0)."""
        self.interpretText()
        shown = self.value()
        if shown <= 0:
            return None
        given = self._given
        if given is not None and self.units.shown(given) == round(shown, self.units.decimals):
            return given
        return self.units.to_kg(shown)
