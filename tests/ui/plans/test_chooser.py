"""The session's plan chooser (Ctrl+N): every plan in order, and typing filters it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from backleg_desktop.ui.plans.draft import draft_from_plan, to_plan
from tests.ui.plans.conftest import focused
from tests.ui.plans.test_plans_page import own_plan

CTRL = Qt.KeyboardModifier.ControlModifier


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Each key to whatever has focus when it is pressed, as a keyboard does."""
    for char in text:
        target = focused()
        assert target is not None, "nothing has the keyboard"
        qtbot.keyClicks(target, char)


def ctrl_n(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused() or window, Qt.Key.Key_N, CTRL)
    page = window.session.page
    assert page.current_screen() is page.chooser
    return page.chooser


def test_built_in_plans_first_then_yours_most_recently_used_first(qtbot, window, store, library):  # type: ignore[no-untyped-def]
    older = own_plan(store, library, "Garden day")
    newer = own_plan(store, library, "Hotel room")
    never = own_plan(store, library, "Another day")
    store.plans.mark_used(older.id)
    store.plans.mark_used(newer.id)
    chooser = ctrl_n(qtbot, window)
    built_in = ["strength", "quick-add-on", "gentle-day", "home-bodyweight"]
    assert chooser.visible_plan_ids() == [*built_in, newer.id, older.id, never.id]
    assert chooser.selected_plan_id() == "strength"
    assert "Your own plan" in chooser.plans.item(4).text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Ctrl+N then Enter: the Strength session
    assert window.session.page.plan.id == "strength"


def test_typing_filters_by_name_and_enter_starts_what_is_chosen(qtbot, window, store, library):  # type: ignore[no-untyped-def]
    own_plan(store, library, "Garden day")
    chooser = ctrl_n(qtbot, window)
    type_keys(qtbot, "day")  # typed on the list: it goes to the filter
    assert chooser.filter.text() == "day"
    assert focused() is chooser.filter
    names = [chooser.plans.item(r).text().split("\n")[0] for r in range(chooser.plans.count())]
    shown = [n for r, n in enumerate(names) if not chooser.plans.item(r).isHidden()]
    assert shown == ["Gentle day", "Garden day"]
    assert chooser.selected_plan_id() == "gentle-day"
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Down from the filter field moves the list
    assert chooser.plans.currentItem().text().startswith("Garden day")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert chooser.filter.text() == "" and len(chooser.visible_plan_ids()) == 5

    type_keys(qtbot, "home no")  # a space typed in the filter is text, not Start
    assert window.session.page.current_screen() is chooser
    assert chooser.visible_plan_ids() == ["home-bodyweight"]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.session.page.plan.id == "home-bodyweight"


def test_a_filter_that_matches_nothing_says_so_and_starts_nothing(qtbot, window) -> None:
    chooser = ctrl_n(qtbot, window)
    type_keys(qtbot, "zzz")
    assert chooser.visible_plan_ids() == [] and chooser.no_match.isVisible()
    assert chooser.selected_plan_id() is None
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.session.page.current_screen() is chooser
    ctrl_n(qtbot, window)  # Ctrl+N again: the filter goes, the Strength session is chosen
    assert chooser.filter.text() == "" and chooser.selected_plan_id() == "strength"


def test_a_plan_saved_elsewhere_appears_at_once(qtbot, window, library) -> None:
    chooser = ctrl_n(qtbot, window)
    assert len(chooser.visible_plan_ids()) == 4
    draft = replace(draft_from_plan(library.plans["strength"], keep_id=False), name="Mine")
    window.plan_book.save(to_plan(draft))  # as the editor and File → Import plans… do
    assert len(chooser.visible_plan_ids()) == 5
