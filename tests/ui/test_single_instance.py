from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from backleg_desktop.storage.lock import INSTANCE_LOCK_FILENAME, InstanceLock
from backleg_desktop.ui.single_instance import SingleInstance

_ASK = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from backleg_desktop.ui.single_instance import ask_primary_to_activate
app = QCoreApplication([])
sys.exit(0 if ask_primary_to_activate(Path({folder!r})) else 3)
"""


def test_second_instance_is_refused_and_activates_the_first(qtbot, data_dir: Path) -> None:
    first = SingleInstance(data_dir, InstanceLock(data_dir))
    assert first.try_become_primary()
    try:
        second = SingleInstance(data_dir, InstanceLock(data_dir))
        assert not second.try_become_primary()
        # The second start is another process, as it is for a user.
        with qtbot.waitSignal(first.activation_requested, timeout=10000):
            child = subprocess.Popen([sys.executable, "-c", _ASK.format(folder=str(data_dir))])
        assert child.wait(timeout=30) == 0
    finally:
        first.release()


def test_released_lock_can_be_taken_again(qtbot, data_dir: Path) -> None:
    first = SingleInstance(data_dir, InstanceLock(data_dir))
    assert first.try_become_primary()
    first.release()
    again = SingleInstance(data_dir, InstanceLock(data_dir))
    assert again.try_become_primary()
    again.release()


def test_other_folders_are_independent(qtbot, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    first, second = SingleInstance(a, InstanceLock(a)), SingleInstance(b, InstanceLock(b))
    try:
        assert first.try_become_primary()
        assert second.try_become_primary()
    finally:
        first.release()
        second.release()


def test_lock_of_a_killed_process_does_not_lock_the_user_out(qtbot, data_dir: Path) -> None:
    # A child takes the lock and dies without releasing it (os._exit skips cleanup).
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from backleg_desktop.storage.lock import InstanceLock
        from backleg_desktop.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        inst = SingleInstance(Path({str(data_dir)!r}), InstanceLock(Path({str(data_dir)!r})))
        assert inst.try_become_primary()
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert (data_dir / INSTANCE_LOCK_FILENAME).exists()
    survivor = SingleInstance(data_dir, InstanceLock(data_dir))
    assert survivor.try_become_primary()
    survivor.release()


def test_a_second_start_during_the_first_paint_waits_for_the_server(qtbot, data_dir: Path) -> None:
    # The primary holds the lock but only listens after its first paint.
    first = SingleInstance(data_dir, InstanceLock(data_dir))
    assert first.try_lock()
    try:
        child = subprocess.Popen([sys.executable, "-c", _ASK.format(folder=str(data_dir))])
        qtbot.wait(300)
        with qtbot.waitSignal(first.activation_requested, timeout=10000):
            first.listen()
        assert child.wait(timeout=30) == 0
    finally:
        first.release()
