"""A theme switch while the app runs re-tints everything that carries a meaning-bearing
colour: the session's warning tints, the stop and ready colours, a problem's red, the
disc notice and History's charts (series, text, grid, background). Switched light → dark
→ light through the real Preferences dialog on the real window, and once by the
desktop's scheme under "System"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from backleg_desktop.domain.back_check import BackCheckOffer
from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.domain.session_caution import SessionCaution
from backleg_desktop.ui import theme
from backleg_desktop.ui.colours import colours_for
from backleg_desktop.ui.disc_notice import DiscNotice
from backleg_desktop.ui.history.history_page import CALENDAR_TAB, PROGRESS_TAB
from backleg_desktop.ui.plans.item_form import ProblemLabel
from backleg_desktop.ui.preferences.install import show_preferences
from backleg_desktop.ui.preferences.theme_section import ThemeSection
from backleg_desktop.ui.session.summary_screen import CautionBox
from tests.ui.test_theme import contrast

R = QPalette.ColorRole


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[theme.ThemeController]:
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    controller.set_choice("light")
    yield controller
    controller.set_choice(choice)
    qapp.setPalette(before)


def choose_theme(qtbot, window, choice: str) -> None:  # type: ignore[no-untyped-def]
    """Preferences → Theme → `choice` → OK, with the mouse, as a user does."""
    dialog = show_preferences(window)
    section = dialog.section(ThemeSection)
    assert isinstance(section, ThemeSection)
    dialog.show_section(ThemeSection)
    button = section.buttons[choice]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
    assert button.isChecked()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()  # the new palette reaches the widgets as events


def logged_squats() -> ImportedSession:
    when = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    squat = SetEntry("goblet-squat", 1, reps=8, load_kg=12.0, completed_at=when)
    return ImportedSession(
        name="Legs",
        plan_id=None,
        started_at=when,
        ended_at=when + timedelta(hours=1),
        status="completed",
        pain_before=2,
        pain_after=2,
        notes="",
        sets=(squat,),
    )


class Shown:
    """The tinted widgets of a running session and History's charts, all on screen."""

    def __init__(self, drive, qtbot) -> None:  # type: ignore[no-untyped-def]
        window, page = drive.window, drive.page
        drive.workouts().import_sessions([logged_squats()])  # something for the chart
        drive.start()  # on the first exercise now
        self.window = window
        self.stop: QPushButton = page.chrome.stop_button
        screen = page.exercise_screen
        screen.show_ready(2, after_rest=True)
        self.status = screen.status
        self.back = page.rest_screen.back
        self.back.ask("goblet-squat")
        self.back.show_offer(BackCheckOffer(check_in=2, now=5, text="Up 3.", choices=()))
        self.caution = page.summary_screen.findChild(CautionBox)
        assert self.caution is not None
        self.caution.show_caution(SessionCaution("Pain went up", "Rest tomorrow.", False))
        self.notice = DiscNotice(buttons=True, parent=screen)
        self.notice.show_mark("Careful with loaded bending.", "Why.", "Safer:", [], {})
        self.problem = ProblemLabel("sets", screen)
        self.problem.show_problems(["Sets must be 1 or more."])
        window.show_page("history")
        history = window.history_page
        history.tabs.setCurrentIndex(CALENDAR_TAB)
        self.calendar = history.tab_widget(CALENDAR_TAB)
        assert self.calendar is not None
        history.tabs.setCurrentIndex(PROGRESS_TAB)
        progress = history.tab_widget(PROGRESS_TAB)
        assert progress is not None
        progress.select("goblet-squat", "top_load")
        self.chart = progress.exercise_chart
        QApplication.processEvents()

    def colours(self) -> dict[str, str]:
        chart = self.chart.chart()
        x_axis = chart.axes()[0]
        return {
            "warn_tint": self.back.palette().color(R.Window).name(),
            "warn_tint (summary)": self.caution.palette().color(R.Window).name(),
            "caution_tint": self.notice.palette().color(R.Window).name(),
            "problem_text": self.problem.palette().color(R.WindowText).name(),
            "ready": self.status.palette().color(R.WindowText).name(),
            "stop": self.stop.palette().color(R.ButtonText).name(),
            "series": ",".join(s.pen().color().name() for s in self.chart.series.values()),
            "chart background": chart.backgroundBrush().color().name(),
            "chart text": x_axis.labelsBrush().color().name(),
            "chart grid": x_axis.gridLineColor().name(),
            "calendar mark": self.calendar.month.dateTextFormat(QDate(2026, 11, 20))
            .background()
            .color()
            .name(),
        }


