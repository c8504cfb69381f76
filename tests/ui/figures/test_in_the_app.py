"""The figures where people meet them: cards, the exercise page and the set screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from backleg_desktop.ui.models import Roles


def card_image(window, exercise_id: str) -> QImage:  # type: ignore[no-untyped-def]
    grid = window.exercises_page.grid
    model = grid.model()
    index = next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if (ex := model.index(row, 0).data(Roles.EXERCISE)) is not None and ex.id == exercise_id
    )
    delegate = grid.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(grid)
    size = delegate.sizeHint(option, index)
    option.rect = QRect(0, 0, size.width(), size.height())
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image.copy(0, 0, size.width(), delegate.image_height(option.font) + 14)


def test_each_card_shows_its_own_figure_and_a_move_without_one_the_placeholder(main_window) -> None:  # type: ignore[no-untyped-def]
    lunge = card_image(main_window, "reverse-lunge")
    squat = card_image(main_window, "goblet-squat")
    press = card_image(main_window, "leg-press")  # no figure yet
    clam = card_image(main_window, "clamshell")  # no figure: not drawable from the side
    assert lunge != squat
    assert press == clam  # the same neutral placeholder
    assert press not in (lunge, squat)


def test_the_exercise_page_animates_on_the_window_clock_and_stops_when_left(
    qtbot, main_window, fake_clock
) -> None:  # type: ignore[no-untyped-def]
    main_window.open_exercise("split-stance-rdl")
    page = main_window.exercise_page
    panel = page.figure_panel
    qtbot.waitExposed(panel.view)
    assert panel.view.is_running
    exercise = main_window.library.exercise("split-stance-rdl")
    assert panel.current_cue().endswith(exercise.cues[5])  # coming back up
    fake_clock.advance(2.5 + 1.5)  # tall, then half-way into the hinge
    panel.view.tick()
    assert panel.current_cue().endswith(exercise.cues[4])  # the stretch, the pause
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_K)
    assert not panel.view.is_playing
    qtbot.keyClick(page, Qt.Key.Key_Period)
    assert panel.view.pose() == main_window.library.figures.get(exercise.id).turn_pose
    qtbot.keyClick(page, Qt.Key.Key_K)
    assert panel.view.is_running
    main_window.show_page("plans")
    assert not panel.view.is_running  # hidden: no timer left ticking


def test_the_page_says_when_a_move_has_no_drawing_yet(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.open_exercise("leg-press")
    panel = main_window.exercise_page.figure_panel
    assert not panel.empty.isHidden()
    assert not panel.view.is_running
    assert not panel.play_button.isEnabled()
