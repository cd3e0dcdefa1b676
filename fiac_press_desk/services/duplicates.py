"""Probable duplicate contacts across the whole base, "not a duplicate" marks, and the form's
"another contact already has this address" lookup.

The finder reads each contact's keys once (names, organisation, e-mail keys, phones) and puts
contacts in blocks: one per mailbox, one per mobile number, one per (organisation, name word)
and (e-mail domain, name word). Only contacts that share a block are compared: 100,000
contacts take a few seconds (benchmarks/bench_duplicates.py), not the five billion
comparisons of every pair.

Reasons (scores in ``domain/duplicate_keys.py``): the same mailbox; the same mobile; the same
name, or names a typing slip apart (given and family names in either order), at the same
organisation or writing from the same e-mail domain (not a public provider's). What several
people share is no reason on its own: a switchboard or any landline, a desk's role address
("redaction@"), a mailbox or mobile held by more than three contacts unless their names agree.
Two records that share only a name are left alone when their own identifiers say two people:
each a mobile of its own, or addresses at one newsroom numbered apart (jean.dupont@ and
jean.dupont2@).

Archived contacts take part: the old record of a journalist who moved is exactly what a new
record duplicates, and merging keeps its history with the new one. A group made only of
archived contacts is left out (nothing in the working file to tidy).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from typing import Any, Generic, TypeVar

from sqlalchemy import ClauseElement, Connection, or_, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.duplicate_keys import (
    EMAIL,
    GMAIL_DOMAINS,
    MOBILE,
    NAME_REASONS,
    PUBLIC_DOMAINS,
    ROLE_MAILBOXES,
    PersonName,
    combined_score,
    identifier_score,
    is_role_mailbox,
    mailbox_key,
    name_score,
    names_conflict,
    person_name,
    phone_kind,
)
from fiac_press_desk.domain.duplicate_merge import suggested_survivor
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import email_key, normalize_email, normalize_phone
from fiac_press_desk.domain.text import fold
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
    """Two contacts that are probably one person, and why."""

    first_id: int
    second_id: int
    score: int  # the reasons together
    reasons: tuple[DuplicateReason, ...]  # surest first


@dataclass(frozen=True)
class DuplicateMember:
    """A contact of a group, as the duplicates page and the command line show it."""

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
        """The members' ids, the suggested survivor first."""
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
    """Finding probable duplicates across the base, and the pairs marked "not a duplicate"."""

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
        # Three steps of about equal time at 100,000 contacts: read, pair, group and describe.
        progress.report(0, 3, "")
        with self.db.session() as session:
            keys = _read_keys(session, progress)
            progress.report(1, 3, "")
            pairs = find_pairs(keys, progress)
            progress.report(2, 3, "")
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
        progress.report(3, 3, "")
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
            if not is_role_mailbox(value):  # a desk's address: every colleague has it
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
    conn = session.connection()
    names: dict[int, PersonName] = {}
    organisation: dict[int, int] = {}
    for cid, given, family, display, org_id in _plain_rows(
        conn,
        select(
            Contact.id,
            Contact.given_name,
            Contact.family_name,
            Contact.display_name,
            Contact.organisation_id,
        ),
    ):
        names[cid] = person_name(given, family, display)
        if org_id is not None:
            organisation[cid] = org_id
    progress.check()
    emails = _plain_rows(conn, select(ContactEmail.contact_id, ContactEmail.value_key))
    phones = _plain_rows(
        conn, select(ContactPhone.contact_id, ContactPhone.value, ContactPhone.label)
    )
    progress.check()
    return ContactKeys(
        names=names,
        organisation=organisation,
        organisation_names=dict(_plain_rows(conn, select(Organisation.id, Organisation.name))),
        emails=emails,
        phones=phones,
        marks={
            (a, b)
            for a, b in _plain_rows(conn, select(NotDuplicate.first_id, NotDuplicate.second_id))
        },
    )


