"""At 1024×700 every form cue keeps the height its wrapped lines need, and the current one
is in view: the cues have no scroll box of their own (at a large font it showed one cue
at a time); the screen scrolls to the cue Left/Right step to."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication


def settle() -> None:
    for _ in range(4):  # layouts inside a scroll area settle over a few event rounds
        QApplication.processEvents()


def test_the_lunges_cues_are_not_squeezed_at_1024_by_700(drive) -> None:
    drive.window.resize(1024, 700)
    drive.start(pain="2")
    page = drive.page
    cues = page.exercise_screen.cues
    settle()
    viewport = page.exercise_screen.scroll_area.viewport()
    for _ in range(5):
        drive.key(Qt.Key.Key_Right)  # the leg extension's last cue: the screen scrolls to it
        settle()
    last = cues._labels[cues.current]
    bottom = last.mapTo(viewport, QPoint(0, last.height())).y()
    assert 0 < bottom <= viewport.height()
    for _ in range(3):  # on to the lunge; each new exercise's first cue starts in view
        drive.key(Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
        settle()
        first = cues._labels[0]
        assert first.mapTo(viewport, QPoint(0, 0)).y() >= 0, page.exercise_screen.name.text()
    screen = page.exercise_screen
    assert screen.name.text() == "Reverse lunge"
    labels = cues._labels
    assert len(labels) >= 6
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    for index in (len(labels) - 1, 0):
        cues.set_current(index, reveal=True)
        settle()
        label = labels[index]
        top = label.mapTo(viewport, QPoint(0, 0)).y()
        assert top >= 0 and top + label.height() <= viewport.height(), label.text()
