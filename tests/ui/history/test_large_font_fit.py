"""History at 1024×700 with a large system font: the list and the detail go one under the
other when their main columns do not fit side by side, so neither scrolls sideways; at the
default font they stay side by side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from tests.ui.test_font_size import app_font, open_window  # noqa: F401  (the fixture)


def sideways(table: QTableView) -> bool:
    bar = table.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0


def open_history(qtbot, request, data_dir, library):  # type: ignore[no-untyped-def]
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    window.show()
    window.show_page("history")
    history = window.history_page
    qtbot.waitUntil(lambda: history.table.model().rowCount() > 0, timeout=5000)
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: history.detail.sets_view.model().rowCount() > 0, timeout=5000)
    qtbot.wait(50)
    return history


@pytest.mark.parametrize("size", [14.0, 18.0])
def test_at_a_large_font_neither_table_scrolls_sideways(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
    size,
) -> None:
    app_font(size)
    history = open_history(qtbot, request, data_dir, library)
    assert history.splitter.orientation() == Qt.Orientation.Vertical
    assert not sideways(history.table)
    sets = history.detail.sets_view
    assert not sideways(sets)


def test_at_the_default_font_the_detail_stays_beside_the_list(
    qtbot, request, data_dir, library
) -> None:
    history = open_history(qtbot, request, data_dir, library)
    assert history.splitter.orientation() == Qt.Orientation.Horizontal
    assert not sideways(history.table) and not sideways(history.detail.sets_view)
