"""The exercise screen's progression hint, from a real seeded store, and the tray
notification when a rest ends while the window is in the background."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.ui import alerts, session_tray
from tests.support.tray import FakeTray

FIRST_DAY = datetime(2026, 3, 2, 18, tzinfo=UTC)


def seed(store, day: int, reps: tuple[int, ...], pain: tuple[int, int], plan="strength") -> None:  # type: ignore[no-untyped-def]
    """A finished session `day` days after FIRST_DAY with leg extensions at 40 kg."""
    workouts = store.workouts
    start = FIRST_DAY + timedelta(days=day)
    session = workouts.start_session(plan, pain_before=pain[0], started_at=start)
    for number, count in enumerate(reps, start=1):
        done = start + timedelta(minutes=2 * number)
        entry = SetEntry("leg-extension", number, reps=count, load_kg=40.0, completed_at=done)
        workouts.log_set(session.id, entry)
    workouts.finish_session(session.id, pain_after=pain[1], ended_at=start + timedelta(hours=1))


def hint_panel(drive):  # type: ignore[no-untyped-def]
    return drive.page.exercise_screen.progression


def test_two_sessions_at_the_top_without_more_pain_suggest_a_little_more_load(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(3, 3))
    seed(store, 2, (15, 15, 15), pain=(3, 2))
    drive.start()
    page, panel = drive.page, hint_panel(drive)
    assert page.exercise_screen.name.text() == "Leg extension"
    assert panel.isVisible() and panel.property("kind") == "add_load"
    text = panel.text.text()
    assert text.startswith("Every set reached 15 reps in your last two sessions")
    assert "your pain did not rise" in text and "you could try about 2 kg more (42 kg)" in text
    assert page.exercise_screen.values() == (15, 40.0)  # the hint suggests; it never sets

    drive.do_set()  # the hint stays with the exercise through its sets
    drive.space()  # skip the rest
    assert page.exercise_screen.set_label.text() == "Set 2 of 3" and panel.isVisible()


def test_a_pain_rise_after_last_time_suggests_the_quick_add_on(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(2, 2))
    seed(store, 2, (15, 15, 15), pain=(2, 4))
    drive.start()
    panel = hint_panel(drive)
    assert panel.isVisible() and panel.property("kind") == "ease_off"
    text = panel.text.text()
    assert "Your pain went from 2 to 4 after the last session with this exercise" in text
    assert "you might choose the Quick add-on or an easier option" in text
    assert "could try" not in text


def test_in_the_quick_add_on_the_ease_off_hint_does_not_suggest_the_plan_itself(
    drive, store
) -> None:
    seed(store, 0, (15, 15), pain=(2, 5), plan="quick-add-on")
    drive.start(plan_index=1)
    assert drive.page.plan.id == "quick-add-on"
    text = hint_panel(drive).text.text()
    assert "from 2 to 5" in text and "Quick add-on" not in text and "easier option" in text


def test_no_history_no_hint_and_none_for_an_exercise_without_one(drive, store) -> None:
    drive.start()
    panel = hint_panel(drive)
    assert not panel.isVisible()
    drive.do_set()  # still none after a set: nothing to suggest without a history
    drive.space()
    assert drive.page.exercise_screen.set_label.text() == "Set 2 of 3"
    assert not panel.isVisible()


def test_the_hint_goes_when_the_next_exercise_has_none(drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(3, 3))
    seed(store, 2, (15, 15, 15), pain=(3, 3))
    drive.start()
    panel = hint_panel(drive)
    assert panel.isVisible()
    drive.key(Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # skip exercise
    assert drive.page.exercise_screen.name.text() == "Goblet squat"
    assert not panel.isVisible()


# -- the tray notification ---------------------------------------------------------------


@pytest.fixture
def real_alert(drive, monkeypatch):  # type: ignore[no-untyped-def]
    """The page's own RestAlert, on a desktop with a tray, with sound and taskbar recorded."""
    FakeTray.made = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(alerts, "QSystemTrayIcon", FakeTray)
    monkeypatch.setattr(session_tray, "QSystemTrayIcon", FakeTray)  # the session's own icon
    beeps: list[int] = []
    alerted: list[object] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda w, ms=0: alerted.append(w)))
    monkeypatch.setattr(alerts, "_import_multimedia", _no_multimedia)
    alerts._reset_multimedia_cache()
    drive.page._alert = None  # built on first use, as in the app
    yield beeps, alerted
    alerts._reset_multimedia_cache()


