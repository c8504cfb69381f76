"""The sessions table: a paged, sortable, filterable Qt model over the workout service.

Sorting by date is done by the database (newest or oldest first) and paged: only the rows
the view shows are ever loaded. The service has no ORDER BY for the other columns, so for
those the model loads the filtered sessions' summaries in one query and sorts them here;
that is one aggregate query (a few thousand small rows for ten years) and is only paid when
the user sorts by such a column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.history import SessionSummary
from backleg_desktop.domain.set_count import format_sets_done, sets_planned
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.ui.history import formatting as fmt

if TYPE_CHECKING:
    from backleg_desktop.services.first_rows import SessionPages

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3  # True when the session holds a personal record

DATE, PLAN, DURATION, SETS, VOLUME, PAIN, STATUS = range(7)
HEADERS = ("Date", "Plan", "Duration", "Sets", "Volume", "Pain", "Status")
HEADER_TIPS = (
    "When the session started",
    "The plan followed, or the workout's name for imported sessions",
    "From start to finish",
    "Sets logged / sets the plan asks for (each leg counts for one-leg moves)",
    "Reps × load over working sets",
    "Pain before → after, 0 to 10",
    "How the session ended",
)
RECORD_MARK = "★"
PAGE_SIZE = 100

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class HistoryFilter:
    plan_id: str | None = None
    exercise_id: str | None = None
    since: datetime | None = None  # inclusive, aware
    until: datetime | None = None  # exclusive, aware
    title: str | None = None  # an imported workout's title

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "plan_id": self.plan_id,
            "exercise_id": self.exercise_id,
            "since": self.since,
            "until": self.until,
            "title": self.title,
        }


def _pain_key(s: SessionSummary) -> tuple[int, int]:
    after = s.session.pain_after
    before = s.session.pain_before
    return (-1 if after is None else after, -1 if before is None else before)


# Sort keys for the columns the database cannot order by.
_PY_SORT_KEYS: dict[int, Callable[[SessionSummary], Any]] = {
    PLAN: lambda s: (s.session.plan_id or "", s.session.name.casefold()),
    DURATION: lambda s: -1.0 if s.duration_s is None else s.duration_s,
    SETS: lambda s: s.sets_done or 0,
    VOLUME: lambda s: s.volume_kg,
    PAIN: _pain_key,
    STATUS: lambda s: fmt.status(s.session.status),
}


class SessionTableModel(QAbstractTableModel):
    """Rows are `SessionSummary`s; `SESSION_ID_ROLE` gives a row's session id."""

    def __init__(
        self,
        workouts: SessionPages,
        library: Library,
        *,
        page_size: int = PAGE_SIZE,
        plans: Callable[[], Iterable[Plan]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workouts = workouts
        self._library = library
        # Every plan a session may name, the user's own too (re-read with the rows).
        self._plans = plans or (lambda: library.plans.values())
        self.units: LoadUnits = KILOGRAMS  # the volume column's unit (HistoryPage sets it)
        self._page_size = page_size
        self._filter = HistoryFilter()
        self._sort_column = DATE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._rows: list[SessionSummary] = []
        self._sorted_all: list[SessionSummary] | None = None  # for sorts done here
        self._total = 0
        self._record_sessions: frozenset[int] = frozenset()
        self._planned_sets: dict[str, int] = {}
        self._load(0)

    # --- what is shown --------------------------------------------------------------

    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    def total(self) -> int:
        """How many sessions match the filter (loaded or not)."""
        return self._total

    def summary_at(self, row: int) -> SessionSummary:
        return self._rows[row]

    def row_of_session(self, session_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.session.id == session_id:
                return row
        return None

    def set_filter(self, new_filter: HistoryFilter) -> None:
        if new_filter != self._filter:
            self._filter = new_filter
            self._load(0)

    def set_record_sessions(self, session_ids: Iterable[int]) -> None:
        self._record_sessions = frozenset(session_ids)
        if self._rows:
            top, bottom = self.index(0, DATE), self.index(len(self._rows) - 1, DATE)
            self.dataChanged.emit(top, bottom)

    def refresh(self) -> None:
        """Re-read after a change, keeping the rows the view had already loaded."""
        self._load(max(len(self._rows), self._page_size))

    # --- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SESSION_ID_ROLE:
            return summary.session.id
        if role == SUMMARY_ROLE:
            return summary
        if role == RECORD_ROLE:
            return summary.session.id in self._record_sessions
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DURATION, SETS, VOLUME, PAIN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        more = self._page(start, self._page_size)
        if not more:
            self._total = start  # the history shrank under us (e.g. the CLI deleted)
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self._sort_column, self._sort_order) and self._rows:
            return
        self._sort_column, self._sort_order = column, order
        self._load(0)

    # --- loading --------------------------------------------------------------------

    def _load(self, rows_wanted: int) -> None:
        self.beginResetModel()
        self._sorted_all = None
        self._total = self._workouts.count_sessions(**self._filter.as_kwargs())
        # Counted as the session summary counts them (domain.set_count).
        self._planned_sets = {plan.id: sets_planned(plan) for plan in self._plans()}
        self._rows = self._page(0, max(rows_wanted, self._page_size))
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[SessionSummary]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._sort_column == DATE:
            return list(
                self._workouts.list_sessions(
                    offset=offset,
                    limit=limit,
                    newest_first=descending,
                    **self._filter.as_kwargs(),
                )
            )
        if self._sorted_all is None:
            everything = self._workouts.list_sessions(
                offset=0, limit=max(self._total, 1), newest_first=True, **self._filter.as_kwargs()
            )
            key = _PY_SORT_KEYS[self._sort_column]
            # Stable sort: equal keys stay newest first.
            self._sorted_all = sorted(everything, key=key, reverse=descending)
            self._total = len(self._sorted_all)
        return self._sorted_all[offset : offset + limit]

    # --- cells ----------------------------------------------------------------------

    def _plan_name(self, summary: SessionSummary) -> str:
        plan = self._library.plans.get(summary.session.plan_id or "")
        return plan.name if plan is not None else summary.session.name

    def _display(self, summary: SessionSummary, column: int) -> str:
        s = summary.session
        if column == DATE:
            text = fmt.local_date_time(s.started_at)
            return f"{text}  {RECORD_MARK}" if s.id in self._record_sessions else text
        if column == PLAN:
            return self._plan_name(summary)
        if column == DURATION:
            return fmt.duration(summary.duration_s)
        if column == SETS:
            planned = self._planned_sets.get(s.plan_id or "", 0)
            return format_sets_done(summary.sets_done or 0, planned)
        if column == VOLUME:
            return self.units.volume(summary.volume_kg) if summary.volume_kg else fmt.NO_VALUE
        if column == PAIN:
            return fmt.pain_change(s.pain_before, s.pain_after)
        if column == STATUS:
            return fmt.status(s.status)
        return ""

    def _tooltip(self, summary: SessionSummary, column: int) -> str | None:
        s = summary.session
        if column == DATE and s.id in self._record_sessions:
            return "This session set a personal record."
        if column == PLAN:  # the whole name, when a narrow column elides it
            return self._plan_name(summary)
        if column == STATUS and s.notes:
            return s.notes
        if column == PAIN and s.pain_before is not None and s.pain_after is not None:
            change = s.pain_after - s.pain_before
            if change > 0:
                return f"Pain rose by {change} over the session."
            if change < 0:
                return f"Pain eased by {-change} over the session."
            return "Pain stayed the same."
        return None
