"""File → Print handout…: the same handout painted on a QPrinter (here a PDF file)."""

from __future__ import annotations

from pathlib import Path

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