def _plain_rows(conn: Connection, stmt: ClauseElement) -> list[Any]:
    """The rows of a select of integer and text columns without parameters, as the driver's
    tuples: the SQL is SQLAlchemy's for the connection's dialect, the rows skip its result
    objects, which would double the time of reading 100,000 contacts' keys (nothing to
    convert in such columns)."""
    compiled = stmt.compile(dialect=conn.dialect)
    assert not compiled.params, "only statements without parameters"
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()


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

    def pairs(self, keys: ContactKeys, public: set[str]) -> list[DuplicatePair]:
        """The pairs, each with its reasons; a pair that only names agree on is left out when
        the records' own identifiers say two people (``_OwnIdentifiers``)."""
        name_only = {
            pair
            for pair, by_code in self.reasons.items()
            if all(code in NAME_REASONS for code in by_code)
        }
        own = _OwnIdentifiers(keys, {cid for pair in name_only for cid in pair}, public)
        out = []
        for (a, b), by_code in self.reasons.items():
            if (a, b) in name_only and own.two_people(a, b):
                continue
            reasons = sorted(by_code.values(), key=lambda r: (-r.score, r.code))
            names = [r.score for r in reasons if r.code in NAME_REASONS][:1]
            others = [r.score for r in reasons if r.code not in NAME_REASONS]
            out.append(DuplicatePair(a, b, combined_score(names + others), tuple(reasons)))
        return out


class _OwnIdentifiers:
    """What belongs to one person alone: mobiles, and mailboxes at the domains of organisations
    (not public providers, not a desk's role address). Two records that only share a name
    are two people when each has a mobile of its own and none in common, or when their
    addresses at one newsroom are numbered apart ("jean.dupont@" and "jean.dupont2@": the way
    a mail server tells two people of one name apart) with none in common. Read for the
    contacts of such pairs only."""

    def __init__(self, keys: ContactKeys, ids: set[int], public: set[str]) -> None:
        self.mailboxes: dict[int, dict[str, set[str]]] = {}
        self.mobiles: dict[int, set[str]] = {}
        if not ids:
            return
        for cid, value in keys.emails:
            if cid in ids:
                local, _, domain = value.rpartition("@")
                if (
                    domain not in PUBLIC_DOMAINS
                    and domain not in public
                    and not _is_role(local.split("+", 1)[0])
                ):
                    self.mailboxes.setdefault(cid, {}).setdefault(domain, set()).add(local)
        for cid, value, label in keys.phones:
            if cid in ids and _is_mobile(value, label):
                self.mobiles.setdefault(cid, set()).add(value)

    def two_people(self, a: int, b: int) -> bool:
        mine, theirs = self.mobiles.get(a), self.mobiles.get(b)
        if mine and theirs and not mine & theirs:
            return True
        at_mine, at_theirs = self.mailboxes.get(a, {}), self.mailboxes.get(b, {})
        for domain in at_mine.keys() & at_theirs.keys():
            ours, others = at_mine[domain], at_theirs[domain]
            if ours & others:
                return False
            if {_DIGITS.sub("", x) for x in ours} & {_DIGITS.sub("", y) for y in others}:
                return True
        return False


_DIGITS = re.compile(r"\d+")


def _is_role(local: str) -> bool:
    return (local if local.isascii() else fold(local)) in ROLE_MAILBOXES


def _is_mobile(value: str, label: str) -> bool:
    if len(value) == 12 and value.startswith("+33"):
        return value[3] in "67"  # the French plan, told without parsing (phone_kind's way)
    return phone_kind(value, label) == "mobile"


_Where = TypeVar("_Where", int, str)


class _Blocks(Generic[_Where]):
    """Contacts by block key ((organisation or domain, name word)), kept as lists only for
    the keys two contacts share: of some 170,000 keys for 100,000 contacts, one in ten is
    shared, and a list for each of the others would take most of the finder's time."""

    def __init__(self) -> None:
        self.first: dict[tuple[_Where, str], int] = {}
        self.shared: dict[tuple[_Where, str], list[int]] = {}

    def add(self, key: tuple[_Where, str], cid: int) -> None:
        held = self.first.setdefault(key, cid)
        if held != cid:
            members = self.shared.get(key)
            if members is None:
                self.shared[key] = [held, cid]
            elif members[-1] != cid:  # a word twice in one name comes in a row
                members.append(cid)


