"""The session's message line at a large font: beside a long progress line it was left a
strip a few words wide, so a sentence ("Leg extension will rest 1:15 from next time…")
took seven lines, pushed the screen down and cut the progress line. When it has no room
beside the progress line it goes under it, the window's width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from tests.ui.test_font_size import app_font, open_window, to_set_screen  # noqa: F401


def lines(label) -> int:  # type: ignore[no-untyped-def]
    return round(label.height() / QFontMetrics(label.font()).lineSpacing())


@pytest.mark.parametrize("size", [None, 14.0, 18.0])
def test_a_message_beside_the_progress_line_never_squeezes_either(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
    size,
) -> None:
    if size is not None:
        app_font(size)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    to_set_screen(qtbot, window)
    page = window.session.page
    qtbot.keyClick(page, Qt.Key.Key_Space)  # start the set
    qtbot.keyClick(page, Qt.Key.Key_Space)  # log it: the rest
    assert page.current_screen() is page.rest_screen
    qtbot.keyClick(page, Qt.Key.Key_Plus)  # "… will rest 1:15 from next time …"
    qtbot.wait(50)
    progress, message = page.progress, page.message
    assert "from next time" in message.text()
    assert progress.width() >= progress.sizeHint().width(), progress.text()
    assert lines(message) <= 2, f"{lines(message)} lines in {message.width()} px"
    assert message.geometry().right() <= page.width()


@pytest.mark.parametrize("size", [None, 14.0])
def test_the_screen_stays_put_when_a_message_comes_and_goes(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
    size,
) -> None:
    # The screen under the message line moved down a line when a message came and back
    # up when it cleared (beside the progress a message takes two lines, the empty line
    # one; at 14 pt the line went under the progress only while it had text). At 18 pt
    # a two-line message still moves it: two spare lines there would push the rest's
    # controls out of view.
    if size is not None:
        app_font(size)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    to_set_screen(qtbot, window)
    page = window.session.page
    qtbot.keyClick(page, Qt.Key.Key_Space)  # start the set
    qtbot.keyClick(page, Qt.Key.Key_Space)  # log it: the rest
    qtbot.wait(50)

    def top() -> int:
        return page.stack.mapTo(page, page.stack.rect().topLeft()).y()

    before = top()
    qtbot.keyClick(page, Qt.Key.Key_Plus)
    qtbot.wait(50)
    assert page.message.text()
    assert top() == before
    page.say("")  # as the message line does when its time is up
    qtbot.wait(50)
    assert top() == before
