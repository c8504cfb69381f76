"""The charts as drawn: load axis labels without a needless ".0" ("150", "152.5", with the
unit in the axis title), and grid lines 3:1 or more on the plot in both themes, re-tinted
live when the theme changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.ui import theme
from backleg_desktop.ui.history.charts import ProgressView
from tests.ui.history.test_fits_1024 import dispose
from tests.ui.test_theme import contrast

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def session(day: int, load: float) -> ImportedSession:
    when = T0 + timedelta(days=day)
    return ImportedSession(
        name="Legs",
        plan_id=None,
        started_at=when,
        ended_at=when + timedelta(hours=1),
        status="completed",
        pain_before=2,
        pain_after=2,
        notes="",
        sets=(SetEntry("goblet-squat", 1, reps=5, load_kg=load, completed_at=when),),
    )


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[theme.ThemeController]:
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    yield controller
    controller.set_choice(choice)
    qapp.setPalette(before)


@pytest.fixture
def loads() -> tuple[float, ...]:
    return (150.0, 151.0, 152.5)


@pytest.fixture
def view(qtbot, data_dir, real_library, loads):  # type: ignore[no-untyped-def]
    from backleg_desktop.services.store import open_store
    from tests.support.stores import close_when_jobs_are_done

    store = open_store(data_dir, real_library, make_daily_backup=False)
    store.workouts.import_sessions([session(7 * i, load) for i, load in enumerate(loads)])
    widget = ProgressView(store.workouts, real_library)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select("goblet-squat", "top_load")
    yield widget
    dispose(widget)
    close_when_jobs_are_done(store)


def axis_labels(chart: QChart, kind: str = "ValueAxisLabel") -> list[tuple[float, str]]:
    """The tick labels Qt drew for the value axes, as (x, text): read from the scene."""
    found = []
    for item in chart.scene().items():
        obj = item.toGraphicsObject()
        if obj is None or obj.metaObject().className() != kind or not item.isVisible():
            continue
        label = shiboken6.wrapInstance(shiboken6.getCppPointer(obj)[0], QGraphicsTextItem)
        found.append((item.sceneBoundingRect().left(), label.toPlainText()))
    return found


def test_the_load_axis_reads_150_not_150_point_0(qtbot, view) -> None:
    chart = view.exercise_chart.chart()
    view.exercise_chart.grab()  # lays the chart out
    plot = chart.plotArea()
    left = [text for x, text in axis_labels(chart) if x < plot.left()]
    assert left, "no load axis labels drawn"
    assert "150" in left, left
    assert not [t for t in left if t.endswith(".0")], left
    assert view.exercise_chart._left.titleText() == "Top-set load (kg)"  # the unit, as before
    # Ticks between whole numbers: the same axis zoomed to 150-155.
    view.exercise_chart._left.setRange(150.0, 155.0)
    view.exercise_chart.grab()
    left = [text for x, text in axis_labels(chart) if x < plot.left()]
    assert "152.5" in left and "150" in left, left
    assert not [t for t in left if t.endswith("0") and "." in t], left


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_grid_lines_are_3_to_1_on_the_plot_and_follow_a_theme_switch(
    qtbot, themes, view, scheme
) -> None:
    other = "dark" if scheme == "light" else "light"
    themes.set_choice(other)
    themes.set_choice(scheme)  # a live switch: the chart re-tints itself
    qtbot.wait(10)
    for chart_view in (view.exercise_chart, view.pain_chart):
        chart = chart_view.chart()
        plot = chart.backgroundBrush().color()
        assert plot == theme.palette_for(scheme).color(QPalette.ColorRole.Base)
        for axis in chart.axes():
            for line in (axis.gridLineColor(), axis.linePenColor()):
                ratio = contrast(line, plot)
                assert ratio >= 3.0, (chart_view.objectName(), line.name(), round(ratio, 2))


def test_only_the_load_axis_draws_horizontal_grid_lines(qtbot, view) -> None:
    # With "Pain after" on its own right axis, the two axes' grids never lined up.
    chart = view.exercise_chart.chart()
    view.exercise_chart.grab()
    vertical = [a for a in chart.axes(Qt.Orientation.Vertical) if a.isVisible()]
    assert len(vertical) == 2, "no pain axis beside the load axis"
    assert [a.isGridLineVisible() for a in vertical] == [True, False]
