"""A check that the window never touches the database from its GUI thread.

Every service call of the window runs through ``ui.operations``, off the GUI thread, so a
slow disk or a big query never freezes it. ``install()`` asks storage to call ``check`` before
every use of a database (``storage.database.add_access_hook``); ``check`` looks at who is
asking. On the GUI thread, a database use that comes from the window's code (a frame of
``fiac_press_desk.ui``) or from Qt delivering an event or a signal is a violation: it is
recorded (``violations()``) and, in ``raise`` mode, refused with ``GuiThreadAccess``. A test
or a benchmark calling the services itself to set up its data is not the window: a frame of
``tests/`` or ``benchmarks/`` reached first, through nothing but the layers below ``ui``,
is allowed.

The test suite installs it for every window test (tests/ui/conftest.py), so a service call
that slips back onto the GUI thread fails the test that makes it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from fiac_press_desk.storage.database import add_access_hook

_PACKAGE = Path(__file__).resolve().parents[1]  # fiac_press_desk/
_UI = _PACKAGE / "ui"
_REPOSITORY = _PACKAGE.parent
_CALLERS_ALLOWED = (_REPOSITORY / "tests", _REPOSITORY / "benchmarks")
# Frames that sit between a caller and the database without being a caller of their own:
# the layers below the window, and the libraries they go through.
_PASS_THROUGH_MODULES = ("sqlalchemy", "alembic", "contextlib", "functools")
_PASS_THROUGH_LAYERS = tuple(
    str(_PACKAGE / name)
    for name in ("storage", "services", "interchange", "domain", "config.py", "cli.py")
)


class GuiThreadAccess(RuntimeError):
    """The database was used from the GUI thread (``raise`` mode)."""


class _Guard:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.gui_thread = threading.get_ident()
        self.found: list[str] = []

    def check(self) -> None:
        if threading.get_ident() != self.gui_thread:
            return
        where = _offending_caller(sys._getframe(1))
        if where is None:
            return
        self.found.append(where)
        if self.mode == "raise":
            raise GuiThreadAccess(f"database used on the GUI thread from {where}")


_guard: _Guard | None = None
_remove: Callable[[], None] | None = None


def install(mode: str = "record") -> None:
    """Start checking, from the GUI thread (the thread calling this is taken as it)."""
    global _guard, _remove
    uninstall()
    if mode not in ("record", "raise"):
        raise ValueError(f"mode must be 'record' or 'raise', not {mode!r}")
    _guard = _Guard(mode)
    _remove = add_access_hook(_guard.check)


def uninstall() -> None:
    global _guard, _remove
    if _remove is not None:
        _remove()
    _guard, _remove = None, None


def violations() -> list[str]:
    """Where the window used the database on the GUI thread since ``install`` or ``clear``."""
    return list(_guard.found) if _guard is not None else []


def clear() -> None:
    if _guard is not None:
        _guard.found.clear()


def _offending_caller(frame: FrameType | None) -> str | None:
    """Who asked for the database, if it is the window; None when it is a test's own call."""
    first_outside: str | None = None
    while frame is not None:
        filename = frame.f_code.co_filename
        module = str(frame.f_globals.get("__name__", ""))
        if filename.startswith(str(_UI)):
            return _describe(frame)
        if filename.startswith(_PASS_THROUGH_LAYERS) or module.split(".")[0] in (
            _PASS_THROUGH_MODULES
        ):
            frame = frame.f_back
            continue
        if filename.startswith(tuple(str(p) for p in _CALLERS_ALLOWED)):
            return None  # a test or a benchmark setting up its data
        if first_outside is None:
            first_outside = _describe(frame)
        # Anything else (Qt delivering a signal through pytest-qt, an event loop...) is the
        # window's doing, whoever set the loop going: keep looking for a frame of ui.
        frame = frame.f_back
        break
    while frame is not None:
        if frame.f_code.co_filename.startswith(str(_UI)):
            return _describe(frame)
        frame = frame.f_back
    return first_outside


def _describe(frame: FrameType) -> str:
    path = Path(frame.f_code.co_filename)
    try:
        shown = str(path.relative_to(_REPOSITORY))
    except ValueError:
        shown = path.name
    return f"{shown}:{frame.f_lineno} in {frame.f_code.co_name}"
