"""At 1024×700 the set screen's boxes sit side by side without covering each other, in
pounds, with the optional RPE box on, for the alternating lunge's three boxes too (found in
a walkthrough: the left leg's box covered the right leg's and RPE covered the load's arrows)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from backleg_desktop.ui.session.rpe_field import RPE_ENTRY_KEY
from tests.ui.session.test_alternating_lunge import to_the_lunges


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def assert_side_by_side(boxes: list[QWidget]) -> None:
    for box in boxes:
        assert box.isVisible()
        assert box.width() >= box.minimumSizeHint().width(), box.objectName()
    for one, other in pairwise(boxes):
        assert not on_screen(one).intersects(on_screen(other)), one.objectName()


def test_the_lunges_three_boxes_and_rpe_do_not_overlap_at_1024_by_700(drive) -> None:
    drive.window.settings.setValue(RPE_ENTRY_KEY, True)
    drive.window.settings.setValue("units/load", "lb")
    drive.window.resize(1024, 700)
    to_the_lunges(drive)
    settle()
    screen = drive.page.exercise_screen
    assert_side_by_side([screen.left_reps, screen.reps, screen.load, screen.rpe.box])


def test_a_two_box_set_with_rpe_fits_too(drive) -> None:
    drive.window.settings.setValue(RPE_ENTRY_KEY, True)
    drive.window.resize(1024, 700)
    drive.start()
    settle()
    screen = drive.page.exercise_screen
    assert_side_by_side([screen.reps, screen.load, screen.rpe.box])


def test_the_lunges_boxes_fit_at_18_points_too(qapp, request) -> None:
    """With a large system font the screen stacks and scrolls (tests/ui/test_font_size.py);
    the lunge's row of four boxes still fits its width."""
    from tests.ui.test_font_size import squeezed

    before = QFont(QApplication.font())
    large = QFont(before)
    large.setPointSizeF(18.0)
    QApplication.setFont(large)  # before the window is built, as a system font would be
    request.addfinalizer(lambda: QApplication.setFont(before))
    drive = request.getfixturevalue("drive")
    drive.window.settings.setValue(RPE_ENTRY_KEY, True)
    drive.window.settings.setValue("units/load", "lb")
    drive.window.resize(1024, 700)
    to_the_lunges(drive)
    settle()
    screen = drive.page.exercise_screen
    boxes = [screen.left_reps, screen.reps, screen.load, screen.rpe.box]
    assert_side_by_side(boxes)
    assert not squeezed(screen), squeezed(screen)
    viewport = screen.scroll_area.viewport()
    for box in boxes:  # none reaches past the right edge (no sideways scrolling)
        assert box.mapTo(viewport, box.rect().bottomRight()).x() < viewport.width()