def _no_multimedia():  # type: ignore[no-untyped-def]
    raise ImportError("no libpulse here")


def test_rest_over_in_the_background_shows_a_notification_then_the_icon_goes(
    drive, real_alert, monkeypatch
) -> None:
    beeps, alerted = real_alert
    window, page = drive.window, drive.page
    drive.start()
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    drive.do_set()
    drive.advance(46)  # the 45 s rest is over
    assert page.exercise_screen.status.text() == "Ready for set 2"
    [tray] = FakeTray.made
    assert tray.messages == [("Rest is over", "Ready for set 2: Leg extension")]
    assert tray.isVisible() and not tray.icon().isNull()
    assert tray.icon().cacheKey() == window.windowIcon().cacheKey()
    assert beeps == [1] and alerted == [window]  # sound and taskbar alert as well

    drive.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # end session: Yes
    assert not tray.isVisible()  # the session ended: no icon left in the tray


def test_rest_over_in_front_shows_no_notification(drive, real_alert, monkeypatch) -> None:
    beeps, alerted = real_alert
    drive.start()
    monkeypatch.setattr(drive.window, "isActiveWindow", lambda: True)
    drive.do_set()
    drive.advance(46)
    assert drive.page.exercise_screen.status.text() == "Ready for set 2"
    [tray] = FakeTray.made  # the session's icon (ui/session_tray.py), and no message on it
    assert tray.messages == [] and beeps == [1] and alerted == [drive.window]


def test_without_a_system_tray_rest_over_still_alerts(drive, real_alert, monkeypatch) -> None:
    beeps, alerted = real_alert
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    monkeypatch.setattr(alerts, "QSystemTrayIcon", QSystemTrayIcon)
    drive.start()
    monkeypatch.setattr(drive.window, "isActiveWindow", lambda: False)
    drive.do_set()
    drive.advance(46)
    assert drive.page.exercise_screen.status.text() == "Ready for set 2"
    assert FakeTray.made == [] and beeps == [1] and alerted == [drive.window]
    assert drive.page.alert.tray is None


def test_the_last_three_seconds_of_a_rest_beep_once_each(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    assert page.current_screen() is page.rest_screen
    drive.advance(40)  # 0:05 left
    assert page.alert.countdowns == []
    for _ in range(10):
        drive.advance(0.5)
    assert page.alert.countdowns == [3, 2, 1]
    assert page.flow.state == "ready" and len(page.alert.fired) == 1


def test_a_paused_rest_does_not_count_down(drive) -> None:
    page = drive.page
    drive.start()
    drive.do_set()
    drive.advance(41)  # 0:04 left
    drive.key(Qt.Key.Key_P)
    drive.advance(30)
    assert page.alert.countdowns == []
    drive.key(Qt.Key.Key_P)
    drive.advance(1)
    assert page.alert.countdowns == [3]


def test_plus_during_a_rest_becomes_that_exercise_s_rest_next_time(drive, answers) -> None:
    page, settings = drive.page, drive.window.settings
    drive.start()
    drive.do_set()
    assert page.rest_screen.ring.text == "0:45"  # leg extension: 45–60 s, shortest
    drive.key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    drive.key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert (
        page.message.text() == "Leg extension will rest 1:15 from next time (Preferences → Rest)."
    )
    assert settings.value("rest/custom/leg-extension") in (75, "75")
    drive.space()  # skip the rest
    drive.do_set()  # the same session keeps its plan; the next one uses the new length
    page.end_session()
    page.back_to_plans()
    drive.start()
    drive.do_set()
    assert page.rest_screen.ring.text == "1:15"
    assert drive.stored().sets[0].rest_planned_s == 75


def test_plus_is_not_remembered_when_switched_off(drive) -> None:
    drive.window.settings.setValue("rest/remember_adjustments", False)
    drive.start()
    drive.do_set()
    drive.key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert drive.window.settings.value("rest/custom/leg-extension") is None
