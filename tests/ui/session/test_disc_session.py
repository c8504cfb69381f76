"""The herniated-disc answer in a session: after "yes" the goblet squat and the
split-stance RDL say to check with a doctor first and D does a safer move instead;
"no" and no answer show nothing and D does nothing. Real window, real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.ui.disc import DISC_KEY

EARLIER = datetime.now(UTC) - timedelta(days=2)

K, SHIFT = Qt.Key, Qt.KeyboardModifier.ShiftModifier


def answer(drive, value: str | None) -> None:  # type: ignore[no-untyped-def]
    settings = drive.window.settings
    if value is None:
        settings.remove(DISC_KEY)
    else:
        settings.setValue(DISC_KEY, value)


def to_goblet_squat(drive) -> None:  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    drive.key(K.Key_S, SHIFT)  # past the leg extension
    assert drive.page.exercise_screen.name.text() == "Goblet squat"


def notice(drive):  # type: ignore[no-untyped-def]
    return drive.page.running.disc_offer.notice


def test_yes_marks_the_goblet_squat_and_d_does_the_leg_extension_instead(drive) -> None:
    answer(drive, "yes")
    to_goblet_squat(drive)
    page, box = drive.page, notice(drive)
    assert box.isVisibleTo(page.exercise_screen)
    assert "doctor or physical therapist" in box.title.text()
    assert box.text.text().startswith("You told Backleg you have a herniated disc.")
    assert "weighted squat" in box.text.text()  # why, from the content
    assert [b.text() for b in box.swap_buttons] == [
        "Leg extension  [X]",
        "Lying leg curl",
        "Reverse lunge (bodyweight)",
    ]
    assert "back against the pad" in box.swap_buttons[0].toolTip()
    assert not page.exercise_screen.progression.isVisibleTo(page)  # no "more load" here
    drive.key(K.Key_X)
    screen = page.exercise_screen
    assert screen.name.text() == "Leg extension" and screen.set_label.text() == "Set 1 of 3"
    assert "12–15" in screen.target.text()  # the leg extension's reps, the squat's 3 sets
    assert not box.isVisibleTo(screen)  # a safer move carries no mark
    assert "Leg extension instead of Goblet squat today" in page.message.text()
    drive.do_set()
    stored = drive.stored().sets
    # Stored numbers count on after the plan's own leg extension sets (1–3), as for any
    # exercise a plan has twice, so the two never collide.
    assert [(s.exercise_id, s.set_number) for s in stored] == [("leg-extension", 4)]
    assert page.progress.text().endswith("1 of 14 sets logged")
    drive.advance(20)
    drive.space()  # the rest after it ends: stored on the swapped-in set, as for any other
    assert drive.stored().sets[0].rest_taken_s == 20


def test_the_rdl_offers_the_leg_curl_first_and_the_lunge_is_bodyweight(drive, store) -> None:
    answer(drive, "yes")
    earlier = store.workouts.start_session("strength", pain_before=2, started_at=EARLIER)
    for side in ("left", "right"):  # last time: lunges holding 10 kg dumbbells
        entry = SetEntry("reverse-lunge", 1, side=side, reps=8, load_kg=10.0, completed_at=EARLIER)
        store.workouts.log_set(earlier.id, entry)
    store.workouts.finish_session(earlier.id, pain_after=2, ended_at=EARLIER + timedelta(hours=1))
    drive.start(pain="2")
    for _ in range(4):
        drive.key(K.Key_S, SHIFT)
    page, box = drive.page, notice(drive)
    assert page.exercise_screen.name.text() == "Split-stance Romanian deadlift"
    assert [b.text() for b in box.swap_buttons] == [
        "Lying leg curl  [X]",
        "Leg extension",
        "Reverse lunge (bodyweight)",
    ]
    box.swap_buttons[2].click()  # the bodyweight reverse lunge
    screen = page.exercise_screen
    assert screen.name.text() == "Reverse lunge"
    assert screen.values()[1] is None and "bodyweight only" in screen.load_note.text()
    drive.do_set()  # left and right
    if page.flow.state == "in_set":
        drive.advance(10)
        drive.space()
    assert {s.load_kg for s in drive.stored().sets} == {None}  # logged as bodyweight


def test_no_swap_once_a_set_of_the_move_is_logged(drive) -> None:
    answer(drive, "yes")
    to_goblet_squat(drive)
    drive.do_set()
    drive.space()  # skip the rest: goblet squat set 2
    box = notice(drive)
    assert box.isVisibleTo(drive.page.exercise_screen)  # still marked
    assert not box.swap_buttons[0].isEnabled()
    drive.key(K.Key_X)
    assert drive.page.exercise_screen.name.text() == "Goblet squat"


@pytest.mark.parametrize("value", ["no", None])
def test_no_and_not_asked_change_nothing(drive, value) -> None:  # type: ignore[no-untyped-def]
    answer(drive, value)
    to_goblet_squat(drive)
    assert not notice(drive).isVisibleTo(drive.page.exercise_screen)
    drive.key(K.Key_X)
    assert drive.page.exercise_screen.name.text() == "Goblet squat"
    assert drive.page.flow.state == "ready"


def test_a_changed_answer_shows_on_the_next_screen(drive) -> None:
    answer(drive, "no")
    to_goblet_squat(drive)
    assert not notice(drive).isVisibleTo(drive.page.exercise_screen)
    answer(drive, "yes")  # as Preferences would store it
    drive.key(K.Key_S)  # goblet squat set 2
    assert notice(drive).isVisibleTo(drive.page.exercise_screen)
