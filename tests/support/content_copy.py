"""A copy of the shipped content folder that a test can break, then load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from backleg_desktop import assets
from backleg_desktop.content.loader import ContentError, load_library


class ContentFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        shutil.copytree(assets.content_dir(), folder)

    def sub(self, name: str, pattern: str, new: str) -> None:
        """Replace the first regex match in `name` (the test fails if there is none)."""
        path = self.folder / name
        text, count = re.subn(pattern, new, path.read_text(encoding="utf-8"), count=1, flags=re.S)
        assert count == 1, f"{pattern!r} not in {name}: the test needs updating"
        path.write_text(text, encoding="utf-8")

    def errors(self) -> list[str]:
        with pytest.raises(ContentError) as info:
            load_library(self.folder)
        return info.value.errors
