"""Who gets a release, and the ledger of who got it: by which address, channel and date.

Choosing recipients yields a *plan*: every contact the criteria reach, each either kept or
skipped with its reason (opted out, archived, no address, already received, same address as
another recipient). The plan is what the window shows and what the writes re-check in their own
transaction, so a contact who opts out between the preview and the sending still gets nothing.

The ledger (table ``distributions``) answers both questions the press officer is asked: "who
got our release of 31 January?" (``recipients_of``) and "did this journalist get it, at which
address, when?" (``received_by``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import PostalAddress
from fiac_press_desk.domain.enums import (
    DistributionChannel,
    DistributionStatus,
    ReleaseStatus,
    SkipReason,
)
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.contact_history import ReleaseReceived
from fiac_press_desk.services.gdpr_register import record_interaction
from fiac_press_desk.services.mail_composer import RecipientInfo, salutation_line
from fiac_press_desk.services.releases import RECEIVED
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactTag,
    Distribution,
    ListMember,
    Organisation,
    Release,
    Setting,
)
from fiac_press_desk.storage.types import utcnow

DISTRIBUTIONS = cast(Table, Distribution.__table__)  # Core inserts: no ORM bookkeeping per row
CHUNK = 900  # bound parameters per IN (...): under every backend's limit
# How far in the future a recorded distribution may be dated (clock skew between machines).
FUTURE_TOLERANCE = timedelta(minutes=10)


@dataclass
class RecipientCriteria:
    """Who to reach: the union of lists, tags, organisation types, searches and contacts picked
    one by one, minus the ones removed by hand."""

    list_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    organisation_kinds: list[str] = field(default_factory=list)  # OrganisationType values
    contact_kinds: list[str] = field(default_factory=list)  # ContactKind values
    searches: list[str] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)
    excluded_ids: list[int] = field(default_factory=list)

    def is_empty(self) -> bool:
        """No criterion at all: nobody is chosen (rather than everybody)."""
        return not (
            self.list_ids
            or self.tag_ids
            or self.organisation_kinds
            or self.contact_kinds
            or any(s.strip() for s in self.searches)
            or self.contact_ids
        )

    def to_json(self) -> str:
        """The criteria as saved with the release."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RecipientCriteria:
        """Saved criteria; keys an older or newer release does not know are ignored."""
        raw = json.loads(text)
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(frozen=True)
class PlannedRecipient:
    """One contact reached by the criteria, and what will happen to them."""

    contact_id: int
    name: str
    organisation: str
    address: str  # where it would go ("" when the contact has none)
    skip: SkipReason | None
    greeting: str  # the salutation the message would open with
    previous: str = ""  # status of this release's earlier line for the contact, if any
    received_at: datetime | None = None  # when they already received it
    info: RecipientInfo | None = field(default=None, compare=False, repr=False)

    @property
    def will_receive(self) -> bool:
        """Not skipped."""
        return self.skip is None


@dataclass
class RecipientPlan:
    """Who a release would go to, and who is left out and why, before anything is sent."""

    release_id: int
    channel: DistributionChannel
    criteria: RecipientCriteria
    recipients: list[PlannedRecipient] = field(default_factory=list)

    @property
    def to_send(self) -> list[PlannedRecipient]:
        """The recipients that will receive it."""
        return [r for r in self.recipients if r.skip is None]

    @property
    def skipped(self) -> list[PlannedRecipient]:
        """The recipients left out, each with its reason."""
        return [r for r in self.recipients if r.skip is not None]

    def counts(self) -> dict[SkipReason | None, int]:
        """How many will receive (key None) and how many are skipped for each reason."""
        out: dict[SkipReason | None, int] = {}
        for r in self.recipients:
            out[r.skip] = out.get(r.skip, 0) + 1
        return out

    def contact_ids(self) -> list[int]:
        """The contacts that will receive it."""
        return [r.contact_id for r in self.to_send]


@dataclass(frozen=True)
class LedgerLine:
    """One line of a release's ledger: this contact, at this address, by this channel."""

    distribution_id: int
    contact_id: int | None  # None: the person was erased, the line kept anonymised
    name: str
    organisation: str
    address: str
    channel: str  # DistributionChannel value
    status: str  # DistributionStatus value
    sent_at: datetime | None
    created_at: datetime
    error: str = ""
    message_id: str = ""

    @property
    def when(self) -> datetime:
        """When it went out, or when it was queued if it has not gone out (yet)."""
        return self.sent_at or self.created_at


@dataclass(frozen=True)
class RecordResult:
    """What recording a distribution sent elsewhere wrote, and what it left out."""

    recorded: int
    skipped: dict[SkipReason, int]


