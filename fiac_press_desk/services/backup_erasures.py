"""A restored backup must not bring back the people erased since it was taken.

The CNIL's rule for backups: they may keep an erased person until they age out, but a backup
that is restored has the erasure applied again. The restore reads the suppression list of
the base it replaces (the keyed hashes of erased people's emails and phones, and the
database's secret that keys them), puts it into the restored base, and names the restored
contacts that are on it: the restore then erases them again (``BackupService.erase_again``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.suppression import Digester
from fiac_press_desk.services.gdpr_settings import SECRET_KEY, existing_secret
from fiac_press_desk.storage.models import ContactEmail, ContactPhone, Setting, Suppression


@dataclass(frozen=True)
class ErasedPeople:
    """The suppression list of a base, with the secret that keys it."""

    secret: str | None
    rows: list[tuple[str, str, datetime]]  # kind, digest, erased_at


def erased_in(session: Session) -> ErasedPeople:
    """The suppression list of the base ``session`` reads."""
    rows = session.execute(select(Suppression.kind, Suppression.digest, Suppression.erased_at))
    return ErasedPeople(existing_secret(session), [(k, d, at) for k, d, at in rows])


def carry_over(session: Session, erased: ErasedPeople) -> list[int]:
    """Put ``erased`` into the (restored) base of ``session``; the ids of its contacts with an
    email or phone on the list, to erase again. A base keyed with another secret (another
    database's backup) cannot be compared: nothing is carried, nobody named."""
    if erased.secret is None or not erased.rows:
        return []
    secret = existing_secret(session)
    if secret is None:  # the backup is older than the first erasure: the secret comes along
        session.merge(Setting(key=SECRET_KEY, value=erased.secret))
        secret = erased.secret
    if secret != erased.secret:
        return []
    have = set(session.scalars(select(Suppression.digest)))
    for kind, digest, at in erased.rows:
        if digest not in have:
            session.add(Suppression(kind=kind, digest=digest, erased_at=at))
    listed = {digest for _kind, digest, _at in erased.rows}
    digester = Digester(secret)
    ids: set[int] = set()
    for cid, value in session.execute(select(ContactEmail.contact_id, ContactEmail.value)):
        if digester.email(value) in listed:
            ids.add(cid)
    for cid, value in session.execute(select(ContactPhone.contact_id, ContactPhone.value)):
        if digester.phone(value) in listed:
            ids.add(cid)
    return sorted(ids)
