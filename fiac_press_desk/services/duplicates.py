"""Probable duplicate contacts across the whole base, "not a duplicate" marks, and the form's
"another contact already has this address" lookup.

The finder reads each contact's keys once (names, organisation, e-mail keys, phones) and puts
contacts in blocks: one per mailbox, one per mobile number, one per (organisation, name word)
and (e-mail domain, name word). Only contacts that share a block are compared, so 100,000
contacts take about a second, not the five billion comparisons of every pair.

Archived contacts take part: the old record of a journalist who moved is exactly what a new
record duplicates, and merging keeps its history with the new one. A group made only of
archived contacts is left out (nothing in the working file to tidy).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.duplicate_keys import (
    EMAIL,
    MOBILE,
    NAME_REASONS,
    PersonName,
    combined_score,
    email_domain,
    identifier_score,
    is_public_domain,
    mailbox_key,
    name_score,
    names_conflict,
    person_name,
    phone_kind,
)
from fiac_press_desk.domain.duplicate_merge import suggested_survivor
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import email_key, normalize_email, normalize_phone
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.progress import NullProgress, ProgressSink
from fiac_press_desk.storage.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    NotDuplicate,
    Organisation,
)

# A mailbox or mobile held by more contacts than this is a desk's or a switchboard's: it links
# two of them only when their names agree as well.
SHARED_LIMIT = 3
# A domain whose contacts work at more organisations than this is a webmail or an internet
# provider the public list does not know: a shared domain there says nothing.
PUBLIC_DOMAIN_ORGANISATIONS = 20
# A block this large (a very common first name at a huge outlet) compares identical names
# only: close names in it would be chance, and its pairs would grow with its square.
BLOCK_LIMIT = 400
CHUNK = 500


@dataclass(frozen=True)
class DuplicateReason:
    """Why two contacts are probably one person: ``code`` (a reason of
    ``domain.duplicate_keys``: ``email``, ``mobile``, ``name_organisation``...), the thing they
    share (the address, the number, the organisation or domain) and how sure it makes us."""

    code: str
    value: str
    score: int


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    second_id: int
    score: int  # the reasons together
    reasons: tuple[DuplicateReason, ...]  # surest first


@dataclass(frozen=True)
class DuplicateMember:
    id: int
    name: str
    organisation: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    archived: bool
    opted_out: bool
    created_at: datetime


@dataclass(frozen=True)
class DuplicateGroup:
    """Contacts that are probably one person; the first member is the suggested survivor
    (an active contact before an archived one, then the oldest record)."""

    members: tuple[DuplicateMember, ...]
    pairs: tuple[DuplicatePair, ...]  # surest first; every member is in at least one
    score: int  # the surest pair's

    @property
    def ids(self) -> list[int]:
        return [m.id for m in self.members]


@dataclass(frozen=True)
class ContactConflict:
    """Another contact that already has an e-mail address or mobile being typed in a form."""

    contact_id: int
    name: str
    organisation: str
    field: str  # "email" or "phone"
    value: str  # the value as the other contact holds it
    typed: str  # the value as given to ``conflicts``
    archived: bool


class DuplicateService(ServiceBase):
    # -- the finder -------------------------------------------------------------------------

    def find(
        self,
        min_score: int = 0,
        *,
        among: Iterable[int] | None = None,
        progress: ProgressSink | None = None,
    ) -> list[DuplicateGroup]:
        """Groups of probable duplicates over the whole base, surest first.

        Only pairs scoring ``min_score`` or more link contacts into groups. ``among`` keeps the
        groups that hold at least one of these contacts (after an import: its contacts).
        Pairs marked "not a duplicate" are never proposed, and never end up in one group."""
        progress = progress or NullProgress()
        with self.db.session() as session:
            keys = _read_keys(session, progress)
            pairs = find_pairs(keys, progress)
            kept = [p for p in pairs if p.score >= min_score]
            groups = _groups(kept, keys.marks)
            wanted = set(among) if among is not None else None
            if wanted is not None:
                groups = [g for g in groups if wanted.intersection(g[0])]
            members = _members(session, sorted({cid for ids, _ in groups for cid in ids}))
        out: list[DuplicateGroup] = []
        for ids, group_pairs in groups:
            people = [members[i] for i in ids if i in members]
            if len(people) < 2 or all(m.archived for m in people):
                continue
            first = suggested_survivor([(m.id, m.archived, m.created_at) for m in people])
            people.sort(key=lambda m: (m.id != first, m.archived, m.created_at, m.id))
            group_pairs.sort(key=lambda p: (-p.score, p.first_id, p.second_id))
            out.append(DuplicateGroup(tuple(people), tuple(group_pairs), group_pairs[0].score))
        out.sort(key=lambda g: (-g.score, g.members[0].id))
        progress.report(1, 1, "")
        return out

    # -- "not a duplicate" ------------------------------------------------------------------

    def mark_not_duplicate(self, contact_ids: Sequence[int]) -> list[tuple[int, int]]:
        """Remember that these contacts are different people: every pair among them. Returns
        the pairs newly stored (lower id first), what ``forget_not_duplicate`` takes to undo."""
        ids = sorted(set(contact_ids))
        if len(ids) < 2:
            raise ValidationError("contact_ids", "pair_needs_two")
        with self.transaction() as session:
            found = set(session.scalars(select(Contact.id).where(Contact.id.in_(ids))))
            missing = [i for i in ids if i not in found]
            if missing:
                from fiac_press_desk.domain.errors import NotFoundError

                raise NotFoundError("Contact", missing[0])
            have = _marked_among(session, ids)
            new = [pair for pair in combinations(ids, 2) if pair not in have]
            session.add_all(NotDuplicate(first_id=a, second_id=b, actor=self.actor) for a, b in new)
            self.audit(
                session, "not_duplicate", "contact", None, ids=ids, pairs=[list(p) for p in new]
            )
        return new

    def forget_not_duplicate(self, pairs: Iterable[tuple[int, int]]) -> int:
        """Forget "not a duplicate" marks (undo of ``mark_not_duplicate``); returns how many
        were there."""
        wanted = sorted({(min(a, b), max(a, b)) for a, b in pairs})
        removed = 0
        with self.transaction() as session:
            for a, b in wanted:
                mark = session.get(NotDuplicate, (a, b))
                if mark is not None:
                    session.delete(mark)
                    removed += 1
            self.audit(
                session, "forget_not_duplicate", "contact", None, pairs=[list(p) for p in wanted]
            )
        return removed

    def is_marked_distinct(self, first_id: int, second_id: int) -> bool:
        """Whether the press officer said these two contacts are different people (for an
        import about to call one a duplicate of the other)."""
        if first_id == second_id:
            return False
        key = (min(first_id, second_id), max(first_id, second_id))
        with self.db.session() as session:
            return session.get(NotDuplicate, key) is not None

    def distinct_partners(self, contact_ids: Iterable[int]) -> dict[int, set[int]]:
        """For each of ``contact_ids`` that has any, the contacts marked "not a duplicate"
        of it: one look-up for a whole import plan."""
        ids = sorted(set(contact_ids))
        out: dict[int, set[int]] = defaultdict(set)
        with self.db.session() as session:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                for a, b in session.execute(
                    select(NotDuplicate.first_id, NotDuplicate.second_id).where(
                        or_(NotDuplicate.first_id.in_(chunk), NotDuplicate.second_id.in_(chunk))
                    )
                ):
                    out[a].add(b)
                    out[b].add(a)
        wanted = set(ids)
        return {cid: partners for cid, partners in out.items() if cid in wanted}

    # -- the form's warning -----------------------------------------------------------------

    def conflicts(
        self,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        *,
        exclude_id: int | None = None,
    ) -> list[ContactConflict]:
        """Other contacts that already have one of these e-mail addresses (the same mailbox:
        case, and for Gmail dots and ``+tag``, ignored) or mobile numbers, for the contact
        form (``exclude_id``: the contact being edited; contacts marked "not a duplicate" of
        it are left out too). Values that do not parse are passed over (the form's validation
        speaks of them); landlines are shared by colleagues and never reported."""
        wanted_emails: dict[str, str] = {}
        for typed in emails:
            try:
                value = normalize_email(typed)
            except ValidationError:
                continue
            wanted_emails.setdefault(mailbox_key(value), typed)
        wanted_phones: dict[str, str] = {}
        for typed in phones:
            try:
                value = normalize_phone(typed)
            except ValidationError:
                continue
            if phone_kind(value) == "mobile":
                wanted_phones.setdefault(value, typed)
        hits: dict[tuple[int, str, str], str] = {}
        with self.db.session() as session:
            for key, typed in wanted_emails.items():
                for cid, value in _emails_of_mailbox(session, key):
                    hits.setdefault((cid, "email", value), typed)
            if wanted_phones:
                for cid, value in session.execute(
                    select(ContactPhone.contact_id, ContactPhone.value).where(
                        ContactPhone.value.in_(list(wanted_phones))
                    )
                ):
                    hits.setdefault((cid, "phone", value), wanted_phones[value])
            skip: set[int] = set()
            if exclude_id is not None:
                skip = {exclude_id} | _partners(session, exclude_id)
            ids = sorted({cid for cid, _, _ in hits} - skip)
            members = _members(session, ids)
        return [
            ContactConflict(
                contact_id=cid,
                name=members[cid].name,
                organisation=members[cid].organisation,
                field=field,
                value=value,
                typed=typed,
                archived=members[cid].archived,
            )
            for (cid, field, value), typed in sorted(hits.items())
            if cid in members
        ]


# -- reading the keys -------------------------------------------------------------------------


@dataclass
class ContactKeys:
    """What the finder knows of every contact, read in one pass over four tables."""

    names: dict[int, PersonName]
    organisation: dict[int, int]  # contact id -> organisation id (contacts with one)
    organisation_names: dict[int, str]
    emails: Sequence[tuple[int, str]]  # (contact id, e-mail key)
    phones: Sequence[tuple[int, str, str]]  # (contact id, value, label)
    marks: set[tuple[int, int]]  # "not a duplicate", lower id first


def _read_keys(session: Session, progress: ProgressSink) -> ContactKeys:
    names: dict[int, PersonName] = {}
    organisation: dict[int, int] = {}
    for cid, given, family, display, org_id in session.execute(
        select(
            Contact.id,
            Contact.given_name,
            Contact.family_name,
            Contact.display_name,
            Contact.organisation_id,
        )
    ):
        names[cid] = person_name(given, family, display)
        if org_id is not None:
            organisation[cid] = org_id
    progress.check()
    emails = list(session.execute(select(ContactEmail.contact_id, ContactEmail.value_key)))
    phones = list(
        session.execute(select(ContactPhone.contact_id, ContactPhone.value, ContactPhone.label))
    )
    progress.check()
    return ContactKeys(
        names=names,
        organisation=organisation,
        organisation_names=dict(session.execute(select(Organisation.id, Organisation.name)).all()),
        emails=emails,
        phones=phones,
        marks={
            (a, b)
            for a, b in session.execute(select(NotDuplicate.first_id, NotDuplicate.second_id))
        },
    )


# -- pairs ------------------------------------------------------------------------------------


class _PairBook:
    """The reasons found for each pair, the best one per reason code."""

    def __init__(self, marks: set[tuple[int, int]]) -> None:
        self.marks = marks
        self.reasons: dict[tuple[int, int], dict[str, DuplicateReason]] = {}

    def add(self, a: int, b: int, code: str, value: str, score: int) -> None:
        key = (a, b) if a < b else (b, a)
        if a == b or key in self.marks:
            return
        found = self.reasons.get(key)
        if found is None:
            self.reasons[key] = {code: DuplicateReason(code, value, score)}
            return
        old = found.get(code)
        if old is None or score > old.score:
            found[code] = DuplicateReason(code, value, score)

    def pairs(self) -> list[DuplicatePair]:
        out = []
        for (a, b), by_code in self.reasons.items():
            reasons = sorted(by_code.values(), key=lambda r: (-r.score, r.code))
            names = [r.score for r in reasons if r.code in NAME_REASONS][:1]
            others = [r.score for r in reasons if r.code not in NAME_REASONS]
            out.append(DuplicatePair(a, b, combined_score(names + others), tuple(reasons)))
        return out


def find_pairs(keys: ContactKeys, progress: ProgressSink | None = None) -> list[DuplicatePair]:
    """Every pair of contacts the rules link, with its reasons (see the module's note)."""
    progress = progress or NullProgress()
    book = _PairBook(keys.marks)
    names = keys.names
    # Shared mailboxes, and which contacts write from each non-public domain.
    by_mailbox: dict[str, dict[int, str]] = defaultdict(dict)
    by_domain: dict[str, set[int]] = defaultdict(set)
    for cid, value in keys.emails:
        by_mailbox[mailbox_key(value)].setdefault(cid, value)
        by_domain[email_domain(value)].add(cid)
    for holders in by_mailbox.values():
        if len(holders) > 1:
            _identifier_pairs(book, EMAIL, holders, names)
    progress.check()
    by_mobile: dict[str, dict[int, str]] = defaultdict(dict)
    for cid, value, label in keys.phones:
        if phone_kind(value, label) == "mobile":
            by_mobile[value].setdefault(cid, value)
    for holders in by_mobile.values():
        if len(holders) > 1:
            _identifier_pairs(book, MOBILE, holders, names)
    progress.check()
    # Name blocks: (organisation, word) and (domain, word) for the words of full names.
    at_organisation: dict[tuple[int, str], list[int]] = defaultdict(list)
    for cid, org in keys.organisation.items():
        name = names[cid]
        if name.is_full:
            for token in name.block_tokens():
                at_organisation[(org, token)].append(cid)
    organisations_of_domain: dict[str, set[int]] = defaultdict(set)
    for domain, writers in by_domain.items():
        organisations_of_domain[domain] = {
            keys.organisation[cid] for cid in writers if cid in keys.organisation
        }
    at_domain: dict[tuple[str, str], list[int]] = defaultdict(list)
    for domain, writers in by_domain.items():
        if is_public_domain(domain) or (
            len(organisations_of_domain[domain]) > PUBLIC_DOMAIN_ORGANISATIONS
        ):
            continue
        for cid in writers:
            name = names[cid]
            if name.is_full:
                for token in name.block_tokens():
                    at_domain[(domain, token)].append(cid)
    progress.check()
    compared: set[tuple[int, int]] = set()
    org_names = keys.organisation_names
    for (org, _token), members in at_organisation.items():
        if len(members) > 1:
            _compare_names(book, compared, members, names, org_names.get(org, ""), None)
    progress.check()
    compared = set()
    for (domain, _token), members in at_domain.items():
        if len(members) > 1:
            _compare_names(book, compared, members, names, domain, keys.organisation)
    progress.check()
    return book.pairs()


def _compare_names(
    book: _PairBook,
    compared: set[tuple[int, int]],
    members: list[int],
    names: dict[int, PersonName],
    where: str,
    organisation: dict[int, int] | None,
) -> None:
    """Pairs of one block whose names are the same or a typing slip apart. ``organisation``
    is None for an organisation's block; for a domain's block, the contacts' organisations
    (two contacts of one organisation were compared in its block)."""
    same_organisation = organisation is None
    if len(members) > BLOCK_LIMIT:
        _same_name_pairs(book, members, names, same_organisation, where)
        return
    for i, a in enumerate(members):
        name_a = names[a]
        length = len(name_a.text)
        for b in members[i + 1 :]:
            key = (a, b) if a < b else (b, a)
            if key in compared:
                continue
            compared.add(key)
            name_b = names[b]
            if abs(len(name_b.text) - length) > 2:
                continue  # more than two edits apart, whatever the letters
            if organisation is not None and organisation.get(a, -1) == organisation.get(b):
                continue
            found = name_score(name_a, name_b, same_organisation=same_organisation)
            if found is not None:
                book.add(a, b, found[0], where, found[1])


def _identifier_pairs(
    book: _PairBook, code: str, holders: dict[int, str], names: dict[int, PersonName]
) -> None:
    """Contacts sharing one mailbox or mobile: one person unless their names say two. A value
    held by more than SHARED_LIMIT contacts (a desk, a switchboard) links only those whose
    names agree as well."""
    ids = sorted(holders)
    empty = PersonName((), ())
    if len(ids) > SHARED_LIMIT:
        by_name: dict[str, list[int]] = defaultdict(list)
        for cid in ids:
            name = names.get(cid, empty)
            if name.is_full:
                by_name[name.key].append(cid)
        for same in by_name.values():
            for a, b in combinations(same, 2):
                book.add(a, b, code, holders[a], identifier_score(code, names[a], names[b]))
        return
    for a, b in combinations(ids, 2):
        name_a, name_b = names.get(a, empty), names.get(b, empty)
        if names_conflict(name_a, name_b):
            continue
        book.add(a, b, code, holders[a], identifier_score(code, name_a, name_b))


def _same_name_pairs(
    book: _PairBook,
    members: list[int],
    names: dict[int, PersonName],
    at_organisation: bool,
    value: str,
) -> None:
    by_name: dict[str, list[int]] = defaultdict(list)
    for cid in members:
        by_name[names[cid].key].append(cid)
    for same in by_name.values():
        for a, b in combinations(same, 2):
            found = name_score(names[a], names[b], same_organisation=at_organisation)
            if found is not None:
                book.add(a, b, found[0], value, found[1])


# -- groups -----------------------------------------------------------------------------------


def _groups(
    pairs: list[DuplicatePair], marks: set[tuple[int, int]]
) -> list[tuple[list[int], list[DuplicatePair]]]:
    """Contacts linked by pairs, surest pairs first; a link that would put two contacts marked
    "not a duplicate" in one group is not made (its pair is not proposed)."""
    parent: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    partners: dict[int, set[int]] = defaultdict(set)
    for a, b in marks:
        partners[a].add(b)
        partners[b].add(a)

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    linked: list[DuplicatePair] = []
    for pair in sorted(pairs, key=lambda p: (-p.score, p.first_id, p.second_id)):
        ra, rb = root(pair.first_id), root(pair.second_id)
        if ra == rb:
            linked.append(pair)
            continue
        group_a = members.setdefault(ra, [ra])
        group_b = members.setdefault(rb, [rb])
        if partners:
            small, large = (
                (group_a, group_b) if len(group_a) <= len(group_b) else (group_b, group_a)
            )
            large_set = set(large)
            if any(partners[m] & large_set for m in small if m in partners):
                continue
        if len(group_a) < len(group_b):
            ra, rb, group_a, group_b = rb, ra, group_b, group_a
        parent[rb] = ra
        group_a.extend(group_b)
        del members[rb]
        linked.append(pair)
    by_root: dict[int, list[DuplicatePair]] = defaultdict(list)
    for pair in linked:
        by_root[root(pair.first_id)].append(pair)
    return [(sorted(members[r]), group_pairs) for r, group_pairs in by_root.items()]


# -- helpers ----------------------------------------------------------------------------------


def _members(session: Session, ids: Sequence[int]) -> dict[int, DuplicateMember]:
    """What a group shows of each contact, read for these contacts only."""
    out: dict[int, DuplicateMember] = {}
    emails: dict[int, list[str]] = defaultdict(list)
    phones: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        for cid, value in session.execute(
            select(ContactEmail.contact_id, ContactEmail.value)
            .where(ContactEmail.contact_id.in_(chunk))
            .order_by(ContactEmail.contact_id, ContactEmail.position)
        ):
            emails[cid].append(value)
        for cid, value in session.execute(
            select(ContactPhone.contact_id, ContactPhone.value)
            .where(ContactPhone.contact_id.in_(chunk))
            .order_by(ContactPhone.contact_id, ContactPhone.position)
        ):
            phones[cid].append(value)
        for row in session.execute(
            select(
                Contact.id,
                Contact.display_name,
                Contact.given_name,
                Contact.family_name,
                Organisation.name,
                Contact.archived,
                Contact.opted_out,
                Contact.created_at,
            )
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(Contact.id.in_(chunk))
        ):
            cid = row[0]
            name = row[1] or " ".join(p for p in (row[2], row[3]) if p)
            out[cid] = DuplicateMember(
                id=cid,
                name=name or row[4] or (emails[cid][0] if emails[cid] else ""),
                organisation=row[4] or "",
                emails=tuple(emails[cid]),
                phones=tuple(phones[cid]),
                archived=bool(row[5]),
                opted_out=bool(row[6]),
                created_at=row[7],
            )
    return out


def _marked_among(session: Session, ids: list[int]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        out |= {
            (a, b)
            for a, b in session.execute(
                select(NotDuplicate.first_id, NotDuplicate.second_id).where(
                    NotDuplicate.first_id.in_(chunk), NotDuplicate.second_id.in_(ids)
                )
            )
        }
    return out


def _partners(session: Session, contact_id: int) -> set[int]:
    out: set[int] = set()
    for a, b in session.execute(
        select(NotDuplicate.first_id, NotDuplicate.second_id).where(
            or_(NotDuplicate.first_id == contact_id, NotDuplicate.second_id == contact_id)
        )
    ):
        out.add(b if a == contact_id else a)
    return out


def _emails_of_mailbox(session: Session, key: str) -> list[tuple[int, str]]:
    """Stored addresses reaching the mailbox ``key`` (a ``mailbox_key``), by the index on
    ``value_key``: the address itself, or for Gmail the addresses that start with the same
    letter at gmail.com or googlemail.com (a Gmail name never starts with a dot)."""
    local, _, domain = key.rpartition("@")
    if domain != "gmail.com" or not local:
        return [
            (cid, value)
            for cid, value in session.execute(
                select(ContactEmail.contact_id, ContactEmail.value).where(
                    ContactEmail.value_key == email_key(key)
                )
            )
        ]
    first = local[0]
    return [
        (cid, value)
        for cid, value, value_key in session.execute(
            select(ContactEmail.contact_id, ContactEmail.value, ContactEmail.value_key).where(
                ContactEmail.value_key >= first,
                ContactEmail.value_key < chr(ord(first) + 1),
                or_(
                    ContactEmail.value_key.like("%@gmail.com"),
                    ContactEmail.value_key.like("%@googlemail.com"),
                ),
            )
        )
        if mailbox_key(value_key) == key
    ]
