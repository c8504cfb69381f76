"""Python's cyclic garbage collected on the GUI thread only, from a Qt timer.

CPython runs its cyclic collector on whichever thread happens to allocate past the
threshold. A Qt object that has become cyclic garbage (a page or dialog whose children
hold its bound methods, a lambda that captures its widget) is then destroyed on that
thread: a QThreadPool worker (History's jobs, imports, exports) or start-up's
store-import thread, and deleting a GUI-thread QObject there is undefined behaviour, a
crash at random. So automatic collection is off while the GUI runs and a timer on the
GUI thread collects the generations that are due, as pyqtgraph's GarbageCollector and
calibre do. Reference counting still frees everything else at once; only cycles wait,
at most one interval (README "Performance" gives the memory this costs).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects from a timer on this (the GUI) thread,
    with the thresholds the automatic collector would use; stop() turns it back on."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("gui-thread-gc")
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setObjectName("gui-thread-gc")
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)
        gc.disable()

    def collect_due(self) -> int:
        """Collect the young generation, and each older one whose count passed its
        threshold (the automatic collector's rule); the number of objects found
        unreachable. The young one every time: its count is net allocations, which a
        burst that allocates and frees leaves low even when cycles were dropped."""
        counts = gc.get_count()
        found = gc.collect(0)
        for generation in (1, 2):
            if counts[generation] <= self._thresholds[generation]:
                break
            found += gc.collect(generation)
        return found

    def stop(self) -> None:
        """Automatic collection back on, and what is left collected here first."""
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        gc.enable()


def freeze_start_up() -> None:
    """Once start-up is over: collect, then leave what survived (modules, classes, the
    window; about 85,000 objects) out of later collections. A full collection then
    walks only what came after, instead of a 20-40 ms pause on this thread every two
    minutes, which a rest timer would feel."""
    gc.collect()
    gc.freeze()
