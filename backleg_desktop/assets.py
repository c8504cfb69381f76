"""Find the bundled resources/ folder in a wheel, an editable install or a PyInstaller bundle.

No Qt here, so the CLI and tests can use it without a display.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourcesNotFound(RuntimeError):
    pass


@cache
def resources_dir() -> Path:
    candidates = [
        _PACKAGE_DIR / "resources",  # wheel: force-included next to the code
        _PACKAGE_DIR.parent / "resources",  # source checkout or editable install
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "content").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise ResourcesNotFound(f"Backleg's resources folder is missing; looked in: {searched}")


def content_dir() -> Path:
    return resources_dir() / "content"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / name


def sound_path(name: str) -> Path:
    return resources_dir() / "sounds" / name
