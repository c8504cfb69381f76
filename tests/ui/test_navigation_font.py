"""The page list follows a font change while the app runs: its width and row heights
were measured once, in the font it was built with, so a larger system font cut the page
names ("Exercic…", "Guida…")."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from tests.ui.test_font_size import app_font, open_window  # noqa: F401  (the fixture)


def names_cut(sidebar) -> list[str]:  # type: ignore[no-untyped-def]
    metrics = QFontMetrics(sidebar.font())
    cut = []
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        rect = sidebar.visualItemRect(item)
        text_room = rect.width() - sidebar.iconSize().width() - 12
        if metrics.horizontalAdvance(item.text()) > text_room or rect.height() < metrics.height():
            cut.append(f"{item.text()!r} in {rect.width()}x{rect.height()}")
    return cut


def test_the_page_list_follows_a_font_change_while_running(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
) -> None:
    app_font(10.0)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    sidebar = window.sidebar
    qtbot.wait(20)
    assert not names_cut(sidebar), names_cut(sidebar)
    narrow = sidebar.width()

    app_font(18.0)  # the system font changed while Backleg runs
    qtbot.wait(20)
    assert sidebar.width() > narrow
    assert not names_cut(sidebar), names_cut(sidebar)

    app_font(10.0)
    qtbot.wait(20)
    assert sidebar.width() == narrow  # and back: no room kept that is not needed
