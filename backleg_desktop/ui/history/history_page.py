"""The History page: the sessions list with filters and the session detail, plus the
Progress (charts), Records and Calendar tabs, which are built the first time they are shown.

    page = HistoryPage(library)
    page.set_store(store)          # or set_workouts(store.workouts); until then it is empty

Edits are saved at once; Ctrl+Z (the page's undo stack) reverses them, also saved at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.history import LoggedSet
from backleg_desktop.domain.set_count import sets_planned
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.history import formatting as fmt
from backleg_desktop.ui.history import lookup
from backleg_desktop.ui.history.detail_panel import SessionDetailPanel
from backleg_desktop.ui.history.filter_bar import HistoryFilterBar
from backleg_desktop.ui.history.outside_changes import OutsideChangeWatcher
from backleg_desktop.ui.history.sessions_table import make_sessions_table
from backleg_desktop.ui.history.split_fit import SplitFit
from backleg_desktop.ui.history.table_model import (
    DATE,
    SESSION_ID_ROLE,
    HistoryFilter,
    SessionTableModel,
)
from backleg_desktop.ui.history.undo import (
    DeleteSessionCommand,
    DeleteSetCommand,
    EditSetCommand,
)
from backleg_desktop.ui.history.worker import Job, start_job
from backleg_desktop.ui.widgets import heading

if TYPE_CHECKING:
    from backleg_desktop.services.first_rows import SessionPages
    from backleg_desktop.services.store import Store
    from backleg_desktop.services.workouts import WorkoutService
    from backleg_desktop.ui.history.calendar_view import CalendarView
    from backleg_desktop.ui.history.charts import ProgressView
    from backleg_desktop.ui.history.records_view import RecordsView

SESSIONS_TAB, PROGRESS_TAB, RECORDS_TAB, CALENDAR_TAB = range(4)


TAB_TIPS = (
    "Every session in a list, with the sets of the one you choose (Ctrl+Tab: next view).",
    "Charts of an exercise's loads, weekly sets and volume, and of your pain over time.",
    "Your best loads and reps for each exercise, and when you did them.",
    "A month and a year of the days you trained, with your weekly streak.",
)


class HistoryPage(QWidget):
    session_opened = Signal(int)
    history_changed = Signal()  # after an edit, a delete, an undo or an import

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
        plans: Callable[[], Iterable[Plan]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.pool = pool or QThreadPool.globalInstance()
        self.library = library
        self.workouts: WorkoutService | None = None
        self.model: SessionTableModel | None = None
        self.undo_stack = QUndoStack(self)
        self._lazy_tabs: dict[int, QWidget] = {}
        self._stale_tabs: set[int] = set()
        self.units = KILOGRAMS  # loads in the user's unit (set_units, from Preferences)
        # Every plan, the user's own too (the window gives its plan book's), for the
        # sets planned that "5 of 6" counts against.
        self.plans = plans or (lambda: library.plans.values())

        title = heading("History", 1, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("historyTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_sessions_tab(), "Sessions")
        self.detail.sets_model.load_words = lambda exercise_id: lookup.load_words(
            library, exercise_id
        )
        for name in ("Progress", "Records", "Calendar"):
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, name)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.tabs.tabBar().setAccessibleName("History views")
        for index, tip in enumerate(TAB_TIPS):  # a tab's tooltip is its description
            self.tabs.setTabToolTip(index, tip)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setObjectName("historyUndo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setObjectName("historyRedo")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # all: Ctrl+Y and Ctrl+Shift+Z
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._set_enabled(False)
        self.outside = OutsideChangeWatcher(self)
        self.outside.changed_outside.connect(self.refresh_keeping_selection)

    # --- building ---------------------------------------------------------------------

    def _build_sessions_tab(self) -> QWidget:
        tab = QWidget(self)
        self.filters = HistoryFilterBar(self.library, tab)
        self.filters.changed.connect(self._apply_filters)
        self.filters.clear_button.clicked.connect(self.clear_filters)

        self.table, self.columns = make_sessions_table(tab)
        self.table.setAccessibleName("Sessions")

        self.detail = SessionDetailPanel(
            self.exercise_name, self.plan_name, self._edit_set, tab, planned_sets=self.planned_sets
        )
        self.detail.delete_set_requested.connect(self.delete_set)
        self.detail.delete_session_requested.connect(self.delete_session)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        # Side by side when both fit, the list as wide as it needs; else stacked.
        SplitFit(self.splitter, self.columns, self.detail.columns)

        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        return tab

    # --- store ------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Show `store`'s history (connect MainWindow.store_attached here)."""
        self.set_workouts(store.workouts)

    def show_first_rows(self, rows: SessionPages) -> None:
        """The list read before the store opens (app.py): shown, not sortable or editable."""
        if self.workouts is None:
            self._show_model(rows)

    def _show_model(self, source: SessionPages) -> None:
        self.model = SessionTableModel(source, self.library, plans=self.plans, parent=self)
        self.model.units = self.units
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.table.setModel(self.model)
        self.columns.fit()  # measured in the table's font, again when rows or font change
        self._update_count()

    def set_workouts(self, workouts: WorkoutService) -> None:
        self.workouts = workouts
        self.undo_stack.clear()
        self._show_model(workouts)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._set_enabled(True)
        self._stale_tabs = set(self._lazy_tabs)
        self.outside.watch(workouts.db_path)
        # Names of user exercises and record markers come after the first rows are shown.
        QTimer.singleShot(0, self, self._after_first_rows)

    def _after_first_rows(self) -> None:
        if self.workouts is None:
            return
        try:
            self.filters.fill_exercises(self.workouts.user_exercises())
            self.filters.fill_plans(self.workouts.session_titles())
        except BacklegError:
            return  # the list itself works; names and markers are a nicety
        # Records read every working set (a quarter of a second for ten years): off the
        # GUI thread, so the first rows stay responsive.
        workouts, exercise_ids = self.workouts, self.filters.exercise_ids()
        job = Job(lambda _progress, _cancel: lookup.record_sessions(workouts, exercise_ids))
        job.signals.finished.connect(self._records_found)
        start_job(self.pool, job)

    def _records_found(self, session_ids: set[int]) -> None:
        if self.model is not None:
            self.model.set_record_sessions(session_ids)

    def mark_records(self) -> None:
        """Mark the sessions that hold a personal record (now, on this thread)."""
        if self.model is not None and self.workouts is not None:
            self.model.set_record_sessions(
                lookup.record_sessions(self.workouts, self.filters.exercise_ids())
            )

    def _set_enabled(self, enabled: bool) -> None:
        self.filters.set_usable(enabled)

    def use_settings(self, settings: QSettings) -> None:
        """Where the columns chosen in the tables' header menus are remembered."""
        self.columns.use_settings(settings)
        self.detail.columns.use_settings(settings)

    # --- names ------------------------------------------------------------------------

    def exercise_name(self, exercise_id: str) -> str:
        return lookup.exercise_name(self.library, exercise_id)

    def planned_sets(self, plan_id: str | None) -> int:
        return sets_planned(next((p for p in self.plans() if p.id == plan_id), None))

    def plan_name(self, plan_id: str | None, fallback: str) -> str:
        plan = self.library.plans.get(plan_id or "")
        return plan.name if plan is not None else fallback

    # --- filters ----------------------------------------------------------------------

    def current_filter(self) -> HistoryFilter:
        return self.filters.current_filter()

    def _apply_filters(self, *_args: object) -> None:
        if self.model is None:
            return
        self.model.set_filter(self.current_filter())
        self.detail.show_detail(None)

    def clear_filters(self) -> None:
        self.filters.clear()
        self._apply_filters()

    def _update_count(self, *_args: object) -> None:
        if self.model is None:
            return
        self.filters.show_count(self.model.total())

    # --- the selected session -----------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.show_session(current.data(SESSION_ID_ROLE), select=False)

    def show_session(self, session_id: int, *, select: bool = True) -> None:
        """Show a session in the detail panel (and select its row if it is loaded)."""
        if self.workouts is None:
            return
        try:
            detail = self.workouts.session_detail(session_id)
        except BacklegError:
            self.detail.show_detail(None)
            return
        try:
            hints = lookup.session_hints(self.workouts, self.library, detail, self.units)
            back = self.workouts.exercise_pains(session_id)  # "How is your back?" answers
        except BacklegError:
            hints, back = [], {}
        self.detail.show_detail(detail, hints, back)
        if select:
            self.tabs.setCurrentIndex(SESSIONS_TAB)
            self._select_row(session_id)
        self.session_opened.emit(session_id)

    def _select_row(self, session_id: int) -> None:
        if self.model is None:
            return
        row = self.model.row_of_session(session_id)
        if row is None:
            return
        index = self.model.index(row, DATE)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)

    # --- changes (saved at once, undoable) ------------------------------------------------

    def _edit_set(self, logged: LoggedSet, field: str, value: Any) -> bool:
        if self.workouts is None:  # no store: nothing is shown to edit
            return False
        old = getattr(logged, field)
        try:
            self.workouts.update_set(logged.id, **{field: value})
        except BacklegError as error:
            self._tell(fmt.edit_problem(error, self.units))
            return False
        self.undo_stack.push(
            EditSetCommand(
                self.workouts, logged, field, old, value, self._changed, self._undo_failed
            )
        )
        self._changed(logged.session_id)
        self.detail.select_set(logged.id)
        return True

    def delete_set(self, logged: LoggedSet) -> None:
        if self.workouts is None:
            return
        try:
            deleted = self.workouts.delete_set(logged.id)
        except BacklegError as error:
            self._tell(str(error))
            return
        self.undo_stack.push(
            DeleteSetCommand(self.workouts, deleted, self._changed, self._undo_failed)
        )
        self._changed(deleted.session_id)
        self.detail.status.setText("Set deleted. Ctrl+Z brings it back.")

    def delete_session(self, session_id: int) -> None:
        if self.workouts is None:
            return
        try:
            deleted = self.workouts.delete_session(session_id)
        except BacklegError as error:
            self._tell(str(error))
            return
        self.undo_stack.push(
            DeleteSessionCommand(self.workouts, deleted, self._changed, self._undo_failed)
        )
        self._changed(None)
        self.detail.status.setText("Session deleted. Ctrl+Z brings it back.")

    def _changed(self, session_id: int | None) -> None:
        """Re-read what a change touched: the list, the detail, and the other tabs later."""
        self.outside.seen()
        if self.model is not None:
            self.model.refresh()
        self._stale_tabs = set(self._lazy_tabs)
        if session_id is None:
            self.detail.show_detail(None)
        else:
            self.show_session(session_id, select=True)
        self.history_changed.emit()

    def refresh(self) -> None:
        """Re-read everything (after an import, say)."""
        if self.workouts is None:
            return
        self.undo_stack.clear()  # ids may have changed under the stack
        self.filters.fill_exercises(self.workouts.user_exercises())
        self.filters.fill_plans(self.workouts.session_titles())
        self._changed(None)
        self.mark_records()

    def refresh_keeping_selection(self) -> None:
        """Re-read everything after a change outside the window; the session shown stays."""
        shown = self.detail.detail.session.id if self.detail.detail is not None else None
        self.refresh()
        if shown is not None:
            self.show_session(shown)

    def set_units(self, units: LoadUnits) -> None:
        """Show loads in `units` from now on: the list, the open session, the other tabs."""
        if units == self.units:
            return
        self.units = units
        self.detail.sets_model.set_units(units)
        if self.model is not None:
            self.model.units = units
            self.model.refresh()
        self._stale_tabs = set(self._lazy_tabs)
        self._tab_shown(self.tabs.currentIndex())
        if self.detail.detail is not None:
            self.show_session(self.detail.detail.session.id, select=False)

    def _tell(self, message: str) -> None:
        message_boxes.warn(self, "Backleg", message)

    def _undo_failed(self, message: str) -> None:  # inside QUndoStack.undo(): tell after it
        QTimer.singleShot(0, self, lambda: self._tell(message))

    # --- lazy tabs ------------------------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        workouts = self.workouts
        if index == SESSIONS_TAB or workouts is None:
            return
        if index in self._lazy_tabs and index not in self._stale_tabs:
            return
        holder = self.tabs.widget(index)
        layout = holder.layout() if holder is not None else None
        if holder is None or layout is None:
            return
        old = self._lazy_tabs.pop(index, None)
        if old is not None:
            old.deleteLater()
        widget = self._build_tab(index, holder, workouts)
        layout.addWidget(widget)
        self._lazy_tabs[index] = widget
        self._stale_tabs.discard(index)

    def _build_tab(self, index: int, holder: QWidget, workouts: WorkoutService) -> QWidget:
        view: ProgressView | RecordsView | CalendarView
        if index == PROGRESS_TAB:
            from backleg_desktop.ui.history.charts import ProgressView  # loads QtCharts

            view = ProgressView(workouts, self.library, holder, self.units)
        elif index == RECORDS_TAB:
            from backleg_desktop.ui.history.records_view import RecordsView

            view = RecordsView(workouts, self.library, holder, self.units)
        else:
            from backleg_desktop.ui.history.calendar_view import CalendarView

            view = CalendarView(workouts, holder)
        view.session_requested.connect(self.show_session)
        return view

    def tab_widget(self, index: int) -> QWidget | None:
        """The Progress, Records or Calendar view, once built (for tests)."""
        return self._lazy_tabs.get(index)
