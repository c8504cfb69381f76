"""The plan editor driven like a user: create, add, reorder, validate, undo, save."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.ui.plans.conftest import activate, add_exercise, names_in, new_editor

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def three_item_editor(qtbot, window):  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, window)
    qtbot.keyClicks(editor.name, "Garden day")
    for words in ("glute bridge", "clamshell", "bird dog"):
        add_exercise(qtbot, editor, words)
    assert names_in(editor) == ["Glute bridge", "Clamshell", "Bird dog"]
    return editor


def test_create_a_plan_from_the_picker_and_save_it(qtbot, window, store) -> None:
    editor = new_editor(qtbot, window)
    assert not editor.save_button.isEnabled()  # no name, no exercise yet
    qtbot.keyClicks(editor.name, "Garden day")
    qtbot.keyClicks(editor.summary, "Bodyweight moves on the lawn")
    add_exercise(qtbot, editor, "glute bridge")
    add_exercise(qtbot, editor, "reverse lunge")
    assert names_in(editor) == ["Glute bridge", "Reverse lunge"]
    lunge = editor.model.item(1)
    assert lunge.per_leg and editor.form.per_leg.isEnabled()  # a one-leg move, per leg
    qtbot.keyClick(editor.list, Qt.Key.Key_Up)  # the glute bridge: both legs together
    assert not editor.form.per_leg.isEnabled()

    editor.form.warmup.setValue(1)
    assert "half the working load" in editor.form.warmup_about.text()
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert not editor.isVisible()
    saved = store.plans.all()
    assert [plan.name for plan in saved] == ["Garden day"]
    plan = saved[0]
    assert plan.summary == "Bodyweight moves on the lawn"
    assert [item.exercise_id for item in plan.items] == ["glute-bridge", "reverse-lunge"]
    assert plan.items[0].warmup_sets == 1 and plan.items[1].per_leg
    page = window.plans_page
    assert page.current_plan_id() == plan.id  # the page shows the plan just saved
    assert "Your own plan" in page.list.currentItem().text()


def test_reorder_with_alt_up_and_down_and_undo_it(qtbot, window) -> None:
    editor = three_item_editor(qtbot, window)
    editor.list.setFocus()
    editor.list.setCurrentIndex(editor.model.index(2))
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, ALT)
    assert names_in(editor) == ["Glute bridge", "Bird dog", "Clamshell"]
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, ALT)
    assert names_in(editor) == ["Bird dog", "Glute bridge", "Clamshell"]
    assert editor.current_row() == 0  # the moved item stays chosen
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, ALT)
    assert names_in(editor) == ["Glute bridge", "Bird dog", "Clamshell"]
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, CTRL)
    assert names_in(editor) == ["Bird dog", "Glute bridge", "Clamshell"]
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, CTRL_SHIFT)
    assert names_in(editor) == ["Glute bridge", "Bird dog", "Clamshell"]


def test_reorder_by_drag_and_drop(qtbot, window) -> None:
    editor = three_item_editor(qtbot, window)
    model = editor.model
    # What a drag carries, dropped below the last row.
    mime = model.mimeData([model.index(0)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names_in(editor) == ["Clamshell", "Bird dog", "Glute bridge"]
    # Dropped onto a row: it goes before that row.
    mime = model.mimeData([model.index(2)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(1))
    assert names_in(editor) == ["Clamshell", "Glute bridge", "Bird dog"]
    # QListView's own internal move asks the model to move the row.
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 2)
    assert names_in(editor) == ["Glute bridge", "Clamshell", "Bird dog"]
    editor.stack.undo()
    assert names_in(editor) == ["Clamshell", "Glute bridge", "Bird dog"]
    assert editor.list.dragDropMode() == editor.list.DragDropMode.InternalMove


def test_each_problem_shows_next_to_its_field_and_blocks_saving(qtbot, window, store) -> None:
    editor = three_item_editor(qtbot, window)
    assert editor.save_button.isEnabled()
    editor.list.setCurrentIndex(editor.model.index(0))
    reps = editor.form.reps
    reps.selectAll()
    qtbot.keyClicks(reps, "15-12")
    problem = editor.form.problems["reps"]
    assert problem.isVisible() and "greater than" in problem.text()
    assert not editor.save_button.isEnabled()
    assert "1 thing to fix" in editor.status.text()
    assert editor.model.data(editor.model.index(0)).startswith("⚠")  # marked in the list
    qtbot.keyClick(reps, Qt.Key.Key_S, CTRL)  # Ctrl+S saves nothing while it is wrong
    assert editor.isVisible() and store.plans.all() == []

    reps.selectAll()
    qtbot.keyClicks(reps, "12-")  # half typed: not a number or a range yet
    assert "a range such as" in problem.text()
    qtbot.keyClicks(reps, "15")
    assert not problem.isVisible() and editor.save_button.isEnabled()

    editor.name.clear()
    qtbot.keyClicks(editor.name, "strength SESSION")  # the built-in plan's name
    assert "Another plan is called" in editor.name_problem.text()
    assert not editor.save_button.isEnabled()


def test_a_timed_hold_instead_of_reps(qtbot, window, store) -> None:
    editor = three_item_editor(qtbot, window)
    editor.list.setCurrentIndex(editor.model.index(0))
    form = editor.form
    form.mode.setCurrentIndex(form.mode.findData("hold"))
    form.mode.activated.emit(form.mode.currentIndex())
    assert form.hold.isVisible() and not form.reps.isVisible()
    assert not form.warmup.isEnabled()  # a hold has no load to halve
    form.hold.selectAll()
    qtbot.keyClicks(form.hold, "20-30")
    editor.save()
    plan = store.plans.all()[0]
    assert plan.items[0].reps is None
    assert (plan.items[0].hold_seconds.low, plan.items[0].hold_seconds.high) == (20, 30)


def test_undo_and_redo_with_the_keys_inside_the_editor(qtbot, window) -> None:
    editor = three_item_editor(qtbot, window)
    editor.list.setFocus()
    editor.list.setCurrentIndex(editor.model.index(1))
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert names_in(editor) == ["Glute bridge", "Bird dog"]
    note = editor.form.note
    note.setFocus()
    qtbot.keyClicks(note, "slow")
    assert editor.model.item(1).note == "slow"
    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)  # the whole word typed is one step
    assert editor.model.item(1).note == "" and note.text() == ""
    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)
    assert names_in(editor) == ["Glute bridge", "Clamshell", "Bird dog"]
    assert editor.current_row() == 1  # undo shows the item it brought back
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert names_in(editor) == ["Glute bridge", "Bird dog"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert editor.model.item(1).note == "slow"


def test_leaving_with_changes_asks_first(qtbot, window, answers, store) -> None:
    from PySide6.QtWidgets import QMessageBox

    editor = three_item_editor(qtbot, window)
    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
    assert editor.isVisible()
    assert answers.asked[-1][0] == "Discard changes"
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)  # no answer queued: the default, No
    assert editor.isVisible()
    answers.append(QMessageBox.StandardButton.Yes)
    editor.reject()
    assert not editor.isVisible() and store.plans.all() == []


def test_the_picker_offers_your_own_exercises_too(qtbot, window, store) -> None:
    store.workouts.add_user_exercise("Kettlebell swing")
    editor = new_editor(qtbot, window)
    qtbot.keyClicks(editor.name, "Swings")
    add_exercise(qtbot, editor, "swing")
    assert names_in(editor) == ["Kettlebell swing"]
    assert "Your own exercise" in editor.form.about.text()
    assert not editor.form.per_leg.isEnabled()  # counted as both legs, as the session does
    editor.save()
    (plan,) = store.plans.all()
    assert plan.items[0].exercise_id == "user:Kettlebell swing"


def test_the_picker_filters_on_every_word_and_adds_several_at_once(qtbot, window) -> None:
    editor = new_editor(qtbot, window)
    qtbot.keyClick(editor.list, Qt.Key.Key_Insert)
    picker = editor.picker
    qtbot.keyClicks(picker.search, "bodyweight one leg")
    names = [picker.proxy.index(r, 0).data().split("\n")[0] for r in range(picker.proxy.rowCount())]
    assert {"Reverse lunge", "Clamshell", "Step-up"} <= set(names)
    assert "Glute bridge" not in names  # both legs together: filtered out
    picker.list.selectAll()
    count = len(picker.chosen_ids())
    picker.accept()
    assert editor.model.rowCount() == count > 1


def test_replace_keeps_the_numbers_and_drops_per_leg_for_a_two_leg_move(qtbot, window) -> None:
    editor = new_editor(qtbot, window)
    qtbot.keyClicks(editor.name, "Swap")
    add_exercise(qtbot, editor, "reverse lunge")
    before = editor.model.item(0)
    assert before.per_leg
    editor.replace_button.click()
    picker = editor.picker
    activate(qtbot, picker)
    assert picker.windowTitle() == "Replace Reverse lunge"
    qtbot.keyClicks(picker.search, "glute bridge")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    after = editor.model.item(0)
    assert names_in(editor) == ["Glute bridge"]
    assert (after.sets, after.reps, after.rest) == (before.sets, before.reps, before.rest)
    assert not after.per_leg and not editor.problems.count  # nothing left to fix
    editor.stack.undo()  # one step takes back both
    assert editor.model.item(0) == before


def test_a_name_in_the_other_unicode_form_is_taken_too(qtbot, window, store) -> None:
    # The store refuses "Café legs" typed with a combining accent when "Café legs" exists;
    # the editor let it through (it compared with casefold alone) and only Save failed.
    editor = new_editor(qtbot, window)
    type_text(editor.name, "Caf\u00e9 legs")
    add_exercise(qtbot, editor, "glute bridge")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [plan.name for plan in store.plans.all()] == ["Caf\u00e9 legs"]
    again = new_editor(qtbot, window)
    type_text(again.name, "CAFE\u0301 LEGS")
    add_exercise(qtbot, again, "glute bridge")
    assert "Another plan is called" in again.name_problem.text()
    assert not again.save_button.isEnabled()


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Typed as a keyboard sends it; QTest's key clicks take ASCII only."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
