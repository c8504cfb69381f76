"""File → Print handout…: choose a plan, then print it or save it as a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.own_files import refuse_own_file
from backleg_desktop.ui.file_dialogs import dated_name, last_folder, remember_folder
from backleg_desktop.ui.handout import paint_handout, paper_palette, set_page_layout


def choose_plan(parent: QWidget, library: Library) -> Plan | None:
    plans = list(library.plans.values())
    if len(plans) == 1:
        return plans[0]
    names = [p.name for p in plans]
    name, ok = QInputDialog.getItem(
        parent, "Print handout", "Which plan should the handout show?", names, 0, False
    )
    return plans[names.index(name)] if ok and name in names else None


def print_to(printer: QPrinter, library: Library, plan: Plan, parent: QWidget) -> int:
    """Paint the handout of `plan` on `printer` (a printer or a PDF file); its pages."""
    return paint_handout(printer, library, plan, paper_palette(parent.palette()))


def print_handout(
    parent: QWidget, library: Library, data_dir: Path, settings: QSettings | None = None
) -> None:
    plan = choose_plan(parent, library)
    if plan is None:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_page_layout(printer)
    # Qt's print dialog names its PDF after the document: backleg-strength-handout-2026-12-01.
    name = dated_name("", middle=f"{plan.id}-handout")
    printer.setDocName(name)
    if not QPrinterInfo.availablePrinters():  # a PDF is the only choice: in the last folder
        printer.setOutputFileName(str(last_folder(settings) / f"{name}.pdf"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print handout: {plan.name}")
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        target = printer.outputFileName()
        try:
            if target:  # "Print to file": never over the history or a backup
                refuse_own_file(Path(target), data_dir, "the handout")
        except BacklegError as error:
            QMessageBox.warning(parent, "Print handout", str(error))
            return
        try:
            print_to(printer, library, plan, parent)
            if target:
                remember_folder(settings, Path(target))  # the next dialog starts there
        except OSError:
            # e.g. "Print to file" into a folder that is gone or read-only
            where = printer.outputFileName() or printer.printerName() or "the printer"
            QMessageBox.warning(
                parent,
                "Print handout",
                f"{where}: the handout could not be written there. "
                "Choose another file or printer and try again.",
            )
