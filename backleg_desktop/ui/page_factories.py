"""The pages built on first use, imports included, so start-up pays for none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


def make_exercises(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.disc_wiring import mark_cards
    from backleg_desktop.ui.pages.exercises import ExercisesPage

    page = ExercisesPage(window.library)
    mark_cards(page, window.disc)  # the herniated-disc badge on the cards it concerns
    for signal in (page.proxy.layoutChanged, page.proxy.rowsInserted, page.proxy.rowsRemoved):
        signal.connect(window.show_match_count)
    return page


def make_plans(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.pages.plans import PlansPage

    page = PlansPage(window.library, window.plan_book)
    page.start_requested.connect(window.session.start_plan)
    return page


def make_avoid(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.pages.avoid import AvoidPage

    return AvoidPage(window.library)


def make_guidance(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.pages.guidance import GuidancePage

    return GuidancePage(window.library)


def make_history(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.history import HistoryPage

    page = HistoryPage(window.library, plans=window.plan_book.plans)  # yours count "5 of 6" too
    page.use_settings(window.settings)
    page.detail.open_session = window.session.open_session_id  # never deleted while open
    page.set_units(window.preferences.load_units())  # and again whenever they change:
    window.preferences.changed.connect(lambda: page.set_units(window.preferences.load_units()))
    window.store_attached.connect(page.set_store)
    if window.store is not None:
        page.set_store(window.store)
    elif window.first_rows is not None:
        page.show_first_rows(window.first_rows)
    return page


def make_exercise_page(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.pages.exercise_detail import ExerciseDetailPage

    page = ExerciseDetailPage(window.library, clock=window.clock)
    page.back_requested.connect(window.go_back)
    return page