def expected(scheme: theme.Scheme, series: int) -> dict[str, str]:
    colours, palette = colours_for(scheme), theme.palette_for(scheme)
    return {
        "warn_tint": colours.warn_tint,
        "warn_tint (summary)": colours.warn_tint,
        "caution_tint": colours.caution_tint,
        "problem_text": colours.problem_text,
        "ready": colours.ready,
        "stop": colours.stop,
        "series": ",".join(colours.series[:series]),
        "chart background": palette.color(R.Base).name(),
        "chart text": palette.color(R.Text).name(),
        "chart grid": colours.grid,
        "calendar mark": palette.color(R.Highlight).name(),
    }


def test_every_tint_and_chart_follows_a_switch_in_preferences(drive, qtbot, themes) -> None:
    shown = Shown(drive, qtbot)
    lines = len(shown.chart.series)
    assert lines >= 2  # the top-set load and the pain after, at least
    assert shown.colours() == expected("light", lines)
    for scheme in ("dark", "light"):
        choose_theme(qtbot, shown.window, scheme)
        assert themes.scheme == scheme
        assert shown.colours() == expected(scheme, lines)  # type: ignore[arg-type]
        assert_readable(shown)
    month = shown.calendar.month
    for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):  # not Qt's pure red
        assert month.weekdayTextFormat(weekend).foreground().style() == Qt.BrushStyle.NoBrush


def assert_readable(shown: Shown) -> None:
    """What the tints carry stays readable on them (WCAG AA 4.5:1)."""
    for box, label in (
        (shown.back, shown.back.offer_text),
        (shown.caution, shown.caution.text),
        (shown.notice, shown.notice.text),
    ):
        ratio = contrast(label.palette().color(R.WindowText), box.palette().color(R.Window))
        assert ratio >= 4.5, (box.objectName(), ratio)


def dominant(image) -> str:  # type: ignore[no-untyped-def]
    """The most common colour of an image (every 3rd pixel)."""
    names = Counter(
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    return names.most_common(1)[0][0]


def test_the_tint_and_the_chart_show_in_the_pixels_after_a_switch(drive, qtbot, themes) -> None:
    shown = Shown(drive, qtbot)  # History on show
    for scheme in ("dark", "light"):
        choose_theme(qtbot, shown.window, scheme)
        image = shown.chart.grab().toImage()
        base = theme.palette_for(scheme).color(R.Base)  # type: ignore[arg-type]
        assert dominant(image) == base.name()  # the chart's background
    shown.window.show_page("session")
    drive.page.show_screen(drive.page.summary_screen)
    for scheme in ("dark", "light"):
        choose_theme(qtbot, shown.window, scheme)
        image = shown.caution.grab().toImage()
        inside = image.pixelColor(image.width() - 8, image.height() - 6)
        assert inside.name() == colours_for(scheme).warn_tint  # type: ignore[arg-type]


def test_system_scheme_changing_under_system_re_tints(drive, qtbot, themes, monkeypatch) -> None:
    shown = Shown(drive, qtbot)
    now = {"scheme": "light"}
    monkeypatch.setattr(theme, "system_scheme", lambda _app: now["scheme"])
    choose_theme(qtbot, shown.window, "system")
    assert shown.colours()["warn_tint"] == colours_for("light").warn_tint
    now["scheme"] = "dark"
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop
    QApplication.processEvents()
    assert shown.colours() == expected("dark", len(shown.chart.series))


def test_the_sidebar_icons_follow_a_switch_by_themselves(main_window, qtbot, themes) -> None:  # type: ignore[no-untyped-def]
    """Without app.py's wiring to the ThemeController: the sidebar's palette change does it."""

    def icon_ink() -> int:
        image = main_window.sidebar.item(1).icon().pixmap(22, 22).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked
        return max(c.value() for c in inked)

    assert main_window.is_complete
    choose_theme(qtbot, main_window, "dark")
    assert icon_ink() > 180  # light ink on the dark sidebar
    choose_theme(qtbot, main_window, "light")
    assert icon_ink() < 80
