"""All PySide6 code lives in this package."""

from backleg_desktop.ui import pyside_fixes as _pyside_fixes  # noqa: F401  (applies fixes)
