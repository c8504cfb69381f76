"""File → Print handout…: the same handout painted on a QPrinter (here a PDF file)."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.ui import message_boxes
from tests.test_handout import page_texts


def test_print_handout_paints_the_same_handout_on_a_printer(
    qtbot, main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from backleg_desktop.ui.handout import set_page_layout
    from backleg_desktop.ui.handout_dialog import print_to

    action = main_window.findChild(type(main_window.print_handout_action), "printHandoutAction")
    assert action in main_window.file_menu.actions()
    assert action.text() == "Print &handout…"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    set_page_layout(printer)
    plan = main_window.library.plan("quick-add-on")
    assert print_to(printer, main_window.library, plan, main_window) == 1
    text = " ".join(page_texts(out))
    assert all(main_window.library.exercise(i.exercise_id).name in text for i in plan.items)


def print_to_file(main_window, monkeypatch, out: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """File → Print handout… for the quick add-on, "Print to file" `out` in the dialog;
    the warnings shown."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QInputDialog

    from backleg_desktop.ui.handout_dialog import print_handout

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(dialog.printer().OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted.value

    told: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Quick add-on", True))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    monkeypatch.setattr(message_boxes, "warn", lambda *a: told.append(a[2]))
    print_handout(main_window, main_window.library, main_window.data_dir)
    return told


def test_a_print_to_file_that_cannot_be_written_is_told_not_raised(
    qtbot, main_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The print dialog's "Print to file" into a folder that is gone used to end in an
    OSError traceback from the menu action, with nothing said on screen."""
    out = tmp_path / "gone" / "handout.pdf"
    told = print_to_file(main_window, monkeypatch, out)
    assert len(told) == 1
    assert str(out) in told[0] and "could not be written" in told[0]
    assert not out.exists()


def test_print_to_file_never_writes_over_the_history(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """ "Print to file" naming the history used to replace it with a PDF."""
    history = main_window.data_dir / "backleg.sqlite3"
    history.write_bytes(b"SQLite format 3\x00 stands in for the history")
    before = history.read_bytes()
    told = print_to_file(main_window, monkeypatch, history)
    assert len(told) == 1 and "one of Backleg's own files" in told[0]
    assert history.read_bytes() == before
