"""The Session section describes the RPE box the set screen shows: the same scale (0 to 10,
the box takes 0) and when it is asked (with the set, before Space logs it, not after)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from backleg_desktop.ui.preferences.session_section import SessionSection
from backleg_desktop.ui.session.rpe_field import RpeSpinBox


def test_the_preference_names_the_boxs_own_scale(qtbot, main_window) -> None:
    section = SessionSection(main_window)
    qtbot.addWidget(section)
    box = RpeSpinBox()
    qtbot.addWidget(box)
    lowest, highest = 0, int(box.maximum())  # below 0 is the box's "no RPE"
    assert box.valueFromText("0") == lowest
    scale = f"{lowest}–{highest}"
    assert scale in section.rpe_check.text()
    words = " ".join(label.text() for label in section.findChildren(QLabel))
    assert f"from {lowest} " in words
    assert "after each set" not in section.rpe_check.text()
