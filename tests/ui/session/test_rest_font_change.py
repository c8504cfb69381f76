"""The rest's four controls stay in view when the system font grows while a rest
runs (the ring's cap is computed again from the new controls' height) and the ring
grows back when the font goes back."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.ui.session.test_screens_fit import _rest_after_last_set, in_view, settle


def test_the_rests_controls_stay_in_view_when_the_font_grows_while_resting(qtbot, request) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    rest = _rest_after_last_set(drive)  # the back question makes the right column tall
    settle(qtbot)
    controls = (rest.minus_button, rest.pause_button, rest.plus_button, rest.skip_button)
    ring = rest.ring.height()
    before = QFont(QApplication.font())
    large = QFont(before)
    large.setPointSizeF(18.0)
    try:
        QApplication.setFont(large)
        for _ in range(3):
            settle(qtbot)
        for button in controls:
            assert in_view(button), f"18 pt: {button.text()!r} not wholly in view"
        assert rest.scroll_area.verticalScrollBar().value() == 0
    finally:
        QApplication.setFont(before)
    for _ in range(3):
        settle(qtbot)
    assert all(in_view(button) for button in controls)
    assert rest.ring.height() == ring  # back to its size at the font it started with
