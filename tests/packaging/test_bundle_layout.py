"""What the PyInstaller bundle relies on, checked without building it (build.sh does that).

assets.py must find resources/ under sys._MEIPASS, where packaging/backleg.spec puts
them, and the spec must not exclude a Qt module that Backleg imports.
"""

from __future__ import annotations

import ast
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop import assets
from backleg_desktop.storage.schema import HEAD_REVISION

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "backleg.spec"


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    assets.resources_dir.cache_clear()
    yield
    assets.resources_dir.cache_clear()


def test_a_frozen_bundle_finds_the_resources_beside_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    (tmp_path / "resources" / "content").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.resources_dir() == tmp_path / "resources"
    assert assets.content_dir() == tmp_path / "resources" / "content"
    assert assets.sound_path("rest-over.wav") == tmp_path / "resources/sounds/rest-over.wav"


def test_a_bundle_without_resources_falls_back_to_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.resources_dir() == REPO / "resources"


def spec_list(name: str) -> list[str]:
    """A top-level `name = [...]` list of strings from the spec (valid Python syntax)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return [ast.literal_eval(element) for element in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError(f"{SPEC} has no list {name!r}")


def qt_modules_imported_by_backleg() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "backleg_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found.update(n for n in names if n.startswith("PySide6.Qt"))
    return found


def test_the_spec_excludes_no_qt_module_backleg_imports() -> None:
    imported = qt_modules_imported_by_backleg()
    assert {"PySide6.QtCharts", "PySide6.QtMultimedia", "PySide6.QtWidgets"} <= imported
    excluded = set(spec_list("excludes"))
    assert not imported & excluded, "packaging/backleg.spec excludes a module Backleg imports"


def test_the_spec_keeps_printing_and_svg_for_the_handout() -> None:
    assert {"PySide6.QtPrintSupport", "PySide6.QtSvg"} <= set(spec_list("hiddenimports"))


def test_the_start_up_hook_smoke_sh_relies_on_reports_an_open_history(tmp_path: Path) -> None:
    """packaging/smoke.sh starts the bundle with BACKLEG_BENCH_EXIT=history and waits for
    this line; here the same contract is checked on the source tree."""
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BACKLEG_BENCH_EXIT": "history"}
    result = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("BENCH history ") for line in result.stdout.splitlines())
    with sqlite3.connect(data / "backleg.sqlite3") as db:
        (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == HEAD_REVISION
