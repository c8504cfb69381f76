"""History before the store is open: the first rows read through plain sqlite3 are shown
as the store will show them, but nothing can be sorted, filtered or opened until it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from backleg_desktop.content.model import Library
from backleg_desktop.services.first_rows import FirstRows, HealthCheck
from backleg_desktop.services.store import Store
from tests.support.qt_lifetime import keep_until_teardown


def cells(widget) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = widget.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_first_rows_are_shown_then_the_store_takes_over(
    qtbot, request: pytest.FixtureRequest, store: Store, data_dir: Path, real_library: Library
) -> None:
    from backleg_desktop.ui.history import HistoryPage

    rows = FirstRows.open(HealthCheck.start(data_dir))
    assert rows is not None
    page = HistoryPage(real_library)
    qtbot.addWidget(page)
    keep_until_teardown(request, page)
    page.resize(1280, 800)
    page.show_first_rows(rows)
    page.show()
    qtbot.waitExposed(page)
    early = cells(page)
    assert len(early) == 100 and early[0][0]  # a page of rows, newest first
    assert not page.table.isSortingEnabled()
    assert not page.filters.plan_combo.isEnabled()
    assert page.filters.count_label.text() == f"{store.workouts.count_sessions():,} sessions"
    page.table.selectRow(0)
    assert page.detail.detail is None  # nothing opens without the store

    page.set_store(store)
    rows.close()
    assert cells(page) == early  # the store's rows are the same rows
    assert page.table.isSortingEnabled()
    assert page.filters.plan_combo.isEnabled()
    page.table.selectRow(0)
    first_id = page.table.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert page.detail.detail is not None
    assert page.detail.detail.session.id == first_id
