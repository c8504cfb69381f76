"""The Plans page: every plan, Start and Enter, built-in plans read-only, and your own
duplicated, renamed and deleted (History keeps a deleted plan's sessions by name)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from backleg_desktop.ui.plans.draft import draft_from_plan, to_plan
from tests.ui.plans.conftest import activate, add_exercise, names_in

Yes = QMessageBox.StandardButton.Yes


def own_plan(store, library, name: str = "Garden day"):  # type: ignore[no-untyped-def]
    """A plan of your own, saved the way the editor saves one."""
    draft = replace(draft_from_plan(library.plans["quick-add-on"], keep_id=False), name=name)
    return store.plans.save(to_plan(draft))


def list_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return list(page.details)


def test_every_plan_is_listed_and_says_whose_it_is(window, store, library) -> None:
    mine = own_plan(store, library)
    window.plan_book.changed.emit()
    window.show_page("plans")
    page = window.plans_page
    assert list_ids(page) == [*library.plans, mine.id]
    source = page.findChild(QLabel, "planSource-home-bodyweight").text()
    assert source == "Backleg's suggestion, built on the article"
    texts = [page.list.item(row).text() for row in range(page.list.count())]
    assert texts[0] == "Strength session\nThe article's plan"
    assert "Home, no equipment\nBackleg's suggestion" in texts
    assert texts[-1] == "Garden day\nYour own plan"
    # Built-in plans can be started and duplicated, nothing else.
    assert set(page.details["strength"].buttons) == {"start", "duplicate"}
    assert set(page.details[mine.id].buttons) == {"start", "duplicate", "edit", "rename", "delete"}


def test_enter_in_the_list_starts_the_chosen_plan(qtbot, window) -> None:
    window.show_page("plans")
    page = window.plans_page
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.current_plan_id() == "quick-add-on"
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    session = window.session.page
    assert window.current_page_key() == "session"
    assert session.current_screen() is session.pain_screen
    assert session.plan.id == "quick-add-on"


def test_the_start_button_starts_that_plan(qtbot, window) -> None:
    window.show_page("plans")
    page = window.plans_page
    page.show_plan("home-bodyweight")
    qtbot.mouseClick(page.details["home-bodyweight"].buttons["start"], Qt.MouseButton.LeftButton)
    assert window.session.page.plan.name == "Home, no equipment"


def test_duplicate_the_strength_session_and_swap_the_machine(qtbot, window, store) -> None:
    """The issue's walk-through: the leg extension swapped for glute bridges, saved."""
    window.show_page("plans")
    page = window.plans_page
    page.details["strength"].buttons["duplicate"].click()
    editor = page.editor
    activate(qtbot, editor)
    assert editor.name.text() == "Strength session (copy)"
    assert names_in(editor)[0] == "Leg extension"
    editor.list.setFocus()
    editor.list.setCurrentIndex(editor.model.index(0))
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    editor.list.setCurrentIndex(editor.model.index(0))
    add_exercise(qtbot, editor, "glute bridge")  # goes after the chosen item
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names_in(editor) == [
        "Glute bridge",
        "Goblet squat",
        "Lying leg curl",
        "Reverse lunge",
        "Split-stance Romanian deadlift",
    ]
    qtbot.keyClick(editor.list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    (saved,) = store.plans.all()
    assert saved.name == "Strength session (copy)" and saved.source == "user"
    assert saved.items[1:] == window.library.plans["strength"].items[1:]
    assert window.library.plans["strength"].items[0].exercise_id == "leg-extension"  # untouched
    assert page.current_plan_id() == saved.id


def test_rename_refuses_a_name_in_use_then_renames(window, store, library, answers, monkeypatch):  # type: ignore[no-untyped-def]
    mine = own_plan(store, library)
    window.plan_book.changed.emit()
    typed = [("quick ADD-on", True), ("Leg day", True)]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: typed.pop(0)))
    window.show_page("plans")
    page = window.plans_page
    page.details[mine.id].buttons["rename"].click()
    assert "Another plan is called “quick ADD-on”" in answers.told[-1][1]
    assert store.plans.get(mine.id).name == "Leg day"
    assert page.list.currentItem().text() == "Leg day\nYour own plan"


def test_delete_a_plan_that_has_history(qtbot, window, store, library, answers) -> None:
    mine = own_plan(store, library)
    started = store.workouts.start_session(mine.id, pain_before=2)
    store.workouts.finish_session(started.id, pain_after=1)
    window.plan_book.changed.emit()
    window.show_page("plans")
    page = window.plans_page
    page.show_plan(mine.id)
    answers.append(QMessageBox.StandardButton.No)
    page.details[mine.id].buttons["delete"].click()
    assert store.plans.get(mine.id) is not None  # No keeps it
    title, question = answers.asked[-1]
    assert title == "Delete plan" and "History keeps every session" in question
    answers.append(Yes)
    page.details[mine.id].buttons["delete"].click()
    assert store.plans.get(mine.id) is None
    assert mine.id not in page.details
    window.show_page("history")
    history = window.history_page
    qtbot.waitUntil(lambda: history.model is not None and history.model.rowCount() == 1)
    assert history.model.summary_at(0).session.name == "Garden day"


def test_start_never_replaces_a_session_under_way(qtbot, window, fake_clock) -> None:
    from tests.ui.session.conftest import Driver, FakeAlert

    drive = Driver(qtbot, window, fake_clock)
    drive.page._alert = FakeAlert()
    window.show_page("plans")
    window.plans_page.details["quick-add-on"].buttons["start"].click()
    assert drive.page.plan.id == "quick-add-on"  # at its check-in: nothing stored yet
    window.show_page("plans")
    window.plans_page.details["gentle-day"].buttons["start"].click()
    assert drive.page.plan.id == "gentle-day"  # so another plan simply takes its place
    drive.type("2")
    drive.enter()
    drive.do_set()
    window.show_page("plans")
    window.plans_page.details["strength"].buttons["start"].click()
    assert window.current_page_key() == "session"
    assert drive.page.plan.id == "gentle-day" and drive.page.is_active
    assert "end the session under way" in drive.page.message.text()
