"""The Guidance page shows the basics and the red-flag card, and can scroll to the card."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel


def _texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [label.text() for label in widget.findChildren(QLabel)]


def test_the_basics_come_first_with_their_links(qtbot, main_window, library) -> None:
    main_window.show_page("guidance")
    page = main_window.guidance_page
    labels = _texts(page)
    assert labels.index("Why keep training your legs") < labels.index("During a flare-up")
    for section in library.guidance.basics:
        assert section.title in labels
        assert all(p in labels for p in section.paragraphs)
    with qtbot.waitSignal(page.link_activated) as signal:
        links = next(w for w in page.findChildren(QLabel) if "exercise:bird-dog" in w.text())
        links.linkActivated.emit("exercise:bird-dog")
    assert signal.args == ["exercise:bird-dog"]


def test_the_red_flag_card_shows_its_signs_and_its_source(qtbot, main_window, library) -> None:
    main_window.show_page("guidance")
    page = main_window.guidance_page
    card = library.guidance.red_flags
    section = page.red_flag_section
    assert section is not None and section.isVisible()
    assert section.title.text() == "See a doctor straight away if…"
    labels = _texts(section)
    assert card.source_note in labels and card.intro in labels and card.action in labels
    signs = next(
        w for w in section.findChildren(QLabel) if w.accessibleName() == "Red-flag symptoms"
    )
    for sign in card.signs:
        assert sign in signs.text()


def test_show_red_flags_scrolls_the_card_to_the_top(qtbot, main_window) -> None:
    main_window.show_page("guidance")
    page = main_window.guidance_page
    viewport = page._scroll.viewport()
    section = page.red_flag_section
    assert section.mapTo(viewport, QPoint(0, 0)).y() > viewport.height()  # starts below
    page.show_red_flags()
    top = section.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top < viewport.height() // 4
