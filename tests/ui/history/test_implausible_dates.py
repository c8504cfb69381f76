"""A history that already holds sessions dated year 1 or 9999 (imported before the readers
refused such dates) still opens its Sessions list, Calendar and Progress tabs."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.store import open_store
from backleg_desktop.ui.history.history_page import CALENDAR_TAB, PROGRESS_TAB
from tests.support.qt_lifetime import keep_until_teardown


@pytest.fixture
def new_york() -> Iterator[None]:
    """West of UTC, where year 1 00:30 UTC falls before the first representable day."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_year_1_and_9999_sessions_do_not_break_the_tabs(
    qtbot, request, data_dir, real_library, new_york
) -> None:
    from backleg_desktop.ui.history import HistoryPage

    store = open_store(data_dir, real_library, make_daily_backup=False)
    w = store.workouts
    for when in (
        datetime(1, 1, 1, 0, 30, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 0, tzinfo=UTC),
        datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
    ):
        s = w.start_session("strength", pain_before=1, started_at=when)
        w.log_set(s.id, SetEntry("goblet-squat", 1, reps=8, load_kg=12.0, completed_at=when))
        w.finish_session(s.id, pain_after=1, ended_at=when)
    page = HistoryPage(real_library)
    qtbot.addWidget(page)
    keep_until_teardown(request, page)
    page.resize(1280, 800)
    page.set_store(store)
    page.show()
    qtbot.waitExposed(page)
    try:
        model = page.table.model()
        shown = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert len(shown) == 3
        assert any("01 Jan 1, 00:30" in str(text) for text in shown)  # as stored, in UTC

        page.tabs.setCurrentIndex(CALENDAR_TAB)
        calendar = page.tab_widget(CALENDAR_TAB)
        assert calendar is not None
        assert sum(calendar.summary.per_day.values()) == 1
        assert calendar.left_out == 2
        assert "2 sessions with a date before 1900 or in the future" in calendar.day_label.text()

        page.tabs.setCurrentIndex(PROGRESS_TAB)
        progress = page.tab_widget(PROGRESS_TAB)
        assert progress is not None
        progress.select("goblet-squat", "top_load")
        assert len(progress.exercise_chart.series["Top-set load"].points()) == 1
        assert len(progress.pain_chart.series["Pain after"].points()) == 1
        progress.grab()
        calendar.grab()
    finally:
        page.close()
        page.pool.waitForDone()  # its records job reads the store closed next
        store.close()
