"""How is your back? after an exercise's last set (issue 11): optional digits on the
rest screen, stored per exercise, and a rise of 2+ offers the gentle day or ending."""

from __future__ import annotations

from PySide6.QtCore import Qt

K = Qt.Key


def finish_leg_extension(drive) -> None:  # type: ignore[no-untyped-def]
    """Three sets of leg extensions, skipping the first two rests: the third rest runs."""
    for number in (1, 2, 3):
        drive.do_set()
        assert drive.page.flow.state == "resting"
        if number < 3:
            assert not drive.page.rest_screen.back.asking  # not the exercise's last set
            drive.type("7")  # no question open: digits do nothing here
            drive.space()


def test_no_answer_blocks_nothing(drive) -> None:
    drive.start(pain="2")
    finish_leg_extension(drive)
    page, back = drive.page, drive.page.rest_screen.back
    assert back.asking and back.isVisibleTo(page.rest_screen)
    assert back.title.text() == "How is your back?"
    drive.advance(46)  # the rest runs out unanswered
    assert page.flow.state == "ready" and page.exercise_screen.name.text() == "Goblet squat"
    assert drive.workouts().exercise_pains(page.recorder.session_id) == {}


def test_a_small_rise_is_stored_and_offers_nothing(drive) -> None:
    drive.start(pain="2")
    finish_leg_extension(drive)
    page, back = drive.page, drive.page.rest_screen.back
    drive.type("3")
    assert back.level.text() == "3"
    assert drive.workouts().exercise_pains(page.recorder.session_id) == {"leg-extension": 3}
    assert not back.offer_text.isVisibleTo(back) and not back.offers_gentle_day
    assert page.rest_driver.is_active  # the rest carries on
    drive.key(K.Key_G)
    assert page.plan.id == "strength"
    drive.type("1")
    drive.type("0")  # changed its mind: 10 replaces 3
    assert drive.workouts().exercise_pains(page.recorder.session_id) == {"leg-extension": 10}


def test_a_rise_of_2_offers_the_gentle_day_and_g_switches(drive) -> None:
    drive.start(pain="2")
    finish_leg_extension(drive)
    page, back = drive.page, drive.page.rest_screen.back
    first = page.recorder.session_id
    drive.type("5")
    assert "from 2 at the check-in to 5" in back.offer_text.text()
    assert back.gentle_button.isVisibleTo(back) and back.end_button.isVisibleTo(back)
    drive.key(K.Key_G)
    earlier = drive.workouts().session_detail(first)
    assert earlier.session.status == "ended_early" and len(earlier.sets) == 3
    assert drive.workouts().exercise_pains(first) == {"leg-extension": 5}
    session = drive.stored().session
    assert (session.plan_id, session.pain_before) == ("gentle-day", 5)
    assert page.current_screen() is page.exercise_screen
    assert page.exercise_screen.name.text() == "Diaphragmatic breathing"


def test_digits_in_the_correction_box_stay_there(drive) -> None:
    drive.start(pain="2")
    finish_leg_extension(drive)
    rest = drive.page.rest_screen
    rest.reps.setFocus()
    rest.reps.selectAll()
    drive.type("9")
    assert rest.reps.lineEdit().text() == "9"
    assert rest.back.level.text() == "–"


def test_history_shows_the_answer_per_exercise(drive, qtbot) -> None:
    drive.start(pain="2")
    finish_leg_extension(drive)
    drive.type("4")
    session_id = drive.page.recorder.session_id
    window = drive.window
    window.show_page("history")
    history = window.history_page
    history.show_session(session_id)
    assert "back after Leg extension 4" in history.detail.meta.text()


def seed_goblet_squats(store) -> None:  # type: ignore[no-untyped-def]
    """Two earlier sessions with every goblet squat set at the top of 8–10, pain 2 → 2."""
    from datetime import UTC, datetime, timedelta

    from backleg_desktop.domain.history import SetEntry

    workouts = store.workouts
    for day in (4, 2):
        start = datetime.now(UTC) - timedelta(days=day)
        session = workouts.start_session("strength", pain_before=2, started_at=start)
        for number in (1, 2, 3):
            done = start + timedelta(minutes=2 * number)
            entry = SetEntry("goblet-squat", number, reps=10, load_kg=16.0, completed_at=done)
            workouts.log_set(session.id, entry)
        workouts.finish_session(session.id, pain_after=2, ended_at=start + timedelta(hours=1))


def test_without_an_answer_the_seed_earns_an_add_load_hint(drive, store) -> None:
    seed_goblet_squats(store)
    drive.start(pain="2")
    finish_leg_extension(drive)
    drive.space()  # skip the rest: goblet squat
    assert drive.page.exercise_screen.progression.property("kind") == "add_load"


def test_a_worse_back_after_an_exercise_suggests_no_more_load_on_the_next(drive, store) -> None:
    seed_goblet_squats(store)
    drive.start(pain="2")
    finish_leg_extension(drive)
    drive.type("4")  # up by 2: worse than the check-in
    drive.space()
    panel = drive.page.exercise_screen.progression
    assert drive.page.exercise_screen.name.text() == "Goblet squat"
    assert panel.property("kind") == "ease_off"
    assert "Your back is at 4 today, so no extra load" in panel.text.text()
