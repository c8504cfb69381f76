"""The trainer's content: exercises, plans, what to avoid and guidance, loaded from TOML."""

from backleg_desktop.content.loader import ContentError, load_library
from backleg_desktop.content.model import Library

__all__ = ["ContentError", "Library", "load_library"]
