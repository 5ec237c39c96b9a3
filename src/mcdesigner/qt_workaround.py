"""WORKAROUND for a reference-count bug of PySide6 6.12.0 on CPython before 3.12.

With those wheels every Qt call that returns ``None`` (all void setters, ``processEvents``,
empty ``data()`` roles, ...) releases one reference to ``None`` that it never took. After a
few thousand calls the interpreter aborts with "none_dealloc: deallocating None". From
Python 3.12 on ``None`` is immortal and the bug is harmless. Until the wheels are fixed we
give ``None`` a very large reference count once, before any Qt code runs, so it can never
reach zero. Every module that imports PySide6 imports this module first.
"""

from __future__ import annotations

import ctypes
import sys

_APPLIED = False


def protect_none() -> None:
    """Make ``None`` effectively immortal on CPython < 3.12 (no effect elsewhere)."""
    global _APPLIED
    if _APPLIED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 32
    _APPLIED = True


protect_none()
