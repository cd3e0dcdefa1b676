"""Demo releases (filled in by the releases work)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fiac_press_desk.services.demo import DemoSummary
    from fiac_press_desk.services.hub import Services


def fill(services: Services, contact_ids: list[int], now: datetime, summary: DemoSummary) -> None:
    """Add the demo releases for ``contact_ids`` (the first one is the press officer)."""
