"""The pain check-in drives the session (issue 11): no silent default, every level 0–10
from the keyboard, and what each band starts. Real window, fake clock, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.domain.checkin import NO_LEVEL_PROMPT
from tests.ui.session.test_hints_and_tray import seed

K = Qt.Key


def open_check_in(drive):  # type: ignore[no-untyped-def]
    drive.window.session.start()
    drive.enter()  # Strength, first and selected
    page = drive.page
    assert page.current_screen() is page.pain_screen and page.plan.id == "strength"
    return page.pain_screen


def test_enter_with_no_level_starts_nothing_and_says_so(drive) -> None:
    screen = open_check_in(drive)
    assert screen.level is None and screen.scale.number.text() == "–"
    assert not screen.confirm_button.isEnabled()
    assert screen.guidance.title.text() == NO_LEVEL_PROMPT
    drive.enter()
    drive.key(K.Key_Space)  # Space means Enter here: nothing either
    assert drive.page.current_screen() is screen
    assert drive.workouts().count_sessions() == 0
    assert screen.guidance.title.text() == NO_LEVEL_PROMPT
    assert screen.skip_button.text() == "Skip check-in  [Esc]"
    drive.key(K.Key_Escape)  # the one way on without a level
    session = drive.stored().session
    assert (session.plan_id, session.pain_before) == ("strength", None)
    assert drive.page.current_screen() is drive.page.exercise_screen


def test_pain_0_starts_the_plan_as_planned(drive, store) -> None:
    seed(store, 0, (12, 12, 12), pain=(2, 2))
    screen = open_check_in(drive)
    drive.type("0")
    assert screen.level == 0 and screen.scale.slider.value() == 0
    assert screen.confirm_button.isEnabled()
    assert screen.confirm_button.text() == "Start Strength session  [Enter]"
    assert not any(b.isVisibleTo(screen) for b in (screen.quick_button, screen.rest_button))
    drive.enter()
    assert drive.stored().session.pain_before == 0
    exercise = drive.page.exercise_screen
    assert exercise.values() == (12, 40.0)  # last time's load, not cut
    assert not exercise.load_note.isVisibleTo(exercise)


def test_pain_5_offers_every_load_lighter_and_no_more_load(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(3, 3))
    seed(store, 2, (15, 15, 15), pain=(3, 2))  # would earn "add load" on a good day
    screen = open_check_in(drive)
    drive.type("5")
    assert screen.confirm_button.text() == "Start Strength session, lighter  [Enter]"
    assert screen.guidance.note.text() == "lighter today: pain 5"
    assert screen.quick_button.isVisibleTo(screen)
    assert screen.quick_button.text() == "Quick add-on, lighter  [Q]"
    assert not screen.rest_button.isVisibleTo(screen)
    drive.enter()
    exercise = drive.page.exercise_screen
    assert drive.stored().session.pain_before == 5
    assert exercise.values() == (15, 30.0)  # 40 kg less 20 %, down to the 2.5 kg step
    assert exercise.load_note.text() == "lighter today: pain 5 (last time 40 kg)"
    panel = exercise.progression
    assert panel.property("kind") == "ease_off" and "could try" not in panel.text.text()
    assert "Your back is at 5 today, so no extra load" in panel.text.text()
    drive.do_set()
    assert drive.stored().sets[0].load_kg == 30.0
    drive.space()  # skip the rest: set 2 is offered lighter too
    assert exercise.values() == (15, 30.0)


def test_a_load_typed_today_is_not_cut_again(drive, store) -> None:
    seed(store, 0, (12,), pain=(2, 2))  # last time: one set only
    open_check_in(drive)
    drive.type("6")
    drive.enter()
    exercise = drive.page.exercise_screen
    assert exercise.values() == (12, 30.0)  # 40 × 0.8 = 32 → 30
    exercise.set_values(12, 27.5)  # the user's own number
    drive.do_set()
    drive.space()
    assert exercise.values() == (12, 27.5)


def test_a_skipped_check_in_suggests_no_more_load(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(3, 3))
    seed(store, 2, (15, 15, 15), pain=(3, 2))
    drive.start(pain=None)
    panel = drive.page.exercise_screen.progression
    assert panel.property("kind") == "ease_off" and "skipped today's check-in" in panel.text.text()
    assert drive.page.exercise_screen.values() == (15, 40.0)  # unknown pain: not lighter


def test_pain_8_offers_rest_and_anyway_never_as_default(drive, library) -> None:
    screen = open_check_in(drive)
    drive.type("8")
    assert screen.guidance.advice.text() == library.pain_band(8).advice
    assert screen.confirm_button.text() == "Start Gentle day  [Enter]"
    assert screen.rest_button.isVisibleTo(screen) and screen.anyway_button.isVisibleTo(screen)
    assert screen.anyway_button.text() == "Start Strength session anyway  [A]"
    assert not screen.quick_button.isVisibleTo(screen)
    assert (
        screen.guidance.note.text()
        == "Start Strength session anyway offers every load lighter too."
    )
    assert screen.red_flags_button.isVisibleTo(screen)
    drive.key(K.Key_R)
    page = drive.page
    assert page.current_screen() is page.notice_screen
    assert page.notice_screen.title.text() == "Rest today: nothing is recorded"
    flare = library.guidance.flare_up[0]
    assert flare.title in page.notice_screen.text.text()
    assert drive.workouts().count_sessions() == 0
    drive.enter()
    assert page.current_screen() is page.chooser


def test_pain_8_then_enter_runs_the_gentle_day(drive) -> None:
    open_check_in(drive)
    drive.type("8")
    drive.enter()
    page = drive.page
    session = drive.stored().session
    assert (session.plan_id, session.pain_before) == ("gentle-day", 8)
    assert page.exercise_screen.name.text() == "Diaphragmatic breathing"


def test_pain_8_start_anyway_is_lighter(drive, store) -> None:
    seed(store, 0, (12, 12, 12), pain=(2, 2))
    open_check_in(drive)
    drive.type("8")
    drive.key(K.Key_A)
    assert drive.stored().session.pain_before == 8
    assert drive.page.exercise_screen.values() == (12, 30.0)


def test_the_red_flag_link_opens_the_card(drive) -> None:
    open_check_in(drive)
    drive.type("9")
    drive.key(K.Key_F)
    window = drive.window
    assert window.current_page_key() == "guidance"
    assert drive.workouts().count_sessions() == 0


def test_pain_10_from_the_keyboard_and_up_down(drive) -> None:
    screen = open_check_in(drive)
    drive.type("1")
    drive.advance(0.5)
    drive.type("0")
    assert screen.level == 10
    assert screen.scale.slider.value() == 10 and screen.scale.number.text() == "10"
    drive.key(K.Key_Down)
    assert (screen.level, screen.scale.slider.value(), screen.scale.number.text()) == (9, 9, "9")
    drive.key(K.Key_Up)
    drive.key(K.Key_Up)  # stops at 10
    assert screen.level == 10 and screen.scale.number.text() == "10"
    drive.type("1")
    drive.advance(1.5)  # too late for 10: the 0 is a 0
    drive.type("0")
    assert screen.level == 0 and screen.scale.slider.value() == 0
    drive.type("1")
    drive.type("0")
    assert screen.level == 10
    assert screen.red_flags_button.isVisibleTo(screen)
    drive.key(K.Key_A)
    assert drive.stored().session.pain_before == 10


def test_up_from_no_level_picks_0_on_the_slider(drive) -> None:
    screen = open_check_in(drive)
    drive.key(K.Key_Up)
    assert screen.level == 0 and screen.scale.number.text() == "0"
    drive.key(K.Key_Up)
    assert screen.level == 1 and screen.scale.slider.value() == 1


def test_enter_after_the_session_needs_a_level_too(drive) -> None:
    drive.start(pain="2")
    drive.key(K.Key_E, Qt.KeyboardModifier.ControlModifier)  # end early; Enter confirms
    page = drive.page
    assert page.current_screen() is page.pain_screen and page.pain_screen.after
    drive.enter()
    assert page.current_screen() is page.pain_screen  # nothing saved yet
    drive.type("1")
    drive.type("0")
    drive.enter()
    assert page.current_screen() is page.summary_screen
    assert drive.stored().session.pain_after == 10


def test_pain_that_rose_after_last_time_suggests_no_more_load(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(3, 3))
    seed(store, 2, (15, 15, 15), pain=(2, 3))  # up by 1 after the last session
    drive.start(pain="1")  # a good day today
    panel = drive.page.exercise_screen.progression
    assert panel.property("kind") != "add_load"
    assert "could try" not in panel.text.text()
