"""The gentle day through the real window: timed holds count down on the fake clock,
Space ends one early, and each hold's time is what the database and History show."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.ui.session.screens import ordered_plans

K = Qt.Key


def start_gentle_day(drive, pain: str = "8") -> None:  # type: ignore[no-untyped-def]
    drive.window.session.start()
    drive.enter()  # Strength is chosen; the check-in at 7+ starts the gentle day
    drive.type(pain)
    drive.enter()
    assert drive.page.plan.id == "gentle-day"


def test_strength_stays_first_and_selected_in_the_chooser(drive, library) -> None:
    assert [p.id for p in ordered_plans(library)] == [
        "strength",
        "quick-add-on",
        "gentle-day",
        "home-bodyweight",
    ]
    drive.window.session.start()
    assert drive.page.chooser.selected_plan_id() == "strength"
    assert "Gentle day" in drive.page.chooser.plans.item(2).text()


def test_a_hold_counts_down_and_logs_its_full_time(drive) -> None:
    start_gentle_day(drive)
    page, screen = drive.page, drive.page.exercise_screen
    assert screen.target.text().startswith("Hold: 60 s")
    assert not screen.reps.isVisibleTo(screen) and not screen.load.isVisibleTo(screen)
    assert screen.primary_button.text() == "Start hold  [Space]"
    drive.space()
    assert screen.timer.text() == "1:00" and screen.primary_button.text() == "End hold  [Space]"
    drive.advance(20)
    assert screen.timer.text() == "0:40"  # counts down
    assert drive.window.windowTitle().startswith("0:40 · Hold")
    drive.advance(41)  # the deadline passes: logged without a key
    assert page.current_screen() is page.rest_screen
    [held] = drive.stored().sets
    assert (held.exercise_id, held.reps, held.load_kg) == ("diaphragmatic-breathing", None, None)
    assert held.duration_s == 60.0
    assert page.rest_screen.logged_text.text().endswith("held 60 s")
    assert not page.rest_screen.reps.isVisibleTo(page.rest_screen)


def test_space_ends_a_hold_early_with_the_time_held(drive) -> None:
    start_gentle_day(drive)
    drive.space()
    drive.advance(25.4)
    drive.space()
    [held] = drive.stored().sets
    assert held.reps is None and round(held.duration_s) == 25


def test_the_gentle_day_runs_to_the_end_and_history_shows_the_holds(drive) -> None:
    start_gentle_day(drive, pain="10")
    page = drive.page
    logged = 0
    while page.flow.state != "finished":
        step = page.flow.current_step
        drive.space()  # start the set or the hold
        drive.advance(61 if step.is_hold else 30)  # a hold ends on its own
        if page.flow.state == "in_set":
            drive.space()  # log the reps set
        logged += 1
        if page.flow.state == "resting":
            drive.advance(31)  # rests are short (30 s at most) and run out
    assert logged == 10
    drive.space()  # finish
    drive.type("3")
    drive.enter()
    detail = drive.stored()
    assert detail.session.status == "completed" and detail.session.plan_id == "gentle-day"
    holds = [s for s in detail.sets if s.exercise_id == "diaphragmatic-breathing"]
    assert [(s.reps, s.duration_s) for s in holds] == [(None, 60.0), (None, 60.0)]
    assert all(s.reps is not None for s in detail.sets if s not in holds)
    assert all(s.load_kg is None for s in detail.sets)
    assert page.summary_screen.values["sets"].text() == "10 of 10"

    from backleg_desktop.ui.history.sets_model import REPS, SetsTableModel

    model = SetsTableModel(lambda i: i, lambda *_: False)
    model.set_detail(detail)
    shown = [model.index(r, REPS).data() for r in range(model.rowCount())]
    assert shown.count("held 60 s") == 2
