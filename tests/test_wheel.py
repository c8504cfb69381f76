"""The built wheel carries the content files, and the package finds them there.

The editable install reads resources/ from the checkout, so a file missing from the wheel
would go unnoticed without this: build the wheel offline, unpack it, and load the content
in a child process that imports the package from the unpacked copy only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = """
import json
import backleg_desktop
from backleg_desktop import assets
from backleg_desktop.content.loader import load_library

library = load_library()
print(json.dumps({
    "package": backleg_desktop.__file__,
    "resources": str(assets.resources_dir()),
    "main": [e.id for e in library.exercises.values() if e.role == "main"],
    "plans": list(library.plans),
}))
"""


def build_wheel(out_dir: Path) -> Path:
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    # No build isolation: hatchling comes from the test venv, so no network is needed.
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "-q", "-w", str(out_dir), str(REPO)]
    subprocess.run(command, check=True, env=env, capture_output=True, text=True, timeout=120)
    (wheel,) = out_dir.glob("backleg-*.whl")
    return wheel


def test_the_wheel_ships_the_content_and_loads_it(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)

    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    env.pop("BACKLEG_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)

    root = unpacked.resolve()
    assert Path(found["package"]).resolve().is_relative_to(root)
    assert Path(found["resources"]).resolve() == root / "backleg_desktop" / "resources"
    assert found["main"] == [
        "leg-extension",
        "lying-leg-curl",
        "goblet-squat",
        "reverse-lunge",
        "split-stance-rdl",
    ]
    assert found["plans"] == ["strength", "quick-add-on", "gentle-day", "home-bodyweight"]
