"""Information notices (GDPR art. 14): who is to be informed, the notice sent through the
release sending path to a real SMTP server, resumable, never to an opted-out address, or
recorded as given another way."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from local_smtp import local_smtp
from release_helpers import smtp_settings

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import SalutationStyle
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.gdpr import CollectedVia, NoticeChannel
from fiac_press_desk.services import Services
from fiac_press_desk.services.gdpr_settings import GdprSettings


class Stop(Exception):
    pass


class CancelAfter:
    def __init__(self, n: int) -> None:
        self.n, self.reports = n, 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports = done

    def check(self) -> None:
        if self.reports >= self.n:
            raise Stop


def people(services: Services) -> dict[str, int]:
    def make(given: str, family: str, email: str | None, **kw: object) -> ContactData:
        return ContactData(
            civility="Mme",
            given_name=given,
            family_name=family,
            organization="Le Quotidien de la Santé",
            emails=[EmailAddress(email)] if email else [],
            **kw,  # type: ignore[arg-type]
        )

    ids = services.contacts.create_many(
        [
            make("Camille", "Dupont", "camille.dupont@example.fr", job_title="Rédactrice"),
            make("Jane", "Doe", "jane.doe@example.com", language="en"),
            make("Olivier", "Désinscrit", "olivier@example.fr", opted_out=True),
            make("Sans", "Adresse", None),
            make("Anne", "Archivée", "anne@example.fr", archived=True),
        ]
    )
    return dict(zip(("dupont", "doe", "opted_out", "no_email", "archived"), ids, strict=True))


def test_who_is_still_to_be_informed(services: Services) -> None:
    ids = people(services)
    rows = services.gdpr.notices.to_inform()
    assert [r.contact_id for r in rows] == [
        ids["dupont"],
        ids["doe"],
        ids["opted_out"],
        ids["no_email"],
    ]
    dupont = rows[0]
    assert dupont.email == "camille.dupont@example.fr" and dupont.by_email
    assert dupont.collected_via is CollectedVia.MANUAL
    assert (dupont.due - dupont.collected_at).days in range(28, 32)
    assert not dupont.overdue() and dupont.overdue(dupont.collected_at + timedelta(days=40))
    assert not rows[2].by_email and not rows[3].by_email
    assert len(services.gdpr.notices.to_inform(include_archived=True)) == 5


def test_notices_go_one_each_in_french_and_english_and_the_register_follows(
    services: Services,
) -> None:
    ids = people(services)
    settings = services.gdpr.settings.get()
    services.gdpr.settings.save(
        replace(settings, dpo_name="Délégué FIAC", dpo_email="dpo@example.fr")
    )
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        queued = services.gdpr.notices.queue(
            r.contact_id for r in services.gdpr.notices.to_inform()
        )
        assert queued.queued == 2
        assert queued.skipped == {"opted_out": 1, "no_email": 1}
        report = services.gdpr.notices.send_queued()
        counts = server.mailbox.by_address()
        (french,) = server.mailbox.messages_to("camille.dupont@example.fr")
        (english,) = server.mailbox.messages_to("jane.doe@example.com")

    assert report.sent == 2 and report.failed == 0
    assert counts == {"camille.dupont@example.fr": 1, "jane.doe@example.com": 1}
    text = french.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert french["Subject"].startswith("Vos données dans le fichier presse de la Filière")
    assert text.startswith("Madame Dupont,")
    for words in (
        "article 14",
        "vos nom et prénom, votre fonction, votre média ou organisme (Le Quotidien de la "
        "Santé) et votre adresse électronique, ainsi que l'historique des communiqués",
        "vos coordonnées professionnelles telles que publiées",
        "l'intérêt légitime de la Filière",
        "3 ans après notre dernier échange",
        "Délégué FIAC, dpo@example.fr",
        "CNIL",
        "« désinscription »",
    ):
        assert words in " ".join(text.split()), words
    assert french["List-Unsubscribe"].startswith("<mailto:presse@example.fr?subject=d")
    english_text = english.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert english["Subject"].startswith("Your data in the press file")
    assert "Dear Ms Doe," in english_text and "supervisory authority" in english_text
    entry = services.gdpr.register.entry(ids["dupont"])
    assert entry.informed and entry.informed_how is NoticeChannel.EMAIL
    state = services.gdpr.notices.state()
    assert (state.sent, state.pending, state.uncertain) == (2, 0, 0)
    left = [r.contact_id for r in services.gdpr.notices.to_inform()]
    assert left == [ids["opted_out"], ids["no_email"]]
    # Informed people are not queued again.
    assert services.gdpr.notices.queue([ids["dupont"]]).skipped == {"informed": 1}


def test_cancel_then_resume_sends_nobody_twice(services: Services) -> None:
    ids = services.contacts.create_many(
        [ContactData(family_name=f"Nom{n}", emails=[EmailAddress(f"p{n}@x.org")]) for n in range(3)]
    )
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        services.gdpr.notices.queue(ids)
        with pytest.raises(Stop):
            services.gdpr.notices.send_queued(progress=CancelAfter(1))
        assert sum(server.mailbox.by_address().values()) == 1
        assert services.gdpr.notices.state().pending == 2
        resumed = services.gdpr.notices.send_queued()
        counts = server.mailbox.by_address()
    assert resumed.total == 2 and counts == {"p0@x.org": 1, "p1@x.org": 1, "p2@x.org": 1}


def test_a_person_who_opts_out_after_queuing_gets_nothing(services: Services) -> None:
    ids = people(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        services.gdpr.notices.queue([ids["dupont"], ids["doe"]])
        services.contacts.set_opted_out(ids["doe"], True, "par téléphone")
        report = services.gdpr.notices.send_queued()
        counts = server.mailbox.by_address()
    assert counts == {"camille.dupont@example.fr": 1}
    assert report.skipped == 1 and report.outcomes[1].error == "opted_out"
    assert not services.gdpr.register.entry(ids["doe"]).informed


def test_a_refused_address_is_failed_and_can_be_queued_again(services: Services) -> None:
    ids = people(services)
    with local_smtp(refuse={"jane.doe@example.com"}) as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        services.gdpr.notices.queue([ids["dupont"], ids["doe"]])
        report = services.gdpr.notices.send_queued()
    assert (report.sent, report.failed) == (1, 1)
    assert "550" in report.outcomes[1].error
    assert services.gdpr.notices.state().failed == 1
    assert not services.gdpr.register.entry(ids["doe"]).informed
    assert services.gdpr.notices.queue([ids["doe"]]).queued == 1


def test_recorded_another_way_drops_the_queued_email(services: Services) -> None:
    ids = people(services)
    services.gdpr.notices.queue([ids["dupont"]])
    when = datetime(2024, 3, 1, 10, tzinfo=UTC)
    recorded = services.gdpr.notices.record_given(
        [ids["dupont"], ids["no_email"]], NoticeChannel.POST, when, note="Courrier du 1er mars"
    )
    assert recorded == 2
    state = services.gdpr.notices.state()
    assert (state.pending, state.recorded) == (0, 2)
    entry = services.gdpr.register.entry(ids["no_email"])
    assert entry.informed_at == when and entry.informed_how is NoticeChannel.POST
    with pytest.raises(ValidationError):
        services.gdpr.notices.record_given([ids["doe"]], NoticeChannel.EMAIL)  # from where?


def test_an_interrupted_notice_is_settled_by_hand(services: Services) -> None:
    ids = people(services)
    services.gdpr.notices.queue([ids["dupont"]])
    claim = services.gdpr.notices._claim(1)  # the crash window: claimed, never finished
    assert claim is not None and claim.recipient is not None
    assert services.gdpr.notices.state().uncertain == 1
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        assert services.gdpr.notices.send_queued().total == 0  # never resent on its own
    assert services.gdpr.notices.settle([1], received=True) == 1
    assert services.gdpr.register.entry(ids["dupont"]).informed


def test_preview_and_an_informal_greeting(services: Services) -> None:
    ids = people(services)
    dupont = services.contacts.get(ids["dupont"])
    services.contacts.update(ids["dupont"], replace(dupont, salutation=SalutationStyle.INFORMAL))
    preview = services.gdpr.notices.preview(ids["dupont"])
    assert preview.language == "fr" and preview.address == "camille.dupont@example.fr"
    assert preview.text.startswith("Bonjour Camille,")
    # No DPO in the settings yet: the notice points to the press office instead.
    assert "données : le service de presse, à l'adresse de ce message." in preview.text


def test_the_template_is_edited_in_the_settings_and_checked(services: Services) -> None:
    ids = people(services)
    settings = services.gdpr.settings.get()
    with pytest.raises(ValidationError, match="inconnu"):
        services.gdpr.settings.save(replace(settings, notice_body_fr="Bonjour {prenom}"))
    with pytest.raises(ValidationError, match="accolade"):
        services.gdpr.settings.save(replace(settings, notice_body_fr="Bonjour {"))
    with pytest.raises(ValidationError):
        services.gdpr.settings.save(replace(settings, retention_years=0))
    services.gdpr.settings.save(
        replace(settings, notice_body_fr="Nous détenons : {data}.\n\nDurée : {retention}.")
    )
    text = services.gdpr.notices.preview(ids["dupont"]).text
    assert "Nous détenons : vos nom et prénom" in text and "Durée : 3 ans" in text
    restored = services.gdpr.settings.reset_templates()
    assert restored.notice_body_fr == GdprSettings().notice_body_fr
