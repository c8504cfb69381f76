"""The sessions list's view: one row per session, the plan column as wide as its names
(eliding only a name too long for the table), Status, Duration and Volume shown while
they fit or as the user chose (header menu)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.history.column_chooser import ColumnChooser
from backleg_desktop.ui.history.table_model import (
    DATE,
    DURATION,
    PAIN,
    PLAN,
    SETS,
    STATUS,
    VOLUME,
)

SESSION_COLUMNS_KEY = "history/session_columns_hidden"
# The fixed columns' widths come from samples in the table's font: measuring every loaded
# row would cost more. (The plan column, which stretches, is measured once per distinct
# plan name: column_chooser.py.)
SAMPLES = {
    DATE: "Wed 30 Sep 2026, 18:45  ★",
    DURATION: "1 h 05 min",
    SETS: "22 of 22",  # domain.set_count.format_sets_done
    VOLUME: "12,345 kg",
    PAIN: "10 → 10",
    STATUS: "Stopped for pain",
}


def make_sessions_table(parent: QWidget) -> tuple[QTableView, ColumnChooser]:
    table = QTableView(parent)
    table.setObjectName("sessionsTable")
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
    described(
        table,
        "Your sessions, newest first: date, plan, sets done and pain. Choose one to see "
        "its sets; the header's menu chooses the columns.",
        name="Sessions",
    )
    table.setSortingEnabled(False)  # turned on once a model is set
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    columns = ColumnChooser(
        table,
        key=SESSION_COLUMNS_KEY,
        main=(DATE, PLAN, SETS, PAIN),
        optional=(STATUS, DURATION, VOLUME),
        stretch=PLAN,
        min_stretch=120,
        samples=SAMPLES,
    )
    return table, columns
