"""A fresh main window per test, built the way the app builds it, over the real content."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library


@pytest.fixture(scope="session")
def library() -> Library:
    # The real shipped content: frozen dataclasses, so sharing it between tests is safe.
    return load_library()


@pytest.fixture
def settings_path(data_dir: Path) -> Path:
    return data_dir / "settings.ini"


@pytest.fixture
def main_window(qtbot, data_dir: Path, library: Library, fake_clock):  # type: ignore[no-untyped-def]
    from backleg_desktop.app import create_main_window
    from backleg_desktop.ui.disclaimer import remember_accepted

    window = create_main_window(data_dir=data_dir, library=library, clock=fake_clock)
    remember_accepted(window.settings)  # the first-start dialog has its own tests
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window
