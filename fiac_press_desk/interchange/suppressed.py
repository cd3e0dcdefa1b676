"""Imports refuse erased people (GDPR): a record holding an email or phone on the suppression
list becomes a refused line of the plan, with the date of the erasure, like any bad record."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fiac_press_desk.interchange.pipeline import PlanItem
    from fiac_press_desk.services.hub import Services


def refuse_erased(services: Services, items: list[PlanItem]) -> int:
    """Turn the plan items of erased people into errors; returns how many."""
    from fiac_press_desk.domain.enums import Decision, MatchKind

    refusals = services.gdpr.suppression.refusals([item.data for item in items])
    for position, refusal in refusals.items():
        item = items[position]
        item.kind, item.decision = MatchKind.ERROR, Decision.SKIP
        item.data, item.message = None, refusal.message
    return len(refusals)
