"""The contacts workspace driven through the real window over a real database: search, filters,
bulk actions with undo, the contact card beside the list, empty states."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import EmailAddress
from fiac_press_desk.domain.enums import ContactKind
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.qtmodels.contacts_model import ContactsModel
from fiac_press_desk.ui.views import contacts_view
from fiac_press_desk.ui.views.contacts_view import ContactsView
from tests.ui.conftest import activate, person, settle, wait_idle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

MakeWindow = Callable[..., MainWindow]
NB = "\u00a0"  # French typography: no-break space inside « » and before ? ; :


@pytest.fixture
def desk(services: Services) -> Services:
    """A small, known address book: accents, kinds, lists, tags, an opted-out person."""
    services.lists.create("Presse nationale")
    services.contacts.create_many(
        [
            person("Gwénaëlle", "Pétrâque", "gwen@example.fr", "Radio Hexagone", tags=["VIP"]),
            person("Amir", "Benali", "amir@example.fr", "Le Quotidien de la Santé"),
            person(
                "Claire",
                "Fontanel",
                "claire@example.org",
                "Institut Curie Imaginaire",
                kind=ContactKind.PARTNER,
            ),
            person("Olivier", "Opté", "olivier@example.fr", "Radio Hexagone", opted_out=True),
            person("Sans", "Adresse", "", "Radio Hexagone"),
        ]
    )
    return services


def open_contacts(
    qtbot: QtBot, make_window: MakeWindow, services: Services
) -> tuple[MainWindow, ContactsView]:
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    return window, view


def shown(view: ContactsView) -> list[str]:
    model = view.model
    return [model.index(r, ContactsModel.Columns.NAME).data() for r in range(model.rowCount())]


def ids_named(services: Services, *names: str) -> list[int]:
    out = []
    for name in names:
        found = services.contact_queries.ids(ContactFilter(search=name, archived=None))
        assert len(found) == 1, name
        out += found
    return out


def type_search(qtbot: QtBot, view: ContactsView, text: str) -> None:
    view.filters.search.clear()
    if text.isascii():
        qtbot.keyClicks(view.filters.search, text)
    else:  # QTest types ASCII only; an input method would deliver the accented text whole
        view.filters.search.insert(text)
    qtbot.waitUntil(lambda: view.model.contact_filter().search == text.strip(), timeout=3000)
    wait_loaded(qtbot, view)


# -- search and filters --------------------------------------------------------------------------


def test_search_ignores_accents_and_capitals(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    window, view = open_contacts(qtbot, make_window, desk)
    assert len(shown(view)) == 5
    for query in ("Pétrâque", "petraque", "PETRAQUE", "gwenaelle", "Gwénaëlle pét"):
        type_search(qtbot, view, query)
        assert shown(view) == ["Gwénaëlle Pétrâque"], query
    type_search(qtbot, view, "hexagone")
    assert sorted(shown(view)) == ["Gwénaëlle Pétrâque", "Olivier Opté", "Sans Adresse"]
    type_search(qtbot, view, "nobody-here")
    assert view.stack.currentWidget() is view.no_results
    assert "nobody-here" in view.no_results.text.text()
    qtbot.mouseClick(view.no_results.buttons.itemAt(1).widget(), Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert view.filters.search.text() == ""
    assert len(shown(view)) == 5
    assert view.stack.currentWidget() is view.table
    assert window.counts_label.text() == "5 contacts affichés"


def test_search_waits_for_the_typing_to_pause(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    _window, view = open_contacts(qtbot, make_window, desk)
    queries: list[str] = []
    view.model.loading.connect(lambda: queries.append(view.model.contact_filter().search))
    qtbot.keyClicks(view.filters.search, "benali")
    qtbot.waitUntil(lambda: shown(view) == ["Amir Benali"], timeout=3000)
    assert queries == ["benali"]  # one query for six keystrokes


def test_filters_by_kind_list_tag_organisation_and_status(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    list_id = desk.lists.id_for("Presse nationale")
    assert list_id is not None
    amir, claire = ids_named(desk, "benali", "fontanel")
    desk.lists.add_members(list_id, [amir, claire])
    window, view = open_contacts(qtbot, make_window, desk)
    bar = view.filters

    def pick(combo: object, data: object) -> None:
        combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]
        wait_loaded(qtbot, view)

    pick(bar.kind, "partner")
    assert shown(view) == ["Claire Fontanel"]
    assert bar.kind.currentText() == "Partenaires"
    pick(bar.kind, None)
    pick(bar.list, list_id)
    assert shown(view) == ["Amir Benali", "Claire Fontanel"]
    assert window.sidebar.current_target() == ("list", list_id)
    pick(bar.list, None)
    vip = next(t.id for t in desk.tags.all() if t.name == "VIP")
    pick(bar.tag, vip)
    assert shown(view) == ["Gwénaëlle Pétrâque"]
    pick(bar.tag, None)
    radio = next(o.id for o in desk.organisations.all() if o.name == "Radio Hexagone")
    pick(bar.organisation, radio)
    assert sorted(shown(view)) == ["Gwénaëlle Pétrâque", "Olivier Opté", "Sans Adresse"]
    pick(bar.status, "opted_out")
    assert shown(view) == ["Olivier Opté"]
    assert bar.reset.isVisibleTo(view)
    bar.reset.click()
    wait_loaded(qtbot, view)
    assert len(shown(view)) == 5
    assert not bar.reset.isVisibleTo(view)


def test_sidebar_list_and_tag_open_the_filtered_contacts(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    list_id = desk.lists.id_for("Presse nationale")
    assert list_id is not None
    desk.lists.add_members(list_id, ids_named(desk, "benali"))
    window = make_window(desk)
    settle(qtbot)  # the sidebar's lists are read in the background
    item = window.sidebar.list_item(list_id)
    assert item is not None
    window.sidebar.setCurrentItem(item)
    view = window.contacts_view()
    assert window.current_page() == "contacts"
    wait_loaded(qtbot, view)
    assert shown(view) == ["Amir Benali"]
    assert view.filters.list.currentData() == list_id


def test_archived_contacts_leave_the_list_and_come_back(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    window, view = open_contacts(qtbot, make_window, desk)
    (amir,) = ids_named(desk, "benali")
    view.select_ids([amir])
    view.archive_action.trigger()
    wait_idle(qtbot, window)
    assert "Amir Benali" not in shown(view)
    assert desk.contacts.get(amir).archived
    assert window.statusBar().currentMessage() == "1 contact archivé"
    view.filters.set_status("archived")
    wait_loaded(qtbot, view)
    assert shown(view) == ["Amir Benali"]
    assert view.archive_action.text() == "Désarchiver"
    view.select_ids([amir])
    view.archive_action.trigger()
    wait_idle(qtbot, window)
    assert not desk.contacts.get(amir).archived


# -- bulk actions and undo ----------------------------------------------------------------------


def test_bulk_tag_untag_and_undo(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    window, view = open_contacts(qtbot, make_window, desk)
    gwen, amir, claire = ids_named(desk, "petraque", "benali", "fontanel")
    view.select_ids([gwen, amir, claire])
    assert view.selection_label.text() == "3 sélectionnés"
    view.tag_selected("à relancer")
    wait_idle(qtbot, window)
    for cid in (gwen, amir, claire):
        assert "à relancer" in desk.contacts.get(cid).tags
    row = view.model.row_of(amir)
    assert row is not None
    assert "à relancer" in view.model.index(row, ContactsModel.Columns.TAGS).data()
    assert (
        window.statusBar().currentMessage() == f"Étiquette «{NB}à relancer{NB}» donnée à 3 contacts"
    )
    # Untag VIP: only Gwénaëlle had it, so undo gives it back to her alone.
    view.select_ids([gwen, amir])
    view.tag_selected("VIP", add=False)
    wait_idle(qtbot, window)
    assert "VIP" not in desk.contacts.get(gwen).tags
    undo = window.actions_by_name["undo"]
    assert undo.text() == f"Annuler le retrait de l’étiquette «{NB}VIP{NB}» de 1 contact"
    undo.trigger()
    wait_idle(qtbot, window)
    assert "VIP" in desk.contacts.get(gwen).tags
    assert "VIP" not in desk.contacts.get(amir).tags
    undo.trigger()  # the first tagging
    wait_idle(qtbot, window)
    assert all("à relancer" not in desk.contacts.get(c).tags for c in (gwen, amir, claire))
    window.actions_by_name["redo"].trigger()
    wait_idle(qtbot, window)
    assert all("à relancer" in desk.contacts.get(c).tags for c in (gwen, amir, claire))


def test_add_to_list_from_the_menu_and_undo(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    list_id = desk.lists.id_for("Presse nationale")
    assert list_id is not None
    gwen, amir = ids_named(desk, "petraque", "benali")
    desk.lists.add_members(list_id, [gwen])
    window, view = open_contacts(qtbot, make_window, desk)
    view.select_ids([gwen, amir])
    menu = view.add_to_list_action.menu()
    menu.aboutToShow.emit()
    entry = next(a for a in menu.actions() if a.text().startswith("Presse nationale"))
    entry.trigger()
    wait_idle(qtbot, window)
    members = desk.contact_queries.ids(ContactFilter(list_id=list_id))
    assert sorted(members) == sorted([gwen, amir])
    assert window.statusBar().currentMessage() == (
        f"1 contact ajouté à «{NB}Presse nationale{NB}» (1 y figurait déjà)"
    )
    item = window.sidebar.list_item(list_id)
    assert item is not None and item.data(0, Qt.ItemDataRole.UserRole + 4) == "2"
    window.actions_by_name["undo"].trigger()
    wait_idle(qtbot, window)
    assert desk.contact_queries.ids(ContactFilter(list_id=list_id)) == [gwen]  # kept: was there


def test_drop_on_a_sidebar_list_adds_the_dragged_contacts(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QDropEvent

    list_id = desk.lists.id_for("Presse nationale")
    assert list_id is not None
    window, view = open_contacts(qtbot, make_window, desk)
    claire, olivier = ids_named(desk, "fontanel", "opte")
    rows = [view.model.row_of(claire), view.model.row_of(olivier)]
    mime = view.model.mimeData([view.model.index(r, 0) for r in rows if r is not None])
    sidebar = window.sidebar
    item = sidebar.list_item(list_id)
    assert item is not None
    point = sidebar.visualItemRect(item).center()
    drop = QDropEvent(
        point.toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    sidebar.dropEvent(drop)
    assert drop.isAccepted()
    wait_idle(qtbot, window)
    assert sorted(desk.contact_queries.ids(ContactFilter(list_id=list_id))) == sorted(
        [claire, olivier]
    )
    elsewhere = QDropEvent(
        QPoint(2, 2).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    sidebar.dropEvent(elsewhere)  # on "Tableau de bord" or "Contacts": refused
    assert not elsewhere.isAccepted()


def test_delete_asks_then_undo_puts_the_contact_back(
    qtbot: QtBot,
    make_window: MakeWindow,
    desk: Services,
    french: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, view = open_contacts(qtbot, make_window, desk)
    gwen, amir = ids_named(desk, "petraque", "benali")
    list_id = desk.lists.id_for("Presse nationale")
    assert list_id is not None
    desk.lists.add_members(list_id, [gwen])
    asked: list[str] = []
    monkeypatch.setattr(
        contacts_view, "ask_confirmation", lambda _p, _t, text, *a: asked.append(text) or False
    )
    view.select_ids([gwen])
    view.delete_selected()
    assert asked == [f"Supprimer le contact «{NB}Gwénaëlle Pétrâque{NB}»{NB}?"]
    assert desk.contacts.get(gwen)  # refused: still there
    monkeypatch.setattr(contacts_view, "ask_confirmation", lambda *a: True)
    view.select_ids([gwen, amir])
    window.actions_by_name["delete"].trigger()
    wait_idle(qtbot, window)
    assert "Gwénaëlle Pétrâque" not in shown(view)
    assert desk.contact_queries.ids(ContactFilter(ids=[gwen, amir], archived=None)) == []
    assert window.statusBar().currentMessage() == "2 contacts supprimés"
    assert window.actions_by_name["undo"].text() == "Annuler la suppression de 2 contacts"
    window.actions_by_name["undo"].trigger()
    wait_idle(qtbot, window)
    back = desk.contacts.get(gwen)
    assert back.tags == ["VIP"] and back.lists == ["Presse nationale"]
    assert sorted(shown(view)) == sorted(
        ["Gwénaëlle Pétrâque", "Amir Benali", "Claire Fontanel", "Olivier Opté", "Sans Adresse"]
    )


def test_delete_key_and_ctrl_z_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contacts_view, "ask_confirmation", lambda *a: True)
    window, view = open_contacts(qtbot, make_window, desk)
    activate(qtbot, window)
    (amir,) = ids_named(desk, "benali")
    view.select_ids([amir])
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert desk.contact_queries.ids(ContactFilter(ids=[amir])) == []
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert desk.contact_queries.ids(ContactFilter(ids=[amir])) == [amir]


def test_copy_emails_leaves_out_opted_out_people_and_says_so(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    window, view = open_contacts(qtbot, make_window, desk)
    view.table.selectAll()
    view.copy_action.trigger()
    wait_idle(qtbot, window)
    text = QGuiApplication.clipboard().text()
    assert "\n" not in text
    assert text.split("; ") == [
        "amir@example.fr",
        "claire@example.org",
        "gwen@example.fr",
    ]
    assert "olivier@example.fr" not in text
    assert window.statusBar().currentMessage() == (
        "3 adresses copiées (1 contact désinscrit exclu, 1 sans adresse)"
    )


# -- the contact card beside the list -----------------------------------------------------------


def test_create_a_contact_from_ctrl_n(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    from fiac_press_desk.ui.views.contact_form_rows import ValueRow

    window, view = open_contacts(qtbot, make_window, desk)
    activate(qtbot, window)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    panel = view.detail
    assert panel.is_editing()
    panel.form.given_name.setText("Inès")
    panel.form.family_name.setText("Zerbib")
    if not panel.form.emails.rows:
        panel.form.emails.add_row()
    row = panel.form.emails.rows[0]
    assert isinstance(row, ValueRow)
    row.edit.setText("ines.zerbib@example.fr")
    with qtbot.waitSignal(panel.saved, timeout=5000) as saved:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    new_id = saved.args[0]
    wait_loaded(qtbot, view)
    qtbot.waitUntil(lambda: view.selected_ids() == [new_id], timeout=5000)
    assert "Inès Zerbib" in shown(view)
    assert desk.contacts.get(new_id).primary_email == "ines.zerbib@example.fr"


def test_edit_shows_the_validation_error_in_the_form_and_saves_nothing(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    from fiac_press_desk.ui.views.contact_form_rows import ValueRow

    window, view = open_contacts(qtbot, make_window, desk)
    (amir,) = ids_named(desk, "benali")
    view.select_ids([amir])
    panel = view.detail
    qtbot.waitUntil(lambda: panel.contact_id == amir)
    window.actions_by_name["edit"].trigger()  # F2
    assert panel.is_editing()
    row = panel.form.emails.rows[0]
    assert isinstance(row, ValueRow)
    row.edit.setText("amir.benali@")
    panel.form.job_title.setText("Rédacteur en chef")
    with qtbot.assertNotEmitted(panel.saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert row.error.isVisibleTo(panel)
    assert row.error.text()
    assert panel.form.banner.isVisibleTo(panel)
    assert "rouge" in panel.form.banner.text()  # French: "…marqués en rouge."
    stored = desk.contacts.get(amir)
    assert stored.emails == [EmailAddress("amir@example.fr", "work")]
    assert stored.job_title == ""
    row.edit.setText("amir.benali@example.fr")
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert desk.contacts.get(amir).job_title == "Rédacteur en chef"
    row_index = view.model.row_of(amir)
    assert row_index is not None
    assert (
        view.model.index(row_index, ContactsModel.Columns.EMAIL).data() == "amir.benali@example.fr"
    )


def test_sorting_by_clicking_a_header(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    _window, view = open_contacts(qtbot, make_window, desk)
    header = view.table.horizontalHeader()
    header.sectionClicked.emit(ContactsModel.Columns.ORGANISATION)
    wait_loaded(qtbot, view)
    organisations = [
        view.model.index(r, ContactsModel.Columns.ORGANISATION).data()
        for r in range(view.model.rowCount())
    ]
    assert organisations == sorted(organisations, key=str.casefold)
    header.sectionClicked.emit(ContactsModel.Columns.EMAIL)  # not sortable: the indicator stays
    assert header.sortIndicatorSection() == ContactsModel.Columns.ORGANISATION


# -- empty states ---------------------------------------------------------------------------------


def test_empty_database_says_what_to_do_and_demo_fills_it(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    window, view = open_contacts(qtbot, make_window, services)
    assert view.stack.currentWidget() is view.empty_state
    assert view.empty_state.title.text() == "Aucun contact pour l’instant"
    buttons = [
        view.empty_state.buttons.itemAt(i).widget().text()
        for i in range(view.empty_state.buttons.count())
        if view.empty_state.buttons.itemAt(i).widget() is not None
    ]
    assert buttons == [
        "Importer des contacts…",
        "Nouveau contact",
        "Charger les données de démonstration",
    ]
    demo_button = view.empty_state.buttons.itemAt(3).widget()
    qtbot.mouseClick(demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() > 50, timeout=30_000)
    assert view.stack.currentWidget() is view.table
    assert window.statusBar().currentMessage().startswith("Données de démonstration chargées")
    assert services.lists.all()


def test_a_search_answer_is_painted_once(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    """The table painted each search's rows twice: once for the answer, once more when
    Qt's delayed layout of the new rows came after it (a full repaint at every key)."""
    from PySide6.QtCore import QEvent, QObject

    _window, view = open_contacts(qtbot, make_window, desk)

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    counter = Paints(view)
    view.table.viewport().installEventFilter(counter)
    for query in ("hexagone", "benali", ""):
        qtbot.wait(50)
        Paints.count = 0
        view.filters.search.setText(query)
        view.filters.apply_now()
        wait_loaded(qtbot, view)
        qtbot.wait(150)  # anything Qt had left for later has run
        assert Paints.count == 1, query
    assert len(shown(view)) == 5
