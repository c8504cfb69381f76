"""The Avoid page: moves to steer clear of, why, and the safer swaps (as links)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from backleg_desktop.content.model import Library
from backleg_desktop.ui.links import exercise_link
from backleg_desktop.ui.widgets import (
    LinkLabel,
    ReadableColumn,
    Section,
    VerticalScrollArea,
    bullet_list,
    heading,
    muted,
    paragraph,
)


class AvoidPage(QWidget):
    link_activated = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("avoidPage")
        self.swap_links: dict[str, LinkLabel] = {}  # category id → its links
        page = ReadableColumn()
        page.add(heading("What to avoid", 1))
        page.add(
            muted(
                paragraph(
                    "While your lower back is sensitive, leave these out and do the safer "
                    "swaps instead. Each swap opens its exercise."
                )
            )
        )
        for category in library.avoid:
            section = Section(category.title)
            section.setObjectName(f"avoid-{category.id}")
            section.add(heading("For example", 3))
            section.add(bullet_list(category.examples))
            section.add(heading("Why", 3))
            section.add(paragraph(category.why))
            section.add(heading("Do this instead", 3))
            section.add(paragraph(category.instead))
            links = LinkLabel(
                (exercise_link(i), library.exercise(i).name)
                for i in category.swaps
                if i in library.exercises
            )
            links.setAccessibleName(f"Safer swaps for {category.title}")
            links.link_activated.connect(self.link_activated)
            section.add(heading("Safer swaps", 3))
            section.add(links)
            page.add(section)
            self.swap_links[category.id] = links
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(VerticalScrollArea(page, self))
