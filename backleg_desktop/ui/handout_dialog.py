"""File → Print handout… and File → Save handout as PDF…: choose a plan (built-in or your
own), then print it through Qt's print dialog, or save it as a PDF through a file dialog
that starts in the last folder used with a dated name (backleg-handout-2026-12-01.pdf),
on every platform (Qt's print dialog offers that name only on X11)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.own_files import refuse_own_file
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.file_dialogs import dated_name, last_folder, remember_folder
from backleg_desktop.ui.handout import (
    Caution,
    paint_handout,
    paper_palette,
    set_page_layout,
    write_plan_pdf,
)

if TYPE_CHECKING:
    from backleg_desktop.ui.disc import DiscMarks

HANDOUT_NAME = "handout"  # backleg-handout-2026-12-01.pdf, for printing and saving alike
PDF_FILTER = "PDF document (*.pdf)"


def _no_caution(_exercise_id: str) -> str:
    return ""


def disc_caution(marks: DiscMarks | None) -> Caution:
    """The herniated-disc mark for the handout's cards, as the cards and Plans rows carry
    it: read when the handout is made, so a changed answer shows on the next one."""
    if marks is None:
        return _no_caution

    def caution(exercise_id: str) -> str:
        if not marks.is_marked(exercise_id):
            return ""
        from backleg_desktop.ui.disc import CARD_BADGE

        badge = CARD_BADGE[:1].lower() + CARD_BADGE[1:]  # "ask your doctor or PT first"
        text = f"Herniated disc: {badge}. {marks.why(exercise_id)}"
        safer = [
            marks.name(m.exercise_id) + (" (bodyweight only)" if m.bodyweight else "")
            for m in marks.safer_for(exercise_id)
        ]
        if safer:
            text += f" Gentler on a disc: {', '.join(safer)}."
        return text

    return caution


def choose_plan(
    parent: QWidget, library: Library, plans: Sequence[Plan] | None = None, title: str = ""
) -> Plan | None:
    """Ask which plan; `plans` defaults to the built-in ones (the window passes its plan
    book's: built-in first, then your own)."""
    choices = list(plans) if plans else list(library.plans.values())
    if len(choices) == 1:
        return choices[0]
    names = [p.name for p in choices]
    name, ok = QInputDialog.getItem(
        parent, title or "Print handout", "Which plan should the handout show?", names, 0, False
    )
    return choices[names.index(name)] if ok and name in names else None


def print_to(
    printer: QPrinter,
    library: Library,
    plan: Plan,
    parent: QWidget,
    caution: Caution = _no_caution,
) -> int:
    """Paint the handout of `plan` on `printer` (a printer or a PDF file); its pages."""
    return paint_handout(printer, library, plan, paper_palette(parent.palette()), caution)


def print_handout(
    parent: QWidget,
    library: Library,
    data_dir: Path,
    settings: QSettings | None = None,
    *,
    plans: Sequence[Plan] | None = None,
    caution: Caution = _no_caution,
) -> None:
    plan = choose_plan(parent, library, plans)
    if plan is None:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_page_layout(printer)
    # Qt's print dialog (on X11) names its PDF after the document: backleg-handout-<date>.
    name = dated_name("", middle=HANDOUT_NAME)
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
            message_boxes.warn(parent, "Print handout", str(error))
            return
        try:
            print_to(printer, library, plan, parent, caution)
            if target:
                remember_folder(settings, Path(target))  # the next dialog starts there
        except OSError:
            # e.g. "Print to file" into a folder that is gone or read-only
            where = printer.outputFileName() or printer.printerName() or "the printer"
            message_boxes.warn(
                parent,
                "Print handout",
                f"{where}: the handout could not be written there. "
                "Choose another file or printer and try again.",
            )


def save_handout_pdf(
    parent: QWidget,
    library: Library,
    data_dir: Path,
    settings: QSettings | None = None,
    *,
    plans: Sequence[Plan] | None = None,
    caution: Caution = _no_caution,
) -> Path | None:
    """Ask for a plan and a file, write the handout there as a PDF; the file, or None."""
    plan = choose_plan(parent, library, plans, "Save handout as PDF")
    if plan is None:
        return None
    suggested = last_folder(settings) / dated_name(".pdf", middle=HANDOUT_NAME)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, f"Save handout as PDF: {plan.name}", str(suggested), PDF_FILTER
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        refuse_own_file(target, data_dir, "the handout")  # never over the history
    except BacklegError as error:
        message_boxes.warn(parent, "Save handout as PDF", str(error))
        return None
    # Written beside the target first, so a full disk never leaves half a PDF (or cuts
    # short an older handout of the same name).
    partial = target.with_name(f".{target.name}.part")
    try:
        pages = write_plan_pdf(library, plan, partial, parent.palette(), caution)
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        message_boxes.warn(
            parent,
            "Save handout as PDF",
            f"{target}: the handout could not be written there (is the folder gone, "
            "read-only or full?). Nothing was saved; choose another folder and try again.",
        )
        return None
    remember_folder(settings, target)
    page_word = "page" if pages == 1 else "pages"
    message_boxes.inform(
        parent,
        "Handout saved",
        f"Saved the {plan.name} handout ({pages} {page_word}) to {target}.",
    )
    return target
