"""Accessible names and descriptions, set where a control is made.

A screen reader says the name first ("Reps") and the description when asked ("The reps
you did in this set; Up and Down change it by one"), so the description says what the
control does or shows, never the name again.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def described(widget: W, description: str, *, name: str | None = None) -> W:
    """Give `widget` its description (and name, when its text is not a good one)."""
    if name is not None:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget
