"""Work-arounds for bugs in the PySide6 release we run on, applied once on import.

PySide6 6.12.0's `SignalInstance.emit()` returns True without owning a reference to
it, so each emit from Python drops one reference to True, and CPython 3.11 aborts
after a few hundred ("bool_dealloc: deallocating True or False"). We detect the leak
with one probe emit instead of trusting a version number, and only then wrap `emit`
so it gives the reference back.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_py_incref = ctypes.pythonapi.Py_IncRef
_py_incref.argtypes = [ctypes.py_object]
_py_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):
            _py_incref(True)  # give back what the probe itself lost
        return True
    return False


def _install_emit_fix() -> None:
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            _py_incref(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]


if _emit_loses_a_reference():
    _install_emit_fix()
