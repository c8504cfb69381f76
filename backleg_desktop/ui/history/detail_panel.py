"""One session in full: when, how it went, suggestions, and every set (editable)."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.history import LoggedSet, SessionDetail
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.set_count import format_sets_done, sets_done
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.history import formatting as fmt
from backleg_desktop.ui.history.column_chooser import ColumnChooser
from backleg_desktop.ui.history.rpe_delegate import RpeDelegate
from backleg_desktop.ui.history.sets_model import (
    EXERCISE,
    KIND,
    LOAD,
    NOTE,
    NUMBER,
    REPS,
    REST,
    RPE,
    SIDE,
    EditHandler,
    SetsTableModel,
)
from backleg_desktop.ui.widgets import heading, muted

SETS_COLUMNS_KEY = "history/set_columns_hidden"

EMPTY_TEXT = "Choose a session in the list to see its sets."
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)
HELD_TEXT = "Open on the Session page: end the session there to change or delete it."


class SessionDetailPanel(QWidget):
    delete_set_requested = Signal(object)  # LoggedSet
    delete_session_requested = Signal(int)

    def __init__(
        self,
        exercise_name: Callable[[str], str],
        plan_name: Callable[[str | None, str], str],
        on_edit: EditHandler,
        parent: QWidget | None = None,
        planned_sets: Callable[[str | None], int] = lambda _plan_id: 0,
    ) -> None:
        super().__init__(parent)
        self._planned_sets = planned_sets  # plan id → sets planned (domain.set_count)
        # The session the Session page still writes to (the window sets this): deleting
        # it, or one of its sets, under the page's feet lost every set logged after.
        self.open_session: Callable[[], int | None] = lambda: None
        self.setObjectName("sessionDetail")
        self._plan_name = plan_name
        self.detail: SessionDetail | None = None

        self.title = heading(EMPTY_TEXT, 3, self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.meta = muted(QLabel(self))
        self.meta.setObjectName("detailMeta")
        self.meta.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setObjectName("detailNotes")
        self.notes.setWordWrap(True)
        self.hints = QLabel(self)
        self.hints.setObjectName("detailHints")
        self.hints.setWordWrap(True)
        self.hints.setTextFormat(Qt.TextFormat.RichText)

        self.sets_model = SetsTableModel(exercise_name, on_edit, self)
        self.sets_view = QTableView(self)
        self.sets_view.setObjectName("setsView")
        self.sets_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        described(
            self.sets_view,
            "Each set of the chosen session: exercise, reps, load and time. "
            "F2 or a double-click corrects a value.",
            name="Sets of this session",
        )
        self.sets_view.setModel(self.sets_model)
        self.sets_view.setItemDelegateForColumn(RPE, RpeDelegate(self.sets_view))
        self.sets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sets_view.setEditTriggers(EDIT_TRIGGERS)
        self.sets_view.verticalHeader().hide()
        self.sets_view.setAlternatingRowColors(True)
        self.sets_view.setWordWrap(False)
        # Exercise names stretch, as wide as the longest that fits (a longer one elides,
        # whole in the tooltip); the other columns are shown in the room left, or as the
        # user chose in the header's menu.
        self.columns = ColumnChooser(
            self.sets_view,
            key=SETS_COLUMNS_KEY,
            main=(EXERCISE, NUMBER, REPS, LOAD),
            # Side first, even before whole names: a one-leg set's Left and Right rows look
            # like a set logged twice without it (it is only shown when some set has a side).
            optional=(SIDE, RPE, KIND, NOTE, REST),
            before_names=(SIDE,),
            stretch=EXERCISE,
            min_stretch=100,
            has_values=self.sets_model.has_values,
        )
        self.sets_view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.delete_set_button = QPushButton("Delete set", self)
        self.delete_set_button.setObjectName("deleteSetButton")
        described(self.delete_set_button, "Deletes the chosen set; Ctrl+Z brings it back.")
        self.delete_set_button.clicked.connect(self._delete_set)
        self.delete_session_button = QPushButton("Delete session", self)
        self.delete_session_button.setObjectName("deleteSessionButton")
        described(
            self.delete_session_button,
            "Deletes this whole session with its sets; Ctrl+Z brings it back.",
        )
        self.delete_session_button.clicked.connect(self._delete_session)
        self.status = muted(QLabel(self))
        self.status.setWordWrap(True)  # a long note must not widen the detail past the list
        self.status.setObjectName("detailStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_set_button)
        buttons.addWidget(self.delete_session_button)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.notes)
        layout.addWidget(self.hints)
        layout.addWidget(self.sets_view, 1)
        layout.addLayout(buttons)
        self.show_detail(None)

    def show_detail(
        self,
        detail: SessionDetail | None,
        hints: list[ProgressionHint] | None = None,
        back: Mapping[str, int] | None = None,
    ) -> None:
        """`back`: the session's "How is your back?" answers, exercise id → level."""
        self.detail = detail
        focus = QApplication.focusWidget()
        # An edit re-reads the session: its editor goes with the reset, and the focus
        # would move on down the tab order to "Delete session"; it stays on the sets.
        typing = focus is not None and (
            focus is self.sets_view or self.sets_view.isAncestorOf(focus)
        )
        self.sets_model.set_detail(detail)
        self.columns.fit()
        # Each session starts at its first set, not where the last one was scrolled to.
        self.sets_view.scrollToTop()
        self.sets_view.horizontalScrollBar().setValue(0)
        has = detail is not None
        self.sets_view.setVisible(has)
        if typing and has:
            self.sets_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()
        if detail is None:
            self.title.setText(EMPTY_TEXT)
            for label in (self.meta, self.notes, self.hints):
                label.clear()
                label.hide()
            return
        s = detail.session
        self.title.setText(
            f"{self._plan_name(s.plan_id, s.name)} — {fmt.local_date_time(s.started_at)}"
        )
        duration = (s.ended_at - s.started_at).total_seconds() if s.ended_at is not None else None
        parts = [
            fmt.status(s.status),
            fmt.duration(duration),
            f"pain {fmt.pain_change(s.pain_before, s.pain_after)}",
            # Counted as the summary and the list count them: one set per set number.
            _sets_text(format_sets_done(sets_done(detail.sets), self._planned_sets(s.plan_id))),
        ]
        if s.status == "stopped_pain" and s.stop_exercise_id:
            where = self.sets_model._exercise_name(s.stop_exercise_id)
            parts.append(f"stopped at {where}, set {s.stop_set_number or '?'}")
        if back:  # which move flares the back
            name = self.sets_model._exercise_name
            parts.append("back after " + ", ".join(f"{name(e)} {p}" for e, p in back.items()))
        self.meta.setText(" · ".join(parts))
        self.meta.show()
        self.notes.setText(f"Notes: {s.notes}" if s.notes else "")
        self.notes.setVisible(bool(s.notes))
        self.show_hints(hints or [])

    def show_hints(self, hints: list[ProgressionHint]) -> None:
        if not hints:
            self.hints.clear()
            self.hints.hide()
            return
        items = "".join(f"<li>{html.escape(h.text)}</li>" for h in hints)
        self.hints.setText(f"<b>Suggestions</b><ul style='margin-left:-20px'>{items}</ul>")
        self.hints.show()

    def selected_set(self) -> LoggedSet | None:
        rows = self.sets_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.sets_model.logged_set(rows[0].row())

    def select_set(self, set_id: int) -> None:
        row = self.sets_model.row_of_set(set_id)
        if row is not None:
            self.sets_view.selectRow(row)

    def _held(self) -> bool:
        return self.detail is not None and self.detail.session.id == self.open_session()

    def _update_buttons(self, *_args: object) -> None:
        held = self._held()
        # Nor edited: the rest screen's "Just logged" box would show, and a correction
        # there write back, the values from before the edit.
        self.sets_view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if held else EDIT_TRIGGERS
        )
        self.delete_set_button.setEnabled(self.selected_set() is not None and not held)
        self.delete_session_button.setEnabled(self.detail is not None and not held)
        why = HELD_TEXT if held else ""
        for button in (self.delete_set_button, self.delete_session_button):
            button.setToolTip(why)
        if held:
            self.status.setText(HELD_TEXT)
        elif self.status.text() == HELD_TEXT:
            self.status.clear()

    def showEvent(self, event: QShowEvent) -> None:
        self._update_buttons()  # the session may have started or ended meanwhile
        super().showEvent(event)

    def _delete_set(self) -> None:
        logged = self.selected_set()
        if logged is not None and not self._held():
            self.delete_set_requested.emit(logged)

    def _delete_session(self) -> None:
        if self.detail is not None and not self._held():
            self.delete_session_requested.emit(self.detail.session.id)


def _sets_text(done: str) -> str:
    """ "1 set", "3 sets", "17/19 sets"."""
    return f"{done} {'set' if done == '1' else 'sets'}"
