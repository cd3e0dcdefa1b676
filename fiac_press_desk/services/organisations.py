"""Organisations: media outlets and partner bodies."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.enums import OrganisationType
from fiac_press_desk.domain.errors import ConflictError, ValidationError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.domain.validation import validate_organisation
from fiac_press_desk.services.base import ServiceBase, get_or_404, name_key
from fiac_press_desk.services.edit_conflicts import bump_versions
from fiac_press_desk.storage.models import Contact, Enquiry, Organisation


def _to_data(org: Organisation, count: int = 0) -> OrganisationData:
    return OrganisationData(
        id=org.id,
        name=org.name,
        kind=OrganisationType(org.kind),
        website=org.website,
        email=org.email,
        phone=org.phone,
        city=org.city,
        country=org.country,
        notes=org.notes,
        contact_count=count,
    )


class OrganisationService(ServiceBase):
    """Outlets and partner bodies, unique by folded name."""

    def all(self, search: str = "") -> list[OrganisationData]:
        """Every organisation with its contact count, by name; ``search`` narrows by name."""
        counts = (
            select(Contact.organisation_id, func.count().label("n"))
            .group_by(Contact.organisation_id)
            .subquery()
        )
        stmt = (
            select(Organisation, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.organisation_id == Organisation.id)
            .order_by(Organisation.name_key)
        )
        if search.strip():
            stmt = stmt.where(Organisation.name_key.contains(fold(search.strip())))
        with self.db.session() as session:
            return [_to_data(org, n) for org, n in session.execute(stmt)]

    def get(self, org_id: int) -> OrganisationData:
        """One organisation with its contact count."""
        with self.db.session() as session:
            org = get_or_404(session, Organisation, org_id)
            n = session.scalar(select(func.count()).where(Contact.organisation_id == org_id))
            return _to_data(org, int(n or 0))

    def names(self) -> list[str]:
        """Every organisation's name, in order (the form's completer)."""
        with self.db.session() as session:
            return list(session.scalars(select(Organisation.name).order_by(Organisation.name_key)))

    def create(self, data: OrganisationData) -> int:
        """A new organisation; ConflictError if the name is taken."""
        clean = validate_organisation(data)
        with self.transaction() as session:
            self._check_unique(session, clean.name, None)
            org = Organisation(name_key=name_key(clean.name))
            self._apply(org, clean)
            session.add(org)
            session.flush()
            self.audit(session, "create", "organisation", org.id, name=clean.name)
            return org.id

    def update(self, org_id: int, data: OrganisationData) -> None:
        """Replace what an organisation holds; its contacts follow a rename."""
        clean = validate_organisation(data)
        with self.transaction() as session:
            org = get_or_404(session, Organisation, org_id)
            self._check_unique(session, clean.name, org_id)
            renamed = org.name != clean.name
            self._apply(org, clean)
            org.name_key = name_key(clean.name)
            holders = self._new_versions_of_members(session, org_id) if renamed else {}
            self.audit(session, "update", "organisation", org_id, name=clean.name, **holders)

    @staticmethod
    def _new_versions_of_members(session: Session, org_id: int) -> dict[str, list[int]]:
        """The organisation's contacts' cards and enquiries' forms show its old name; a save
        from one opened before would make an organisation of that name again: a new version
        of each refuses it (services/edit_conflicts.py). The audit's details naming them."""
        contacts = list(
            session.scalars(select(Contact.id).where(Contact.organisation_id == org_id))
        )
        enquiries = list(
            session.scalars(select(Enquiry.id).where(Enquiry.organisation_id == org_id))
        )
        bump_versions(session, Contact, contacts)
        bump_versions(session, Enquiry, enquiries)
        named = {"contacts": contacts, "enquiries": enquiries}
        return {key: ids for key, ids in named.items() if ids}

    def delete(self, org_id: int) -> None:
        """Delete an organisation; its contacts stay, without organisation."""
        with self.transaction() as session:
            org = get_or_404(session, Organisation, org_id)
            contacts = list(
                session.scalars(select(Contact).where(Contact.organisation_id == org_id))
            )
            for contact in contacts:
                contact.organisation = None
            session.flush()
            session.delete(org)
            self.audit(session, "delete", "organisation", org_id, name=org.name)

    def merge(self, keep_id: int, other_id: int) -> None:
        """Move every contact and enquiry of ``other`` to ``keep``, fill its blanks, delete it."""
        if keep_id == other_id:
            raise ValidationError("other_id", "merge_same")
        with self.transaction() as session:
            keep = get_or_404(session, Organisation, keep_id)
            other = get_or_404(session, Organisation, other_id)
            for name in ("website", "email", "phone", "city", "country"):
                if not getattr(keep, name) and getattr(other, name):
                    setattr(keep, name, getattr(other, name))
            if other.notes and other.notes not in keep.notes:
                keep.notes = f"{keep.notes}\n\n{other.notes}".strip()
            for contact in session.scalars(
                select(Contact).where(Contact.organisation_id == other_id)
            ):
                contact.organisation = keep  # through the ORM so search text follows
            moved = list(
                session.scalars(select(Enquiry.id).where(Enquiry.organisation_id == other_id))
            )
            session.execute(
                update(Enquiry)
                .where(Enquiry.organisation_id == other_id)
                # A new version of each: an enquiry form opened before would name the merged
                # outlet again, which would come back as a new organisation.
                .values(organisation_id=keep_id, version=Enquiry.version + 1)
            )
            session.flush()
            session.delete(other)
            self.audit(
                session,
                "merge",
                "organisation",
                keep_id,
                merged_from=other_id,
                name=other.name,
                **({"enquiries": moved} if moved else {}),  # for edit_conflicts.last_change
            )

    @staticmethod
    def _apply(org: Organisation, data: OrganisationData) -> None:
        org.name = data.name
        org.kind = data.kind.value
        org.website, org.email, org.phone = data.website, data.email, data.phone
        org.city, org.country, org.notes = data.city, data.country, data.notes

    @staticmethod
    def _check_unique(session: object, name: str, own_id: int | None) -> None:
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        found = session.scalar(
            select(Organisation.id).where(Organisation.name_key == name_key(name))
        )
        if found is not None and found != own_id:
            raise ConflictError("name", "duplicate_name", value=name)
