"""Resume after the app is killed mid-session (SIGKILL), and closing mid-session loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from backleg_desktop.app import create_main_window
from backleg_desktop.services.store import open_store
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.disclaimer import remember_accepted
from tests.ui.session.conftest import Driver, FakeAlert

# Logs the first sets of a Strength session as the session page would (same order of
# steps, each set its own committed write), printing each acknowledged id, then waits to
# be killed.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from backleg_desktop.content.loader import load_library
    from backleg_desktop.domain.session_flow import SessionFlow
    from backleg_desktop.services.store import open_store

    library = load_library()
    store = open_store(Path(sys.argv[1]), library, make_daily_backup=False)
    flow = SessionFlow(library.plan("strength"), library)
    session = store.workouts.start_session("strength", pain_before=4)
    flow.confirm_pain(4)
    print("session", session.id, flush=True)
    for reps, load in ((13, 20.0), (12, 22.5), (11, 22.5), (9, 14.0)):
        if flow.state == "resting":
            flow.skip_rest()
        flow.start_set()
        logged = store.workouts.log_set(session.id, flow.complete_set(reps, load))
        print("set", logged.id, flush=True)
    time.sleep(60)
    """
)


def build_window(qtbot, data_dir: Path, library, fake_clock):  # type: ignore[no-untyped-def]
    window = create_main_window(data_dir=data_dir, library=library, clock=fake_clock)
    remember_accepted(window.settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # window shortcuts need it
    return window


def test_resume_after_the_app_was_killed(qtbot, data_dir, library, fake_clock, tmp_path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen(
        [sys.executable, str(script), str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    acknowledged: list[int] = []
    assert child.stdout is not None
    for line in child.stdout:
        kind, value = line.split()
        if kind == "set":
            acknowledged.append(int(value))
        if len(acknowledged) == 4:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)

    with open_store(data_dir, library, make_daily_backup=False) as store:
        window = build_window(qtbot, data_dir, library, fake_clock)
        window.attach_store(store)
        page = window.session.page
        page._alert = FakeAlert()
        assert window.current_page_key() == "session"
        assert page.current_screen() is page.resume_screen
        assert "4 sets logged" in page.resume_screen.details.text()
        drive = Driver(qtbot, window, fake_clock)
        drive.enter()  # Resume is the default

        # Ready for the next set: goblet squat set 2, with everything before intact.
        assert page.flow.state == "ready"
        screen = page.exercise_screen
        assert (screen.name.text(), screen.set_label.text()) == ("Goblet squat", "Set 2 of 3")
        assert screen.status.text() == "Ready for set 2"
        assert screen.values() == (9, 14.0)  # this session's last goblet squat values
        assert page.flow.pain_before == 4
        drive.do_set()
        detail = store.workouts.session_detail(page.recorder.session_id)
        assert [s.id for s in detail.sets[:4]] == acknowledged
        assert [(s.exercise_id, s.set_number, s.reps) for s in detail.sets] == [
            ("leg-extension", 1, 13),
            ("leg-extension", 2, 12),
            ("leg-extension", 3, 11),
            ("goblet-squat", 1, 9),
            ("goblet-squat", 2, 9),
        ]
        drive.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert len(store.workouts.session_detail(page.recorder.session_id).sets) == 4
        window.close()


def test_closing_mid_rest_asks_nothing_and_the_next_start_offers_resume(
    qtbot, data_dir, library, fake_clock, monkeypatch
) -> None:

    def no_dialogs(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("closing mid-session must not ask anything")

    monkeypatch.setattr(message_boxes, "ask", no_dialogs)
    with open_store(data_dir, library, make_daily_backup=False) as store:
        window = build_window(qtbot, data_dir, library, fake_clock)
        window.attach_store(store)
        assert not window.session.built  # nothing to resume: the page waits to be asked for
        drive = Driver(qtbot, window, fake_clock)
        drive.start(pain="5")
        drive.do_set()
        assert window.windowTitle().endswith("· Rest · Backleg")
        window.close()  # the fixture checks that no QTimer is left running
        assert not drive.page.rest_driver.is_active

    with open_store(data_dir, library, make_daily_backup=False) as store:
        detail = store.workouts.in_progress_session()
        assert detail is not None and len(detail.sets) == 1
        again = build_window(qtbot, data_dir, library, fake_clock)
        again.attach_store(store)
        page = again.session.page
        assert page.current_screen() is page.resume_screen
        drive = Driver(qtbot, again, fake_clock)
        drive.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # End it
        session = store.workouts.session_detail(detail.session.id).session
        assert session.status == "ended_early"
        assert page.current_screen() is page.summary_screen
        assert page.summary_screen.values["sets"].text() == "1 of 14"
        again.close()
