"""The exercise's animation beside the cues: it plays during a set and stops at rest."""

from __future__ import annotations


def test_during_a_set_the_figure_plays_next_to_the_cues(drive) -> None:  # type: ignore[no-untyped-def]
    drive.start()
    screen = drive.page.exercise_screen
    figure = screen.illustration.figure
    assert figure.view.figure is drive.window.library.figures.get("leg-extension")
    assert not figure.view.is_playing  # ready, not started: the start position
    drive.space()  # start the set
    assert figure.view.is_running
    before = figure.view.position
    drive.advance(2.0)
    figure.view.tick()
    assert figure.view.position == before + 2.0
    drive.space()  # log it: the rest screen hides the exercise screen
    assert drive.page.current_screen() is drive.page.rest_screen
    assert not figure.view.is_running
