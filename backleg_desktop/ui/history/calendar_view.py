"""Training days on a month grid and a year overview, sessions per week, the week streak."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.calendar_stats import CalendarSummary, summarise, week_start
from backleg_desktop.services.validation import plausible_time
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.colours import colours_of
from backleg_desktop.ui.figures.painter import mix
from backleg_desktop.ui.widgets import heading, muted

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

CELL = 13  # px per day square in the year overview
GAP = 3


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# How far a day's square moves from the accent towards the window for 1, 2, 3+ sessions:
# even one session stays 3:1 or more against the window (tests/ui/test_contrast.py).
SHADE_MIX = {1: 0.3, 2: 0.15}


def _shade(palette: QPalette, count: int) -> QColor:
    """The theme's first chart colour, stronger for more sessions on a day."""
    accent = QColor(colours_of(palette).series[0])
    return mix(accent, palette.color(QPalette.ColorRole.Window), SHADE_MIX.get(count, 0.0))


class YearGrid(QWidget):
    """A year as columns of weeks (Monday at the top), one square per day."""

    day_clicked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearGrid")
        described(
            self,
            "The year as one square per day, stronger for more sessions; click a day to see it.",
            name="Year of training days",
        )
        self.year = date.today().year
        self.per_day: dict[date, int] = {}
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_year(self, year: int, per_day: dict[date, int]) -> None:
        self.year = year
        self.per_day = per_day
        self.update()

    def _first_monday(self) -> date:
        return week_start(date(self.year, 1, 1))

    def sizeHint(self) -> QSize:
        return QSize(28 + 54 * (CELL + GAP), 18 + 7 * (CELL + GAP))

    def _rect(self, day: date) -> QRectF:
        week = (day - self._first_monday()).days // 7
        return QRectF(28 + week * (CELL + GAP), 18 + day.weekday() * (CELL + GAP), CELL, CELL)

    def day_at(self, x: float, y: float) -> date | None:
        week = int((x - 28) // (CELL + GAP))
        weekday = int((y - 18) // (CELL + GAP))
        if x < 28 or y < 18 or not 0 <= weekday < 7:
            return None
        day = self._first_monday() + timedelta(weeks=week, days=weekday)
        return day if day.year == self.year else None

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        empty = QColor(palette.color(QPalette.ColorRole.Mid))
        empty.setAlpha(70)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6))
        painter.setFont(small)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            painter.drawText(QRectF(0, 18 + row * (CELL + GAP), 26, CELL), 0, name)
        day = date(self.year, 1, 1)
        while day.year == self.year:
            if day.day == 1:
                rect = self._rect(day)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(QRectF(rect.x(), 0, 40, 16), 0, f"{day:%b}")
            count = self.per_day.get(day, 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(_shade(palette, count) if count else empty))
            painter.drawRoundedRect(self._rect(day), 2, 2)
            day += timedelta(days=1)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is not None and self.per_day.get(day):
            self.day_clicked.emit(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is None:
            self.setToolTip("")
            return
        count = self.per_day.get(day, 0)
        noun = "session" if count == 1 else "sessions"
        self.setToolTip(f"{day:%a %d %b %Y}: {count} {noun}")


class CalendarView(QWidget):
    session_requested = Signal(int)

    def __init__(
        self, workouts: WorkoutService, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self.workouts = workouts
        self.today = today or date.today()
        self._sessions_by_day: dict[date, list[int]] = {}

        self.month = QCalendarWidget(self)
        self.month.setObjectName("monthCalendar")
        described(
            self.month,
            "A month with the days you trained marked; choose a day to see its sessions.",
            name="Month calendar",
        )
        self.month.setGridVisible(False)
        self.month.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.month.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.month.setMaximumDate(_qdate(self.today))
        self.month.setSelectedDate(_qdate(self.today))
        self.month.setMaximumHeight(340)
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            # Qt's pure red weekends are under 4.5:1 in both themes: the palette's text.
            self.month.setWeekdayTextFormat(weekend, QTextCharFormat())
        self.month.activated.connect(self._open_day)
        self.month.clicked.connect(self._describe_day)

        self.this_week = QLabel(self)
        self.this_week.setObjectName("sessionsThisWeek")
        self.streak = QLabel(self)
        self.streak.setObjectName("weekStreak")
        self.longest = QLabel(self)
        self.longest.setObjectName("longestStreak")
        self.day_label = muted(QLabel(self))
        self.day_label.setObjectName("dayLabel")
        self.day_label.setWordWrap(True)
        facts = QVBoxLayout()
        facts.addWidget(heading("Weeks", 3, self))
        for label in (self.this_week, self.streak, self.longest, self.day_label):
            facts.addWidget(label)
        facts.addStretch(1)

        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("yearSpin")
        described(self.year_spin, "Which year the grid of days below shows.", name="Year")
        self.year_spin.setRange(2000, self.today.year)
        self.year_spin.setValue(self.today.year)
        self.year_total = QLabel(self)
        self.year_total.setObjectName("yearTotal")
        self.year_grid = YearGrid(self)
        self.year_grid.day_clicked.connect(self._grid_day_clicked)
        self.year_spin.valueChanged.connect(self._show_year)

        top = QHBoxLayout()
        top.addWidget(self.month, 2)
        top.addLayout(facts, 1)
        year_bar = QHBoxLayout()
        year_bar.addWidget(heading("Year", 3, self))
        year_bar.addWidget(self.year_spin)
        year_bar.addWidget(self.year_total, 1)
        grid = QGridLayout()
        grid.addWidget(self.year_grid, 0, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(year_bar)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.summary = self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "summary"):
            self._format_month()  # the marks hold colours: the new theme's

    def reload(self) -> CalendarSummary:
        total = self.workouts.count_sessions()
        summaries = self.workouts.list_sessions(
            limit=max(total, 1), newest_first=False, count_sets=False
        )
        self._sessions_by_day = {}
        # A date no calendar can place (year 1 or 9999, from an old import) would overflow
        # below; such sessions stay in the list and the table, just not on the grid.
        placeable = [s for s in summaries if plausible_time(s.session.started_at)]
        self.left_out = len(summaries) - len(placeable)
        for s in placeable:
            day = s.session.started_at.astimezone().date()
            self._sessions_by_day.setdefault(day, []).append(s.session.id)
        days = [d for d, ids in self._sessions_by_day.items() for _ in ids]
        self.summary = summarise(days, self.today)
        if days:
            # Open on the newest training month, not an empty one.
            newest = max(days)
            self.year_spin.setMinimum(min(days).year)
            self.year_spin.setValue(newest.year)
            self.month.setCurrentPage(newest.year, newest.month)
        self._format_month()
        self._show_facts()
        self._show_year()
        return self.summary

    def _format_month(self) -> None:
        palette = self.palette()
        self.month.setDateTextFormat(QDate(), QTextCharFormat())  # clear old marks
        for day, count in self.summary.per_day.items():
            # Highlight under its own text colour: 4.5:1 in both themes (the count is in
            # the tooltip and the year grid).
            marked = QTextCharFormat()
            marked.setBackground(palette.color(QPalette.ColorRole.Highlight))
            marked.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            marked.setFontWeight(QFont.Weight.Bold)
            marked.setToolTip(f"{count} session{'s' if count != 1 else ''}")
            self.month.setDateTextFormat(_qdate(day), marked)

    def _show_facts(self) -> None:
        s = self.summary
        week = s.sessions_this_week
        self.this_week.setText(f"This week: {week} session{'s' if week != 1 else ''}")
        streak = s.current_streak_weeks
        if streak:
            self.streak.setText(
                f"Streak: {streak} week{'s' if streak != 1 else ''} in a row with a session"
            )
        else:
            self.streak.setText("Streak: none yet. One session this week starts one.")
        longest = s.longest_streak_weeks
        self.longest.setText(f"Longest streak: {longest} week{'s' if longest != 1 else ''}")
        hint = "Double-click a marked day to open its session."
        if self.left_out:
            hint += (
                f" {self.left_out} session{'s' if self.left_out != 1 else ''} with a date "
                "before 1900 or in the future cannot be shown here; see the Sessions list."
            )
        self.day_label.setText(hint)

    def _show_year(self, *_args: object) -> None:
        year = self.year_spin.value()
        per_day = {d: n for d, n in self.summary.per_day.items() if d.year == year}
        self.year_grid.set_year(year, per_day)
        total = sum(per_day.values())
        weeks = len({week_start(d) for d in per_day})
        self.year_total.setText(
            f"{total} sessions in {year}, on {len(per_day)} days across {weeks} weeks"
        )

    def sessions_on(self, day: date) -> list[int]:
        return list(self._sessions_by_day.get(day, []))

    def _describe_day(self, qdate: QDate) -> None:
        day: date = qdate.toPython()  # type: ignore[assignment]
        count = len(self.sessions_on(day))
        if count:
            self.day_label.setText(
                f"{day:%a %d %b}: {count} session{'s' if count != 1 else ''}. Double-click to open."
            )
        else:
            self.day_label.setText(f"{day:%a %d %b}: no session.")

    def _open_day(self, qdate: QDate) -> None:
        ids = self.sessions_on(qdate.toPython())  # type: ignore[arg-type]
        if ids:
            self.session_requested.emit(ids[-1])

    def _grid_day_clicked(self, day: date) -> None:
        self.month.setSelectedDate(_qdate(day))
        self._describe_day(_qdate(day))