@dataclass(frozen=True)
class HistoryLine:
    """A distribution made before the desk kept the ledger (an older tool's log, demo data)."""

    contact_id: int
    address: str
    channel: DistributionChannel
    status: DistributionStatus  # sent, failed or recorded
    sent_at: datetime
    error: str = ""


def criteria_key(release_id: int) -> str:
    """Settings key of the criteria a release was last distributed with ("new ones only")."""
    return f"release.{release_id}.criteria"


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    """``ids`` a slice at a time, under the database's parameter limit."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def contact_name(display: str, given: str, family: str, organisation: str = "") -> str:
    """A contact's name as the ledger shows it: display name, names, or outlet."""
    return display or " ".join(p for p in (given, family) if p) or organisation


class DistributionService(ServiceBase):
    # -- choosing recipients ----------------------------------------------------------------

    """Who receives a release: the recipient plan, the ledger of what went to whom,
    and distributions recorded by hand."""

    def candidates(self, criteria: RecipientCriteria) -> list[int]:
        """Ids of the contacts the criteria reach (archived and opted out included: the plan
        shows them as skipped), in name order."""
        stmt = self._candidates_stmt(criteria)
        if stmt is None:
            return []
        with self.db.session() as session:
            return list(session.scalars(stmt))

    def _candidates_stmt(self, criteria: RecipientCriteria) -> Select[Any] | None:
        conds: list[ColumnElement[bool]] = []
        if criteria.list_ids:
            conds.append(
                Contact.id.in_(
                    select(ListMember.contact_id).where(ListMember.list_id.in_(criteria.list_ids))
                )
            )
        if criteria.tag_ids:
            conds.append(
                Contact.id.in_(
                    select(ContactTag.contact_id).where(ContactTag.tag_id.in_(criteria.tag_ids))
                )
            )
        if criteria.organisation_kinds:
            conds.append(
                Contact.organisation_id.in_(
                    select(Organisation.id).where(
                        Organisation.kind.in_(criteria.organisation_kinds)
                    )
                )
            )
        if criteria.contact_kinds:
            conds.append(Contact.kind.in_(criteria.contact_kinds))
        for query in criteria.searches:
            if query.strip():
                cond = self.db.adapter.search_condition(query, Contact.id)
                if cond is not None:
                    conds.append(cond)
        if criteria.contact_ids:
            conds.append(Contact.id.in_(criteria.contact_ids))
        if not conds:
            return None
        stmt = select(Contact.id).where(or_(*conds))
        if criteria.excluded_ids:
            stmt = stmt.where(Contact.id.not_in(criteria.excluded_ids))
        return stmt.order_by(Contact.sort_name, Contact.id)

    def plan(
        self,
        release_id: int,
        criteria: RecipientCriteria,
        channel: DistributionChannel = DistributionChannel.EMAIL,
    ) -> RecipientPlan:
        """Every contact the criteria reach, each kept or skipped with its reason."""
        ids = self.candidates(criteria)
        with self.db.session() as session:
            release = get_or_404(session, Release, release_id)
            rows = plan_rows(session, release_id, ids, channel, release.language)
        return RecipientPlan(release_id, DistributionChannel(channel), criteria, rows)

    def saved_criteria(self, release_id: int) -> RecipientCriteria | None:
        """The criteria last used for the release, if any."""
        with self.db.session() as session:
            setting = session.get(Setting, criteria_key(release_id))
            return RecipientCriteria.from_json(setting.value) if setting else None

    def plan_new_recipients(
        self, release_id: int, channel: DistributionChannel = DistributionChannel.EMAIL
    ) -> RecipientPlan:
        """The criteria of the last distribution, planned again: the contacts added to those
        lists (or tags...) since are kept, the ones already served are skipped."""
        criteria = self.saved_criteria(release_id) or RecipientCriteria()
        return self.plan(release_id, criteria, channel)

    # -- recording a distribution made elsewhere --------------------------------------------

    def record(
        self,
        release_id: int,
        contact_ids: Iterable[int],
        at: datetime,
        channel: DistributionChannel,
        criteria: RecipientCriteria | None = None,
    ) -> RecordResult:
        """Mark these contacts as having received the release on ``at`` by ``channel`` (sent
        through another program, by post, by hand...). The skip rules apply: an opted-out or
        archived contact, or one who already has it, is not recorded."""
        if at.tzinfo is None:
            raise ValidationError("at", "bad_date", value=at.isoformat())
        if at > utcnow() + FUTURE_TOLERANCE:
            raise ValidationError("at", "distribution_in_future", value=at.isoformat())
        channel = DistributionChannel(channel)
        ids = list(dict.fromkeys(contact_ids))
        with self.transaction() as session:
            release = get_or_404(session, Release, release_id)
            rows = plan_rows(
                session, release_id, ids, channel, release.language, with_greeting=False
            )
            # An interrupted sending is settled by recording: the officer says it arrived.
            kept = [r for r in rows if r.skip in (None, SkipReason.UNCERTAIN)]
            skipped: dict[SkipReason, int] = {}
            for r in rows:
                if r.skip not in (None, SkipReason.UNCERTAIN):
                    skipped[r.skip] = skipped.get(r.skip, 0) + 1
            kept_ids = [r.contact_id for r in kept]
            # Lines queued or refused earlier for these contacts are superseded: a queued one
            # left behind would otherwise be sent by the next resumed sending.
            for chunk in chunks(kept_ids):
                session.execute(
                    delete(Distribution).where(
                        Distribution.release_id == release_id,
                        Distribution.contact_id.in_(chunk),
                        Distribution.status.not_in(RECEIVED),
                    )
                )
            now = utcnow()
            values = [
                {
                    "release_id": release_id,
                    "contact_id": r.contact_id,
                    "address": r.address,
                    "channel": channel.value,
                    "status": DistributionStatus.RECORDED.value,
                    "sent_at": at,
                    "error": "",
                    "message_id": "",
                    "created_at": now,
                }
                for r in kept
            ]
            if values:
                session.connection().execute(insert(DISTRIBUTIONS), values)
                release.status = ReleaseStatus.SENT.value
                record_interaction(session, [r.contact_id for r in kept], Interaction.RELEASE, at)
            if criteria is not None:
                save_criteria(session, release_id, criteria)
            self.audit(
                session,
                "record_distribution",
                "release",
                release_id,
                channel=channel.value,
                at=at.isoformat(),
                recorded=len(values),
                skipped={k.value: v for k, v in skipped.items()},
            )
        return RecordResult(len(values), skipped)

    def import_history(
        self,
        release_id: int,
        lines: Sequence[HistoryLine],
        criteria: RecipientCriteria | None = None,
    ) -> int:
        """Bring past distribution lines into the ledger as they were (no skip rules: history is
        history, a contact who opted out later did receive what went before). Lines already
        there (same contact and address) are left alone; returns how many were added.
        ``criteria``, when known, is kept as the release's for "new recipients only"."""
        allowed = {"sent", "failed", "recorded"}
        for n, line in enumerate(lines):
            if DistributionStatus(line.status).value not in allowed:
                raise ValidationError(f"lines[{n}].status", "bad_choice", value=line.status)
            if line.sent_at.tzinfo is None:
                raise ValidationError(f"lines[{n}].sent_at", "bad_date", value=line.sent_at)
        with self.transaction() as session:
            release = get_or_404(session, Release, release_id)
            have: set[tuple[int | None, str]] = set()
            for chunk in chunks(list({line.contact_id for line in lines})):
                have |= {
                    (c, a)
                    for c, a in session.execute(
                        select(Distribution.contact_id, Distribution.address).where(
                            Distribution.release_id == release_id,
                            Distribution.contact_id.in_(chunk),
                        )
                    )
                }
            now = utcnow()
            values = []
            for line in lines:
                if (line.contact_id, line.address) in have:
                    continue
                have.add((line.contact_id, line.address))
                values.append(
                    {
                        "release_id": release_id,
                        "contact_id": line.contact_id,
                        "address": line.address,
                        "channel": DistributionChannel(line.channel).value,
                        "status": DistributionStatus(line.status).value,
                        "sent_at": line.sent_at
                        if DistributionStatus(line.status).value in RECEIVED
                        else None,
                        "error": line.error,
                        "message_id": "",
                        "created_at": min(line.sent_at, now),
                    }
                )
            if values:
                session.connection().execute(insert(DISTRIBUTIONS), values)
            if any(v["status"] in RECEIVED for v in values):
                release.status = ReleaseStatus.SENT.value
            for line in lines:
                if DistributionStatus(line.status).value in RECEIVED:
                    record_interaction(
                        session, [line.contact_id], Interaction.RELEASE, line.sent_at
                    )
            if criteria is not None:
                save_criteria(session, release_id, criteria)
            self.audit(session, "import_history", "release", release_id, lines=len(values))
        return len(values)

    def delete_lines(self, distribution_ids: Iterable[int]) -> int:
        """Remove ledger lines recorded by mistake; returns how many went."""
        ids = list(distribution_ids)
        gone = 0
        with self.transaction() as session:
            described = []
            for chunk in chunks(ids):
                found = session.execute(
                    select(
                        Distribution.release_id, Distribution.contact_id, Distribution.status
                    ).where(Distribution.id.in_(chunk))
                ).all()
                described += [(r, c, s) for r, c, s in found]
                gone += len(found)
                session.execute(delete(Distribution).where(Distribution.id.in_(chunk)))
            self.audit(
                session, "delete_distribution_lines", "distribution", None, ids=ids, lines=described
            )
        return gone

    # -- the ledger, both ways --------------------------------------------------------------

    def recipients_of(self, release_id: int) -> list[LedgerLine]:
        """Who got (or is getting) this release: one line per address, in name order."""
        stmt = (
            select(
                Distribution.id,
                Distribution.contact_id,
                Contact.display_name,
                Contact.given_name,
                Contact.family_name,
                Organisation.name,
                Distribution.address,
                Distribution.channel,
                Distribution.status,
                Distribution.sent_at,
                Distribution.created_at,
                Distribution.error,
                Distribution.message_id,
            )
            .outerjoin(Contact, Contact.id == Distribution.contact_id)  # erased: kept, no one
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(Distribution.release_id == release_id)
            .order_by(Contact.sort_name, Contact.id, Distribution.id)
        )
        with self.db.session() as session:
            return [
                LedgerLine(
                    distribution_id=r[0],
                    contact_id=r[1],
                    name=contact_name(r[2], r[3], r[4], r[5] or ""),
                    organisation=r[5] or "",
                    address=r[6],
                    channel=r[7],
                    status=r[8],
                    sent_at=r[9],
                    created_at=r[10],
                    error=r[11] or "",
                    message_id=r[12] or "",
                )
                for r in session.connection().execute(stmt).all()
            ]

    def received_by(self, contact_id: int) -> list[ReleaseReceived]:
        """What this contact received (and what failed or waits), newest first."""
        from fiac_press_desk.services.contact_history import ContactHistoryService

        return ContactHistoryService(self.db, self.actor).releases_received(contact_id)

    def set_lines_status(
        self, distribution_ids: Iterable[int], status: DistributionStatus, note: str = ""
    ) -> int:
        """Settle lines by hand (an interrupted sending the officer checked): ``sent`` keeps
        the attempt's time, ``pending`` queues them again for the next sending."""
        ids = list(distribution_ids)
        status = DistributionStatus(status)
        if status not in (DistributionStatus.SENT, DistributionStatus.PENDING):
            raise ValidationError("status", "bad_choice", value=status.value)
        changed = 0
        with self.transaction() as session:
            now = utcnow()
            for chunk in chunks(ids):
                values: dict[str, Any] = {"status": status.value, "error": note}
                if status is DistributionStatus.SENT:
                    values["sent_at"] = now
                result = session.execute(
                    update(Distribution)
                    .where(
                        Distribution.id.in_(chunk),
                        Distribution.status.in_(("sending", "failed", "pending")),
                    )
                    .values(**values)
                )
                changed += int(getattr(result, "rowcount", 0) or 0)
            self.audit(
                session, "settle_distribution_lines", "distribution", None, ids=ids, status=status
            )
        return changed


