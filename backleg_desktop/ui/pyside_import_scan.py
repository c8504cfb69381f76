"""A lighter version of the check PySide6 runs after every import.

Importing PySide6 replaces `__import__` with a hook that, for each module imported from
then on, asks whether its source mentions "PySide6" (so `from __feature__ import ...`
can apply to it). It asks through `inspect.getsource`, which tokenizes the whole file
and keeps every line in `linecache` for the life of the process: at start-up that is
about 350 modules (SQLAlchemy's included), 150 ms and some 9 million characters held in
memory that Backleg never reads. This gives the same answer by searching the file's
bytes; anything it cannot read gets PySide's own answer for source it cannot find (no).
If PySide's internals are not where this expects, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARK = b"PySide6"


def _mentions_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # a built-in or compiled module: PySide finds no source either
    try:
        with open(path, "rb") as source:
            return _MARK in source.read()
    except OSError:
        return False


def lighten() -> bool:
    """Install the lighter check; False when this PySide6 has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _mentions_pyside  # type: ignore[attr-defined]
    return True
