"""Progress charts (QtCharts): one exercise over time, and pain before/after week by week.

This is the only module that imports QtCharts; the History page imports it the first time
the Progress tab is shown. Colours follow the palette, so the charts read well in dark mode.
Hovering a point shows its session; clicking it opens that session.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library
from backleg_desktop.domain.strength_trend import (
    FORMULA_TEXT,
    MAX_REPS_FOR_ESTIMATE,
    weekly_totals,
)
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.services.validation import plausible_time
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.colours import colours_of
from backleg_desktop.ui.history import lookup
from backleg_desktop.ui.history.chart_points import (
    REPS,
    TOP_LOAD,
    VOLUME,
    WEEKLY_SETS,
    WEEKLY_VOLUME,
    ChartPoint,
    estimate_points,
    exercise_points,
    pain_after_points,
    side_points,
    weekly_mean,
    weekly_pain,
    weekly_points,
)

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

METRICS = {
    TOP_LOAD: "Top-set load and estimated 1RM (kg)",
    VOLUME: "Volume (kg)",
    REPS: "Reps",
    WEEKLY_SETS: "Weekly sets",
    WEEKLY_VOLUME: "Weekly volume (kg)",
}
E1RM_SERIES = f"Estimated 1RM ({FORMULA_TEXT}, sets of up to {MAX_REPS_FOR_ESTIMATE} reps)"


def metric_title(metric: str, units: LoadUnits = KILOGRAMS) -> str:
    """ "Top-set load (lb)": the metric's name in the user's unit."""
    return METRICS[metric].replace("(kg)", f"({units.unit})")


MARKERS_UP_TO = 60  # draw point markers while there are few enough to see them
WEEKLY_PAIN_FROM = 120  # more sessions than this: plot pain after as weekly means


def _ms(when: datetime) -> float:
    return when.timestamp() * 1000.0


def series_colours(palette: QPalette) -> list[QColor]:
    """Distinct line colours of the palette's theme, each 3:1 or more on its Base."""
    return colours_of(palette).series_colours()


@dataclass(frozen=True)
class AxisPlan:
    start_ms: float
    end_ms: float
    format: str  # QDateTime format of the tick labels
    ticks: int

    def labels(self) -> list[str]:
        step = (self.end_ms - self.start_ms) / (self.ticks - 1)
        return [
            QDateTime.fromMSecsSinceEpoch(int(self.start_ms + i * step)).toString(self.format)
            for i in range(self.ticks)
        ]


HOUR_MS = 3600 * 1000.0
DAY_MS = 24 * HOUR_MS


def time_axis(first: datetime, last: datetime) -> AxisPlan:
    """A time axis around `first`..`last` whose tick labels differ from each other: hours
    for one day (one session, or several that day), days up to four months, months after."""
    start, end = _ms(first), _ms(last)
    span = end - start
    if span < 2 * DAY_MS:
        # One day: 6 hours either side, ticks every few hours, labelled with the time.
        pad = max(span * 0.1, 6 * HOUR_MS)
        return AxisPlan(start - pad, end + pad, "d MMM HH:mm", 5)
    pad = max(span * 0.02, 12 * HOUR_MS)
    days = (span + 2 * pad) / DAY_MS
    if days < 240:
        # At most one tick a day, so no date is printed twice.
        return AxisPlan(start - pad, end + pad, "d MMM", max(2, min(7, int(days))))
    # Ticks at least 32 days apart, so no month is printed twice.
    return AxisPlan(start - pad, end + pad, "MMM yyyy", max(2, min(7, int(days / 32) + 1)))


