"""The suppression list: erased people's emails and phones (as keyed hashes, see
domain/suppression.py) that an import or a captured email may not bring back.

``refusal`` answers for one contact (the enquiry capture, the window's forms); ``refusals``
for a whole import at once (the digests are read once, each record's keys computed once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.gdpr_messages import SuppressedError
from fiac_press_desk.domain.messages import current_language
from fiac_press_desk.domain.suppression import Digester
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.gdpr_settings import existing_secret, suppression_secret
from fiac_press_desk.services.mail_composer import english_date, french_date, paris_time
from fiac_press_desk.storage.models import Suppression
from fiac_press_desk.storage.types import utcnow


@dataclass(frozen=True)
class Refusal:
    """Why a contact may not come back: which of its values was erased, and when."""

    value: str
    erased_at: datetime

    @property
    def message(self) -> str:
        """The refusal as the user reads it ("effacé à sa demande le …")."""
        return str(self.error())

    def error(self) -> SuppressedError:
        """The refusal as an error, dated in the current language."""
        day = paris_time(self.erased_at).date()
        said = english_date(day) if current_language() == "en" else french_date(day)
        return SuppressedError(self.value, said)


class SuppressionService(ServiceBase):
    """The suppression list: keyed hashes of erased addresses, which refuse their return."""

    def refusal(self, data: ContactData) -> Refusal | None:
        """The first of the contact's emails or phones on the list, or None."""
        with self.db.session() as session:
            return refusal_in(session, data)

    def refusals(self, records: Sequence[ContactData | None]) -> dict[int, Refusal]:
        """For an import: {index of the record: why it is refused}, for the records whose
        email or phone belongs to an erased person. Reads the list once."""
        with self.db.session() as session:
            secret = existing_secret(session)
            if secret is None:
                return {}
            listed = dict(session.execute(select(Suppression.digest, Suppression.erased_at)).all())
        if not listed:
            return {}
        out: dict[int, Refusal] = {}
        digester = Digester(secret)
        for index, data in enumerate(records):
            if data is not None:
                found = _first_listed(digester, listed, data)
                if found is not None:
                    out[index] = found
        return out

    def count(self) -> int:
        """How many addresses and numbers are on the list (the record of processing quotes it)."""
        with self.db.session() as session:
            return len(session.scalars(select(Suppression.id)).all())

    def lift(self, value: str) -> bool:
        """Take an email or phone off the list (the person came back and asked to be kept);
        returns whether it was on it."""
        with self.transaction() as session:
            secret = existing_secret(session)
            digester = Digester(secret) if secret else None
            digests = (
                [d for d in (digester.email(value), digester.phone(value)) if d] if digester else []
            )
            gone = 0
            for digest in digests:
                result = session.execute(delete(Suppression).where(Suppression.digest == digest))
                gone += int(getattr(result, "rowcount", 0) or 0)
            self.audit(session, "suppression_lift", "suppression", None, lifted=gone)
        return gone > 0


def refusal_in(session: Session, data: ContactData) -> Refusal | None:
    """The refusal for this contact in an open session (an import checks inside its own)."""
    secret = existing_secret(session)
    if secret is None:
        return None
    digester = Digester(secret)
    digests = _digests(digester, data)
    if not digests:
        return None
    listed = dict(
        session.execute(
            select(Suppression.digest, Suppression.erased_at).where(
                Suppression.digest.in_([d for d, _ in digests])
            )
        ).all()
    )
    return _first_listed(digester, listed, data) if listed else None


def refuse_suppressed(session: Session, data: ContactData) -> None:
    """Raise SuppressedError when the contact's email or phone belongs to an erased person."""
    found = refusal_in(session, data)
    if found is not None:
        raise found.error()


def add_to_list(
    session: Session, emails: Iterable[str], phones: Iterable[str], at: datetime | None = None
) -> int:
    """Put these emails and phones on the list (those already there keep their date)."""
    digester = Digester(suppression_secret(session))
    when = at or utcnow()
    digests = {d: "email" for d in (digester.email(e) for e in emails) if d}
    digests.update({d: "phone" for d in (digester.phone(p) for p in phones) if d})
    known = set(
        session.scalars(select(Suppression.digest).where(Suppression.digest.in_(list(digests))))
    )
    fresh = [
        Suppression(kind=kind, digest=d, erased_at=when)
        for d, kind in digests.items()
        if d not in known
    ]
    session.add_all(fresh)
    return len(fresh)


def _digests(digester: Digester, data: ContactData) -> list[tuple[str, str]]:
    """(digest, value as the record holds it) of each email and phone."""
    out = [(digester.email(e.value), e.value) for e in data.emails]
    out += [(digester.phone(p.value), p.value) for p in data.phones]
    return [(d, value) for d, value in out if d]


def _first_listed(
    digester: Digester, listed: dict[str, datetime], data: ContactData
) -> Refusal | None:
    for digest, value in _digests(digester, data):
        if digest in listed:
            return Refusal(value, listed[digest])
    return None
