"""The session's fixtures (a window with an open store, a driver that presses keys)."""

from tests.ui.session.conftest import answers, drive, session_window, store

__all__ = ["answers", "drive", "session_window", "store"]
