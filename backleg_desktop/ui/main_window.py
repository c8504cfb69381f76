"""The main window: a sidebar of pages, a stack that shows one, menus and a status bar.

Pages are plain widgets. A page that has a `link_activated(str)` signal gets its links
("exercise:<id>", "plan:<id>") routed here, so pages never know about each other.

Only what the first frame needs is imported at the top; the pages, icons, the Qt
namespace and the rest are imported by `complete()`, after the first paint.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QWidget

from backleg_desktop.ui.navigation import NavigationSidebar

if TYPE_CHECKING:
    # Even a Qt class costs up to 1.7 ms on first use, so these wait for complete().
    from PySide6.QtGui import QAction, QCloseEvent, QIcon
    from PySide6.QtWidgets import QMenu

    from backleg_desktop.content.model import Library
    from backleg_desktop.services.first_rows import SessionPages
    from backleg_desktop.services.store import Store
    from backleg_desktop.ui.disc import DiscMarks
    from backleg_desktop.ui.disc_question import DiscQuestionDialog
    from backleg_desktop.ui.disclaimer import DisclaimerDialog
    from backleg_desktop.ui.history import HistoryPage
    from backleg_desktop.ui.pages.avoid import AvoidPage
    from backleg_desktop.ui.pages.exercise_detail import ExerciseDetailPage
    from backleg_desktop.ui.pages.exercises import ExercisesPage
    from backleg_desktop.ui.pages.guidance import GuidancePage
    from backleg_desktop.ui.pages.plans import PlansPage
    from backleg_desktop.ui.plans.book import PlanBook
    from backleg_desktop.ui.preferences.dialog import PreferencesDialog
    from backleg_desktop.ui.preferences.prefs import Preferences
    from backleg_desktop.ui.session.install import SessionWiring

WINDOW_TITLE = "Backleg"
EXERCISE_DETAIL = "exercise"  # the one page that is not in the sidebar
MAX_HISTORY = 100
_GEOMETRY_KEY = "window/geometry"
# The sidebar as complete() leaves it (the session page first, see session/install.py),
# shown by name in the first frame before the pages exist.
SIDEBAR_PAGES = (
    ("session", "Session"),
    ("exercises", "Exercises"),
    ("plans", "Plans"),
    ("avoid", "Avoid"),
    ("guidance", "Guidance"),
    ("history", "History"),
)


class Location(NamedTuple):  # not a dataclass: that module is not loaded before the first paint
    """Where the user is: a page, and for the exercise page, which exercise."""

    page: str
    exercise_id: str | None = None


class MainWindow(QMainWindow):
    page_changed = Signal(str)  # key of the page now shown
    store_attached = Signal(object)  # the Store, once it is open (after the first paint)

    library: Library
    session: SessionWiring
    disc: DiscMarks  # the herniated-disc answer's marks (ui/disc_wiring.py)
    plan_book: PlanBook
    # The menu bar, built by window_menus.build_menus() in complete().
    file_menu: QMenu
    go_menu: QMenu
    help_menu: QMenu
    quit_action: QAction
    import_action: QAction
    export_action: QAction
    import_plans_action: QAction  # ui/plans/file_actions.py
    export_plans_action: QAction
    print_handout_action: QAction
    back_action: QAction
    disclaimer_action: QAction
    about_action: QAction
    go_separator: QAction  # page entries go above it, Back below
    # Edit → Preferences… (ui/preferences/install.py); `preferences.changed` after OK/Apply.
    preferences: Preferences
    edit_menu: QMenu
    preferences_action: QAction
    preferences_dialog: PreferencesDialog | None

    def __init__(
        self,
        *,
        library: Library | None,
        settings: QSettings,
        data_dir: Path,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        """The whole window; or with `library=None`, only its first frame.

        The first frame is the title, the size and the sidebar's page names, which is
        all that is cheap to build; `complete(library)` adds the rest once it has been
        painted, so the window appears about as fast as an empty one.
        """
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.clock = clock
        self.store: Store | None = None
        self.first_rows: SessionPages | None = None  # History's, until the store is open
        self._pages: dict[str, QWidget] = {}  # a placeholder until a lazy page is built
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._page_actions: dict[str, QAction] = {}
        self._history: list[Location] = []
        self._location: Location | None = None
        self._complete = False
        self.disclaimer_dialog: DisclaimerDialog | None = None
        self.disc_dialog: DiscQuestionDialog | None = None

        self.setWindowTitle(WINDOW_TITLE)
        self.setMinimumSize(800, 560)

        self.sidebar = NavigationSidebar(self)
        for key, title in SIDEBAR_PAGES:
            self.sidebar.reserve(key, title)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._restore_geometry()
        if library is not None:
            self.complete(library)

    @property
    def is_complete(self) -> bool:
        return self._complete

    def complete(self, library: Library) -> None:
        """Build everything the first frame left out: pages, menus, icons, status bar."""
        if self._complete:
            raise RuntimeError("the main window is complete already")
        from backleg_desktop.ui import page_factories as pages
        from backleg_desktop.ui import page_icons, resources
        from backleg_desktop.ui.disc_wiring import install_disc
        from backleg_desktop.ui.focus_ring import install_focus_ring
        from backleg_desktop.ui.plans.book import PlanBook
        from backleg_desktop.ui.session.install import install_session
        from backleg_desktop.ui.window_menus import build_menus

        install_focus_ring()  # not on the first frame, which has no keyboard focus to show
        self.library = library
        self.setWindowIcon(resources.app_icon())
        self.sidebar.finish_setup()
        self.sidebar.page_requested.connect(self.show_page)
        build_menus(self)  # and Edit → Preferences… (ui/preferences/install.py)
        self.statusBar().setSizeGripEnabled(True)
        self.plan_book = PlanBook(library, self)  # every plan, built-in and your own
        self.store_attached.connect(self.plan_book.attach)

        # Every page is built on first use (the first one shown: at the end of this).
        palette = self.palette()
        self.add_page(
            "exercises",
            "Exercises",
            lambda: pages.make_exercises(self),
            resources.icon("exercises.svg", palette),
        )
        self.add_page(
            "plans", "Plans", lambda: pages.make_plans(self), resources.icon("plans.svg", palette)
        )
        self.add_page(
            "avoid", "Avoid", lambda: pages.make_avoid(self), resources.icon("avoid.svg", palette)
        )
        self.add_page(
            "guidance",
            "Guidance",
            lambda: pages.make_guidance(self),
            resources.icon("guidance.svg", palette),
        )
        self.add_page(
            "history",
            "History",
            lambda: pages.make_history(self),
            resources.icon("history.svg", palette),
        )
        self.add_page(
            EXERCISE_DETAIL, "Exercise", lambda: pages.make_exercise_page(self), in_sidebar=False
        )
        page_icons.follow_theme(self)  # icons in the text colour of the theme in use
        # The guided session: first in the sidebar, built on first use; its menu and keys.
        self.session = install_session(self)
        self.disc = install_disc(self)  # marks what a herniated disc should clear first
        for key in set(self.sidebar.keys()) - set(self._pages):
            self.sidebar.remove_entry(key)  # reserved for the first frame, never added
        self._complete = True
        from backleg_desktop.ui.window_state import install_window_state

        # The last page, or Exercises: only the page shown is built (see window_state.py).
        if not install_window_state(self).restore_page():
            self.show_page("exercises", remember=False)

    # -- pages ----------------------------------------------------------------------
    def add_page(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        icon: QIcon | None = None,
        *,
        in_sidebar: bool = True,
    ) -> None:
        """Add a page; sidebar pages get a Go menu entry and Ctrl+<n> in sidebar order.

        `widget` may be a factory (any callable returning the page): it is then built the
        first time the page is shown or asked for with page(key), which keeps start-up fast.
        """
        from PySide6.QtGui import QAction, QIcon, QKeySequence

        if key in self._pages:
            raise ValueError(f"a page called {key!r} already exists")
        if isinstance(widget, QWidget):
            self._install(key, widget)
        else:
            self._factories[key] = widget
            placeholder = QWidget()
            self._pages[key] = placeholder
            self.stack.addWidget(placeholder)
        if not in_sidebar:
            return
        self.sidebar.add_entry(key, title, icon)
        action = QAction(icon or QIcon(), title, self)
        action.setObjectName(f"goTo-{key}")
        number = len(self._page_actions) + 1
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
        self.go_menu.insertAction(self.go_separator, action)
        self._page_actions[key] = action

    def order_go_menu(self) -> None:
        """Put the Go menu's page entries, and their Ctrl+1…9, in the sidebar's order
        (after a page was moved in the sidebar, as the session page is)."""
        from PySide6.QtGui import QKeySequence

        for number, key in enumerate(self.sidebar.keys(), start=1):
            action = self._page_actions.get(key)
            if action is None:
                continue
            self.go_menu.removeAction(action)
            self.go_menu.insertAction(self.go_separator, action)
            action.setShortcut(QKeySequence(f"Ctrl+{number}") if number <= 9 else QKeySequence())

    def page(self, key: str) -> QWidget:
        """The page widget, built now if it was added as a factory."""
        factory = self._factories.pop(key, None)
        if factory is not None:
            placeholder = self._pages[key]
            self._install(key, factory(), replacing=placeholder)
            placeholder.deleteLater()
        return self._pages[key]

    def _install(self, key: str, widget: QWidget, replacing: QWidget | None = None) -> None:
        widget.setProperty("pageKey", key)
        self._pages[key] = widget
        if replacing is None:
            self.stack.addWidget(widget)
        else:
            self.stack.insertWidget(self.stack.indexOf(replacing), widget)
            self.stack.removeWidget(replacing)
        link_signal = getattr(widget, "link_activated", None)
        if link_signal is not None:
            link_signal.connect(self.open_link)

    @property
    def exercises_page(self) -> ExercisesPage:
        return cast("ExercisesPage", self.page("exercises"))

    @property
    def plans_page(self) -> PlansPage:
        return cast("PlansPage", self.page("plans"))

    @property
    def avoid_page(self) -> AvoidPage:
        return cast("AvoidPage", self.page("avoid"))

    @property
    def guidance_page(self) -> GuidancePage:
        return cast("GuidancePage", self.page("guidance"))

    @property
    def history_page(self) -> HistoryPage:
        return cast("HistoryPage", self.page("history"))

    def is_built(self, key: str) -> bool:
        """The page exists already (not a factory waiting for its first use)."""
        return key in self._pages and key not in self._factories

    def current_exercise_id(self) -> str | None:
        return None if self._location is None else self._location.exercise_id

    def history_built(self) -> bool:
        return "history" in self._pages and "history" not in self._factories

    @property
    def exercise_page(self) -> ExerciseDetailPage:
        return cast("ExerciseDetailPage", self.page(EXERCISE_DETAIL))

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def current_page_key(self) -> str | None:
        return None if self._location is None else self._location.page

    def show_page(self, key: str, *, remember: bool = True) -> None:
        if key not in self._pages:
            raise KeyError(key)
        self._go_to(Location(key), remember=remember)

    # -- links and history ----------------------------------------------------------
    def open_link(self, link: str) -> None:
        from backleg_desktop.ui.links import EXERCISE, PLAN, parse_link

        kind, target = parse_link(link)
        if kind == EXERCISE:
            self.open_exercise(target)
        elif kind == PLAN:
            self.open_plan(target)

    def open_exercise(self, exercise_id: str) -> None:
        self._go_to(Location(EXERCISE_DETAIL, exercise_id), remember=True)

    def open_plan(self, plan_id: str) -> None:
        self.show_page("plans")
        self.plans_page.show_plan(plan_id)

    def can_go_back(self) -> bool:
        return bool(self._history)

    def go_back(self) -> bool:
        if not self._history:
            return False
        self._go_to(self._history.pop(), remember=False)
        return True

    def _go_to(self, location: Location, *, remember: bool) -> None:
        if location == self._location:
            return
        if remember and self._location is not None:
            self._history.append(self._location)
            del self._history[:-MAX_HISTORY]
        self._location = location
        if location.exercise_id is not None:
            self.exercise_page.set_exercise(location.exercise_id)
        page = self.page(location.page)
        self.stack.setCurrentWidget(page)
        # The exercise page belongs under Exercises in the sidebar.
        self.sidebar.mark_current(
            "exercises" if location.page == EXERCISE_DETAIL else location.page
        )
        self.back_action.setEnabled(self.can_go_back())
        if location.page == EXERCISE_DETAIL:
            self.statusBar().showMessage(self.exercise_page.title.text())
        elif location.page == "exercises":
            self.show_match_count()
        else:
            self.statusBar().clearMessage()
        if not self.sidebar.hasFocus() or location.page == EXERCISE_DETAIL:
            from PySide6.QtCore import Qt

            page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.page_changed.emit(location.page)

    def show_match_count(self) -> None:
        if self.current_page_key() != "exercises":
            return
        proxy = self.exercises_page.proxy
        total = len(self.library.exercises)
        shown = proxy.exercise_count()
        self.statusBar().showMessage(
            f"Showing {shown} of {total} exercises" if proxy.is_filtered() else f"{total} exercises"
        )

    # -- store ----------------------------------------------------------------------
    def attach_store(self, store: Store) -> None:
        """Keep the open Store for the pages that record and show workouts."""
        self.store = store
        self.first_rows = None
        self.store_attached.emit(store)

    def show_first_rows(self, rows: SessionPages) -> None:
        """History's first rows, read before the store opens (app.py)."""
        self.first_rows = rows
        if self.history_built() and self.store is None:
            self.history_page.show_first_rows(rows)

    # -- disclaimer -----------------------------------------------------------------
    def show_disclaimer(self) -> DisclaimerDialog:
        """Open the disclaimer (non-blocking); accepting it is remembered in settings."""
        from backleg_desktop.ui.disclaimer import DisclaimerDialog, remember_accepted

        if self.disclaimer_dialog is None:
            dialog = DisclaimerDialog(self.library.guidance.disclaimer, self)
            dialog.accepted.connect(lambda: remember_accepted(self.settings))
            dialog.accepted.connect(self.ask_disc_question)  # the one question after it
            self.disclaimer_dialog = dialog
        self.disclaimer_dialog.open()
        return self.disclaimer_dialog

    def show_disclaimer_if_first_start(self) -> DisclaimerDialog | None:
        from backleg_desktop.ui.disclaimer import disclaimer_accepted

        if disclaimer_accepted(self.settings):
            self.ask_disc_question()  # not answered yet (first asked in a later version)
            return None
        return self.show_disclaimer()

    def ask_disc_question(self) -> DiscQuestionDialog | None:
        """The one-time herniated-disc question, unless it has an answer already."""
        from backleg_desktop.ui.disc_wiring import ask_disc_question

        return ask_disc_question(self)

    # -- window state ---------------------------------------------------------------
    def bring_to_front(self) -> None:
        """Another start of Backleg asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(_GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self.resize(1180, 780)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
