"""Sets are counted once, as the summary counts them: a one-leg set is one set."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from backleg_desktop.ui import message_boxes

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_a_one_leg_set_counts_once_in_progress_and_the_end_question(drive, monkeypatch) -> None:
    asked: list[str] = []

    def ask(parent, title, text, *, yes, no, default):  # type: ignore[no-untyped-def]
        asked.append(text)
        return default == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(message_boxes, "ask", ask)
    page = drive.page
    drive.start()
    for _ in range(4):  # on to the split-stance RDL, one leg then the other
        drive.key(Qt.Key.Key_S, SHIFT)
    drive.space()
    drive.advance(10)
    drive.space()  # left side logged
    drive.advance(10)
    drive.space()  # right side logged: one set
    assert page.flow.progress() == (2, 16)  # the flow counts sides
    assert page.progress.text().endswith("1 of 14 sets logged")
    drive.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["End this session now? The 1 set you logged is kept."]
    drive.key(Qt.Key.Key_Escape)
    assert page.summary_screen.values["sets"].text() == "1 of 14"
