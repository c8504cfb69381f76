"""A real SQLite history for the History page tests: one generated year, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.services.store import Store, open_store
from tests.support.stores import close_when_jobs_are_done
from tests.support.synthetic import generate_history

SEEDED_SESSIONS = 365


@pytest.fixture(scope="session")
def real_library() -> Library:
    return load_library()


@pytest.fixture(scope="session")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory, real_library: Library) -> Path:
    folder = tmp_path_factory.mktemp("seeded") / "data"
    with open_store(folder, real_library, make_daily_backup=False) as store:
        store.workouts.import_sessions(generate_history(years=1, seed=3))
    return folder


@pytest.fixture
def store(seeded_folder: Path, data_dir: Path, real_library: Library) -> Iterator[Store]:
    for item in seeded_folder.iterdir():
        if item.is_file():
            shutil.copy2(item, data_dir / item.name)
    opened = open_store(data_dir, real_library, make_daily_backup=False)
    yield opened
    close_when_jobs_are_done(opened)


@pytest.fixture
def page(qtbot, store: Store, real_library: Library):  # type: ignore[no-untyped-def]
    from backleg_desktop.ui.history import HistoryPage

    widget = HistoryPage(real_library)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_store(store)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
