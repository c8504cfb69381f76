"""The Guidance page: why leg day helps, flare-up advice, the red-flag card, the FAQ
(expandable) and the disclaimer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from backleg_desktop.content.model import GuidanceSection, Library
from backleg_desktop.content.red_flags import RedFlagCard
from backleg_desktop.ui.links import exercise_link
from backleg_desktop.ui.widgets import (
    SECTION_SPACING,
    Collapsible,
    LinkLabel,
    ReadableColumn,
    Section,
    VerticalScrollArea,
    bullet_list,
    heading,
    muted,
    paragraph,
)


class GuidancePage(QWidget):
    link_activated = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePage")
        self._library = library
        guidance = library.guidance
        page = ReadableColumn()
        page.add(heading("Guidance", 1))

        if guidance.basics:
            basics = Section("Why keep training your legs")
            basics.setObjectName("basicsSection")
            for section in guidance.basics:
                basics.add(heading(section.title, 3))
                self._add_body(basics.body, section)
            page.add(basics)

        flare = Section("During a flare-up")
        for section in guidance.flare_up:
            flare.add(heading(section.title, 3))
            self._add_body(flare.body, section)
        flare.add(heading("If a movement causes sharp pain", 3))
        flare.add(paragraph(guidance.sharp_pain))
        page.add(flare)

        self.red_flag_section: Section | None = None
        if guidance.red_flags is not None:
            self.red_flag_section = _red_flag_section(guidance.red_flags)
            page.add(self.red_flag_section)

        if guidance.pain_bands:
            bands = Section("Reading your pain check-in (0–10)")
            for band in guidance.pain_bands:
                span = str(band.low) if band.low == band.high else f"{band.low}–{band.high}"
                bands.add(heading(f"{span}: {band.title}", 3))
                bands.add(paragraph(band.advice))
            page.add(bands)

        faq = Section("Questions and answers")
        self.faq_items: list[Collapsible] = []
        for section in guidance.faq:
            body = QWidget()
            body_layout = QVBoxLayout(body)
            body_layout.setContentsMargins(24, 0, 0, 8)
            self._add_body(body_layout, section)
            item = Collapsible(section.title, body)
            faq.add(item)
            self.faq_items.append(item)
        page.add(faq)

        disclaimer = Section("Disclaimer")
        disclaimer.setObjectName("disclaimerSection")
        disclaimer.add(paragraph(guidance.disclaimer))
        page.add(disclaimer)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._content = page
        self._scroll = VerticalScrollArea(page, self)
        layout.addWidget(self._scroll)

    def show_red_flags(self) -> None:
        """Scroll the red-flag card into view (the check-in at high pain links here)."""
        if self.red_flag_section is None:
            return
        layout = self._content.layout()
        if layout is not None:
            layout.activate()  # so the geometry is current even before the first paint
        top = self.red_flag_section.mapTo(self._content, QPoint(0, 0)).y()
        self._scroll.verticalScrollBar().setValue(max(0, top - SECTION_SPACING))

    def _add_body(self, layout: QVBoxLayout, section: GuidanceSection) -> None:
        for text in section.paragraphs:
            layout.addWidget(paragraph(text))
        related = [i for i in section.related if i in self._library.exercises]
        if related:
            links = LinkLabel((exercise_link(i), self._library.exercise(i).name) for i in related)
            links.link_activated.connect(self.link_activated)
            layout.addWidget(links)


def _red_flag_section(card: RedFlagCard) -> Section:
    section = Section(card.title)
    section.setObjectName("redFlagSection")
    # Said first and plainly: this card is not from the article the rest is built on.
    note = muted(paragraph(card.source_note))
    note.setObjectName("redFlagSourceNote")
    section.add(note)
    section.add(paragraph(card.intro))
    signs = bullet_list(card.signs)
    signs.setAccessibleName("Red-flag symptoms")
    section.add(signs)
    action = paragraph(card.action)
    font = action.font()
    font.setBold(True)
    action.setFont(font)
    section.add(action)
    return section
