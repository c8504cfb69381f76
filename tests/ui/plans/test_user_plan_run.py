"""A plan made in the editor, started from Ctrl+N and run to the end: a timed hold, a
one-leg move done per leg after a warm-up set, and a plain set; then History has it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.plans.conftest import activate, add_exercise, new_editor
from tests.ui.plans.test_chooser import type_keys
from tests.ui.session.conftest import Driver, FakeAlert

MAX_STEPS = 40  # far more key presses than the plan needs: a loop that never ends fails


def make_plan(qtbot, window, store):  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, window)
    qtbot.keyClicks(editor.name, "Hotel room")
    for words in ("wall squat", "reverse lunge", "glute bridge"):
        add_exercise(qtbot, editor, words)
    form = editor.form
    for row, edits in enumerate(
        [
            {"mode": "hold", "hold": "20", "sets": "1", "rest": "30"},
            {"sets": "1", "reps": "6", "warmup_sets": 1, "note": "Hold the wall"},
            {"sets": "1", "reps": "10", "rest": "30"},
        ]
    ):
        editor.list.setCurrentIndex(editor.model.index(row))
        for name, value in edits.items():
            if name == "mode":
                form.mode.setCurrentIndex(form.mode.findData(value))
                form.mode.activated.emit(form.mode.currentIndex())
            elif name == "warmup_sets":
                form.warmup.setValue(value)
            else:
                field = getattr(form, name)
                field.selectAll()
                qtbot.keyClicks(field, str(value))
    assert editor.model.item(1).per_leg  # a one-leg move is per leg from the start
    assert editor.save_button.isEnabled(), editor.problems
    editor.save()
    (plan,) = store.plans.all()
    return plan


def test_a_plan_of_your_own_runs_to_the_end(qtbot, window, store, fake_clock) -> None:
    plan = make_plan(qtbot, window, store)
    drive = Driver(qtbot, window, fake_clock)
    drive.page._alert = FakeAlert()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "hotel")
    drive.enter()
    page = drive.page
    assert page.plan.id == plan.id
    drive.type("2")
    drive.enter()  # pain 2: the plan as it is
    for _ in range(MAX_STEPS):
        screen = page.current_screen()
        if screen is page.exercise_screen:
            drive.do_set(25)
        elif screen is page.rest_screen:
            drive.space()  # the rest cut short
        else:
            break
    assert page.current_screen() is page.pain_screen and page.pain_screen.after
    drive.type("1")
    drive.enter()
    assert page.current_screen() is page.summary_screen

    stored = drive.stored()
    assert (stored.session.plan_id, stored.session.name) == (plan.id, "Hotel room")
    done = [(s.exercise_id, s.side, s.kind) for s in stored.sets]
    assert done == [
        ("wall-squat", "both", "working"),
        ("reverse-lunge", "left", "warmup"),
        ("reverse-lunge", "right", "warmup"),
        ("reverse-lunge", "left", "working"),
        ("reverse-lunge", "right", "working"),
        ("glute-bridge", "both", "working"),
    ]
    hold = stored.sets[0]
    assert hold.reps is None and hold.duration_s is not None and hold.duration_s >= 20
    window.show_page("history")
    history = window.history_page
    qtbot.waitUntil(lambda: history.model is not None and history.model.rowCount() == 1)
    assert history.model.summary_at(0).session.name == "Hotel room"
