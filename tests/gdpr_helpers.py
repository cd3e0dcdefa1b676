"""A person with a row in every table that can hold data about someone, for the GDPR access
and erasure tests; and a second person who must come out of an erasure untouched."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from fiac_press_desk.domain.contact import EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.coverage import Attachment, CoverageInput
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.enums import DistributionChannel, EnquiryChannel, EnquiryStatus
from fiac_press_desk.domain.gdpr import NoticeChannel
from fiac_press_desk.interchange.import_sources import contact_items
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.releases import ReleaseData

# Values chosen to be found nowhere else in a database: any byte of them left after an
# erasure is theirs.
GIVEN = "Zbigniew"
FAMILY = "Wąsowicz"
EMAIL = "zbigniew.wasowicz@example.org"
SECOND_EMAIL = "z.wasowicz.pigiste@example.net"
PHONE = "+33671829304"
PHONE_TYPED = "06 71 82 93 04"
STREET = "17 rue des Quatre-Vents-Wąsowicz"

VCARD = f"""BEGIN:VCARD
VERSION:3.0
N:{FAMILY};{GIVEN};;;
FN:{GIVEN} {FAMILY}
ORG:Gazeta Medyczna
TITLE:Correspondant à Paris
EMAIL;TYPE=work:{EMAIL}
TEL;TYPE=cell:{PHONE_TYPED}
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Oyelaran;Adébáyọ̀;;;
FN:Adébáyọ̀ Oyelaran
ORG:Radio Hexagone
EMAIL;TYPE=work:adebayo.oyelaran@example.com
TEL;TYPE=work:01 44 55 66 77
END:VCARD
"""


@dataclass
class RichPerson:
    contact_id: int
    other_id: int
    release_id: int
    enquiry_id: int
    vcard: Path


def png(width: int = 24, height: int = 24) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 58, 95)).save(out, "PNG")
    return out.getvalue()


def import_file(services: Services, path: Path, on_duplicate: str = "skip") -> None:
    plan = build_plan(
        services,
        contact_items(path),
        sources=[str(path)],
        format="vcard",
        on_duplicate=on_duplicate,
    )
    apply_plan(services, plan)


def rich_person(services: Services, folder: Path) -> RichPerson:
    """The person imported, re-imported, edited, tagged, listed, sent releases (one received,
    one recorded by post, one still queued), who made an enquiry with a thread, and was told
    of the notice another way."""
    vcard = folder / "contacts-presse.vcf"
    vcard.write_text(VCARD, encoding="utf-8")
    import_file(services, vcard)
    found = {
        c.family_name: c.id
        for c in services.contacts.get_many(services.contact_queries.ids(ContactFilter()))
    }
    cid, other = found[FAMILY], found["Oyelaran"]
    assert cid is not None and other is not None
    # A second import that changes them: an "updated" item keeping a copy of the card.
    update = folder / "mise-a-jour.vcf"
    update.write_text(VCARD.replace("ORG:Gazeta Medyczna", "ORG:Gazeta Medyczna;Santé"), "utf-8")
    import_file(services, update, on_duplicate="update")
    data = services.contacts.get(cid)
    services.contacts.update(
        cid,
        replace(
            data,
            emails=[*data.emails, EmailAddress(SECOND_EMAIL, "home")],
            phones=[Phone(PHONE, "mobile")],
            addresses=[PostalAddress("work", STREET, postal_code="75011", city="Paris")],
            urls=[WebLink("https://example.org/wasowicz", "website")],
            notes=f"Rencontré au salon ; {GIVEN} {FAMILY} préfère le téléphone.",
            photo=png(),
            photo_mime="image/png",
            birthday="1980-04-02",
        ),
    )
    services.contacts.add_tags([cid, other], ["Santé publique"])
    list_id = services.lists.create("Presse étrangère")
    services.lists.add_members(list_id, [cid, other])
    releases = [
        services.releases.create(
            ReleaseData(title=f"Communiqué {n}", release_date=date(2024, 1, n + 1))
        )
        for n in range(3)
    ]
    when = datetime(2024, 2, 1, 9, 0, tzinfo=UTC)
    services.distributions.record(releases[0], [cid, other], when, DistributionChannel.EMAIL)
    services.distributions.record(releases[1], [cid], when, DistributionChannel.POST)
    services.sending.queue(releases[2], [cid])  # still waiting: dropped by an erasure
    enquiry = services.enquiries.create(
        EnquiryInput(
            subject=f"Interview pour {GIVEN} {FAMILY}",
            received_at=datetime(2024, 2, 3, 10, 0, tzinfo=UTC),
            channel=EnquiryChannel.EMAIL,
            contact_id=cid,
            details=f"Bonjour, c'est {GIVEN}, joignable au {PHONE_TYPED} ou {EMAIL}.",
        ),
        note="Appel reçu",
    )
    services.enquiries.add_note(enquiry, f"Rappeler {FAMILY} demain")
    services.enquiries.change_status(
        enquiry, EnquiryStatus.ANSWERED, note=f"Réponse envoyée à {EMAIL}"
    )
    services.gdpr.notices.record_given([cid], NoticeChannel.PHONE, note="Appel du 5 février")
    services.contacts.set_opted_out(other, False)
    services.duplicates.mark_not_duplicate([cid, other])  # "pas un doublon", remembered
    # What they published (coverage): the article stays after an erasure, without them.
    services.coverage.create(
        CoverageInput(
            title="Un essai prometteur",
            published_on=date(2024, 2, 10),
            contact_id=cid,
            author=f"{GIVEN} {FAMILY}",
            link="https://gazeta.example/essai",
            notes=f"Article de {GIVEN} {FAMILY} après l'interview",
            release_id=releases[0],
            enquiry_id=enquiry,
        ),
        attachment=Attachment("coupure.png", "image/png", png()),
    )
    return RichPerson(cid, other, releases[0], enquiry, vcard)


def needles() -> list[bytes]:
    """The person's identifying values as they may sit in the file: as typed, folded (search
    text), as digits (the search index), in UTF-8."""
    values = [
        EMAIL,
        SECOND_EMAIL,
        "zbigniew.wasowicz",
        PHONE,
        PHONE[1:],  # digits, as the search index holds them
        "0671829304",
        PHONE_TYPED,
        FAMILY,
        "wasowicz",  # folded
        GIVEN,
        "zbigniew",
        STREET,
    ]
    return [v.encode("utf-8") for v in itertools.chain(values, (v.upper() for v in values))]
