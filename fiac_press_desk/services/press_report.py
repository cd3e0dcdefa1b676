"""The press report of a period: the facts read from the database, the figures computed by
``domain.press_report`` (pure, tested against hand-computed values)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from fiac_press_desk.config import desk_timezone
from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.domain.press_report import (
    CoverageFact,
    DeliveryFact,
    EnquiryFact,
    Period,
    PressReport,
    compute,
)
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.releases import RECEIVED
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import (
    CoverageItem,
    Distribution,
    Enquiry,
    Organisation,
    Release,
)


class PressReportService(ServiceBase):
    """Reads what a period's report counts; each read in one session (a consistent view)."""

    def __init__(
        self, db: Database, actor: str | None = None, clock: DeskClock | None = None
    ) -> None:
        super().__init__(db, actor)
        self.clock = clock or DeskClock(desk_timezone())

    def report(self, period: Period) -> PressReport:
        """Every figure of ``period`` (local days of the desk's time zone)."""
        start, _ = self.clock.day_bounds(period.start)
        _, end = self.clock.day_bounds(period.end)
        local = self.clock.local
        with self.db.session() as session:
            # Every delivery up to the period's end: a release counts in the period when its
            # first delivery is in it, so the earlier ones are needed to know which is first.
            deliveries = [
                DeliveryFact(
                    rid,
                    title,
                    f"c:{cid}" if cid is not None else f"a:{addr}",
                    local(sent or end).date(),
                )
                for rid, title, cid, addr, sent in session.execute(
                    select(
                        Distribution.release_id,
                        Release.title,
                        Distribution.contact_id,
                        Distribution.address,
                        Distribution.sent_at,
                    )
                    .join(Release, Release.id == Distribution.release_id)
                    .where(
                        Distribution.status.in_(RECEIVED),
                        Distribution.sent_at.is_not(None),
                        Distribution.sent_at < end,
                    )
                )
            ]
            enquiries: list[EnquiryFact] = []
            enquiry_release: dict[int, int] = {}
            for eid, received, answered, deadline, status, outlet, rid in session.execute(
                select(
                    Enquiry.id,
                    Enquiry.received_at,
                    Enquiry.answered_at,
                    Enquiry.deadline,
                    Enquiry.status,
                    Organisation.name,
                    Enquiry.release_id,
                )
                .outerjoin(Organisation, Organisation.id == Enquiry.organisation_id)
                .where(Enquiry.received_at >= start, Enquiry.received_at < end)
            ):
                enquiries.append(
                    EnquiryFact(
                        eid,
                        local(received).date(),
                        received,
                        answered,
                        deadline,
                        status == EnquiryStatus.DECLINED.value,
                        outlet or "",
                    )
                )
                if rid is not None:
                    enquiry_release[eid] = rid
            coverage = [
                CoverageFact(
                    iid, day, outlet or "", kind or "", medium, tone, audience, rid, title or ""
                )
                for iid, day, outlet, kind, medium, tone, audience, rid, title in session.execute(
                    select(
                        CoverageItem.id,
                        CoverageItem.published_on,
                        Organisation.name,
                        Organisation.kind,
                        CoverageItem.medium,
                        CoverageItem.tone,
                        CoverageItem.audience,
                        CoverageItem.release_id,
                        Release.title,
                    )
                    .outerjoin(Organisation, Organisation.id == CoverageItem.organisation_id)
                    .outerjoin(Release, Release.id == CoverageItem.release_id)
                    .where(
                        CoverageItem.published_on >= period.start,
                        CoverageItem.published_on <= period.end,
                    )
                )
            ]
        return compute(period, deliveries, enquiries, coverage, enquiry_release)

    def last_months(self, count: int = 12) -> Period:
        """The ``count`` whole months up to this one (the dashboard's default)."""
        today = self.clock.today()
        first = today.replace(day=1)
        for _ in range(count - 1):
            first = (first - timedelta(days=1)).replace(day=1)
        return Period(first, today)
