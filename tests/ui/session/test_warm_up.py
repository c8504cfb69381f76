"""The mobility warm-up: listed on the first exercise's screen, run with W as timed moves
on the fake clock, never in the way of the first Space."""

from __future__ import annotations

from PySide6.QtCore import Qt

K = Qt.Key


def test_the_first_exercise_lists_the_warm_up_and_space_still_starts_the_set(drive) -> None:
    page, screen = drive.page, drive.page.exercise_screen
    drive.start()
    offer = screen.warm_up_offer.text()
    assert screen.warm_up_offer.isVisible()
    assert offer.startswith("Warm up first (optional, about 3.5 min): calm breathing, ")
    assert "Press W to run it; Space starts the set." in offer
    drive.space()  # the promised flow: the first Space starts the first set
    assert page.flow.state == "in_set"
    assert not screen.warm_up_offer.isVisible()


def test_w_runs_every_move_to_its_end_then_the_first_set_is_ready(drive) -> None:
    page = drive.page
    warm_up = page.library.guidance.warm_up
    drive.start()
    drive.key(K.Key_W)
    screen = page.warm_up.screen
    assert page.current_screen() is screen
    assert drive.window.windowTitle() == "0:30 · Warm-up · Backleg"
    seen = []
    for number, move in enumerate(warm_up.moves, start=1):
        assert screen.step_label.text() == f"Move {number} of {len(warm_up.moves)}"
        assert screen.move_name.text() == move.name and screen.how.text() == move.how
        assert screen.ring.text == f"0:{move.seconds:02d}"
        drive.advance(move.seconds - 1)
        page.warm_up.driver.tick()
        assert screen.ring.text == "0:01"
        seen.append(move.name)
        drive.advance(1)
        page.warm_up.driver.tick()  # its deadline: on to the next move by itself
    assert seen == [move.name for move in warm_up.moves]
    assert page.current_screen() is page.exercise_screen
    assert page.flow.state == "ready" and page.flow.current_step.index == 0
    assert drive.window.windowTitle() == "Backleg"
    assert page.exercise_screen.warm_up_offer.text().startswith("Warm-up done.")
    assert drive.stored().sets == ()  # nothing of the warm-up is stored
    drive.space()
    assert page.flow.state == "in_set"


def test_space_moves_on_and_esc_stops_it(drive) -> None:
    page = drive.page
    drive.start()
    drive.key(K.Key_W)
    drive.space()  # next move, before its time is up
    assert page.warm_up.screen.step_label.text().startswith("Move 2 of ")
    assert page.flow.state == "ready"  # Space here never starts the set
    drive.key(K.Key_Escape)
    assert page.current_screen() is page.exercise_screen and not page.warm_up.running
    drive.key(K.Key_W)  # still offered: nothing was logged
    drive.key(K.Key_W)  # W again stops it
    assert page.current_screen() is page.exercise_screen


def test_the_warm_up_is_only_offered_before_the_first_set(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    drive.space()  # skip the rest
    assert page.exercise_screen.warm_up_offer.isHidden()
    drive.key(K.Key_W)
    assert page.current_screen() is page.exercise_screen
    drive.key(K.Key_S, Qt.KeyboardModifier.ShiftModifier)  # the next exercise: not offered
    assert page.exercise_screen.warm_up_offer.isHidden()


def test_skipping_the_first_set_during_the_warm_up_stops_it(drive) -> None:
    page = drive.page
    drive.start()
    drive.key(K.Key_W)
    drive.key(K.Key_S)
    assert page.current_screen() is page.exercise_screen and not page.warm_up.running
    assert not page.warm_up.driver.is_active


def test_the_gentle_day_offers_no_warm_up(drive) -> None:
    page = drive.page
    drive.start(pain="8")  # Enter at 7–10 starts the Gentle day
    assert page.plan.id == "gentle-day"
    assert page.exercise_screen.warm_up_offer.isHidden()
    drive.key(K.Key_W)
    assert page.current_screen() is page.exercise_screen
