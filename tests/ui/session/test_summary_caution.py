"""The summary's caution (issue 11): after a stop for sharp pain, or pain up 3 or more,
it says so with the advice, links the red-flag card and cheers no records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.session.test_summary_records import seed_earlier

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def end_with(drive, pain_after: str, *, sharp: bool = False) -> None:  # type: ignore[no-untyped-def]
    drive.do_set()  # one set logged
    if sharp:
        drive.key(Qt.Key.Key_P, CTRL | SHIFT)  # Enter (yes) is the default answer
    else:
        drive.key(Qt.Key.Key_E, CTRL)
    drive.type(pain_after)
    drive.enter()
    assert drive.page.current_screen() is drive.page.summary_screen


def test_a_stop_for_sharp_pain_cautions_and_links_the_red_flags(drive, store) -> None:
    seed_earlier(store)  # this session beats a record, but it must not be cheered
    drive.start(pain="2")
    drive.page.exercise_screen.set_values(15, 60.0)
    end_with(drive, "4", sharp=True)
    summary = drive.page.summary_screen
    caution = summary.caution
    assert caution.isVisibleTo(summary) and caution.title.text() == "You stopped for sharp pain"
    assert "get it checked" in caution.text.text()
    assert not summary.records.isVisibleTo(summary) and not summary.records_title.isVisibleTo(
        summary
    )
    assert caution.red_flags_button.isVisibleTo(caution)
    drive.key(Qt.Key.Key_F)
    assert drive.window.current_page_key() == "guidance"


def test_pain_up_by_3_cautions_without_a_cheer(drive, store) -> None:
    seed_earlier(store)
    drive.start(pain="2")
    drive.page.exercise_screen.set_values(15, 60.0)
    end_with(drive, "5")
    summary = drive.page.summary_screen
    assert summary.values["pain"].text() == "2 → 5"
    assert summary.caution.title.text() == "Your pain went up"
    assert "from 2 to 5" in summary.caution.text.text()
    assert not summary.records.isVisibleTo(summary)
    assert not summary.caution.red_flags_button.isVisibleTo(summary.caution)  # 5 is below 7
    drive.key(Qt.Key.Key_F)  # nothing to open
    assert drive.window.current_page_key() != "guidance"


def test_a_smaller_rise_keeps_the_records(drive, store, qtbot) -> None:
    seed_earlier(store)
    drive.start(pain="2")
    drive.page.exercise_screen.set_values(15, 60.0)
    end_with(drive, "4")
    summary = drive.page.summary_screen
    assert not summary.caution.isVisibleTo(summary)
    assert summary.records.isVisibleTo(summary)
    qtbot.waitUntil(lambda: "heaviest yet" in summary.records.text())
