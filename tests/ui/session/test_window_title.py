"""The window title carries the session's state (issue 11): the rest countdown exactly
as before ("0:45 · Rest · Backleg"), "Paused", the set or hold time, and "Rest over".
Real window, fake clock, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

K, CTRL = Qt.Key, Qt.KeyboardModifier.ControlModifier


def test_the_title_follows_set_rest_pause_and_rest_over(drive) -> None:
    title = drive.window.windowTitle
    drive.start()
    assert title() == "Backleg"  # ready for the first set: nothing running
    drive.space()
    assert title() == "0:00 · Set · Backleg"
    drive.advance(12)
    assert title() == "0:12 · Set · Backleg"
    drive.space()  # logged: the rest counts down
    assert title() == "0:45 · Rest · Backleg"
    drive.advance(5)
    assert title() == "0:40 · Rest · Backleg"
    drive.key(K.Key_P)
    assert title() == "Paused · 0:40 · Rest · Backleg"
    drive.advance(30)  # paused: the time does not move
    assert title() == "Paused · 0:40 · Rest · Backleg"
    drive.key(K.Key_P)
    assert title() == "0:40 · Rest · Backleg"
    drive.advance(40)  # the rest runs out
    assert title() == "Rest over · Backleg"
    drive.space()  # set 2 starts
    assert title() == "0:00 · Set · Backleg"
    drive.key(K.Key_Z, CTRL)  # set 1 taken back: nothing runs
    assert title() == "Backleg"


def test_a_skipped_rest_is_not_rest_over(drive) -> None:
    drive.start()
    drive.do_set()
    drive.space()  # cut the rest short
    assert drive.window.windowTitle() == "Backleg"
