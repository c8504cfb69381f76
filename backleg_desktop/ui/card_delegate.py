"""Paints the exercise cards and section headers of the exercise grid.

Everything is drawn with palette roles and sizes derived from the font, so cards follow
dark themes and scale with the user's font and with QT_SCALE_FACTOR.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from backleg_desktop.content.model import Exercise
from backleg_desktop.domain.figures import FigureBook
from backleg_desktop.ui.colours import colours_of
from backleg_desktop.ui.figures.painter import paint_figure
from backleg_desktop.ui.models import Roles
from backleg_desktop.ui.widgets import scaled_font

ModelIndex = QModelIndex | QPersistentModelIndex

ONE_SIDED_BADGE = "One leg at a time"
PADDING = 12
RADIUS = 8.0


class CautionSource(Protocol):
    """Whether cards carry a caution row, and the caution for one (ui.disc.DiscMarks)."""

    def answer(self) -> str | None: ...
    def is_marked(self, exercise_id: str) -> bool: ...


class CardDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView, figures: FigureBook | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._figures = figures or FigureBook()
        self.caution: CautionSource | None = None  # set by ui.disc.install_disc
        self.caution_badge = ""

    def caution_row(self) -> bool:
        """A second badge row, on every card so the grid stays even, after a disc "yes"."""
        return self.caution is not None and self.caution.answer() == "yes"

    def badges(self, ex: Exercise) -> list[str]:
        """The badges a card shows, in order."""
        marked = self.caution is not None and self.caution.is_marked(ex.id)
        return [
            b for b, on in ((ONE_SIDED_BADGE, ex.one_sided), (self.caution_badge, marked)) if on
        ]

    # -- geometry -------------------------------------------------------------------
    def card_width(self, font: QFont) -> int:
        return max(240, QFontMetrics(font).averageCharWidth() * 34)

    def image_height(self, font: QFont) -> int:
        # 16:9 illustrations, full card width inside the padding.
        return round((self.card_width(font) - 2 * PADDING) * 9 / 16)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        font = option.font
        if index.data(Roles.IS_HEADER):
            header = QFontMetrics(scaled_font(font, 1.3, bold=True))
            spacing = self._view.spacing()
            width = max(self.card_width(font), self._view.viewport().width() - 2 * spacing - 2)
            return QSize(width, header.height() + 2 * PADDING)
        line = QFontMetrics(font).height()
        name_line = QFontMetrics(scaled_font(font, 1.15, bold=True)).height()
        height = (
            PADDING
            + self.image_height(font)
            + 10
            + 2 * name_line  # names may wrap onto two lines
            + 4
            + 2 * line  # target muscles, up to two lines
            + line  # equipment
            + 8
            + line
            + 6  # the badge row (kept even when empty so the grid stays even)
            + ((line + 10) if self.caution_row() else 0)
            + PADDING
        )
        return QSize(self.card_width(font), height)

    # -- painting -------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(Roles.IS_HEADER):
            self._paint_header(painter, option, str(index.data()))
        else:
            self._paint_card(painter, option, index.data(Roles.EXERCISE))
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, text: str) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.setFont(scaled_font(option.font, 1.3, bold=True))
        # Headers are disabled items (so the keyboard skips them): draw them in the
        # active colours anyway, not the greyed-out disabled ones.
        painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText))
        text_rect = rect.adjusted(2, PADDING, 0, -PADDING // 2)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
        painter.setPen(QPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Mid), 1))
        y = rect.bottom() - 1
        painter.drawLine(rect.left() + 2, y, rect.right() - 2, y)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, ex: Exercise) -> None:
        rect = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        palette: QPalette = option.palette
        font: QFont = option.font
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)

        border = palette.color(
            QPalette.ColorRole.Highlight if selected or hovered else QPalette.ColorRole.Mid
        )
        painter.setPen(QPen(border, 3 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        if state & QStyle.StateFlag.State_HasFocus:
            # The keyboard's place in the grid: a ring in the theme's focus colour inside
            # the border, so it shows on a selected card too.
            painter.setPen(QPen(colours_of(palette).colour("focus"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), RADIUS - 3, RADIUS - 3)

        x = rect.left() + PADDING
        width = rect.width() - 2 * PADDING
        y = rect.top() + PADDING
        image = QRectF(x, y, width, self.image_height(font))
        self._paint_figure(painter, palette, image, ex)
        y = image.bottom() + 10

        text = palette.color(QPalette.ColorRole.Text)
        secondary = palette.color(QPalette.ColorRole.PlaceholderText)
        wrap = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

        name_font = scaled_font(font, 1.15, bold=True)
        name_h = 2 * QFontMetrics(name_font).height()
        painter.setFont(name_font)
        painter.setPen(text)
        painter.drawText(QRectF(x, y, width, name_h), wrap, ex.name)
        y += name_h + 4

        line = QFontMetrics(font).height()
        painter.setFont(font)
        muscles = QFontMetrics(font).elidedText(
            ", ".join(ex.target_muscles), Qt.TextElideMode.ElideRight, int(width) * 2 - 8
        )
        painter.drawText(QRectF(x, y, width, 2 * line), wrap, muscles)
        y += 2 * line

        painter.setPen(secondary)
        equipment = QFontMetrics(font).elidedText(
            ", ".join(ex.equipment), Qt.TextElideMode.ElideRight, int(width)
        )
        painter.drawText(QRectF(x, y, width, line), Qt.AlignmentFlag.AlignLeft, equipment)
        y += line + 8

        for badge in self.badges(ex):  # one row each
            self._paint_badge(painter, palette, font, QPointF(x, y), badge)
            y += line + 10

    def _paint_badge(
        self, painter: QPainter, palette: QPalette, font: QFont, at: QPointF, text: str
    ) -> None:
        metrics = QFontMetrics(font)
        caution = text == self.caution_badge
        badge = QRectF(at.x(), at.y(), metrics.horizontalAdvance(text) + 16, metrics.height() + 6)
        # Amber for the herniated-disc mark, the theme's own (read at paint time).
        amber = colours_of(palette).colour("caution_border")
        border = amber if caution else palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 2 if caution else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_figure(
        self, painter: QPainter, palette: QPalette, area: QRectF, ex: Exercise
    ) -> None:
        """The exercise at its turning point; the neutral placeholder if it has no figure."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(area, RADIUS / 2, RADIUS / 2)
        # The figure's own palette roles on the Window-coloured panel behind it.
        figure_palette = QPalette(palette)
        figure_palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        figure_palette.setColor(
            QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.WindowText)
        )
        paint_figure(painter, area, figure_palette, self._figures.get(ex.id))
