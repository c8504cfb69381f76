"""PySide6's after-import check gives the same answers without holding every imported
module's source in memory (ui/pyside_import_scan.py). In a fresh interpreter, as the
check only runs for modules imported after PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtCore
from backleg_desktop.ui import pyside_import_scan
if sys.argv[2] == "lighter":
    assert pyside_import_scan.lighten()
import uses_qt, plain
table = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(table["uses_qt"], table["plain"], uses_qt.__file__ in linecache.cache)
"""


def _run(folder: Path, mode: str) -> str:
    (folder / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (folder / "plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT), str(folder), mode],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_lighter_check_gives_pysides_answers_and_keeps_no_source(tmp_path: Path) -> None:
    # PySide's own check: 0 for a module that uses it, -1 for one that does not; and it
    # keeps the file's lines in linecache.
    assert _run(tmp_path, "pyside") == "0 -1 True"
    assert _run(tmp_path, "lighter") == "0 -1 False"
