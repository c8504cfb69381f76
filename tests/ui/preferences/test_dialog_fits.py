"""Preferences opens wide enough for every label: no check box, radio button or one-line
label of any section is cut at the edge (it was: "…when a rest is over and Backle")."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.ui.preferences.test_dialog import open_with_keys


def test_every_sections_labels_fit_in_the_dialog_as_it_opens(qtbot, main_window) -> None:
    dialog = open_with_keys(qtbot, main_window)
    cut = []
    for row in range(dialog.stack.count()):
        dialog.section_list.setCurrentRow(row)
        section = dialog.stack.widget(row)
        qtbot.waitUntil(section.isVisible)
        widgets = [*section.findChildren(QAbstractButton), *section.findChildren(QLabel)]
        for widget in widgets:
            if isinstance(widget, QLabel) and widget.wordWrap():
                continue
            if widget.isVisible() and widget.width() < widget.sizeHint().width():
                cut.append((type(section).__name__, widget.text()[:40]))
    assert cut == []
