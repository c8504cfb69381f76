from __future__ import annotations


def test_start_strength_and_log_one_set(drive) -> None:
    drive.start()
    page = drive.page
    assert page.current_screen() is page.exercise_screen
    assert page.exercise_screen.name.text() == "Leg extension"
    assert page.exercise_screen.set_label.text() == "Set 1 of 3"
    drive.do_set(30)
    assert page.current_screen() is page.rest_screen
    assert drive.window.windowTitle() == "0:45 · Rest · Backleg"
    detail = drive.stored()
    assert len(detail.sets) == 1
    assert detail.sets[0].duration_s == 30
