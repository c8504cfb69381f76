"""The optional RPE box: hidden by default, shown when `session/rpe_entry` is on, stored in
the set's rpe (0 to 10 in halves), validated, and never asked for a timed hold."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QValidator

from backleg_desktop.services import validation
from backleg_desktop.services.errors import ValidationError
from backleg_desktop.ui.session.rpe_field import RPE_ENTRY_KEY, RpeSpinBox


def test_off_by_default_and_a_set_logs_no_rpe(drive) -> None:
    drive.start()
    screen = drive.page.exercise_screen
    assert not drive.window.settings.contains(RPE_ENTRY_KEY)
    assert screen.rpe.isHidden()
    drive.do_set()
    (logged,) = drive.stored().sets
    assert logged.rpe is None


def test_on_it_is_shown_stored_and_cleared_for_the_next_set(drive) -> None:
    drive.window.settings.setValue(RPE_ENTRY_KEY, True)
    drive.start()
    screen = drive.page.exercise_screen
    assert screen.rpe.isVisible()
    screen.rpe.box.lineEdit().setText("7.5")
    drive.do_set()
    drive.advance(200)  # the rest runs out
    assert screen.rpe.box.value() < 0  # empty again for the next set
    drive.do_set()  # no RPE typed this time
    sets = drive.stored().sets
    assert [s.rpe for s in sets] == [7.5, None]
    assert drive.window.store.workouts.session_detail(sets[0].session_id).sets[0].rpe == 7.5


def test_a_hold_has_no_rpe_box(drive) -> None:
    drive.window.settings.setValue(RPE_ENTRY_KEY, "true")
    drive.start(plan_index=2, pain="8")  # the Gentle day: timed holds
    screen = drive.page.exercise_screen
    if drive.page.flow is None or drive.page.flow.current_step is None:
        pytest.skip("the gentle day did not start here")
    assert drive.page.flow.current_step.is_hold
    assert screen.rpe.isHidden()


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("8", QValidator.State.Acceptable),
        ("8.5", QValidator.State.Acceptable),
        ("8,5", QValidator.State.Acceptable),
        ("8.", QValidator.State.Acceptable),  # read as 8
        ("8.3", QValidator.State.Intermediate),  # not a half: cannot be committed as it is
        ("11", QValidator.State.Invalid),
        ("abc", QValidator.State.Invalid),
    ],
)
def test_the_box_takes_halves_from_0_to_10(qtbot, text: str, state: QValidator.State) -> None:
    box = RpeSpinBox()
    qtbot.addWidget(box)
    assert box.validate(text, len(text))[0] == state
    assert box.fixup("8.3") == "8.5"


def test_the_service_refuses_an_rpe_that_is_not_a_half() -> None:
    validation.rpe_entry(None)
    validation.rpe_entry(9.5)
    with pytest.raises(ValidationError, match="whole or half"):
        validation.rpe_entry(7.3)
    with pytest.raises(ValidationError, match="between 0 and 10"):
        validation.rpe_entry(10.5)
