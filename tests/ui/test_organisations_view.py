"""The Organisations page: list with types and counts, search, create, edit, delete, merge,
and the contacts of the selected organisation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData
from fiac_press_desk.domain.enums import ContactKind, OrganisationType
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.dialogs.merge_organisations import MergeOrganisationsDialog
from fiac_press_desk.ui.dialogs.organisation_dialog import OrganisationDialog
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.qtmodels.organisation_model import (
    OrganisationColumn,
    OrganisationContactsModel,
    OrganisationTableModel,
)
from fiac_press_desk.ui.views.organisations_view import OrganisationsView
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


@pytest.fixture
def orgs(services: Services) -> dict[str, int]:
    ids = {
        "quotidien": services.organisations.create(
            OrganisationData(
                name="Le Quotidien de la Santé",
                kind=OrganisationType.DAILY_PRESS,
                city="Paris",
                website="https://quotidien.example.org",
            )
        ),
        "echo": services.organisations.create(
            OrganisationData(name="L'Écho Médical", kind=OrganisationType.MAGAZINE, city="Lyon")
        ),
        "echo2": services.organisations.create(
            OrganisationData(
                name="Echo medical (ancien)",
                kind=OrganisationType.MAGAZINE,
                email="redaction@echo.example.fr",
                notes="Doublon créé par un import.",
            )
        ),
        "chu": services.organisations.create(
            OrganisationData(name="CHU de Fictiville", kind=OrganisationType.HOSPITAL)
        ),
    }
    people = [
        ("Camille", "Dupont", "Le Quotidien de la Santé"),
        ("Léon", "Morel", "Le Quotidien de la Santé"),
        ("Inès", "Béranger", "L'Écho Médical"),
        ("Hervé", "Lacroix", "Echo medical (ancien)"),
        ("Zoé", "Faure", "Echo medical (ancien)"),
    ]
    services.contacts.create_many(
        [
            ContactData(
                kind=ContactKind.JOURNALIST,
                given_name=given,
                family_name=family,
                organization=org,
                job_title="Journaliste",
                emails=[EmailAddress(f"{family.lower()}@example.fr", "work")],
            )
            for given, family, org in people
        ]
    )
    return ids


@pytest.fixture
def view(qtbot: QtBot, services: Services, orgs: dict[str, int]) -> OrganisationsView:
    widget = OrganisationsView(services)
    qtbot.addWidget(widget)
    widget.resize(1080, 760)
    widget.show()
    widget.refresh()
    settle_operations()
    return widget


def names_shown(view: OrganisationsView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, OrganisationColumn.NAME).data() for r in range(proxy.rowCount())]


def test_models_pass_the_model_tester(
    qtmodeltester: object, view: OrganisationsView, orgs: dict[str, int]
) -> None:
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    qtmodeltester.check(view.proxy)  # type: ignore[attr-defined]
    view.select(orgs["quotidien"])
    settle_operations()
    qtmodeltester.check(view.contacts_model)  # type: ignore[attr-defined]
    qtmodeltester.check(OrganisationTableModel())  # type: ignore[attr-defined]
    qtmodeltester.check(OrganisationContactsModel())  # type: ignore[attr-defined]


def test_list_shows_types_through_labels_and_contact_counts(view: OrganisationsView) -> None:
    rows = {
        view.proxy.index(r, OrganisationColumn.NAME).data(): (
            view.proxy.index(r, OrganisationColumn.KIND).data(),
            view.proxy.index(r, OrganisationColumn.CONTACTS).data(),
        )
        for r in range(view.proxy.rowCount())
    }
    assert rows == {
        "CHU de Fictiville": ("Hospital", "0"),
        "Echo medical (ancien)": ("Magazine", "2"),
        "L'Écho Médical": ("Magazine", "1"),
        "Le Quotidien de la Santé": ("Daily press", "2"),
    }
    assert view.count_label.text() == "4 organisation(s)"
    view.table.sortByColumn(OrganisationColumn.CONTACTS, Qt.SortOrder.DescendingOrder)
    counts = [
        int(view.proxy.index(r, OrganisationColumn.CONTACTS).data())
        for r in range(view.proxy.rowCount())
    ]
    assert counts == sorted(counts, reverse=True)


def test_search_ignores_accents_and_case_and_filters_by_type(
    qtbot: QtBot, view: OrganisationsView
) -> None:
    qtbot.keyClicks(view.search, "ECHO")
    assert names_shown(view) == ["Echo medical (ancien)", "L'Écho Médical"]
    assert view.count_label.text() == "2 of 4 organisations"
    view.search.setText("lyon")  # the city counts too
    assert names_shown(view) == ["L'Écho Médical"]
    view.search.setText("nothing like this")
    assert view.list_stack.currentWidget() is view.list_empty
    assert "No organisation matches" in view.list_empty.text()
    view.search.clear()
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("hospital"))
    assert names_shown(view) == ["CHU de Fictiville"]


def test_selected_organisation_shows_its_contacts(
    qtbot: QtBot, view: OrganisationsView, orgs: dict[str, int]
) -> None:
    assert view.title.text() == "CHU de Fictiville"  # the first one is shown from the start
    view.select(orgs["quotidien"])
    settle_operations()
    assert view.title.text() == "Le Quotidien de la Santé"
    assert view.tabs.tabText(1) == "Contacts (2)"
    model = view.contacts_model
    assert sorted(model.index(r, 0).data() for r in range(model.rowCount())) == [
        "Camille Dupont",
        "Léon Morel",
    ]
    with qtbot.waitSignal(view.contact_activated, timeout=1000) as blocker:
        view.contacts_table.doubleClicked.emit(model.index(0, 2))
    assert blocker.args == [model.index(0, 0).data(OrganisationContactsModel.IdRole)]
    with qtbot.waitSignal(view.show_contacts_requested, timeout=1000) as shown:
        qtbot.mouseClick(view.show_in_contacts, Qt.MouseButton.LeftButton)
    assert shown.args == [orgs["quotidien"]]
    view.select(orgs["chu"])
    settle_operations()
    assert view.contacts_stack.currentWidget() is view.contacts_empty


def test_selecting_a_row_in_the_table_shows_it(view: OrganisationsView) -> None:
    row = names_shown(view).index("CHU de Fictiville")
    view.table.selectRow(row)
    settle_operations()
    assert view.title.text() == "CHU de Fictiville"
    assert view.form.kind.currentData() == "hospital"
    assert view.form.kind.currentText() == "Hospital"


def test_edit_and_save(
    qtbot: QtBot, view: OrganisationsView, services: Services, orgs: dict[str, int]
) -> None:
    view.select(orgs["quotidien"])
    settle_operations()
    assert not view.save_button.isEnabled()
    view.form.name.setText("Le Quotidien de la Santé et des Sciences")
    view.form.kind.setCurrentIndex(view.form.kind.findData("weekly"))
    view.form.phone.setText("01 40 00 00 02")
    assert view.save_button.isEnabled()
    areas: list[str] = []
    data_events().changed.connect(areas.append)
    try:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
        settle_operations()
    finally:
        data_events().changed.disconnect(areas.append)
    stored = services.organisations.get(orgs["quotidien"])
    assert stored.name == "Le Quotidien de la Santé et des Sciences"
    assert stored.kind == OrganisationType.WEEKLY
    assert stored.phone == "+33140000002"
    assert {"organisations", "contacts"} <= set(areas)
    assert "Le Quotidien de la Santé et des Sciences" in names_shown(view)
    assert view.selected_id() == orgs["quotidien"]
    contact_orgs = {
        row.organisation
        for row in services.contact_queries.rows(ContactFilter(organisation_id=orgs["quotidien"]))
    }
    assert contact_orgs == {"Le Quotidien de la Santé et des Sciences"}


def test_edit_errors_are_shown_under_the_field(
    qtbot: QtBot, view: OrganisationsView, services: Services, orgs: dict[str, int]
) -> None:
    view.select(orgs["echo2"])
    settle_operations()
    view.form.name.setText("l'echo medical")  # same name as another one, spelled otherwise
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    name_box = view.form.fields["name"]
    assert name_box.error.isVisibleTo(view)
    assert name_box.error.text() == "« l'echo medical » existe déjà."
    view.form.name.setText("")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    assert name_box.error.text() == "Ce champ est obligatoire."
    view.form.name.setText("Echo medical (ancien)")
    view.form.email.setText("redaction.example.fr")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    assert view.form.fields["email"].error.isVisibleTo(view)
    assert services.organisations.get(orgs["echo2"]).email == "redaction@echo.example.fr"


def test_create_through_the_dialog(
    qtbot: QtBot, view: OrganisationsView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_accept(dialog: OrganisationDialog) -> int:
        assert dialog.form.name.text() == "Radio"  # the search text is offered as the name
        dialog.form.name.setText("Radio Hexagone")
        dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("radio"))
        dialog.accept()
        settle_operations()
        return int(dialog.result())

    monkeypatch.setattr(OrganisationDialog, "exec", fill_and_accept)
    view.search.setText("Radio")
    new_id = view.create()
    settle_operations()
    assert new_id is not None
    assert services.organisations.get(new_id).kind == OrganisationType.RADIO
    assert view.selected_id() == new_id and view.search.text() == ""
    assert "Radio Hexagone" in names_shown(view)


def test_create_dialog_refuses_a_duplicate_name_in_place(
    qtbot: QtBot, services: Services, orgs: dict[str, int]
) -> None:
    dialog = OrganisationDialog(services, name="Le quotidien de la sante")
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.accept()
    settle_operations()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.created_id is None
    assert "existe déjà" in dialog.form.fields["name"].error.text()


def test_delete_asks_first_and_keeps_the_contacts(
    view: OrganisationsView,
    services: Services,
    orgs: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> object:
        def question(*args: object, **_kw: object) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return reply

        return question

    view.select(orgs["quotidien"])
    settle_operations()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert view.delete() is False
    settle_operations()
    assert "Le Quotidien de la Santé" in services.organisations.names()
    assert "2 contact(s) are kept" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert view.delete() is True
    settle_operations()
    assert "Le Quotidien de la Santé" not in services.organisations.names()
    assert "Le Quotidien de la Santé" not in names_shown(view)
    assert view.title.text() == "CHU de Fictiville"
    assert services.contact_queries.count(ContactFilter(search="Dupont")) == 1


def test_merge_two_organisations(
    qtbot: QtBot,
    view: OrganisationsView,
    services: Services,
    orgs: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def pick_and_accept(dialog: MergeOrganisationsDialog) -> int:
        settle_operations()  # the organisations it offers are read in the background
        dialog.select_other(orgs["echo2"])
        assert "2 contact(s)" in dialog.summary.text()
        dialog.accept()
        settle_operations()
        return int(dialog.result())

    monkeypatch.setattr(MergeOrganisationsDialog, "exec", pick_and_accept)
    view.select(orgs["echo"])
    settle_operations()
    kept = view.merge()
    settle_operations()
    assert kept == orgs["echo"]
    assert "Echo medical (ancien)" not in services.organisations.names()
    merged = services.organisations.get(orgs["echo"])
    assert merged.contact_count == 3
    assert merged.email == "redaction@echo.example.fr"  # blanks filled from the other one
    assert "Doublon créé par un import." in merged.notes
    assert view.selected_id() == orgs["echo"]
    assert view.tabs.tabText(1) == "Contacts (3)"


def test_merge_dialog_can_keep_the_other_one(
    qtbot: QtBot, services: Services, orgs: dict[str, int]
) -> None:
    dialog = MergeOrganisationsDialog(services, orgs["echo2"], second_id=orgs["echo"])
    qtbot.addWidget(dialog)
    settle_operations()
    assert "Echo medical (ancien)" in dialog.keep_label.text()
    dialog.swap()
    assert "L'Écho Médical" in dialog.keep_label.text()
    assert dialog.other_id() == orgs["echo2"]
    dialog.accept()
    settle_operations()
    assert dialog.kept_id == orgs["echo"]
    assert services.organisations.get(orgs["echo"]).contact_count == 3


def test_changes_elsewhere_refresh_the_list(view: OrganisationsView, services: Services) -> None:
    services.organisations.create(OrganisationData(name="Télé Horizon", kind=OrganisationType.TV))
    data_events().changed.emit("organisations")
    settle_operations()
    assert "Télé Horizon" in names_shown(view)


def test_empty_database_says_what_to_do(qtbot: QtBot, services: Services) -> None:
    widget = OrganisationsView(services)
    qtbot.addWidget(widget)
    widget.refresh()
    settle_operations()
    assert widget.list_stack.currentWidget() is widget.list_empty
    assert widget.detail_stack.currentWidget() is widget.no_selection
    assert "New organisation" in widget.list_empty.text()


def test_in_french_every_type_has_its_label(
    french: str, qtbot: QtBot, services: Services, orgs: dict[str, int]
) -> None:
    widget = OrganisationsView(services)
    qtbot.addWidget(widget)
    widget.refresh()
    settle_operations()
    kinds = {widget.proxy.index(r, OrganisationColumn.KIND).data() for r in range(4)}
    assert kinds == {"Hôpital", "Magazine", "Presse quotidienne"}
    labels = [widget.form.kind.itemText(i) for i in range(widget.form.kind.count())]
    assert labels == [
        "Presse quotidienne",
        "Hebdomadaire",
        "Magazine",
        "Télévision",
        "Radio",
        "Web",
        "Agence",
        "Hôpital",
        "Institut de recherche",
        "Université",
        "Entreprise",
        "Organisme public",
        "Association",
        "Autre",
    ]
    assert widget.count_label.text() == "4 organismes"
    assert widget.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"


def test_merge_dialog_chooses_nothing_for_the_press_officer(
    qtbot: QtBot, services: Services, orgs: dict[str, int], french: str
) -> None:
    # Issue 19: the first organisation of the list was pre-selected to be absorbed.
    dialog = MergeOrganisationsDialog(services, orgs["echo"])
    qtbot.addWidget(dialog)
    settle_operations()
    assert dialog.other_id() is None and dialog.other.currentIndex() == -1
    assert not dialog.merge_button.isEnabled() and not dialog.swap_button.isEnabled()
    assert "Choisissez" in dialog.summary.text()
    dialog.select_other(orgs["echo2"])
    assert dialog.merge_button.isEnabled()
