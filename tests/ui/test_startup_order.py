"""The start-up work moved after History's first rows still happens: a second start of
Backleg reaches the first one's single-instance server (app._window_complete)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def test_a_second_start_activates_the_running_window(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BACKLEG_DATA_DIR=str(tmp_path / "data"))
    env.pop("BACKLEG_BENCH_EXIT", None)
    command = [sys.executable, "-m", "backleg_desktop"]
    first = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)  # it holds the instance lock by then (else the second is the first)
        # It waits up to 3 s for the first one's server (and fails with a dialog, which
        # offscreen never closes, so the timeout ends it) unless that server listens.
        second = subprocess.run(command, env=env, timeout=30, stderr=subprocess.DEVNULL)
        assert second.returncode == 0
        assert first.poll() is None  # the first one is still running, and was asked to show
    finally:
        first.terminate()
        first.wait(timeout=30)
