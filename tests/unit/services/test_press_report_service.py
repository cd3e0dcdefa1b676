"""The press report read from a real database: which rows count in a period, on the desk's
local days (values worked out by hand in the comments)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData
from fiac_press_desk.domain.coverage import CoverageInput, Medium, Tone
from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput
from fiac_press_desk.domain.enums import DistributionChannel, EnquiryStatus, OrganisationType
from fiac_press_desk.domain.press_report import Period
from fiac_press_desk.services import Services
from fiac_press_desk.services.releases import ReleaseData

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)  # type: ignore[misc]


@pytest.fixture
def desk(services: Services) -> Services:
    clock = DeskClock(PARIS, now_fn=lambda: NOW)
    services.reports.clock = clock
    services.coverage.clock = clock
    return services


def test_report_counts_what_the_period_holds(desk: Services) -> None:
    desk.organisations.create(
        OrganisationData(name="Le Quotidien", kind=OrganisationType.DAILY_PRESS)
    )
    a = desk.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Quotidien",
            emails=[EmailAddress("eloise@example.fr")],
        )
    )
    b = desk.contacts.create(
        ContactData(
            given_name="Paul",
            family_name="Martin",
            organization="Radio Ville",
            emails=[EmailAddress("paul@example.fr")],
        )
    )
    march = desk.releases.create(ReleaseData(title="Essai", release_date=date(2026, 3, 2)))
    february = desk.releases.create(ReleaseData(title="Congrès", release_date=date(2026, 2, 1)))
    desk.distributions.record(march, [a, b], paris(2026, 3, 2, 9), DistributionChannel.EMAIL)
    # 28 Feb 23:30 in Paris (22:30 UTC): February's, though a later line falls in March.
    desk.distributions.record(february, [a], paris(2026, 2, 28, 23, 30), DistributionChannel.EMAIL)
    desk.distributions.record(february, [b], paris(2026, 3, 3, 9), DistributionChannel.POST)

    on_time = desk.enquiries.create(
        EnquiryInput(
            subject="Chiffres",
            received_at=paris(2026, 3, 3, 10),
            contact_id=a,
            deadline=paris(2026, 3, 3, 18),
            release_id=march,
        )
    )
    desk.enquiries.change_status(
        on_time, EnquiryStatus.ANSWERED, note="envoyé", at=paris(2026, 3, 3, 16)
    )
    late = desk.enquiries.create(
        EnquiryInput(
            subject="Interview",
            received_at=paris(2026, 3, 10, 9),
            contact_id=b,
            deadline=paris(2026, 3, 10, 12),
        )
    )
    desk.enquiries.change_status(
        late, EnquiryStatus.ANSWERED, note="fait", at=paris(2026, 3, 10, 17)
    )
    # 31 March 23:30 in Paris is March's; 1 April 00:30 in Paris (31 March UTC) is not.
    desk.enquiries.create(EnquiryInput(subject="Tard", received_at=paris(2026, 3, 31, 23, 30)))
    desk.enquiries.create(EnquiryInput(subject="Avril", received_at=paris(2026, 4, 1, 0, 30)))

    desk.coverage.create(
        CoverageInput(
            title="Papier",
            published_on=date(2026, 3, 4),
            contact_id=a,
            medium=Medium.PRINT,
            audience=1000,
            tone=Tone.POSITIVE,
            release_id=march,
        )
    )
    desk.coverage.create(
        CoverageInput(
            title="Sujet",
            published_on=date(2026, 3, 31),
            contact_id=b,
            medium=Medium.RADIO,
            enquiry_id=late,
        )
    )
    desk.coverage.create(
        CoverageInput(title="Avril", published_on=date(2026, 4, 1), outlet="Le Quotidien")
    )

    report = desk.reports.report(Period.month(2026, 3))
    assert [(r.title, r.recipients, r.enquiries, r.coverage) for r in report.releases] == [
        ("Essai", 2, 1, 1)
    ]
    assert (report.recipients, report.people_reached) == (2, 2)
    assert report.enquiries_received == 3  # on time, late, 31 March 23:30
    assert report.enquiries_answered == 2
    assert (report.enquiries_on_time, report.enquiries_with_deadline_answered) == (1, 2)
    assert report.median_hours_to_answer == 7.0  # median of 6 h and 8 h
    assert report.coverage_total == 2 and report.audience_total == 1000
    # Radio Ville was made from Paul's card: of type "other" until the officer says.
    assert report.by_kind == [("daily_press", 1), ("other", 1)]
    assert report.by_medium == [("print", 1), ("radio", 1)]
    assert report.by_release == [("", 1), ("Essai", 1)]
    assert [(o.outlet, o.coverage, o.enquiries) for o in report.top_outlets] == [
        ("Le Quotidien", 1, 1),
        ("Radio Ville", 1, 1),
    ]
    # February: the release first sent on the 28th (local time); its March line is after
    # the period's end, so one recipient.
    feb = desk.reports.report(Period.month(2026, 2))
    assert [(r.title, r.recipients) for r in feb.releases] == [("Congrès", 1)]


def test_last_months_ends_today(desk: Services) -> None:
    assert desk.reports.last_months(12) == Period(date(2025, 7, 1), date(2026, 6, 1))
