"""The printable handout of a plan: one card per exercise, as physios hand to patients.

Each card has the figure at its start and its turning point, the name, sets × reps and
rest as the plan gives them, the key form cues, one easier option and one warning sign;
every page carries the plan's name and the disclaimer. After a herniated-disc "yes" the
moves to clear first carry the same caution as their cards, in an amber frame. Your own
exercises in your own plans get a card with their name and dose only. The same painting
goes to a PDF (QPdfWriter: `backleg handout`, File → Save handout as PDF…) and to a
printer (QPrinter, File → Print handout…).
The page size follows the locale: Letter where US measures are used, A4 elsewhere.
"""

from __future__ import annotations

import errno
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from backleg_desktop.content.model import Exercise, Library, Plan, PlanItem
from backleg_desktop.domain.history import user_exercise_name
from backleg_desktop.ui.figures.painter import figure_bounds, paint_figure
from backleg_desktop.ui.formatting import format_reps, format_rest, format_sets

RESOLUTION_DPI = 300
MARGIN_MM = 14.0
CARD_GAP_MM = 5.0
CARD_PADDING_MM = 4.0
FIGURE_HEIGHT_MM = 42.0
KEY_CUES = 4  # the first cues carry the set-up and the form points that matter most
BODY_POINTS = 9.0
CAUTION_COLOUR = QColor("#c77c00")  # the cards' amber disc mark; the text says it in words

# exercise id → the caution its card carries ("" for none), e.g. the herniated-disc mark
Caution = Callable[[str], str]


def _no_caution(_exercise_id: str) -> str:
    return ""


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter for US measures, A4 for the rest of the world."""
    locale = locale or QLocale()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def dose_text(item: PlanItem) -> str:
    """ "2–3 × 8 per leg, rest 60–75 s", as the plan gives it."""
    return f"{format_sets(item)} × {format_reps(item)}, rest {format_rest(item.rest_seconds)}"


def warmup_text(item: PlanItem) -> str:
    count = item.warmup_sets
    return f"First {count} warm-up {'set' if count == 1 else 'sets'} at about half the load"


def paper_palette(palette: QPalette) -> QPalette:
    """`palette` made fit for paper: dark text on a light page, whatever the screen uses."""
    paper = QPalette(palette)
    roles = QPalette.ColorRole
    if palette.color(roles.Base).lightness() < palette.color(roles.Text).lightness():
        # A dark theme: swap the light and dark roles, keep its accent.
        for light, dark in ((roles.Base, roles.Text), (roles.Window, roles.WindowText)):
            paper.setColor(light, palette.color(dark))
            paper.setColor(dark, palette.color(light))
    return paper


def write_pdf_headless(library: Library, plan_id: str, path: Path) -> int:
    """For `backleg handout`: write the PDF with no window (QT_QPA_PLATFORM is set by the
    CLI); the number of pages. KeyError: no such plan."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication.instance() or QApplication(["backleg"])
    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette() if style is not None else QPalette()
    pages = write_pdf(library, plan_id, path, palette)
    del app
    return pages


def write_pdf(library: Library, plan_id: str, path: Path, palette: QPalette) -> int:
    """Write the handout of `plan_id` to `path`; the number of pages. KeyError: no plan."""
    return write_plan_pdf(library, library.plan(plan_id), path, palette)


