"""The animation runs on the injected clock, pauses and steps, and stops when hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.ui.figures.panel import FigurePanel
from backleg_desktop.ui.figures.view import FigureView
from tests.support.clock import FakeClock


def shown_view(qtbot, library, clock: FakeClock, exercise_id: str = "goblet-squat") -> FigureView:  # type: ignore[no-untyped-def]
    view = FigureView(clock)
    qtbot.addWidget(view)
    view.set_figure(library.figures.get(exercise_id))
    view.resize(320, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_animation_moves_only_when_the_clock_does(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    view = shown_view(qtbot, library, clock)
    view.play()
    assert view.is_running
    before = view.pose()
    qtbot.wait(200)  # the repaint timer fires several times; the clock stands still
    view.tick()
    assert view.pose() == before
    assert view.position == 0.0
    clock.advance(3.0)  # 2 s at the top, then 1 s into the 2.5 s way down
    view.tick()
    assert view.position == 3.0
    assert view.phase == 1  # going down to the bottom
    assert view.pose() != before
    view.set_figure(None)
    assert not view.is_running


def test_the_phase_follows_the_tempo_and_loops(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    view = shown_view(qtbot, library, clock)
    figure = library.figures.get("goblet-squat")
    phases = []
    view.phase_changed.connect(phases.append)
    view.play()
    for _ in range(int(figure.duration * 2 * 10)):
        clock.advance(0.1)
        view.tick()
    view.pause()
    assert phases[:3] == [1, 0, 1]


def test_pause_and_step_by_frame(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    view = shown_view(qtbot, library, clock)
    figure = library.figures.get("goblet-squat")
    view.play()
    clock.advance(3.0)  # on the way down
    view.tick()
    view.pause()
    assert not view.is_running
    clock.advance(5.0)
    view.tick()
    assert view.position == 3.0  # paused: time passing changes nothing
    view.step(1)  # the next position: the bottom
    assert view.pose() == figure.turn_pose
    view.step(1)
    assert view.pose() == figure.start_pose
    view.step(-1)
    assert view.pose() == figure.turn_pose
    assert not view.is_playing


def test_hiding_stops_the_timer_and_showing_resumes_where_it_was(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    view = shown_view(qtbot, library, clock)
    view.play()
    clock.advance(1.5)
    view.tick()
    view.hide()
    assert not view.is_running
    clock.advance(60.0)  # hidden for a minute
    view.show()
    qtbot.waitExposed(view)
    assert view.is_running
    assert view.position == 1.5
    view.pause()


def test_the_panel_highlights_the_cue_of_the_phase_and_takes_its_keys(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    panel = FigurePanel(clock)
    qtbot.addWidget(panel)
    exercise = library.exercise("reverse-lunge")
    panel.set_figure(library.figures.get(exercise.id), exercise.cues)
    panel.resize(600, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.play()
    assert panel.current_cue().endswith(exercise.cues[0])  # stand tall
    assert [r.number for r in panel.rows] == [1, 2, 3, 5]  # each cue once
    clock.advance(1.5 + 0.5)  # stand, then half-way through the step back
    panel.view.tick()
    assert panel.current_cue().endswith(exercise.cues[1])  # "...both knees to about 90"
    clock.advance(1.0)  # lowering: the back knee floats just off the floor
    panel.view.tick()
    assert panel.current_cue().endswith(exercise.cues[2])
    assert panel.play_button.text() == "Pause"
    qtbot.keyClick(panel, Qt.Key.Key_K)  # no holder passes keys to a bare panel
    assert panel.view.is_playing
    panel.toggle()
    assert not panel.view.is_playing
    assert panel.play_button.text() == "Play"
    panel.step(1)  # to the bottom
    assert panel.current_cue().endswith(exercise.cues[2])
    assert panel.view.pose() == library.figures.get(exercise.id).turn_pose
    panel.step(1)
    assert panel.current_cue().endswith(exercise.cues[4])  # drive back up


def test_the_phase_cues_beside_the_figure_read_in_the_exercise_order(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    """The split-stance RDL's loop starts standing tall (cue 6, coming back up), so listed
    in loop order it read 6, 3, 5; the list follows the exercise's own numbering."""
    panel = FigurePanel(FakeClock())
    qtbot.addWidget(panel)
    for exercise_id in sorted(library.figures.figures):
        exercise = library.exercise(exercise_id)
        panel.set_figure(library.figures.get(exercise_id), exercise.cues)
        numbers = [row.number for row in panel.rows]
        assert numbers == sorted(set(numbers)), (exercise_id, numbers)
    exercise = library.exercise("split-stance-rdl")
    panel.set_figure(library.figures.get(exercise.id), exercise.cues)
    assert [row.number for row in panel.rows] == [3, 5, 6]
    panel.play()
    assert panel.current_cue().endswith(exercise.cues[5])  # the tall start is still marked