def save_criteria(session: Session, release_id: int, criteria: RecipientCriteria) -> None:
    """Keep the criteria with the release, in the caller's transaction."""
    key = criteria_key(release_id)
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=criteria.to_json()))
    else:
        setting.value = criteria.to_json()


def plan_rows(
    session: Session,
    release_id: int,
    ids: Sequence[int],
    channel: DistributionChannel,
    language: str = "fr",
    ignore_distribution: int | None = None,
    with_greeting: bool = True,
) -> list[PlannedRecipient]:
    """The plan lines for ``ids`` (in that order), read in the caller's session so that a write
    re-checks the rules in its own transaction. ``ignore_distribution``: a ledger line left out
    of the "already received / interrupted" check (the line a sender just claimed);
    ``with_greeting`` False skips the salutation and composer details (writes need neither)."""
    conn = session.connection()  # Core rows: thousands of them, no ORM identity to keep
    base: dict[int, Any] = {}
    emails: dict[int, str] = {}
    postal: dict[int, str] = {}
    history: dict[int, tuple[str, datetime | None]] = {}
    for chunk in chunks(ids):
        for r in conn.execute(
            select(
                Contact.id,
                Contact.display_name,
                Contact.given_name,
                Contact.family_name,
                Contact.civility,
                Contact.salutation,
                Contact.opted_out,
                Contact.archived,
                Organisation.name,
            )
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(Contact.id.in_(chunk))
        ).all():
            base[r[0]] = r
        for cid, value in conn.execute(
            select(ContactEmail.contact_id, ContactEmail.value)
            .where(ContactEmail.contact_id.in_(chunk))
            .order_by(ContactEmail.contact_id, ContactEmail.position.desc(), ContactEmail.id.desc())
        ).all():
            emails[cid] = value  # the last one written per contact is the first by position
        if channel is DistributionChannel.POST:
            for a in session.scalars(
                select(ContactAddress)
                .where(ContactAddress.contact_id.in_(chunk))
                .order_by(ContactAddress.contact_id, ContactAddress.position.desc())
            ):
                line = PostalAddress(
                    street=a.street,
                    extended=a.extended,
                    postal_code=a.postal_code,
                    city=a.city,
                    region=a.region,
                    country=a.country,
                    po_box=a.po_box,
                ).one_line()
                if line:
                    postal[a.contact_id] = line
        lines = select(Distribution.contact_id, Distribution.status, Distribution.sent_at).where(
            Distribution.release_id == release_id, Distribution.contact_id.in_(chunk)
        )
        if ignore_distribution is not None:
            lines = lines.where(Distribution.id != ignore_distribution)
        for holder, status, sent_at in conn.execute(lines).all():
            if holder is not None:
                history[holder] = _stronger(history.get(holder), (status, sent_at))
    out: list[PlannedRecipient] = []
    seen_addresses: set[str] = set()
    # Mailboxes this release already went (or is going) to, and for whom: a second contact
    # behind the same newsroom address is a duplicate even across sendings.
    taken: dict[str, int] = {}
    if channel is DistributionChannel.EMAIL:
        stmt = select(Distribution.address, Distribution.contact_id).where(
            Distribution.release_id == release_id,
            Distribution.channel == DistributionChannel.EMAIL.value,
            Distribution.status != DistributionStatus.FAILED.value,
        )
        if ignore_distribution is not None:
            stmt = stmt.where(Distribution.id != ignore_distribution)
        for address, owner in conn.execute(stmt).all():
            if owner is not None:  # an erased person's line has no address left either
                taken.setdefault(email_key(address), owner)
    for cid in ids:
        found = base.get(cid)
        if found is None:
            continue  # deleted since the criteria were read
        _, display, given, family, civility, salutation, opted_out, archived, org = found
        if channel is DistributionChannel.EMAIL:
            address = emails.get(cid, "")
        elif channel is DistributionChannel.POST:
            address = postal.get(cid, "")
        else:
            address = ""  # by hand, in a press kit: nowhere to write
        needs_address = channel in (DistributionChannel.EMAIL, DistributionChannel.POST)
        # Two contacts behind one mailbox (a newsroom address) get one message, not two.
        key = email_key(address) if channel is DistributionChannel.EMAIL and address else ""
        previous, previous_at = history.get(cid, ("", None))
        skip: SkipReason | None = None
        if opted_out:
            skip = SkipReason.OPTED_OUT
        elif archived:
            skip = SkipReason.ARCHIVED
        elif previous in RECEIVED:
            skip = SkipReason.ALREADY_RECEIVED
        elif previous == DistributionStatus.SENDING.value:
            skip = SkipReason.UNCERTAIN
        elif needs_address and not address:
            skip = SkipReason.NO_ADDRESS
        elif key in seen_addresses or taken.get(key, cid) != cid:
            skip = SkipReason.DUPLICATE_ADDRESS
        if skip is None and key:
            seen_addresses.add(key)
        info = (
            RecipientInfo(
                address=address,
                contact_id=cid,
                civility=civility,
                given_name=given,
                family_name=family,
                display_name=display,
                salutation=salutation,
            )
            if with_greeting
            else None
        )
        out.append(
            PlannedRecipient(
                contact_id=cid,
                name=contact_name(display, given, family, org or address),
                organisation=org or "",
                address=address,
                skip=skip,
                greeting=salutation_line(info, language) if info else "",
                previous=previous,
                received_at=previous_at if previous in RECEIVED else None,
                info=info,
            )
        )
    return out


_STRENGTH = {"recorded": 5, "sent": 5, "sending": 4, "pending": 3, "failed": 2}


def _stronger(
    old: tuple[str, datetime | None] | None, new: tuple[str, datetime | None]
) -> tuple[str, datetime | None]:
    """Of two lines of one contact, the one that says most (received beats queued beats
    refused)."""
    if old is None or _STRENGTH.get(new[0], 0) > _STRENGTH.get(old[0], 0):
        return new
    return old
