"""The contact panel driven like the press officer does: read, edit, save, get told what is
wrong under the field, add and remove rows and chips, opt a person out, read the history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import normalize_email
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import Distribution, Enquiry, Release
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.views.contact_detail import ContactDetailPanel, Unsaved
from fiac_press_desk.ui.views.contact_form_rows import ValueRow
from fiac_press_desk.ui.views.contact_history import HistoryFilter, HistoryRole
from tests.ui.conftest import settle_operations

T0 = datetime(2024, 1, 31, 9, 0, tzinfo=UTC)
# The offscreen platform says so whenever a top-level window is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def full_contact() -> ContactData:
    return ContactData(
        kind=ContactKind.JOURNALIST,
        civility="Mme",
        given_name="Camille",
        family_name="Dupont",
        additional_names="Marie",
        job_title="Journaliste scientifique",
        role="Cheffe de rubrique santé",
        organization="Le Quotidien de la Santé",
        department="Rubrique sciences",
        emails=[
            EmailAddress("camille.dupont@example.fr", "work"),
            EmailAddress("cdupont@example.org", "home"),
        ],
        phones=[Phone("01 40 00 00 01", "work"), Phone("06 12 34 56 78", "mobile")],
        addresses=[
            PostalAddress(
                "work", "12 rue Pasteur", postal_code="75013", city="Paris", country="France"
            )
        ],
        urls=[WebLink("https://social.example.org/@cdupont", "mastodon")],
        beats=["santé", "intelligence artificielle"],
        tags=["VIP", "presse nationale"],
        lists=["Journalistes santé"],
        language="fr",
        salutation=SalutationStyle.INFORMAL,
        birthday="1980-03-14",
        lawful_basis=LawfulBasis.CONSENT,
        data_source="Salon Santé Numérique 2023",
        notes="Préfère être appelée le matin.",
        extra_vcard=["X-CUSTOM:1"],
    )


@pytest.fixture
def panel(qtbot: QtBot, services: Services) -> ContactDetailPanel:
    widget = ContactDetailPanel(services)
    qtbot.addWidget(widget)
    widget.resize(480, 780)
    widget.show()
    return widget


@pytest.fixture
def camille(services: Services) -> int:
    return services.contacts.create(full_contact())


def visible_texts(widget: object) -> str:
    assert isinstance(widget, QWidget)
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks only knows ASCII; names have accents)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def email_row(panel: ContactDetailPanel, index: int) -> ValueRow:
    row = panel.form.emails.rows[index]
    assert isinstance(row, ValueRow)
    return row


def save(qtbot: QtBot, panel: ContactDetailPanel) -> int:
    with qtbot.waitSignal(panel.saved, timeout=2000) as blocker:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    return int(blocker.args[0])


# -- reading -----------------------------------------------------------------------------------


def test_empty_state_until_a_contact_is_shown(panel: ContactDetailPanel) -> None:
    assert panel.pages.currentWidget() is panel.empty_page
    assert "Select a contact" in panel.empty_label.text()


def test_the_card_and_the_form_are_built_when_first_needed(
    qtbot: QtBot, services: Services
) -> None:
    # At start nothing is shown: the card, the form and the tabs (a tenth of a second of
    # the GUI thread before the first rows) wait until something asks for them.
    fresh = ContactDetailPanel(services)
    qtbot.addWidget(fresh)
    assert fresh.pages.count() == 1 and fresh.pages.currentWidget() is fresh.empty_page
    data_events().changed.emit("contacts")  # nothing shown: nothing to read again or build
    assert fresh.pages.count() == 1
    assert fresh.form.given_name.text() == ""  # asked for: built, and only once
    assert fresh.pages.count() == 2 and fresh.pages.indexOf(fresh.contact_page) == 1
    assert fresh.pages.currentWidget() is fresh.empty_page
    assert not fresh.save_bar.isVisibleTo(fresh) and not fresh.is_editing()
    assert fresh.start_new() and fresh.is_editing()  # the editor opens on a built page
    assert fresh.save_bar.isVisibleTo(fresh) and fresh.sheet.currentWidget() is fresh.form


def test_load_shows_the_card_with_every_filled_field(
    panel: ContactDetailPanel, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    assert panel.contact_id == camille
    assert not panel.is_editing()
    assert panel.header.name.text() == "Camille Dupont"
    assert panel.header.subtitle.text() == "Journaliste scientifique · Le Quotidien de la Santé"
    text = visible_texts(panel.card)
    for expected in (
        "camille.dupont@example.fr",
        "cdupont@example.org",
        "06 12 34 56 78",
        "12 rue Pasteur",
        "75013 Paris",
        "social.example.org/@cdupont",
        "Rubrique sciences",
        "Cheffe de rubrique santé",
        "Bonjour Camille,",
        "Salon Santé Numérique 2023",
        "Préfère être appelée le matin.",
    ):
        assert expected in text, expected
    chip_texts = {label.text() for label in panel.card.findChildren(QLabel)}
    assert {"VIP", "presse nationale", "Journalistes santé", "santé"} <= chip_texts


def test_form_round_trip_changes_nothing(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    before = services.contacts.get(camille)
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    assert panel.is_editing()
    assert panel.form.phones.rows[1].edit.text() == "06 12 34 56 78"  # type: ignore[attr-defined]
    assert panel.form.birthday.text() == "14/03/1980"
    assert panel.form.additional_names.isVisibleTo(panel.form)  # shown because it is filled
    save(qtbot, panel)
    after = services.contacts.get(camille)
    skip = {"updated_at"}
    for name in before.__dataclass_fields__:
        if name not in skip:
            assert getattr(after, name) == getattr(before, name), name


# -- editing -----------------------------------------------------------------------------------


def test_edit_and_save_writes_once_and_announces(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    assert panel.header.edit_button.isVisibleTo(panel)
    panel.header.edit_button.click()
    settle_operations()
    assert panel.is_editing()
    assert not panel.header.edit_button.isVisibleTo(panel)
    panel.form.job_title.setText("Rédactrice en chef")
    panel.form.organisation.set_text("Radio Hexagone")
    assert "will be created" in panel.form.organisation.hint.text()
    panel.form.kind.setCurrentIndex(panel.form.kind.findData("partner"))
    panel.form.language.setCurrentIndex(panel.form.language.findData("en"))
    panel.form.salutation.setCurrentIndex(panel.form.salutation.findData("formal"))
    assert panel.form.salutation_preview.text().endswith("Dear Ms Dupont,")
    panel.form.birthday.setText("14/03")
    panel.form.notes.setPlainText("Rappeler avant le 15.")
    assert panel.has_unsaved_changes()
    areas: list[str] = []
    data_events().changed.connect(areas.append)
    try:
        saved_id = save(qtbot, panel)
    finally:
        data_events().changed.disconnect(areas.append)
    assert saved_id == camille
    assert not panel.is_editing()
    data = services.contacts.get(camille)
    assert data.job_title == "Rédactrice en chef"
    assert data.organization == "Radio Hexagone"
    assert data.kind == ContactKind.PARTNER
    assert data.language == "en"
    assert data.salutation == SalutationStyle.FORMAL
    assert data.birthday == "--03-14"
    assert data.notes == "Rappeler avant le 15."
    assert "Radio Hexagone" in services.organisations.names()  # created on the fly
    assert areas[0] == "contacts" and "organisations" in areas
    assert panel.header.subtitle.text() == "Rédactrice en chef · Radio Hexagone"
    audit = _audit_actions(services)
    assert audit.count(("update", camille)) == 1


def _audit_actions(services: Services) -> list[tuple[str, int | None]]:
    from sqlalchemy import select

    from fiac_press_desk.storage.models import AuditEntry

    with services.db.session() as session:
        return [(a, i) for a, i in session.execute(select(AuditEntry.action, AuditEntry.entity_id))]


def test_new_contact_is_created_and_selected(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.start_new()
    settle_operations()
    assert panel.is_editing() and panel.contact_id is None
    assert panel.header.name.text() == "New contact"
    assert not panel.tabs.isTabEnabled(1)  # no history before the first save
    type_text(panel.form.given_name, "Inès")
    type_text(panel.form.family_name, "Béranger")
    assert panel.header.name.text() == "Inès Béranger"  # the header follows the typing
    qtbot.keyClicks(email_row(panel, 0).edit, "ines.beranger@example.fr")
    with qtbot.waitSignal(panel.saved, timeout=2000) as blocker:  # Ctrl+S saves
        qtbot.keyClick(email_row(panel, 0).edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    new_id = int(blocker.args[0])
    data = services.contacts.get(new_id)
    assert (data.given_name, data.family_name) == ("Inès", "Béranger")
    assert data.emails == [EmailAddress("ines.beranger@example.fr", "work")]
    assert panel.contact_id == new_id and not panel.is_editing()


def test_cancel_forgets_the_edits(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    panel.form.family_name.setText("Autre")
    with qtbot.waitSignal(panel.cancelled, timeout=1000):  # Esc cancels
        qtbot.keyClick(panel.form.family_name, Qt.Key.Key_Escape)
    assert not panel.is_editing()
    assert services.contacts.get(camille).family_name == "Dupont"
    assert panel.header.name.text() == "Camille Dupont"


def test_unsaved_edits_are_offered_before_moving_on(
    panel: ContactDetailPanel, services: Services, camille: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = services.contacts.create(ContactData(given_name="Léon", family_name="Morel"))
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    panel.form.family_name.setText("Dupont-Martin")
    monkeypatch.setattr(panel, "_ask_unsaved", lambda: Unsaved.STAY)
    assert panel.show_contact(other) is False
    settle_operations()
    assert panel.is_editing() and panel.contact_id == camille
    assert panel.show_contact(camille) is True  # re-selecting the same contact keeps edits
    settle_operations()
    assert panel.form.family_name.text() == "Dupont-Martin"
    monkeypatch.setattr(panel, "_ask_unsaved", lambda: Unsaved.SAVE)
    assert panel.show_contact(other) is True
    settle_operations()
    assert services.contacts.get(camille).family_name == "Dupont-Martin"
    assert panel.contact_id == other


# -- validation --------------------------------------------------------------------------------


def test_service_validation_error_is_shown_under_the_email_and_nothing_is_saved(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    bad = "camille@exa_mple.fr"  # the right shape, refused by the full check of the services
    row = email_row(panel, 1)
    row.edit.setText(bad)
    panel.form.family_name.setText("Changé")
    with qtbot.assertNotEmitted(panel.saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    with pytest.raises(ValidationError) as expected:
        normalize_email(bad, "emails[1]")
    assert row.error.isVisibleTo(panel)
    assert row.error.text() == expected.value.message
    assert row.error.text().startswith("Adresse électronique invalide")
    assert not email_row(panel, 0).error.isVisibleTo(panel)
    assert row.edit.property("invalid") is True
    assert panel.form.banner.isVisibleTo(panel)
    assert panel.is_editing()
    stored = services.contacts.get(camille)
    assert stored.family_name == "Dupont"
    assert stored.emails[1].value == "cdupont@example.org"


def test_email_shape_is_checked_while_typing(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    row = email_row(panel, 0)
    row.edit.clear()
    qtbot.keyClicks(row.edit, "camille.dupont.example.fr")
    assert not row.error.isVisibleTo(panel)  # no nagging during the first keystrokes
    row.edit.editingFinished.emit()
    assert row.error.isVisibleTo(panel)
    assert "@" in row.error.text()
    qtbot.keyClick(row.edit, Qt.Key.Key_End)
    qtbot.keyClicks(row.edit, "@example")
    assert "domain" in row.error.text()  # updated live once flagged
    qtbot.keyClicks(row.edit, ".fr")
    assert not row.error.isVisibleTo(panel)  # cleared as soon as it is right
    row.edit.setText("camille dupont@example.fr")
    with qtbot.assertNotEmitted(panel.saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    assert row.error.isVisibleTo(panel)
    assert services.contacts.get(camille).emails[0].value == "camille.dupont@example.fr"


def test_missing_name_and_bad_birthday_are_shown_under_their_fields(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.start_new()
    settle_operations()
    panel.form.birthday.setText("31/02/1980")
    with qtbot.assertNotEmitted(panel.saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    birthday = panel.form.fields["birthday"]
    assert birthday.error.isVisibleTo(panel)
    assert birthday.error.text() == "Date invalide : « 1980-02-31 »."
    panel.form.birthday.clear()
    with qtbot.assertNotEmitted(panel.saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    family = panel.form.fields["family_name"]
    assert family.error.isVisibleTo(panel)
    assert family.error.text() == (
        "Indiquez au moins un nom, un organisme ou une adresse électronique."
    )
    assert not birthday.error.isVisibleTo(panel)
    assert services.contact_queries.count(_all()) == 0


def _all() -> object:
    from fiac_press_desk.services.contact_queries import ContactFilter

    return ContactFilter(archived=None)


# -- repeatable rows and chips -----------------------------------------------------------------


def test_add_and_remove_email_rows_in_place(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    assert len(panel.form.emails.rows) == 2
    qtbot.mouseClick(panel.form.emails.add_button, Qt.MouseButton.LeftButton)
    assert len(panel.form.emails.rows) == 3
    third = email_row(panel, 2)
    qtbot.keyClicks(third.edit, "camille@radio.example.org")
    third.label_combo.setCurrentText("other")
    qtbot.mouseClick(email_row(panel, 0).remove_button, Qt.MouseButton.LeftButton)
    assert len(panel.form.emails.rows) == 2
    qtbot.mouseClick(panel.form.phones.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.form.phones.rows[2].edit, "04 72 00 00 00")  # type: ignore[attr-defined]
    qtbot.mouseClick(panel.form.addresses.rows[0].remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.form.urls.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.form.urls.rows[1].edit, "https://www.linkedin.com/in/cdupont")  # type: ignore[attr-defined]
    panel.form.urls.rows[1].label_combo.setCurrentText("LinkedIn")
    save(qtbot, panel)
    data = services.contacts.get(camille)
    assert data.emails == [
        EmailAddress("cdupont@example.org", "home"),
        EmailAddress("camille@radio.example.org", "other"),
    ]
    assert [p.value for p in data.phones] == ["+33140000001", "+33612345678", "+33472000000"]
    assert data.addresses == []
    assert data.urls[1] == WebLink("https://www.linkedin.com/in/cdupont", "linkedin")


def test_tag_and_list_chips_add_with_completion_and_remove(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    services.tags.create("Région Île-de-France")
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    tags = panel.form.tags
    assert [c.text for c in tags.chips()] == ["presse nationale", "VIP"]
    qtbot.keyClicks(tags.entry, "region ile-de-france")  # existing spelling wins
    qtbot.keyClick(tags.entry, Qt.Key.Key_Return)
    type_text(tags.entry, "à relancer,vip,")  # comma confirms; duplicates ignored
    assert [c.text for c in tags.chips()] == [
        "presse nationale",
        "VIP",
        "Région Île-de-France",
        "à relancer",
    ]
    vip = next(c for c in tags.chips() if c.text == "VIP")
    qtbot.mouseClick(vip.close_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(tags.entry, Qt.Key.Key_Backspace)  # empty entry: removes the last chip
    assert [c.text for c in tags.chips()] == ["presse nationale", "Région Île-de-France"]
    lists = panel.form.lists
    qtbot.keyClicks(lists.entry, "Tech & IA")  # left typed, not confirmed: still kept
    save(qtbot, panel)
    data = services.contacts.get(camille)
    assert data.tags == ["presse nationale", "Région Île-de-France"]
    assert data.lists == ["Journalistes santé", "Tech & IA"]
    assert services.lists.id_for("Tech & IA") is not None


def test_opt_out_with_date_and_reason(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    form = panel.form
    assert not form.opted_out_reason.isEnabled()
    qtbot.mouseClick(form.opted_out, Qt.MouseButton.LeftButton)
    assert form.opted_out.isChecked() and form.opted_out_reason.isEnabled()
    form.opted_out_date.setDate(QDate(2024, 3, 12))
    qtbot.keyClicks(form.opted_out_reason, "Demande par courriel du 12 mars")
    save(qtbot, panel)
    data = services.contacts.get(camille)
    assert data.opted_out
    assert data.opted_out_reason == "Demande par courriel du 12 mars"
    assert data.opted_out_at is not None
    assert data.opted_out_at.astimezone().date() == date(2024, 3, 12)
    assert "Opted out" in {label.text() for label in panel.header.findChildren(QLabel)}
    assert "Demande par courriel du 12 mars" in visible_texts(panel.card)
    # Opting back in clears the date and reason.
    panel.edit()
    settle_operations()
    form.opted_out.setChecked(False)
    save(qtbot, panel)
    data = services.contacts.get(camille)
    assert (data.opted_out, data.opted_out_at, data.opted_out_reason) == (False, None, "")


def test_photo_is_replaced_from_a_file_and_removed(
    qtbot: QtBot, panel: ContactDetailPanel, services: Services, camille: int, tmp_path: Path
) -> None:
    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    path = tmp_path / "portrait.png"
    assert image.save(str(path))
    panel.show_contact(camille)
    settle_operations()
    panel.edit()
    settle_operations()
    assert panel.form.photo.load_file(path)
    save(qtbot, panel)
    data = services.contacts.get(camille)
    assert data.photo is not None and data.photo_mime == "image/jpeg"
    stored = QImage.fromData(data.photo)
    assert max(stored.width(), stored.height()) == 512  # scaled down before storing
    panel.edit()
    settle_operations()
    assert not panel.form.photo.load_file(tmp_path / "missing.png")
    assert panel.form.photo.error.isVisibleTo(panel)
    qtbot.mouseClick(panel.form.photo.remove_button, Qt.MouseButton.LeftButton)
    save(qtbot, panel)
    assert services.contacts.get(camille).photo is None


def test_changes_made_elsewhere_are_shown(
    panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    services.contacts.add_tags([camille], ["à relancer"])
    data_events().changed.emit("contacts")
    settle_operations()
    assert "à relancer" in {label.text() for label in panel.card.findChildren(QLabel)}
    services.contacts.delete([camille])
    data_events().changed.emit("contacts")
    settle_operations()
    assert panel.pages.currentWidget() is panel.empty_page


# -- history -----------------------------------------------------------------------------------


def _history_for(services: Services, contact_id: int) -> None:
    with services.db.transaction() as session:
        first = Release(title="Lancement de la Filière", release_date=date(2024, 1, 31))
        second = Release(title="Premiers résultats", release_date=date(2024, 6, 12))
        session.add_all([first, second])
        session.flush()
        session.add_all(
            [
                Distribution(
                    release_id=first.id,
                    contact_id=contact_id,
                    address="camille.dupont@example.fr",
                    status="sent",
                    sent_at=T0,
                ),
                Distribution(
                    release_id=second.id,
                    contact_id=contact_id,
                    address="camille.dupont@example.fr",
                    status="failed",
                    error="550 boîte inconnue",
                    created_at=T0 + timedelta(days=133),
                ),
                Enquiry(
                    contact_id=contact_id,
                    subject="Demande d'interview",
                    received_at=T0 + timedelta(days=2),
                    request_type="interview",
                    channel="phone",
                    status="answered",
                ),
            ]
        )


def test_history_lists_releases_and_enquiries_newest_first(
    qtbot: QtBot, qtmodeltester: object, panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    _history_for(services, camille)
    panel.show_contact(camille)
    settle_operations()
    assert panel.tabs.tabText(1) == "History (3)"
    panel.tabs.setCurrentWidget(panel.history)
    model = panel.history.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    titles = [model.index(r).data() for r in range(model.rowCount())]
    assert titles == ["Premiers résultats", "Demande d'interview", "Lancement de la Filière"]
    assert model.index(0).data(HistoryRole.PROBLEM) is True
    assert "550 boîte inconnue" in model.index(0).data(HistoryRole.DETAIL)
    assert model.index(1).data(HistoryRole.KIND) == "enquiry"
    assert "answered" in model.index(1).data(HistoryRole.DETAIL)
    assert panel.history.summary.text() == "2 release(s) received · 1 enquiry(ies) made"
    panel.history.which.setCurrentIndex(panel.history.which.findData(HistoryFilter.ENQUIRIES))
    assert model.rowCount() == 1
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.enquiry_activated, timeout=1000) as blocker:
        panel.history.list.activated.emit(model.index(0))
    assert blocker.args == [model.index(0).data(HistoryRole.ID)]


def test_history_uses_the_windows_labels_in_french(
    french: str, qtbot: QtBot, services: Services, camille: int
) -> None:
    _history_for(services, camille)
    widget = ContactDetailPanel(services)
    qtbot.addWidget(widget)
    widget.show_contact(camille)
    settle_operations()
    model = widget.history.model
    failed, enquiry, sent = (model.index(r).data(HistoryRole.DETAIL) for r in range(3))
    # The Releases tab says "Refusé", the enquiries "Téléphone" and "Répondue": same words here,
    # lower-cased at the first letter inside the sentence.
    address = "camille.dupont@example.fr"
    assert failed == f"Communiqué · refusé · courriel → {address} · 550 boîte inconnue"
    assert enquiry == "Demande presse · répondue · interview · téléphone"
    assert sent == f"Communiqué · envoyé · courriel → {address}"
    assert "échec" not in failed


def test_history_empty_state_is_readable(
    panel: ContactDetailPanel, services: Services, camille: int
) -> None:
    panel.show_contact(camille)
    settle_operations()
    panel.tabs.setCurrentWidget(panel.history)
    assert panel.tabs.tabText(1) == "History"
    assert panel.history.stack.currentWidget() is panel.history.empty
    assert "Nothing yet with this contact" in panel.history.empty.text()
    assert not panel.history.which.isVisibleTo(panel)


def test_in_french(french: str, qtbot: QtBot, services: Services, camille: int) -> None:
    widget = ContactDetailPanel(services)
    qtbot.addWidget(widget)
    widget.show_contact(camille)
    settle_operations()
    assert widget.tabs.tabText(0) == "Fiche"
    assert widget.header.edit_button.text() == "Modifier"
    badges = {label.text() for label in widget.header.findChildren(QLabel)}
    assert "Journaliste" in badges
    card = visible_texts(widget.card)
    for expected in ("COORDONNÉES", "travail", "domicile", "Consentement", "Informelle"):
        assert expected in card, expected
    widget.edit()
    settle_operations()
    row = email_row(widget, 0)
    row.edit.setText("camille.example.fr")
    widget.save()
    settle_operations()
    assert row.error.text() == "Il manque le « @ » (par exemple : prenom.nom@exemple.fr)."
    assert widget.form.kind.currentText() == "Journaliste"
    assert widget.form.lawful_basis.currentText() == "Consentement"
    assert widget.history.empty.text().startswith("Rien pour l'instant avec ce contact.")


def test_completions_arriving_leave_an_untouched_form_unchanged(
    qtbot: QtBot, panel: ContactDetailPanel, camille: int
) -> None:
    """The organisations' names reach the editor after it opened: that is no edit (leaving
    the contact asked "save the changes?" for nothing)."""
    panel.show_contact(camille)
    qtbot.waitUntil(lambda: panel.contact_id == camille, timeout=10_000)
    panel.edit()
    settle_operations()
    assert panel.is_editing() and not panel.has_unsaved_changes()
    assert panel.form.organisation.text() == full_contact().organization
