"""Whole sessions driven by keys through the real window, checked against the database."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def run_to_the_end(drive, set_seconds: float = 25) -> int:
    """Log every set with the prefilled values, skipping each rest; returns sets logged."""
    page = drive.page
    logged = 0
    while page.flow.state != "finished":
        if page.flow.state == "ready":
            drive.space()  # start; after a left side the right one is already running
        drive.advance(set_seconds)
        drive.space()
        logged += 1
        if page.flow.state == "resting":
            drive.advance(10)
            drive.space()  # skip the rest of the rest
    return logged


def test_strength_session_start_to_finish(drive) -> None:
    page = drive.page
    drive.start(pain="3")
    assert drive.window.current_page_key() == "session"
    logged = run_to_the_end(drive)
    # 3 + 3 + 3 two-legged sets, 3 alternating lunge sets (one Space logs both legs),
    # then 2 split-stance RDL sets logged side by side.
    assert logged == 9 + 3 + 4
    assert page.exercise_screen.status.text() == "All sets done"
    drive.space()  # finish
    assert page.current_screen() is page.pain_screen and page.pain_screen.after
    drive.type("1")
    assert page.pain_screen.scale.level == 1
    page.pain_screen.notes.setFocus()
    drive.type("Felt good 2day")  # digits and spaces go into the notes while typing there
    drive.enter()
    assert page.current_screen() is page.summary_screen

    detail = drive.workouts().session_detail(page.recorder.session_id)
    session = detail.session
    assert (session.status, session.pain_before, session.pain_after) == ("completed", 3, 1)
    assert session.notes == "Felt good 2day"
    assert session.plan_id == "strength" and session.ended_at is not None
    assert len(detail.sets) == 19
    assert all(s.duration_s == 25 for s in detail.sets)
    lunges = [(s.set_number, s.side) for s in detail.sets if s.exercise_id == "reverse-lunge"]
    assert lunges == [(n, side) for n in (1, 2, 3) for side in ("left", "right")]
    # Bottom of the range the first time; no load.
    extension = [s for s in detail.sets if s.exercise_id == "leg-extension"]
    assert [s.reps for s in extension] == [12, 12, 12]
    assert all(s.load_kg is None for s in extension)
    assert [s.rest_taken_s for s in extension[:2]] == [10, 10]
    assert extension[0].rest_planned_s == 45

    values = page.summary_screen.values
    assert values["sets"].text() == "14 of 14"
    assert values["pain"].text() == "3 → 1"
    assert page.summary_screen.heading.text() == "Session complete"
    drive.enter()
    assert page.current_screen() is page.chooser


def test_quick_add_on_is_second_and_runs_to_the_end(drive) -> None:
    page = drive.page
    names = [page.chooser.plans.item(r).text().split("\n")[0] for r in range(2)]
    assert names == ["Strength session", "Quick add-on"]
    drive.start(plan_index=1, pain=None)  # check-in skipped with Esc
    assert page.plan.id == "quick-add-on"
    assert run_to_the_end(drive, 15) == 2 + 2 + 4
    drive.space()
    drive.key(Qt.Key.Key_Escape)  # pain after skipped
    detail = drive.workouts().session_detail(page.recorder.session_id)
    assert detail.session.status == "completed"
    assert (detail.session.pain_before, detail.session.pain_after) == (None, None)
    assert page.summary_screen.values["pain"].text() == "– → –"


def test_one_leg_sets_go_left_then_right_without_rest(drive) -> None:
    page = drive.page
    drive.start()
    for _ in range(4):  # past leg extension, goblet squat, leg curl, reverse lunge
        drive.key(Qt.Key.Key_S, SHIFT)
    screen = page.exercise_screen
    assert screen.name.text() == "Split-stance Romanian deadlift"
    assert (screen.side.text(), screen.target.text()) == ("Left leg", "Target: 8–10 reps per leg")
    assert screen.how.text() == "Do all 8–10 reps on one leg, then the same on the other."
    assert screen.next_label.text() == "Next: right leg, no rest"
    drive.space()
    drive.advance(12)
    assert screen.timer.text() == "0:12"
    drive.space()  # left logged: straight on to the right
    assert page.flow.state == "in_set"
    assert page.current_screen() is screen and screen.side.text() == "Right leg"
    assert screen.timer.text() == "0:00"
    drive.advance(14)
    drive.space()  # right logged: now the rest
    assert page.current_screen() is page.rest_screen
    sets = drive.stored().sets
    assert [(s.side, s.duration_s, s.rest_planned_s) for s in sets] == [
        ("left", 12, None),
        ("right", 14, 60),
    ]


def test_rest_runs_out_alerts_and_says_ready(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set(30)
    ring = page.rest_screen.ring
    assert ring.text == "0:45" and drive.window.windowTitle() == "0:45 · Rest · Backleg"
    drive.advance(0.5)
    assert ring.text == "0:45"
    drive.advance(0.5)
    assert ring.text == "0:44" and drive.window.windowTitle() == "0:44 · Rest · Backleg"
    drive.advance(44)
    assert page.current_screen() is page.exercise_screen
    assert page.exercise_screen.status.text() == "Ready for set 2"
    assert drive.window.windowTitle() == "Rest over · Backleg"  # issue 11: the title says so
    assert page.alert.fired == [("Rest is over", "Ready for set 2: Leg extension")]
    assert drive.stored().sets[0].rest_taken_s == 45
    assert not page.rest_driver.is_active


def test_pause_and_adjust_the_rest(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    ring = page.rest_screen.ring
    drive.advance(5)
    assert ring.text == "0:40"
    drive.key(Qt.Key.Key_P)
    assert page.flow.rest_timer.is_paused and ring.caption == "Paused"
    drive.advance(100)  # paused: nothing moves, the rest does not end
    assert ring.text == "0:40" and page.flow.state == "resting"
    drive.key(Qt.Key.Key_P)
    assert ring.caption == "Rest"
    drive.key(Qt.Key.Key_Plus, SHIFT)
    assert ring.text == "0:55" and drive.window.windowTitle() == "0:55 · Rest · Backleg"
    drive.key(Qt.Key.Key_Minus)
    drive.key(Qt.Key.Key_Minus)
    assert ring.text == "0:25"
    drive.advance(25)
    assert page.flow.state == "ready"
    # 5 s + 100 s paused + 25 s: paused time is still rest taken.
    assert drive.stored().sets[0].rest_taken_s == 130


def test_removing_more_rest_than_is_left_ends_it(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    drive.advance(40)
    drive.key(Qt.Key.Key_Minus)
    assert page.flow.state == "ready"
    assert page.exercise_screen.status.text() == "Ready for set 2"
    assert len(page.alert.fired) == 1


def test_the_set_just_logged_can_be_corrected_while_resting(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    rest = page.rest_screen
    assert rest.reps.value() == 12
    rest.reps.setValue(14)
    rest.load.setValue(22.5)
    stored = drive.stored().sets[0]
    assert (stored.reps, stored.load_kg) == (14, 22.5)
    assert rest.correction_status.text() == "Corrected and saved."
    drive.space()  # skip the rest: set 2 starts from the corrected values
    assert page.exercise_screen.values() == (14, 22.5)


def test_values_shown_are_the_values_logged(drive) -> None:
    page = drive.page
    drive.start()
    page.exercise_screen.reps.setFocus()
    drive.key(Qt.Key.Key_Up)  # 13 reps: the spin box has focus and takes its arrows
    page.exercise_screen.load.setValue(30)
    drive.do_set()
    stored = drive.stored().sets[0]
    assert (stored.reps, stored.load_kg) == (13, 30)


def test_prefill_comes_from_last_time(drive) -> None:
    page = drive.page
    drive.start()
    page.exercise_screen.set_values(15, 35.0)
    drive.do_set()
    drive.key(Qt.Key.Key_E, CTRL)  # end early; the confirmation defaults to yes
    drive.key(Qt.Key.Key_Escape)
    drive.enter()
    drive.start()
    assert page.exercise_screen.values() == (15, 35.0)


def test_space_with_a_focused_button_or_spin_box_is_the_primary_action(drive) -> None:
    page = drive.page
    drive.start()
    button = page.exercise_screen.primary_button
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as if a user tabbed onto it
    button.setFocus()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    drive.space()
    assert page.flow.state == "in_set" and clicks == []  # one action, not a click too
    page.exercise_screen.load.setFocus()
    drive.advance(3)
    drive.space()
    assert page.flow.state == "resting"
    assert len(drive.stored().sets) == 1
    # A held Space repeats; it must not skip the rest it just started.
    held = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True
    )
    QApplication.sendEvent(drive.target(), held)
    assert page.flow.state == "resting"
    page.chooser.rest_choice.setFocus()  # hidden screen's combo; Space still skips the rest
    drive.space()
    assert page.flow.state == "ready"


def test_skip_set_and_skip_exercise_store_nothing_for_what_was_skipped(drive) -> None:
    page = drive.page
    drive.start()
    drive.key(Qt.Key.Key_S)  # skip leg extension set 1
    assert page.exercise_screen.set_label.text() == "Set 2 of 3"
    drive.do_set()
    drive.key(Qt.Key.Key_S, SHIFT)  # skip the rest of leg extension, from the rest screen
    assert page.current_screen() is page.exercise_screen
    assert page.exercise_screen.name.text() == "Goblet squat"
    sets = drive.stored().sets
    assert [(s.exercise_id, s.set_number) for s in sets] == [("leg-extension", 2)]
    assert sets[0].rest_taken_s == 0  # the rest was cut short by the skip
    assert page.flow.progress() == (1, 16)
    assert page.progress.text().endswith("1 of 14 sets logged")


def test_undo_deletes_the_last_set_from_the_database(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    drive.space()
    drive.do_set()
    assert len(drive.stored().sets) == 2
    drive.key(Qt.Key.Key_Z, CTRL)  # during the rest after set 2
    assert page.current_screen() is page.exercise_screen
    assert page.exercise_screen.set_label.text() == "Set 2 of 3"
    assert drive.window.windowTitle() == "Backleg"
    assert [s.set_number for s in drive.stored().sets] == [1]
    drive.key(Qt.Key.Key_Z, CTRL)
    drive.key(Qt.Key.Key_Z, CTRL)  # nothing left: harmless
    assert drive.stored().sets == ()
    assert page.message.text() == "Nothing to undo yet."


def test_stop_for_sharp_pain_records_where(drive, answers) -> None:
    page = drive.page
    drive.start()
    drive.key(Qt.Key.Key_S, SHIFT)  # to goblet squat
    drive.do_set()
    drive.space()
    drive.space()  # set 2 under way
    drive.advance(4)
    answers.append(QMessageBox.StandardButton.No)
    drive.key(Qt.Key.Key_P, CTRL | SHIFT)
    assert page.flow.state == "in_set"  # said no: carry on
    drive.key(Qt.Key.Key_P, CTRL | SHIFT)
    assert [title for title, _default in answers.asked] == ["Stop: sharp pain"] * 2
    assert page.current_screen() is page.pain_screen and page.pain_screen.after
    drive.type("7")
    drive.enter()
    session = drive.workouts().session_detail(page.recorder.session_id).session
    assert session.status == "stopped_pain"
    assert (session.stop_exercise_id, session.stop_set_number) == ("goblet-squat", 2)
    assert session.pain_after == 7
    assert "goblet" in page.summary_screen.subheading.text().lower()
    assert page.summary_screen.heading.text() == "Stopped for sharp pain"
    assert not page.set_driver.is_active


def test_end_early_with_enter_meaning_yes(drive, answers) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    drive.key(Qt.Key.Key_E, CTRL)
    assert answers.asked == [("End session", QMessageBox.StandardButton.Yes)]
    assert drive.window.windowTitle() == "Backleg"
    assert page.current_screen() is page.pain_screen
    drive.key(Qt.Key.Key_Escape)  # pain after is skippable
    detail = drive.workouts().session_detail(page.recorder.session_id)
    assert detail.session.status == "ended_early" and detail.session.pain_after is None
    assert len(detail.sets) == 1 and detail.sets[0].rest_taken_s == 0
    assert page.summary_screen.values["sets"].text() == "1 of 14"
    assert not page.rest_driver.is_active


def test_pain_check_in_keys_guidance_and_switching_plans(drive, library) -> None:
    # Changed by issue 11: Q is the quick add-on at 4–6 only, and it starts it lighter
    # at once (it used to switch at any level and wait for Enter).
    page = drive.page
    drive.window.session.start()
    drive.enter()  # Strength
    screen = page.pain_screen
    assert screen.guidance.title.text().startswith("Choose how your back feels")
    drive.type("2")
    assert screen.guidance.title.text() == library.pain_band(2).title
    assert not screen.quick_button.isVisibleTo(screen)
    drive.type("8")
    assert screen.scale.level == 8 and screen.scale.slider.value() == 8
    assert screen.guidance.advice.text() == library.pain_band(8).advice
    assert not screen.quick_button.isVisibleTo(screen)
    drive.key(Qt.Key.Key_Q)  # not on offer at 8: nothing happens
    assert page.plan.id == "strength"
    screen.scale.slider.setValue(5)  # the slider and the number agree
    assert screen.level == 5 and screen.scale.number.text() == "5"
    assert screen.quick_button.isVisibleTo(screen)
    assert drive.workouts().in_progress_session() is None  # nothing stored yet
    drive.key(Qt.Key.Key_Q)
    session = drive.stored().session
    assert (session.plan_id, session.pain_before) == ("quick-add-on", 5)
    assert page.controller.lighter_pain == 5


def test_sharp_pain_at_the_check_in_means_stop(drive, library) -> None:
    page = drive.page
    drive.window.session.start()
    drive.enter()
    drive.key(Qt.Key.Key_P, CTRL | SHIFT)
    assert page.current_screen() is page.notice_screen
    assert page.notice_screen.text.text() == library.guidance.sharp_pain
    assert drive.workouts().count_sessions() == 0
    drive.enter()
    assert page.current_screen() is page.chooser


def test_rest_setting_is_kept_in_the_window_settings(drive) -> None:
    page = drive.page
    page.chooser.rest_choice.setCurrentIndex(1)  # middle of the range
    assert drive.window.settings.value("session/rest_choice") == "middle"
    drive.start()
    drive.do_set()
    assert page.rest_screen.ring.text == "0:52"  # leg extension rests 45–60 s
    assert drive.stored().sets[0].rest_planned_s == 52


def test_cues_step_with_left_and_right(drive, library) -> None:
    page = drive.page
    drive.start()
    cues = page.exercise_screen.cues
    assert cues.count == len(library.exercise("leg-extension").cues)
    assert cues.current == 0
    drive.key(Qt.Key.Key_Right)
    drive.key(Qt.Key.Key_Right)
    assert cues.current_text() == library.exercise("leg-extension").cues[2]
    drive.key(Qt.Key.Key_Left)
    assert cues.current == 1


def test_keyboard_shortcuts_dialog_lists_the_keys(drive) -> None:
    drive.window.session.shortcuts_action.trigger()
    dialog = drive.window.session.shortcuts_dialog
    keys = dialog.keys()
    for needed in (
        "Ctrl+N",
        "Space",
        "P",
        "+ (or =)",
        "− (or -)",
        "Ctrl+Z",
        "Ctrl+E",
        "0 – 9",
        "Ctrl+Shift+P",
    ):
        assert needed in keys
    dialog.close()


def test_session_is_first_in_the_sidebar_and_ctrl_n_opens_it(drive) -> None:
    window = drive.window
    assert window.sidebar.keys()[0] == "session"
    assert window.current_page_key() == "exercises"
    drive.key(Qt.Key.Key_N, CTRL)
    assert window.current_page_key() == "session"
    assert drive.page.current_screen() is drive.page.chooser
