"""Qt's own options pass through to Qt; Backleg's own options still parse."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from backleg_desktop import app
from backleg_desktop.qt_options import QtOptionError, split_qt_options


@pytest.mark.parametrize(
    ("argv", "ours", "qt"),
    [
        (["-style", "fusion"], [], ["-style", "fusion"]),
        (["-style=fusion", "-reverse"], [], ["-style=fusion", "-reverse"]),
        (
            ["--data-dir", "d", "-platform", "offscreen", "export", "x.csv"],
            ["--data-dir", "d", "export", "x.csv"],
            ["-platform", "offscreen"],
        ),
        (["-h"], ["-h"], []),
        (["--style", "x"], ["--style", "x"], []),  # two dashes: ours, so argparse refuses it
        (["export", "--", "-reverse"], ["export", "--", "-reverse"], []),
    ],
)
def test_qt_options_are_split_from_ours(argv: list[str], ours: list[str], qt: list[str]) -> None:
    assert split_qt_options(argv) == (ours, qt)


def test_a_qt_option_without_its_value_is_named() -> None:
    with pytest.raises(QtOptionError, match="-style needs a value"):
        split_qt_options(["-reverse", "-style"])


# Starts the real GUI through __main__.main and reports what Qt made of its options
# once the window is complete (the start-up hook app.BENCH_ENV quits it there).
_START = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    from backleg_desktop import __main__, app

    real_exit = app._bench_exit

    def report(marker):
        qt = QApplication.instance()
        print(qt.platformName(), qt.style().name(), qt.layoutDirection().name, flush=True)
        real_exit(marker)

    app._bench_exit = report
    sys.exit(__main__.main(sys.argv[1:]))
    """
)


def _start(
    args: list[str], *, env_platform: bool = True, data_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, app.BENCH_ENV: "complete"}
    if data_dir is not None:
        env["BACKLEG_DATA_DIR"] = str(data_dir)
    if env_platform:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-c", _START, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_style_platform_and_reverse_reach_qt(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    result = _start(
        ["-platform", "offscreen", "-style", "fusion", "-reverse", "--data-dir", data],
        env_platform=False,
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == "offscreen fusion RightToLeft"
    assert (tmp_path / "data").is_dir()  # our own --data-dir was honoured too


def test_qt_options_alone_start_the_window(tmp_path: Path) -> None:
    result = _start(["-style=fusion"], data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "offscreen fusion LeftToRight"


def test_help_still_lists_our_options_and_mentions_qts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "--data-dir" in result.stdout and "export" in result.stdout
    assert "-style fusion" in result.stdout


def test_a_missing_value_is_a_usage_error_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "-style"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "-style needs a value" in result.stderr and "Traceback" not in result.stderr


def test_an_unknown_option_is_still_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--no-such-thing"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr
