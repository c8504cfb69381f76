"""At 1024×700 every form cue keeps the height its wrapped lines need, and the current one
is in view (found in the merged app: the reverse lunge's six cues were squeezed under the
figure until the first one's lines were cut off at the top and bottom)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication


def test_the_lunges_cues_are_not_squeezed_at_1024_by_700(drive) -> None:
    drive.window.resize(1024, 700)
    drive.start(pain="2")
    page = drive.page
    for _ in range(3):
        drive.key(Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # on to the lunge
    screen = page.exercise_screen
    assert screen.name.text() == "Reverse lunge"
    QApplication.processEvents()
    cues = screen.cues
    labels = cues._labels
    assert len(labels) >= 6
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    viewport = cues.cue_scroll.viewport()
    for index in (0, len(labels) - 1):
        cues.set_current(index)
        QApplication.processEvents()
        label = labels[index]
        top = label.mapTo(viewport, QPoint(0, 0)).y()
        assert top >= 0 and top + label.height() <= viewport.height(), label.text()
