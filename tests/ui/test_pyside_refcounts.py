"""Guards against PySide6 releases that lose references to None/True/False.

PySide6 6.12.0 dropped one reference to None on every call of a method that returns
nothing, and one to True on every signal emit; a long session (a rest ring repainting
every frame) then aborts the interpreter. pyproject.toml excludes that release; these
tests fail loudly if a future version brings the bug back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPainter

CALLS = 2000

# From Python 3.12 None and True are immortal (PEP 683): their reference count never
# changes, so counting them can no longer see the bug and these tests would pass trivially.
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None and True are immortal on Python >= 3.12 (PEP 683): refcounts cannot show a loss",
)


def test_methods_returning_nothing_keep_none_alive(qapp) -> None:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            painter.setPen(Qt.PenStyle.NoPen)
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < CALLS // 10, f"{lost} references to None lost in {CALLS} calls"


class _Emitter(QObject):
    changed = Signal(int)


def test_emit_keeps_true_alive(qapp) -> None:
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for value in range(CALLS):
        emitter.changed.emit(value)
    lost = before - sys.getrefcount(True)
    assert lost < CALLS // 10, f"{lost} references to True lost in {CALLS} emits"
