"""The Session menu's actions are disabled while no session runs (issue 11): Undo, End
and Stop only act on a session; End and Stop also at the check-in, End on the offer to
resume. Real window, fake clock, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

K, CTRL = Qt.Key, Qt.KeyboardModifier.ControlModifier


def enabled(window) -> tuple[bool, bool, bool]:  # type: ignore[no-untyped-def]
    wiring = window.session
    return (
        wiring.undo_action.isEnabled(),
        wiring.end_action.isEnabled(),
        wiring.stop_action.isEnabled(),
    )


def test_before_the_page_is_built_only_start_is_on(qtbot, session_window) -> None:
    assert not session_window.session.built  # nothing to resume: built on first use
    assert enabled(session_window) == (False, False, False)
    assert session_window.session.start_action.isEnabled()


def test_the_menu_follows_the_session(drive) -> None:
    window, page = drive.window, drive.page
    assert page.current_screen() is page.chooser
    assert enabled(window) == (False, False, False)
    window.session.start()
    drive.enter()  # Strength: the check-in
    assert enabled(window) == (False, True, True)  # back to the plans, or no training
    drive.type("2")
    drive.enter()
    assert enabled(window) == (True, True, True)
    drive.do_set()
    assert enabled(window) == (True, True, True)  # resting
    drive.key(K.Key_E, CTRL)  # end early: the question defaults to yes
    assert page.current_screen() is page.pain_screen  # how is the back after?
    assert enabled(window) == (False, False, False)
    drive.key(K.Key_Escape)
    assert page.current_screen() is page.summary_screen
    assert enabled(window) == (False, False, False)
    window.session.end_action.trigger()  # disabled: nothing happens
    assert page.current_screen() is page.summary_screen


def test_on_the_offer_to_resume_only_end_is_on(qtbot, main_window, store) -> None:
    store.workouts.start_session("strength", pain_before=2)  # never finished: a crash
    main_window.attach_store(store)
    page = main_window.session.page
    assert page.current_screen() is page.resume_screen
    assert enabled(main_window) == (False, True, False)  # End ends the unfinished one
    page.resume()
    assert enabled(main_window) == (True, True, True)
    main_window.close()
