"""Demo enquiries (filled in by the enquiries work)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fiac_press_desk.services.demo import DemoSummary
    from fiac_press_desk.services.hub import Services


def fill(services: Services, contact_ids: list[int], now: datetime, summary: DemoSummary) -> None:
    """Add the demo enquiries for ``contact_ids`` (the first one is the press officer)."""
