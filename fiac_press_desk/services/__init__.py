"""Use cases. Each public method is one transaction, recorded in the audit log, Qt-free.

``Services`` (the hub of them all) is imported on first use: importing one service module,
or ``services.progress``, does not load every other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fiac_press_desk.services.hub import Services

__all__ = ["Services"]


def __getattr__(name: str) -> Any:
    if name == "Services":
        from fiac_press_desk.services.hub import Services

        return Services
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
