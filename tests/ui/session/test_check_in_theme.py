"""The check-in's "do not train today" tint follows the theme in use, so its text stays
readable after a switch to dark (found in the merged app: a light pink behind the dark
theme's light text)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from backleg_desktop.ui import theme
from backleg_desktop.ui.colours import DARK, LIGHT
from tests.ui.test_theme import contrast

WARN_DARK, WARN_LIGHT = DARK.warn_tint, LIGHT.warn_tint

R = QPalette.ColorRole


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[theme.ThemeController]:
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    controller.set_choice("light")
    yield controller
    controller.set_choice(choice)
    qapp.setPalette(before)


def high_pain_box(drive):  # type: ignore[no-untyped-def]
    drive.window.session.start()
    drive.enter()
    drive.type("8")
    box = drive.page.pain_screen.guidance
    assert box.title.text() == "High pain"
    return box


def colours(box) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    QApplication.processEvents()  # the new palette reaches the widgets as events
    palette = box.advice.palette()
    tint = box.palette().color(R.Window)
    return tint.name(), contrast(palette.color(R.WindowText), tint)


def test_the_high_pain_tint_is_dark_in_the_dark_theme_chosen_after_start(drive, themes) -> None:
    themes.set_choice("dark")  # as Preferences does, long after the window was built
    tint, ratio = colours(high_pain_box(drive))
    assert tint == WARN_DARK and ratio >= 4.5


def test_a_theme_switch_while_the_advice_shows_re_tints_it(drive, themes) -> None:
    box = high_pain_box(drive)
    assert colours(box)[0] == WARN_LIGHT
    themes.set_choice("dark")
    tint, ratio = colours(box)
    assert tint == WARN_DARK and ratio >= 4.5
    themes.set_choice("light")
    tint, ratio = colours(box)
    assert tint == WARN_LIGHT and ratio >= 4.5
