"""A herniated-disc swap is stored: a session resumed after a crash (the window closed
without finishing, then opened again on the same data folder) goes on with the exercise
swapped in, and the swap is not offered again. Real windows, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.disc import DISC_KEY
from tests.ui.session.conftest import Driver, FakeAlert
from tests.ui.session.test_resume import build_window

K, SHIFT = Qt.Key, Qt.KeyboardModifier.ShiftModifier


def reopen(qtbot, data_dir, library, fake_clock, store):  # type: ignore[no-untyped-def]
    """A new window on the same folder, as after a crash; Enter resumes."""
    window = build_window(qtbot, data_dir, library, fake_clock)
    window.attach_store(store)
    page = window.session.page
    page._alert = FakeAlert()
    assert page.current_screen() is page.resume_screen
    drive = Driver(qtbot, window, fake_clock)
    drive.enter()  # Resume is the default
    return window, drive


def test_a_resumed_session_keeps_the_leg_extension_swapped_in_for_the_squat(
    qtbot, data_dir, library, fake_clock, answers
) -> None:
    with open_store(data_dir, library, make_daily_backup=False) as store:
        window = build_window(qtbot, data_dir, library, fake_clock)
        window.attach_store(store)
        window.settings.setValue(DISC_KEY, "yes")
        drive = Driver(qtbot, window, fake_clock)
        drive.page._alert = FakeAlert()
        drive.start(pain="2")
        drive.key(K.Key_S, SHIFT)  # past the leg extension
        assert drive.page.exercise_screen.name.text() == "Goblet squat"
        drive.key(K.Key_X)  # the leg extension instead
        assert drive.page.exercise_screen.name.text() == "Leg extension"
        drive.do_set()
        session_id = drive.page.recorder.session_id
        window.close()  # not finished: the next start offers to resume

    with open_store(data_dir, library, make_daily_backup=False) as store:
        window, drive = reopen(qtbot, data_dir, library, fake_clock, store)
        page = drive.page
        assert page.recorder.session_id == session_id
        assert page.flow.state == "ready"
        screen = page.exercise_screen
        assert (screen.name.text(), screen.set_label.text()) == ("Leg extension", "Set 2 of 3")
        offer = page.running.disc_offer
        assert not offer.notice.isVisibleTo(screen)  # the swap is not offered again
        assert not offer.can_swap()
        drive.key(K.Key_X)
        assert screen.name.text() == "Leg extension"
        drive.do_set()
        stored = store.workouts.session_detail(session_id).sets
        # Both sets are the swapped-in item's (numbered after the plan's own 1–3).
        assert [(s.exercise_id, s.set_number) for s in stored] == [
            ("leg-extension", 4),
            ("leg-extension", 5),
        ]
        assert page.progress.text().endswith("2 of 14 sets logged")
        window.close()


def test_a_bodyweight_swap_stays_bodyweight_after_a_resume(
    qtbot, data_dir, library, fake_clock, answers
) -> None:
    with open_store(data_dir, library, make_daily_backup=False) as store:
        window = build_window(qtbot, data_dir, library, fake_clock)
        window.attach_store(store)
        window.settings.setValue(DISC_KEY, "yes")
        drive = Driver(qtbot, window, fake_clock)
        drive.page._alert = FakeAlert()
        drive.start(pain="2")
        for _ in range(4):
            drive.key(K.Key_S, SHIFT)
        box = drive.page.running.disc_offer.notice
        assert drive.page.exercise_screen.name.text() == "Split-stance Romanian deadlift"
        box.swap_buttons[2].click()  # the reverse lunge, bodyweight only
        assert drive.page.exercise_screen.name.text() == "Reverse lunge"
        window.close()  # swapped, nothing of it logged yet

    with open_store(data_dir, library, make_daily_backup=False) as store:
        window, drive = reopen(qtbot, data_dir, library, fake_clock, store)
        screen = drive.page.exercise_screen
        assert screen.name.text() == "Leg extension"  # skips are not stored: from the top
        for _ in range(4):
            drive.key(K.Key_S, SHIFT)
        assert screen.name.text() == "Reverse lunge"
        assert screen.values()[1] is None and "bodyweight only" in screen.load_note.text()
        assert not drive.page.running.disc_offer.notice.isVisibleTo(screen)
        window.close()