def write_plan_pdf(
    library: Library, plan: Plan, path: Path, palette: QPalette, caution: Caution = _no_caution
) -> int:
    """Write the handout of `plan` (built-in or your own) to `path`; the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(f"{plan.name}: handout")
    writer.setCreator("Backleg")
    set_page_layout(writer)
    try:
        return paint_handout(writer, library, plan, paper_palette(palette), caution)
    except OSError as error:
        raise OSError(errno.EIO, "the PDF cannot be written there", str(path)) from error


def set_page_layout(device: QPagedPaintDevice) -> None:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    device.setPageLayout(
        QPageLayout(
            page_size_for(), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
        )
    )


@dataclass
class _Card:
    exercise: Exercise | None  # None: your own exercise (no figure, no cues)
    item: PlanItem
    text: QTextDocument
    height: float
    marked: bool = False


def paint_handout(
    device: QPagedPaintDevice,
    library: Library,
    plan: Plan,
    palette: QPalette,
    caution: Caution = _no_caution,
) -> int:
    """Paint every page of the handout on `device`; the number of pages."""
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError(f"cannot write the handout ({device})")
    try:
        return _Pages(painter, device, library, plan, palette, caution).paint()
    finally:
        painter.end()


class _Pages:
    def __init__(
        self,
        painter: QPainter,
        device: QPagedPaintDevice,
        library: Library,
        plan: Plan,
        palette: QPalette,
        caution: Caution = _no_caution,
    ) -> None:
        self.caution = caution
        self.painter = painter
        self.device = device
        self.library = library
        self.plan = plan
        self.palette = palette
        self.mm = device.logicalDpiY() / 25.4
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.width = float(rect.width())
        self.height = float(rect.height())

    def _document(self, markup: str, width: float, points: float = BODY_POINTS) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        font = QFont(self.painter.font())
        font.setPointSizeF(points)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setDefaultStyleSheet(
            f"* {{ color: {self.palette.color(QPalette.ColorRole.Text).name()}; }}"
        )
        document.setHtml(markup)
        document.setTextWidth(width)
        return document

    def paint(self) -> int:
        header = self._document(
            f"<b style='font-size:16pt'>{html.escape(self.plan.name)}</b>"
            f"<br>{html.escape(self.plan.summary)}",
            self.width,
            10,
        )
        footer = self._document(html.escape(self.library.guidance.disclaimer), self.width, 7.5)
        top = header.size().height() + CARD_GAP_MM * self.mm
        bottom = self.height - footer.size().height() - CARD_GAP_MM * self.mm
        pages = self._paginate(self._cards(), bottom - top, CARD_GAP_MM * self.mm)
        for number, cards in enumerate(pages, start=1):
            if number > 1:
                self.device.newPage()
            self._draw_document(header, QPointF(0, 0))
            self._draw_document(footer, QPointF(0, self.height - footer.size().height()))
            page_label = self._document(
                f"<div align='right'>Page {number} of {len(pages)}</div>", self.width, 8
            )
            self._draw_document(page_label, QPointF(0, 0))
            y = top
            for card in cards:
                self._draw_card(card, y)
                y += card.height + CARD_GAP_MM * self.mm
        return len(pages)

    def _cards(self) -> list[_Card]:
        cards = []
        text_width = self.width * 0.55 - 2 * CARD_PADDING_MM * self.mm
        for item in self.plan.items:
            exercise = self.library.exercises.get(item.exercise_id)
            caution = self.caution(item.exercise_id)
            if exercise is not None:
                markup = _card_markup(exercise, item, caution)
                least = FIGURE_HEIGHT_MM * self.mm
            else:  # your own exercise: Backleg has no figure or cues for it
                name = user_exercise_name(item.exercise_id) or item.exercise_id
                markup = _own_card_markup(name, item)
                least = 0.0
            document = self._document(markup, text_width)
            height = max(document.size().height(), least) + 2 * CARD_PADDING_MM * self.mm
            cards.append(_Card(exercise, item, document, height, marked=bool(caution)))
        return cards

    @staticmethod
    def _paginate(cards: list[_Card], room: float, gap: float) -> list[list[_Card]]:
        pages: list[list[_Card]] = [[]]
        used = 0.0
        for card in cards:
            if pages[-1] and used + card.height > room:
                pages.append([])
                used = 0.0
            pages[-1].append(card)
            used += card.height + gap
        return pages

    def _draw_document(self, document: QTextDocument, at: QPointF) -> None:
        self.painter.save()
        self.painter.translate(at)
        # Text outside any element is drawn in the paint context's colour, which is the
        # screen's by default: light grey on paper in the dark theme.
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette
        document.documentLayout().draw(self.painter, context)
        self.painter.restore()

    def _draw_card(self, card: _Card, y: float) -> None:
        painter = self.painter
        pad = CARD_PADDING_MM * self.mm
        box = QRectF(0, y, self.width, card.height)
        painter.save()
        if card.marked:
            painter.setPen(QPen(CAUTION_COLOUR, max(2.0, 0.7 * self.mm)))
        else:
            painter.setPen(
                QPen(self.palette.color(QPalette.ColorRole.Mid), max(1.0, 0.3 * self.mm))
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 2 * self.mm, 2 * self.mm)
        painter.restore()
        if card.exercise is None:  # your own exercise: its text across the whole card
            self._draw_document(card.text, QPointF(pad, y + pad))
            return
        figure = self.library.figures.get(card.exercise.id)
        figure_width = self.width * 0.45 - pad
        area = QRectF(pad, y + pad, figure_width, card.height - 2 * pad)
        caption = self._document("", figure_width / 2, 7.5)
        bounds = figure_bounds(figure)
        poses = (
            [(figure.start_pose, "Start"), (figure.turn_pose, "Turning point")] if figure else []
        )
        if not poses:
            paint_figure(painter, area, self.palette, None)
        for index, (pose, label) in enumerate(poses):
            half = QRectF(
                area.left() + index * area.width() / 2, area.top(), area.width() / 2, area.height()
            )
            caption.setHtml(f"<div align='center'>{label}</div>")
            caption.setTextWidth(half.width())
            picture = half.adjusted(0, 0, 0, -caption.size().height())
            paint_figure(painter, picture, self.palette, figure, pose, bounds=bounds)
            self._draw_document(caption, QPointF(half.left(), picture.bottom()))
        self._draw_document(card.text, QPointF(self.width * 0.45 + pad, y + pad))


def _card_markup(exercise: Exercise, item: PlanItem, caution: str = "") -> str:
    e = html.escape
    parts = [
        f"<b style='font-size:13pt'>{e(exercise.name)}</b>",
        f"<div><b>{e(dose_text(item))}</b></div>",
        *([f"<div>{e(warmup_text(item))}</div>"] if item.warmup_sets else []),
        *([f"<div>{e(item.note)}</div>"] if item.note else []),
        *([_caution_markup(caution)] if caution else []),
        "<div style='margin-top:4px'><b>Key form cues</b></div><ul style='margin:0'>",
        *(f"<li>{e(cue)}</li>" for cue in exercise.cues[:KEY_CUES]),
        "</ul>",
    ]
    if exercise.easier_options:
        parts.append(f"<div><b>Easier:</b> {e(exercise.easier_options[0])}</div>")
    if exercise.warning_signs:
        parts.append(f"<div><b>Warning sign:</b> {e(exercise.warning_signs[0])}</div>")
    return "".join(parts)


def _caution_markup(caution: str) -> str:
    """Its first sentence in bold ("Herniated disc: ask your doctor or PT first."), the
    reason and the gentler choices after it."""
    head, _, rest = caution.partition(". ")
    tail = f" {html.escape(rest)}" if rest else ""
    return f"<div style='margin-top:3px'><b>⚠ {html.escape(head)}.</b>{tail}</div>"


def _own_card_markup(name: str, item: PlanItem) -> str:
    e = html.escape
    note = f"<div>{e(item.note)}</div>" if item.note else ""
    if item.warmup_sets:
        note = f"<div>{e(warmup_text(item))}</div>{note}"
    return (
        f"<b style='font-size:13pt'>{e(name)}</b>"
        f"<div><b>{e(dose_text(item))}</b></div>{note}"
        "<div>Your own exercise: Backleg has no pictures or cues for it.</div>"
    )
