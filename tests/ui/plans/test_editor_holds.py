"""A timed hold in the editor: no warm-up sets (there is no load to halve)."""

from __future__ import annotations

from tests.ui.plans.test_editor import three_item_editor


def test_warm_up_sets_given_to_a_hold_are_a_problem_until_taken_away(qtbot, window) -> None:
    editor = three_item_editor(qtbot, window)
    editor.list.setCurrentIndex(editor.model.index(0))
    form = editor.form
    form.warmup.setValue(2)
    form.mode.setCurrentIndex(form.mode.findData("hold"))
    form.mode.activated.emit(form.mode.currentIndex())
    problem = form.problems["warmup_sets"]
    assert problem.isVisible() and "timed hold has no warm-up sets" in problem.text()
    assert form.warmup.isEnabled() and not editor.save_button.isEnabled()
    form.warmup.setValue(0)
    assert not problem.isVisible() and editor.save_button.isEnabled()
    assert not form.warmup.isEnabled()
