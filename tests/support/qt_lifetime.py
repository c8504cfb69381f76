"""Keep a test's widget alive until pytest-qt has closed and deleted it.

qtbot.addWidget holds widgets weakly. A page that is only a local variable becomes
garbage when the test function returns, and as it sits in reference cycles (its children
hold its bound methods) Python's cyclic GC frees it, shown and with its jobs running, at
whatever moment and on whatever thread the GC next runs: a segfault. Held here, it is
closed and deleted by pytest-qt first, on the GUI thread, like a fixture's widget.
"""

from __future__ import annotations

from typing import Any

import pytest


def keep_until_teardown(request: pytest.FixtureRequest, widget: Any) -> None:
    held = [widget]
    request.addfinalizer(held.clear)  # runs after pytest-qt's close and deleteLater
