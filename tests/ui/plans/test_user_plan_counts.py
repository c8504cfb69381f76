"""A plan of your own counts its sets done the same way in the summary, the History list
and the detail, against the sets it plans (found in the merged app: "2 of 3" in the
summary, "2" in the list and "2 sets" in the detail, as History knew only built-in plans)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.plans.conftest import activate
from tests.ui.plans.test_chooser import type_keys
from tests.ui.plans.test_user_plan_run import MAX_STEPS, make_plan
from tests.ui.session.conftest import Driver, FakeAlert
from tests.ui.session.test_numbers_agree import history_row_and_detail


def test_a_user_plan_with_a_warm_up_a_lunge_and_a_skip_counts_the_same_everywhere(
    qtbot, window, store, fake_clock
) -> None:
    plan = make_plan(qtbot, window, store)  # a hold, a lunge after a warm-up, a bridge
    drive = Driver(qtbot, window, fake_clock)
    drive.page._alert = FakeAlert()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "hotel")
    drive.enter()
    drive.type("2")
    drive.enter()
    page = drive.page
    assert page.plan.id == plan.id
    for _ in range(MAX_STEPS):
        screen = page.current_screen()
        if screen is page.exercise_screen:
            if page.exercise_screen.name.text() == "Glute bridge":
                drive.key(Qt.Key.Key_S)  # its one set skipped
            else:
                drive.do_set(25)
        elif screen is page.rest_screen:
            drive.space()
        else:
            break
    drive.type("1")
    drive.enter()
    assert page.current_screen() is page.summary_screen
    session_id = page.recorder.session_id
    kinds = [(s.exercise_id, s.side, s.kind) for s in drive.stored().sets]
    assert ("reverse-lunge", "left", "warmup") in kinds  # logged, but not a set done

    summary = page.summary_screen.values["sets"].text()
    assert summary == "2 of 3"
    listed, meta = history_row_and_detail(window, session_id)
    assert listed == summary
    assert f"{summary} sets" in meta.split(" · ")
