"""Group cards of an import made distribution lists, with their members.

An Apple or iCloud group card (``X-ADDRESSBOOKSERVER-KIND:group`` in 3.0, ``KIND:group`` in
4.0, members as ``MEMBER:urn:uuid:…``) or a Thunderbird mailing list (LDIF ``groupOfNames``,
members by their address) is not a person: it becomes the distribution list of its name, and
each member is put on it. A member is found among the records of the same import, before or
after the group card, by UID or address; else among the contacts already in the desk, which
are then updated to join the list (an update of the batch, so "undo" takes it back). A member
found nowhere is reported, and so is the list made.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.text import name_key
from fiac_press_desk.interchange.import_messages import render
from fiac_press_desk.interchange.records import GroupMember, ImportGroup, ImportNotice
from fiac_press_desk.services.hub import Services


def uid_key(uid: str) -> str:
    """A UID as group cards and contact cards both write it: Apple's group names its members
    ``urn:uuid:ABC`` while their cards say ``UID:ABC``."""
    text = uid.strip()
    if text.lower().startswith("urn:uuid:"):
        text = text[9:]
    return text.lower()


@dataclass
class GroupPlan:
    """Where each group's members were found: records of the import (plan indexes) or
    stored contacts (ids), and the members found nowhere."""

    group: ImportGroup
    records: list[int] = field(default_factory=list)
    stored: list[int] = field(default_factory=list)
    missing: list[GroupMember] = field(default_factory=list)


def find_members(
    services: Services, records: list[tuple[int, ContactData]], groups: list[ImportGroup]
) -> list[GroupPlan]:
    """Each group's members among ``records`` ((plan index, data) of the import's valid
    records, each the contact it will be), else among the stored contacts."""
    by_uid: dict[str, int] = {}
    by_email: dict[str, int] = {}
    for index, data in records:
        if data.uid:
            by_uid.setdefault(uid_key(data.uid), index)
        for email in data.emails:
            by_email.setdefault(email_key(email.value), index)
    plans = [GroupPlan(g) for g in groups]
    wanted: list[GroupMember] = []
    for plan in plans:
        for member in plan.group.members:
            if _in_records(member, by_uid, by_email) is None:
                wanted.append(member)
    stored_uids, stored_emails = _stored(services, wanted)
    for plan in plans:
        for member in plan.group.members:
            at = _in_records(member, by_uid, by_email)
            if at is not None:
                plan.records.append(at)
                continue
            found: int | None = None
            if member.uid:
                found = stored_uids.get(uid_key(member.uid))
            if found is None and member.email:
                found = stored_emails.get(email_key(member.email))
            if found is None:
                plan.missing.append(member)
            elif found not in plan.stored:
                plan.stored.append(found)
    return plans


def _in_records(
    member: GroupMember, by_uid: dict[str, int], by_email: dict[str, int]
) -> int | None:
    if member.uid and uid_key(member.uid) in by_uid:
        return by_uid[uid_key(member.uid)]
    if member.email:
        return by_email.get(email_key(member.email))
    return None


def _stored(
    services: Services, members: list[GroupMember]
) -> tuple[dict[str, int], dict[str, int]]:
    """Stored contacts by UID key and by email key, for the members not in the import.
    The lookup is the import's own (``lookup_keys``), asked about each way a UID is written."""
    if not members:
        return {}, {}
    probes = []
    for member in members:
        if member.uid:
            bare = member.uid.strip()
            if bare.lower().startswith("urn:uuid:"):
                bare = bare[9:]
            for form in {bare, bare.upper(), bare.lower()}:
                probes += [ContactData(uid=form), ContactData(uid=f"urn:uuid:{form}")]
        if member.email:
            probes.append(ContactData(emails=[EmailAddress(member.email)]))
    keys = services.imports.lookup_keys(probes)
    uids = {uid_key(uid): cid for uid, cid in keys.uids.items()}
    return uids, dict(keys.emails)


def stored_ids(plans: list[GroupPlan]) -> set[int]:
    """The stored contacts the groups name."""
    return {cid for plan in plans for cid in plan.stored}


def add_list(data: ContactData, name: str) -> bool:
    """Put ``data`` on the list ``name`` (once); whether it was not on it."""
    key = name_key(name)
    if any(name_key(n) == key for n in data.lists):
        return False
    data.lists.append(name)
    return True


def group_notices(plans: list[GroupPlan]) -> list[ImportNotice]:
    """What each group became, for the plan's notices (a list of N people, or empty)."""
    out = []
    for plan in plans:
        group = plan.group
        if not plan.records and not plan.stored:
            out.append(ImportNotice(group.place, "group", render("group_empty", name=group.name)))
        else:
            count = len(set(plan.records)) + len(plan.stored)
            message = render("group_list", name=group.name, count=count, stored=len(plan.stored))
            out.append(ImportNotice(group.place, "group", message))
        for member in plan.missing:
            said = member.uid or member.email
            message = render("group_member_missing", name=group.name, member=said)
            out.append(ImportNotice(group.place, "group_member_missing", message))
    return out


def member_update(existing: ContactData, name: str) -> ContactData:
    """A stored contact that the group names, on the list ``name``."""
    data = replace(existing, lists=list(existing.lists))
    add_list(data, name)
    return data
