"""What a screen reader gets from a window: each interactive control's accessible name
and description, read through Qt's accessibility interface (as assistive tools read it)."""

from __future__ import annotations

import re

from PySide6.QtCharts import QChartView
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from backleg_desktop.ui.history.calendar_view import YearGrid
from backleg_desktop.ui.widgets import LinkLabel

INTERACTIVE = (
    LinkLabel,  # links that Tab reaches and Enter follows
    QAbstractButton,  # push, tool, check and radio buttons
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,  # list, table and tree views
    QTabBar,
    QTextEdit,
    QPlainTextEdit,
    QChartView,
    QCalendarWidget,
    YearGrid,  # the calendar's year: click a day
)
# Controls that build their own parts (a spin box's line edit, a view's header, a tab
# bar's scroll arrows, a calendar's month buttons): the outer control carries the text.
_COMPOUND = (
    QAbstractSpinBox,
    QComboBox,
    QCalendarWidget,
    QLineEdit,
    QTabBar,
    QAbstractItemView,
    QMenuBar,
)


def qt_internal(widget: QWidget) -> bool:
    if isinstance(widget, (QHeaderView, QScrollBar)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def _buddy_text(widget: QWidget) -> str:
    top = widget.window()
    for label in top.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip(" :")
    return ""


def texts(widget: QWidget) -> tuple[str, str]:
    """(name, description) as a screen reader gets them. On Linux Qt says a combo box's
    current item as its name, so a combo box needs a name of its own or a label."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return "", ""
    name = interface.text(QAccessible.Text.Name).strip()
    if isinstance(widget, QComboBox):
        name = widget.accessibleName().strip() or _buddy_text(widget)
    return name, interface.text(QAccessible.Text.Description).strip()


def says_more(name: str, description: str) -> bool:
    """At least three words besides the name: "Skip set (S)" only repeats it."""
    rest = description.casefold().replace(name.casefold(), " ")
    return len(re.findall(r"[^\W\d_]{2,}", rest)) >= 3


def problem(widget: QWidget) -> str | None:
    """Why this control would leave a screen-reader user guessing, or None."""
    name, description = texts(widget)
    if not name:
        why = "no accessible name"
    elif not description:
        why = "no accessible description"
    elif not says_more(name, description):
        why = f"a description that only repeats its name ({description!r})"
    else:
        return None
    return f"{type(widget).__name__} {widget.objectName()!r} {name!r} in {where(widget)}: {why}"


def controls(top: QWidget) -> list[QWidget]:
    found = [top] if isinstance(top, INTERACTIVE) else []
    found += [w for w in top.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    return [w for w in found if not qt_internal(w)]


def tab_problems(bar: QTabBar) -> list[str]:
    """A tab bar's tabs are its controls: each says its text and its tooltip."""
    interface = QAccessible.queryAccessibleInterface(bar)
    found = []
    for index in range(interface.childCount() if interface is not None else 0):
        tab = interface.child(index)
        if tab.role() != QAccessible.Role.PageTab:
            continue  # the scroll arrows are Qt's
        name = tab.text(QAccessible.Text.Name).strip()
        description = tab.text(QAccessible.Text.Description).strip()
        if not name or not description or not says_more(name, description):
            found.append(
                f"tab {name!r} of {bar.accessibleName()!r} in {where(bar)}: "
                f"no description beyond its name ({description!r})"
            )
    return found


def problems(top: QWidget) -> list[str]:
    found = []
    for widget in controls(top):
        if isinstance(widget, QTabBar):
            found += tab_problems(widget)
            if not widget.accessibleName().strip():
                found.append(f"tab bar in {where(widget)}: no accessible name")
        elif (text := problem(widget)) is not None:
            found.append(text)
    return found


def where(widget: QWidget) -> str:
    names = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 3:
        names.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return "/".join(names)
