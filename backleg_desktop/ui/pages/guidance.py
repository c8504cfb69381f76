"""The Guidance page: flare-up advice, the FAQ (expandable) and the disclaimer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from backleg_desktop.content.model import GuidanceSection, Library
from backleg_desktop.ui.links import exercise_link
from backleg_desktop.ui.widgets import (
    Collapsible,
    LinkLabel,
    ReadableColumn,
    Section,
    VerticalScrollArea,
    heading,
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

        flare = Section("During a flare-up")
        for section in guidance.flare_up:
            flare.add(heading(section.title, 3))
            self._add_body(flare.body, section)
        flare.add(heading("If a movement causes sharp pain", 3))
        flare.add(paragraph(guidance.sharp_pain))
        page.add(flare)

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
        layout.addWidget(VerticalScrollArea(page, self))

    def _add_body(self, layout: QVBoxLayout, section: GuidanceSection) -> None:
        for text in section.paragraphs:
            layout.addWidget(paragraph(text))
        related = [i for i in section.related if i in self._library.exercises]
        if related:
            links = LinkLabel((exercise_link(i), self._library.exercise(i).name) for i in related)
            links.link_activated.connect(self.link_activated)
            layout.addWidget(links)