def find_pairs(keys: ContactKeys, progress: ProgressSink | None = None) -> list[DuplicatePair]:
    """Every pair of contacts the rules link, with its reasons (see the module's note)."""
    progress = progress or NullProgress()
    book = _PairBook(keys.marks)
    names = keys.names
    organisation = keys.organisation
    # Mailboxes held by more than one contact (a dict for those only: 100,000 mailboxes are
    # nearly all one person's), and who writes from each domain.
    first: dict[str, tuple[int, str]] = {}
    shared: dict[str, dict[int, str]] = {}
    by_domain: dict[str, set[int]] = defaultdict(set)
    for cid, value in keys.emails:
        local, _, domain = value.rpartition("@")  # value_key: trimmed, lower case
        by_domain[domain].add(cid)
        base = local.split("+", 1)[0]
        if _is_role(base):
            continue  # a desk's address: shared, like a switchboard
        key = f"{base.replace('.', '')}@gmail.com" if domain in GMAIL_DOMAINS else value
        held = first.setdefault(key, (cid, value))
        if held[0] != cid:
            shared.setdefault(key, {held[0]: held[1]}).setdefault(cid, value)
    for holders in shared.values():
        _identifier_pairs(book, EMAIL, holders, names)
    progress.check()
    first_mobile: dict[str, int] = {}
    shared_mobiles: dict[str, dict[int, str]] = {}
    for cid, value, label in keys.phones:
        if _is_mobile(value, label):
            owner = first_mobile.setdefault(value, cid)
            if owner != cid:
                shared_mobiles.setdefault(value, {owner: value})[cid] = value
    for holders in shared_mobiles.values():
        _identifier_pairs(book, MOBILE, holders, names)
    progress.check()
    # Name blocks: (organisation, word) and (domain, word) for the words of full names.
    at_organisation: _Blocks[int] = _Blocks()
    for cid, org in organisation.items():
        for token in names[cid].blocks:  # none unless the name is full
            at_organisation.add((org, token), cid)
    at_domain: _Blocks[str] = _Blocks()
    public: set[str] = set()
    for domain, writers in by_domain.items():
        if domain in PUBLIC_DOMAINS:
            continue
        organisations = {organisation.get(cid) for cid in writers}
        if len(organisations) > PUBLIC_DOMAIN_ORGANISATIONS:
            public.add(domain)  # people of every outlet use it: a provider's
            continue
        if len(organisations) == 1 and None not in organisations:
            continue  # one organisation's people only: its blocks compare them
        for cid in writers:
            for token in names[cid].blocks:
                at_domain.add((domain, token), cid)
    progress.check()
    compared: set[tuple[int, int]] = set()
    org_names = keys.organisation_names
    for (org, _token), members in at_organisation.shared.items():
        _compare_names(book, compared, members, names, org_names.get(org, ""), None)
    progress.check()
    compared = set()
    for (domain, _token), members in at_domain.shared.items():
        _compare_names(book, compared, members, names, domain, organisation)
    progress.check()
    return book.pairs(keys, public)


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
            if abs(len(name_b.text) - length) > 4:
                continue  # more than two slips apart, whatever the letters
            if name_b.key != name_a.key and not _lengths_allow(name_a, name_b):
                continue
            if organisation is not None and organisation.get(a, -1) == organisation.get(b):
                continue
            found = name_score(name_a, name_b, same_organisation=same_organisation)
            if found is not None:
                book.add(a, b, found[0], where, found[1])


def _lengths_allow(a: PersonName, b: PersonName) -> bool:
    """Whether each part's length leaves room for a slip (two letters at most), in either
    order: most pairs of a block are told apart here, before any edit distance."""
    given, family = len(a.given_text), len(a.family_text)
    if given == 1 or len(b.given_text) == 1:
        return True  # an initial ("J. Dupont")
    return (abs(given - len(b.given_text)) <= 2 and abs(family - len(b.family_text)) <= 2) or (
        abs(given - len(b.family_text)) <= 2 and abs(family - len(b.given_text)) <= 2
    )


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
