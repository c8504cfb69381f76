"""Wire the session page into the main window: the page (first in the sidebar), the
Session menu, the rest time in the window title, Help → Keyboard shortcuts, and the
resume offer once the store is open.

The page itself is built on first use (or at start-up only when there is a session to
resume), so a plain start pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from backleg_desktop.ui import resources

if TYPE_CHECKING:  # types only: the page and the store load later, on first use
    from backleg_desktop.services.store import Store
    from backleg_desktop.services.user_plans import UserPlans
    from backleg_desktop.services.workouts import WorkoutService
    from backleg_desktop.ui.main_window import MainWindow
    from backleg_desktop.ui.session.page import SessionPage
    from backleg_desktop.ui.session_tray import SessionTray

PAGE_KEY = "session"
APP_TITLE = "Backleg"


class SessionWiring(QObject):
    """Created by `install_session(window)`; `page` builds the session page on demand."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._page: SessionPage | None = None
        self._workouts: WorkoutService | None = None  # once the store is open
        self._plans: UserPlans | None = None
        self.shortcuts_dialog: QWidget | None = None
        self.tray: SessionTray | None = None  # made with the page
        icon = resources.icon("session.svg", window.palette())
        window.add_page(PAGE_KEY, "Session", self._build_page, icon)
        self._move_to_the_top()
        self._build_menu()
        window.store_attached.connect(self._store_attached)
        window.installEventFilter(self)

    def _move_to_the_top(self) -> None:
        """First in the sidebar, and so first in the Go menu with Ctrl+1 (the other pages
        follow in the sidebar's order); Ctrl+N, "Start session", opens it too."""
        sidebar = self.window.sidebar
        row = sidebar.keys().index(PAGE_KEY)
        sidebar.insertItem(0, sidebar.takeItem(row))
        self.window.order_go_menu()

    # -- the page ----------------------------------------------------------------------
    @property
    def page(self) -> SessionPage:
        """The SessionPage (built now if needed)."""
        self.window.page(PAGE_KEY)
        assert self._page is not None  # built by _build_page, the page's factory
        return self._page

    @property
    def built(self) -> bool:
        return self._page is not None

    def open_session_id(self) -> int | None:
        """The stored session the page still writes to: running, offered for resuming,
        or ended and waiting for its pain-after answer. None when there is none (or the
        page is not built)."""
        page = self._page
        if page is not None and (offered := page.controller.pending_resume) is not None:
            return offered.session.id  # Resume would carry on with the copy it holds
        recorder = page.recorder if page is not None else None
        if page is None or recorder is None:
            return None
        if page.is_active or page.current_screen() is page.pain_screen:
            return recorder.session_id
        return None

    def _build_page(self) -> QWidget:
        from backleg_desktop.ui.session.page import SessionPage, read_rest_choice
        from backleg_desktop.ui.session_tray import SessionTray

        page = SessionPage(self.window.library, self.window.settings, clock=self.window.clock)
        # Every plan, your own too, from the window's plan book (ui/plans/book.py).
        page.chooser.set_source(self.window.plan_book.plans)
        self.window.plan_book.changed.connect(page.chooser.refresh)
        page.title_prefix_changed.connect(self._set_title)
        page.red_flags_requested.connect(self._show_red_flags)
        page.active_changed.connect(lambda _active: self._update_actions())
        page.screen_changed.connect(self._update_actions)
        if self._workouts is not None:
            page.set_workouts(self._workouts, self._plans)
        preferences = self.window.preferences  # loads in the unit chosen in Preferences
        preferences.changed.connect(lambda: page.set_units(preferences.load_units()))
        self._page = page
        self.tray = SessionTray(self.window, page)  # the tray icon while a session runs
        # Preferences → Rest may change the default shown beside the plans.
        self.window.preferences.changed.connect(
            lambda: page.chooser.set_rest_choice(read_rest_choice(page.settings))
        )
        self._update_actions()
        return page

    def _store_attached(self, store: Store) -> None:
        workouts = self._workouts = store.workouts
        self._plans = store.plans
        if self._page is not None:
            self._page.set_workouts(workouts, self._plans)
        elif not self._has_unfinished(workouts):
            return  # nothing to resume: leave the page unbuilt until it is asked for
        if self.page.offer_resume():
            self.window.show_page(PAGE_KEY)

    @staticmethod
    def _has_unfinished(workouts: WorkoutService) -> bool:
        from backleg_desktop.services.errors import BacklegError

        try:
            return workouts.in_progress_session() is not None
        except BacklegError:
            return False  # the page shows the problem when it is opened

    def _show_red_flags(self) -> None:
        """The check-in's link: the red-flag card on the Guidance page."""
        self.window.show_page("guidance")
        self.window.guidance_page.show_red_flags()

    def _set_title(self, prefix: str) -> None:
        self.window.setWindowTitle(f"{prefix} · {APP_TITLE}" if prefix else APP_TITLE)

    # -- menus ---------------------------------------------------------------------------
    def _build_menu(self) -> None:
        window = self.window
        menu = QMenu("&Session", window)
        menu.setObjectName("sessionMenu")
        window.menuBar().insertMenu(self.window.go_menu.menuAction(), menu)
        self.menu = menu
        self.start_action = self._action("&Start session…", "Ctrl+N", "startSession", self.start)
        self.end_action = self._action("&End session", "Ctrl+E", "endSessionAction", self._end)
        self.stop_action = self._action(
            "Stop: sharp &pain", "Ctrl+Shift+P", "stopPainAction", self._stop
        )
        # Shown with its key but not a shortcut here: Ctrl+Z belongs to whichever page has
        # focus (the History page undoes its edits); the session page takes it itself.
        self.undo_action = self._action(
            "&Undo last action\tCtrl+Z", "", "undoSetAction", self._undo
        )
        menu.addAction(self.start_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.end_action)
        menu.addAction(self.stop_action)
        self._update_actions()

        self.shortcuts_action = QAction("&Keyboard shortcuts", window)
        self.shortcuts_action.setObjectName("keyboardShortcutsAction")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu: QMenu = window.help_menu
        existing = help_menu.actions()
        if existing:
            help_menu.insertAction(existing[0], self.shortcuts_action)
        else:
            help_menu.addAction(self.shortcuts_action)

    def _action(self, text: str, keys: str, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _update_actions(self) -> None:
        """Undo, End and Stop only while there is something for them to act on: a running
        session; End and Stop also at the check-in (nothing stored yet: back to the plans,
        or no training today), End also on the offer to resume (it ends that session)."""
        page = self._page
        controller = page.controller if page is not None else None
        active = controller is not None and controller.is_active
        check_in = controller is not None and controller.at_check_in
        resume = page is not None and page.current_screen() is page.resume_screen
        self.undo_action.setEnabled(active)
        self.end_action.setEnabled(active or check_in or resume)
        self.stop_action.setEnabled(active or check_in)

    def start(self) -> None:
        """Ctrl+N: show the session page; from a finished session, the plan chooser."""
        page = self.page
        self.window.show_page(PAGE_KEY)
        if page.current_screen() in (page.summary_screen, page.notice_screen):
            page.back_to_plans()
        elif not page.is_active and page.current_screen() is page.chooser:
            page.chooser.refresh()  # the filter cleared and the Strength session chosen
            page.chooser.setFocus()  # its list of plans

    def start_plan(self, plan_id: str) -> None:
        """The Plans page's Start: that plan's check-in. Not over a session under way, nor
        over the offer to resume one; from a check-in (nothing stored yet), a summary or a
        notice it goes straight to the new plan's check-in."""
        page = self.page
        self.window.show_page(PAGE_KEY)
        if page.is_active:
            page.say("Finish or end the session under way before you start another.")
            return
        if page.current_screen() is page.resume_screen:
            page.say("Resume or end the unfinished session first.")
            return
        page.back_to_plans()
        page.choose_plan(plan_id)

    def _end(self) -> None:
        if self._page is not None:
            self._page.end_session()

    def _stop(self) -> None:
        if self._page is not None:
            self._page.stop_for_pain()

    def _undo(self) -> None:
        if self._page is not None:
            self._page.undo_last_set()

    def show_shortcuts(self) -> QWidget:
        from backleg_desktop.ui.session.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        return self.shortcuts_dialog

    # -- closing -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Closing mid-session asks nothing: every set is stored already. Just stop timers.
        if watched is self.window and event.type() == QEvent.Type.Close and self._page:
            if not self._page.saving.flush(self.window):  # sets not saved yet: stay open
                event.ignore()
                return True
            self._page.shutdown()
        return False


def install_session(window: MainWindow) -> SessionWiring:
    return SessionWiring(window)
