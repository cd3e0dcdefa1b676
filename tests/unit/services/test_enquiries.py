"""Enquiry service: capture, workflow rules, the thread, urgency filters and the dashboard."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput, Urgency
from fiac_press_desk.domain.enums import EnquiryChannel, EnquiryStatus, Priority, RequestType
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services import Services
from fiac_press_desk.services.enquiries import EnquiryFilter
from fiac_press_desk.storage.models import AuditEntry, Contact, Enquiry, EnquiryEvent

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 2, 6, 9, 0, tzinfo=UTC)  # 10:00 in Paris, a Tuesday


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)  # type: ignore[misc]


@pytest.fixture
def desk(services: Services) -> Services:
    services.enquiries.clock = DeskClock(PARIS, soon_hours=4, now_fn=lambda: NOW)
    return services


def journalist(
    services: Services, name: str = "Éloïse Lefèvre", outlet: str = "Le Quotidien"
) -> int:
    given, family = name.split(" ", 1)
    return services.contacts.create(
        ContactData(
            given_name=given,
            family_name=family,
            organization=outlet,
            emails=[EmailAddress(f"{fold(family).replace(' ', '')}@example.fr")],
        )
    )


def enquiry(
    services: Services,
    contact_id: int | None = None,
    *,
    subject: str = "Chiffres de l'essai",
    received: datetime = NOW - timedelta(hours=1),
    deadline: datetime | None = None,
    assignee: str = "",
) -> int:
    return services.enquiries.create(
        EnquiryInput(
            subject=subject,
            received_at=received,
            contact_id=contact_id,
            deadline=deadline,
            assignee=assignee,
        )
    )


def table_count(services: Services, model: type) -> int:
    with services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# -- capture --------------------------------------------------------------------------------


def test_create_records_utc_the_contact_outlet_and_a_first_thread_line(desk: Services) -> None:
    cid = journalist(desk)
    eid = desk.enquiries.create(
        EnquiryInput(
            subject="Interview sur le dépistage",
            channel=EnquiryChannel.PHONE,
            contact_id=cid,
            request_type=RequestType.INTERVIEW,
            deadline=datetime(2024, 2, 6, 17, 0, tzinfo=PARIS),
            priority=Priority.HIGH,
            assignee="Pr Hélène Marchand",
        ),
        note="Appel de la rédaction, veut un porte-parole.",
        author="Claire",
    )
    rec = desk.enquiries.get(eid)
    assert rec.received_at == NOW  # now by default
    assert rec.deadline == datetime(2024, 2, 6, 16, 0, tzinfo=UTC)  # stored in UTC
    assert desk.enquiries.clock.local(rec.deadline).hour == 17  # shown in Paris time
    assert rec.contact_name == "Éloïse Lefèvre"
    assert rec.contact_email == "lefevre@example.fr"
    assert rec.outlet == "Le Quotidien"  # the contact's outlet when none is typed
    assert rec.status is EnquiryStatus.NEW
    assert [(e.kind, e.to_status, e.author, e.text) for e in rec.events] == [
        ("status", "new", "Claire", "Appel de la rédaction, veut un porte-parole.")
    ]
    assert rec.events[0].at == NOW


def test_create_with_a_new_journalist_in_the_same_transaction(desk: Services) -> None:
    eid = desk.enquiries.create(
        EnquiryInput(subject="Visuels pour un article", outlet="Radio Sud"),
        new_contact=ContactData(
            given_name="Maëlle",
            family_name="Cœurderoy",
            organization="Radio Sud",
            emails=[EmailAddress("maelle.coeurderoy@example.org")],
            phones=[Phone("06 12 34 56 78")],
        ),
    )
    rec = desk.enquiries.get(eid)
    assert rec.contact_id is not None
    contact = desk.contacts.get(rec.contact_id)
    assert contact.computed_display_name() == "Maëlle Cœurderoy"
    assert contact.organization == "Radio Sud"
    assert contact.primary_phone == "+33612345678"
    assert rec.outlet == "Radio Sud"
    with desk.db.session() as session:
        actions = [
            (a.action, a.entity)
            for a in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert ("create", "contact") in actions and ("create", "enquiry") in actions


def test_a_failed_capture_leaves_no_half_created_contact(desk: Services) -> None:
    before = table_count(desk, Contact)
    with pytest.raises(NotFoundError):
        desk.enquiries.create(
            EnquiryInput(subject="Sujet", release_id=999),
            new_contact=ContactData(given_name="Inès", family_name="Garçon"),
        )
    with pytest.raises(ValidationError) as info:
        desk.enquiries.create(
            EnquiryInput(subject="Sujet"),
            new_contact=ContactData(given_name="Inès", emails=[EmailAddress("pas-une-adresse")]),
        )
    assert info.value.field == "emails[0]"
    assert table_count(desk, Contact) == before
    assert table_count(desk, Enquiry) == 0


def test_deadline_before_receipt_is_refused_on_create_and_update(desk: Services) -> None:
    received = paris(2024, 2, 6, 9, 0)
    with pytest.raises(ValidationError) as info:
        enquiry(desk, received=received, deadline=received - timedelta(minutes=5))
    assert info.value.field == "deadline"
    eid = enquiry(desk, received=received, deadline=received + timedelta(hours=2))
    data = desk.enquiries.get(eid).to_input()
    data.deadline = received - timedelta(days=1)
    with pytest.raises(ValidationError):
        desk.enquiries.update(eid, data)
    assert desk.enquiries.get(eid).deadline == received + timedelta(hours=2)


def test_update_changes_fields_but_not_the_status(desk: Services) -> None:
    cid = journalist(desk)
    eid = enquiry(desk, cid)
    desk.enquiries.change_status(eid, EnquiryStatus.IN_PROGRESS)
    data = desk.enquiries.get(eid).to_input()
    data.outlet = "Agence Centrale"
    data.assignee = "Dr Karim Benali"
    desk.enquiries.update(eid, data)
    rec = desk.enquiries.get(eid)
    assert (rec.outlet, rec.assignee, rec.status) == (
        "Agence Centrale",
        "Dr Karim Benali",
        EnquiryStatus.IN_PROGRESS,
    )
    with desk.db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.entity == "enquiry")
        ).one()
    assert set(json.loads(entry.details)["changed"]) == {"assignee", "organisation_id"}


def test_the_same_email_cannot_make_two_enquiries(desk: Services) -> None:
    desk.enquiries.create(EnquiryInput(subject="a", source_message_id="<m1@example.org>"))
    with pytest.raises(ConflictError) as info:
        desk.enquiries.create(EnquiryInput(subject="b", source_message_id="<m1@example.org>"))
    assert "déjà été enregistré" in str(info.value)
    assert desk.enquiries.find_by_message_id("<m1@example.org>") is not None
    assert desk.enquiries.find_by_message_id("<other@example.org>") is None


# -- workflow -------------------------------------------------------------------------------


def test_no_answer_without_a_response_note(desk: Services) -> None:
    eid = enquiry(desk)
    desk.enquiries.change_status(eid, EnquiryStatus.IN_PROGRESS)
    with pytest.raises(ValidationError) as info:
        desk.enquiries.change_status(eid, EnquiryStatus.ANSWERED, note="   ")
    assert info.value.code == "answer_needs_note"
    rec = desk.enquiries.get(eid)
    assert rec.status is EnquiryStatus.IN_PROGRESS and rec.answered_at is None
    assert len(rec.events) == 2


def test_full_workflow_with_dated_thread_and_time_to_answer(desk: Services) -> None:
    received = paris(2024, 2, 5, 9, 15)
    eid = enquiry(desk, received=received, deadline=paris(2024, 2, 5, 18, 0))
    t1, t2, t3 = received + timedelta(minutes=20), received + timedelta(hours=3), NOW
    desk.enquiries.change_status(eid, EnquiryStatus.IN_PROGRESS, at=t1, author="Claire")
    desk.enquiries.add_note(eid, "Le Pr Marchand rappelle à 14 h.", author="Claire", at=t1)
    desk.enquiries.change_status(
        eid,
        "answered",
        note="Chiffres envoyés par courriel.",
        author="Pr Marchand",
        outcome="Citée dans l'article",
        at=t2,
    )
    rec = desk.enquiries.get(eid)
    assert rec.status is EnquiryStatus.ANSWERED
    assert rec.answered_at == t2
    assert rec.time_to_answer == timedelta(hours=3)
    assert rec.response_notes == "Chiffres envoyés par courriel."
    assert rec.outcome == "Citée dans l'article"
    desk.enquiries.change_status(eid, EnquiryStatus.CLOSED, at=t3)
    rec = desk.enquiries.get(eid)
    assert [(e.kind, e.from_status, e.to_status, e.at) for e in rec.events] == [
        ("status", "", "new", received),
        ("status", "new", "in_progress", t1),
        ("note", "", "", t1),
        ("status", "in_progress", "answered", t2),
        ("status", "answered", "closed", t3),
    ]
    assert rec.events[2].text == "Le Pr Marchand rappelle à 14 h."
    assert rec.events[3].author == "Pr Marchand"
    assert not rec.is_open


def test_reopening_puts_it_back_in_progress_and_the_clock_runs_again(desk: Services) -> None:
    eid = enquiry(desk, deadline=NOW + timedelta(hours=5))
    desk.enquiries.change_status(eid, EnquiryStatus.ANSWERED, note="Répondu au téléphone.")
    desk.enquiries.change_status(eid, EnquiryStatus.CLOSED)
    desk.enquiries.reopen(eid, note="Question complémentaire sur la méthode.")
    rec = desk.enquiries.get(eid)
    assert rec.status is EnquiryStatus.IN_PROGRESS
    assert rec.answered_at is None and rec.time_to_answer is None
    assert rec.events[-1].from_status == "closed" and rec.events[-1].to_status == "in_progress"
    desk.enquiries.change_status(eid, EnquiryStatus.ANSWERED, note="Méthode expliquée.")
    rec = desk.enquiries.get(eid)
    assert rec.response_notes == "Répondu au téléphone.\n\nMéthode expliquée."
    with desk.db.session() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "reopen")) == 1


def test_declined_can_be_reopened_and_closed_but_not_answered_directly(desk: Services) -> None:
    eid = enquiry(desk)
    desk.enquiries.change_status(eid, EnquiryStatus.DECLINED, note="Hors de notre champ.")
    with pytest.raises(ValidationError) as info:
        desk.enquiries.change_status(eid, EnquiryStatus.ANSWERED, note="x")
    assert info.value.code == "bad_transition"
    with pytest.raises(ValidationError):
        desk.enquiries.change_status(enquiry(desk), EnquiryStatus.CLOSED)
    desk.enquiries.change_status(eid, EnquiryStatus.CLOSED)
    assert desk.enquiries.get(eid).status is EnquiryStatus.CLOSED


def test_an_answer_cannot_predate_the_enquiry(desk: Services) -> None:
    eid = enquiry(desk, received=NOW - timedelta(hours=1))
    with pytest.raises(ValidationError) as info:
        desk.enquiries.change_status(
            eid, EnquiryStatus.ANSWERED, note="ok", at=NOW - timedelta(hours=2)
        )
    assert info.value.code == "answer_before_receipt"


def test_notes_need_text_and_unknown_enquiries_are_reported(desk: Services) -> None:
    eid = enquiry(desk)
    with pytest.raises(ValidationError):
        desk.enquiries.add_note(eid, "  \n ")
    with pytest.raises(NotFoundError):
        desk.enquiries.add_note(9999, "texte")
    with pytest.raises(NotFoundError):
        desk.enquiries.change_status(9999, EnquiryStatus.IN_PROGRESS)


def test_delete_removes_the_thread(desk: Services) -> None:
    eid = enquiry(desk)
    desk.enquiries.add_note(eid, "note")
    desk.enquiries.delete(eid)
    assert table_count(desk, Enquiry) == 0
    assert table_count(desk, EnquiryEvent) == 0


# -- urgency and filters --------------------------------------------------------------------


def test_overdue_due_today_and_due_soon_filters(desk: Services) -> None:
    late = enquiry(
        desk, subject="late", received=NOW - timedelta(days=2), deadline=NOW - timedelta(minutes=1)
    )
    soon = enquiry(desk, subject="soon", deadline=NOW + timedelta(hours=3))
    today = enquiry(desk, subject="today", deadline=paris(2024, 2, 6, 23, 59))
    tomorrow = enquiry(desk, subject="tomorrow", deadline=paris(2024, 2, 7, 0, 1))
    none = enquiry(desk, subject="none")
    answered_late = enquiry(desk, subject="done", deadline=NOW - timedelta(minutes=30))
    desk.enquiries.change_status(answered_late, EnquiryStatus.ANSWERED, note="fait")

    def ids(**kw: object) -> list[int]:
        return [r.id for r in desk.enquiries.rows(EnquiryFilter(**kw))]  # type: ignore[arg-type]

    assert ids(overdue=True) == [late]
    assert ids(due_today=True) == [soon, today]
    assert ids(due_within_hours=4) == [soon]
    # Default order: open first, by deadline, those without one last.
    assert ids(open_only=True) == [late, soon, today, tomorrow, none]
    assert ids()[-1] == answered_late
    by_id = {r.id: r for r in desk.enquiries.rows()}
    assert by_id[late].urgency is Urgency.OVERDUE and by_id[late].overdue
    assert by_id[soon].urgency is Urgency.DUE_SOON and by_id[soon].due_today
    assert by_id[today].urgency is Urgency.DUE_TODAY
    assert by_id[tomorrow].urgency is Urgency.LATER
    assert by_id[none].urgency is Urgency.NO_DEADLINE
    assert by_id[answered_late].urgency is Urgency.DONE and not by_id[answered_late].overdue


def test_overdue_is_judged_against_the_given_now_across_midnight(desk: Services) -> None:
    eid = enquiry(
        desk,
        received=paris(2024, 2, 6, 8, 0),
        deadline=paris(2024, 2, 6, 23, 45),
    )
    late_evening = paris(2024, 2, 6, 23, 30)
    after_midnight = paris(2024, 2, 7, 0, 15)
    assert [r.id for r in desk.enquiries.rows(EnquiryFilter(due_today=True), late_evening)] == [eid]
    assert desk.enquiries.rows(EnquiryFilter(overdue=True), late_evening) == []
    assert desk.enquiries.rows(EnquiryFilter(due_today=True), after_midnight) == []
    assert [r.id for r in desk.enquiries.rows(EnquiryFilter(overdue=True), after_midnight)] == [eid]


def test_due_today_follows_the_configured_time_zone(desk: Services) -> None:
    # 20:00 UTC: 21:00 in Paris, 15:00 in New York. Deadline 01:00 UTC the next day.
    now = datetime(2024, 2, 6, 20, 0, tzinfo=UTC)
    eid = enquiry(desk, received=now - timedelta(hours=1), deadline=now + timedelta(hours=5))
    assert desk.enquiries.rows(EnquiryFilter(due_today=True), now) == []
    desk.enquiries.clock = DeskClock(ZoneInfo("America/New_York"), now_fn=lambda: now)
    assert [r.id for r in desk.enquiries.rows(EnquiryFilter(due_today=True))] == [eid]


def test_due_today_on_the_day_clocks_go_back(desk: Services) -> None:
    # 27 October 2024 has 25 hours in Paris: 23:30 local is 22:30 UTC.
    now = paris(2024, 10, 27, 0, 30)
    desk.enquiries.clock = DeskClock(PARIS, now_fn=lambda: now)
    late_night = enquiry(desk, received=now, deadline=paris(2024, 10, 27, 23, 30))
    next_day = enquiry(desk, received=now, deadline=paris(2024, 10, 28, 0, 30))
    assert [r.id for r in desk.enquiries.rows(EnquiryFilter(due_today=True))] == [late_night]
    assert next_day not in [r.id for r in desk.enquiries.rows(EnquiryFilter(due_today=True))]


def test_filters_by_assignee_status_period_and_search(desk: Services) -> None:
    eloise = journalist(desk, "Éloïse Lefèvre", "Le Quotidien")
    jerome = journalist(desk, "Jérôme Châtelain", "Radio Sud")
    a = enquiry(
        desk,
        eloise,
        subject="Dépistage du cancer du sein",
        assignee="Pr Marchand",
        received=paris(2024, 1, 31, 23, 30),
    )
    b = enquiry(
        desk,
        jerome,
        subject="Données de l'essai",
        assignee="Dr Benali",
        received=paris(2024, 2, 1, 0, 30),
    )
    c = enquiry(desk, jerome, subject="Visuels", received=paris(2024, 2, 5, 10, 0))
    desk.enquiries.change_status(b, EnquiryStatus.IN_PROGRESS)

    def ids(**kw: object) -> set[int]:
        return {r.id for r in desk.enquiries.rows(EnquiryFilter(**kw))}  # type: ignore[arg-type]

    assert ids(assignee="Pr Marchand") == {a}
    assert ids(assignee="") == {c}
    assert ids(statuses=[EnquiryStatus.IN_PROGRESS]) == {b}
    assert ids(statuses=[EnquiryStatus.NEW, EnquiryStatus.IN_PROGRESS]) == {a, b, c}
    # Periods are local days: 23:30 on 31 January in Paris is 22:30 UTC.
    assert ids(received_from=date(2024, 2, 1), received_to=date(2024, 2, 1)) == {b}
    assert ids(received_to=date(2024, 1, 31)) == {a}
    assert ids(received_from=date(2024, 2, 2)) == {c}
    assert ids(search="eloise") == {a}
    assert ids(search="CHATELAIN donnees") == {b}
    assert ids(search="radio sud") == {b, c}
    assert ids(search="benali") == {b}
    assert ids(contact_id=jerome) == {b, c}
    rows = desk.enquiries.for_contact(jerome)
    assert [r.id for r in rows] == [c, b]  # newest first
    assert rows[0].outlet == "Radio Sud" and rows[0].contact_name == "Jérôme Châtelain"


def test_dashboard_counts(desk: Services) -> None:
    enquiry(
        desk,
        subject="late",
        deadline=NOW - timedelta(minutes=10),
        received=NOW - timedelta(hours=5),
    )
    soon = enquiry(desk, subject="soon", deadline=NOW + timedelta(hours=2))
    enquiry(desk, subject="today", deadline=paris(2024, 2, 6, 20, 0))
    enquiry(desk, subject="none")
    done = enquiry(desk, subject="done", received=NOW - timedelta(hours=7))
    desk.enquiries.change_status(soon, EnquiryStatus.IN_PROGRESS)
    desk.enquiries.change_status(
        done, EnquiryStatus.ANSWERED, note="ok", at=NOW - timedelta(hours=1)
    )
    counts = desk.enquiries.dashboard()
    assert counts.open == 4
    assert (counts.new, counts.in_progress) == (3, 1)
    assert counts.overdue == 1
    assert counts.due_today == 2
    assert counts.due_soon == 1
    assert counts.no_deadline == 1
    assert counts.answered_30_days == 1
    assert counts.median_hours_to_answer_30_days == 6.0
    urgent = desk.enquiries.by_urgency()
    assert [r.subject for r in urgent] == ["late", "soon", "today", "none"]


def test_assignees_most_used_first(desk: Services) -> None:
    for name in ("Dr Benali", "Pr Marchand", "Pr Marchand", ""):
        enquiry(desk, assignee=name)
    assert desk.enquiries.assignees() == ["Pr Marchand", "Dr Benali"]


def test_find_contact_by_email_ignores_case(desk: Services) -> None:
    cid = journalist(desk, "Loïc Hébert")
    assert desk.enquiries.find_contact_by_email("HEBERT@EXAMPLE.FR") == cid
    other = desk.contacts.create(
        ContactData(given_name="A", emails=[EmailAddress("a.b@example.org")])
    )
    assert desk.enquiries.find_contact_by_email("A.B@Example.org") == other
    assert desk.enquiries.find_contact_by_email("nobody@example.org") is None
