"""The import dialog grows to what its preview shows: the unit row of a file without units
and a status that wraps to two lines were squeezed into the height it opened with (found in
a walkthrough: "Pounds (lb)" cut in half in an old Strong file's preview)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from tests.ui.history.test_transfer_dialogs import open_dialog

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"


def test_the_preview_of_a_strong_file_is_not_squeezed(qtbot, monkeypatch, page, store) -> None:
    dialog = open_dialog(qtbot, monkeypatch, page, store, DATA / "strong.csv")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    for _ in range(4):
        QApplication.processEvents()
    assert dialog.unit_combo.isVisible()
    combo: QComboBox = dialog.unit_combo
    assert combo.height() >= combo.sizeHint().height()
    status: QLabel = dialog.status
    assert status.text().count(".") >= 2  # the sentence about the skipped rest timer too
    assert status.height() >= status.heightForWidth(status.width())
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