class TimeChart(QChartView):
    """A chart of dated series with a left value axis and an optional right pain axis."""

    point_clicked = Signal(int)  # session id

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.series: dict[str, QLineSeries] = {}
        self._points: dict[str, list[ChartPoint]] = {}
        self._x_axis = QDateTimeAxis()
        self._x_axis.setFormat("MMM yyyy")
        self._x_axis.setTickCount(7)
        self._left = QValueAxis()
        self._left.setLabelFormat("%g")  # "150" and "152.5", not Qt's "150.0"
        self._right: QValueAxis | None = None
        chart.addAxis(self._x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._left, Qt.AlignmentFlag.AlignLeft)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._apply_palette()

    def clear(self) -> None:
        chart = self.chart()
        for series in self.series.values():
            chart.removeSeries(series)
            series.deleteLater()
        self.series.clear()
        self._points.clear()

    def set_left_title(self, text: str) -> None:
        self._left.setTitleText(text)

    def add_series(
        self, name: str, points: Sequence[ChartPoint], *, right_axis: bool = False
    ) -> QLineSeries:
        chart = self.chart()
        series = QLineSeries()
        series.setName(name)
        series.setProperty("colourIndex", len(self.series))
        pen = QPen()
        pen.setWidthF(1.5 if len(points) > MARKERS_UP_TO else 2.0)
        if right_axis:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        self._colour_series(series)
        series.setPointsVisible(len(points) <= MARKERS_UP_TO)
        chart.addSeries(series)
        series.attachAxis(self._x_axis)
        series.attachAxis(self._pain_axis() if right_axis else self._left)
        # The points go in last: each addSeries and attachAxis lays out what the series
        # already holds, which for ten years of sessions was a third of drawing a chart.
        series.replace([QPointF(_ms(p.when), p.value) for p in points])
        series.hovered.connect(lambda at, state, key=name: self._hovered(key, at, state))
        series.clicked.connect(lambda at, key=name: self._clicked(key, at))
        self.series[name] = series
        self._points[name] = list(points)
        return series

    def fit(self) -> None:
        """Set the axes to the data: time from first to last, values from zero."""
        whens = [p.when for pts in self._points.values() for p in pts]
        values = [
            p.value
            for key, pts in self._points.items()
            if self.series[key].attachedAxes()[-1] is self._left
            for p in pts
        ]
        for axis in self.chart().axes():
            axis.setVisible(bool(whens))  # no data: no stale axes either
        if whens:
            plan = time_axis(min(whens), max(whens))
            self._x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(plan.start_ms)),
                QDateTime.fromMSecsSinceEpoch(int(plan.end_ms)),
            )
            self._x_axis.setFormat(plan.format)
            self._x_axis.setTickCount(plan.ticks)
        top = max(values, default=0.0)
        self._left.setRange(0.0, top * 1.1 if top > 0 else 1.0)
        self._left.applyNiceNumbers()

    def pin_left_to_pain_scale(self) -> None:
        self._left.setRange(0, 10)
        self._left.setTickCount(6)
        self._left.setLabelFormat("%d")

    def _pain_axis(self) -> QValueAxis:
        if self._right is None:
            axis = QValueAxis()
            axis.setRange(0, 10)
            axis.setTickCount(6)
            axis.setLabelFormat("%d")
            axis.setTitleText("Pain (0–10)")
            # The load axis draws the grid; a second set of lines that never meets the
            # first (0-10 in fives against nice load steps) was only clutter.
            axis.setGridLineVisible(False)
            self.chart().addAxis(axis, Qt.AlignmentFlag.AlignRight)
            self._right = axis
            self._apply_palette()
        return self._right

    def nearest(self, key: str, at: QPointF) -> ChartPoint | None:
        points = self._points.get(key) or []
        if not points:
            return None
        xs = [_ms(p.when) for p in points]
        i = bisect.bisect_left(xs, at.x())
        candidates = [j for j in (i - 1, i) if 0 <= j < len(points)]
        return points[min(candidates, key=lambda j: abs(xs[j] - at.x()))]

    def _hovered(self, key: str, at: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        point = self.nearest(key, at)
        if point is not None:
            QToolTip.showText(QCursor.pos(), f"{key}\n{point.label}\nClick to open.", self)

    def _clicked(self, key: str, at: QPointF) -> None:
        point = self.nearest(key, at)
        if point is not None:
            self.point_clicked.emit(point.session_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()  # a theme switch: the new theme's lines, text and grid

    def _colour_series(self, series: QLineSeries) -> None:
        colours = series_colours(self.palette())
        pen = series.pen()
        pen.setColor(colours[int(series.property("colourIndex")) % len(colours)])
        series.setPen(pen)

    def _apply_palette(self) -> None:
        palette = self.palette()
        for series in self.series.values():
            self._colour_series(series)
        chart = self.chart()
        text = palette.color(QPalette.ColorRole.Text)
        grid = colours_of(palette).colour("grid")  # Mid is under 3:1 on Base
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundRoundness(0)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        for axis in chart.axes():
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
            axis.setMinorGridLineColor(grid)


class ProgressView(QWidget):
    session_requested = Signal(int)

    def __init__(
        self,
        workouts: WorkoutService,
        library: Library,
        parent: QWidget | None = None,
        units: LoadUnits = KILOGRAMS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self.workouts = workouts
        self.library = library
        self.units = units  # loads and their axis in the user's unit

        self.exercise_combo = QComboBox(self)
        self.exercise_combo.setObjectName("chartExercise")
        for name, exercise_id in lookup.exercise_choices(library, workouts.user_exercises()):
            self.exercise_combo.addItem(name, exercise_id)
        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("chartMetric")
        for key in METRICS:
            self.metric_combo.addItem(metric_title(key, units), key)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("chartEmpty")
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Exercise", self))
        controls.addWidget(self.exercise_combo)
        controls.addWidget(QLabel("Show", self))
        controls.addWidget(self.metric_combo)
        controls.addWidget(self.empty_label, 1)

        described(
            self.exercise_combo, "Which exercise the upper chart shows.", name="Chart exercise"
        )
        described(
            self.metric_combo,
            "What the upper chart shows of that exercise: top-set load, weekly sets or volume.",
            name="Chart shows",
        )
        self.exercise_chart = TimeChart("", self)
        self.exercise_chart.setObjectName("exerciseChart")
        described(
            self.exercise_chart,
            "A chart over time of the chosen exercise and measure; click a point to open "
            "its session.",
            name="Exercise chart",
        )
        self.exercise_chart.point_clicked.connect(self.session_requested)
        self.pain_chart = TimeChart("Pain before and after, weekly average", self)
        self.pain_chart.setObjectName("painChart")
        described(
            self.pain_chart,
            "Your pain before and after sessions, averaged by week, from 0 to 10.",
            name="Pain chart",
        )
        self.pain_chart.point_clicked.connect(self.session_requested)
        self.pain_chart.set_left_title("Pain (0–10)")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.exercise_chart)
        splitter.addWidget(self.pain_chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

        self.exercise_combo.currentIndexChanged.connect(self.show_exercise_chart)
        self.metric_combo.currentIndexChanged.connect(self.show_exercise_chart)
        self.show_exercise_chart()
        self.show_pain_chart()

    def select(self, exercise_id: str, metric: str = TOP_LOAD) -> None:
        self.exercise_combo.blockSignals(True)
        self.exercise_combo.setCurrentIndex(max(self.exercise_combo.findData(exercise_id), 0))
        self.exercise_combo.blockSignals(False)
        self.metric_combo.setCurrentIndex(max(self.metric_combo.findData(metric), 0))
        self.show_exercise_chart()

    def show_exercise_chart(self, *_args: object) -> None:
        exercise_id = self.exercise_combo.currentData()
        metric = self.metric_combo.currentData()
        chart = self.exercise_chart
        chart.clear()
        points = self.workouts.exercise_series(exercise_id) if exercise_id else []
        # A session dated year 1 or 9999 (an old import) cannot be placed on a time axis.
        points = [p for p in points if plausible_time(p.started_at)]
        name = lookup.exercise_name(self.library, exercise_id or "")
        label = METRICS[metric]
        chart.set_left_title(metric_title(metric, self.units).replace(" and estimated 1RM", ""))
        if not points:  # nothing to draw: an empty chart, not the last exercise's axes
            chart.chart().setTitle(f"{name}: no sessions yet")
            chart.fit()
            self.empty_label.setText(
                f"No sessions with {name} yet: it will appear here once logged."
            )
            return
        what = label.split(" (")[0]
        chart.chart().setTitle(f"{name}: {what[0].lower()}{what[1:]} over time")
        if metric in (WEEKLY_SETS, WEEKLY_VOLUME):
            chart.add_series(
                label.split(" (")[0], weekly_points(weekly_totals(points), metric, self.units)
            )
        elif lookup.is_one_sided(self.library, exercise_id or "") and metric == TOP_LOAD:
            chart.add_series("Left leg", side_points(points, "left", self.units))
            chart.add_series("Right leg", side_points(points, "right", self.units))
        else:
            chart.add_series(
                label.split(" (")[0].removesuffix(" and estimated 1RM"),
                exercise_points(points, metric, self.units),
            )
        if metric == TOP_LOAD:
            estimates = [
                e
                for e in self.workouts.estimated_max_series(exercise_id)
                if plausible_time(e.started_at)
            ]
            if estimates:
                chart.add_series(E1RM_SERIES, estimate_points(estimates, self.units))
        pain = pain_after_points(points)
        if len(pain) > WEEKLY_PAIN_FROM or metric in (WEEKLY_SETS, WEEKLY_VOLUME):
            # Day-by-day pain over years is a solid block of ink; weekly means show the trend.
            chart.add_series(
                "Pain after (weekly average)",
                weekly_mean(pain, "average pain after"),
                right_axis=True,
            )
        else:
            chart.add_series("Pain after", pain, right_axis=True)
        chart.fit()
        self.empty_label.setText("")

    def show_pain_chart(self) -> None:
        total = self.workouts.count_sessions()
        summaries = self.workouts.list_sessions(
            limit=max(total, 1), newest_first=False, count_sets=False
        )
        summaries = [s for s in summaries if plausible_time(s.session.started_at)]
        before, after = weekly_pain(summaries)
        self.pain_chart.clear()
        self.pain_chart.add_series("Pain before", before)
        self.pain_chart.add_series("Pain after", after)
        self.pain_chart.fit()
        self.pain_chart.pin_left_to_pain_scale()
