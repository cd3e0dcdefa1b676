"""The contacts table model: database order and filters, rows fetched by page, Qt's rules."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.enums import ContactKind
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter, SortKey
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.ui.qtmodels.contacts_model import (
    CONTACT_IDS_MIME,
    ContactsModel,
    ids_from_mime,
    ids_to_mime,
)
from tests.ui.conftest import person, settle_operations


def loaded_model(
    qtbot: QtBot, services: Services, flt: ContactFilter | None = None
) -> ContactsModel:
    model = ContactsModel(services)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        if flt is None:
            model.reload()
        else:
            model.set_filter(flt)
    qtbot.waitUntil(model.is_loaded)
    return model


def read_rows(model: ContactsModel) -> None:
    """Ask for every row and wait until their pages are read (off the GUI thread)."""
    for r in range(model.rowCount()):
        model.index(r, ContactsModel.Columns.NAME).data()
    settle_operations()


def names(model: ContactsModel) -> list[str]:
    read_rows(model)
    return [model.index(r, ContactsModel.Columns.NAME).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: object, demo_services: Services
) -> None:
    model = loaded_model(qtbot, demo_services)
    assert model.rowCount() == 61
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_empty_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: object, services: Services
) -> None:
    model = loaded_model(qtbot, services)
    assert model.rowCount() == 0
    assert model.total() == 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_come_sorted_from_the_database_and_resort_on_request(
    qtbot: QtBot, services: Services
) -> None:
    services.contacts.create_many(
        [
            person("Zoé", "Martin", "zoe@example.fr", "Radio Hexagone"),
            person("Éloïse", "Lefèvre", "eloise@example.fr", "Agence Presse Santé"),
            person("Amir", "Benali", "amir@example.fr", "Le Quotidien de la Santé"),
        ]
    )
    model = loaded_model(qtbot, services)
    assert names(model) == ["Amir Benali", "Éloïse Lefèvre", "Zoé Martin"]
    with qtbot.waitSignal(model.loaded):
        model.sort(ContactsModel.Columns.NAME, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Zoé Martin", "Éloïse Lefèvre", "Amir Benali"]
    with qtbot.waitSignal(model.loaded):
        model.sort(ContactsModel.Columns.ORGANISATION, Qt.SortOrder.AscendingOrder)
    assert model.sort_key() == (SortKey.ORGANISATION, False)
    read_rows(model)
    assert [model.index(r, ContactsModel.Columns.ORGANISATION).data() for r in range(3)] == [
        "Agence Presse Santé",
        "Le Quotidien de la Santé",
        "Radio Hexagone",
    ]
    before = model.sort_key()
    model.sort(ContactsModel.Columns.EMAIL)  # not sortable in the database: ignored
    assert model.sort_key() == before


def test_columns_show_translated_kind_tags_last_release_and_opt_out(
    qtbot: QtBot, services: Services, french: str
) -> None:
    services.contacts.create(
        person("Camille", "Dupont", "camille@example.fr", "Radio Hexagone", tags=["VIP", "santé"])
    )
    services.contacts.create(
        person("Paul", "Roux", "paul@example.fr", kind=ContactKind.PARTNER, opted_out=True)
    )
    model = loaded_model(qtbot, services)
    read_rows(model)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[:8] == [
        "Nom",
        "Organisme / média",
        "Fonction",
        "Courriel principal",
        "Téléphone principal",
        "Type",
        "Étiquettes",
        "Dernier communiqué reçu",
    ]
    assert "Désinscrit" in model.headerData(
        ContactsModel.Columns.OPTED_OUT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    camille, paul = 0, 1
    assert model.index(camille, ContactsModel.Columns.KIND).data() == "Journaliste"
    assert model.index(paul, ContactsModel.Columns.KIND).data() == "Partenaire"
    assert model.index(camille, ContactsModel.Columns.TAGS).data() == "santé, VIP"
    assert model.index(camille, ContactsModel.Columns.PHONE).data() == "01 40 00 00 01"
    assert (
        model.index(camille, ContactsModel.Columns.OPTED_OUT).data(Qt.ItemDataRole.DecorationRole)
        is None
    )
    assert (
        model.index(paul, ContactsModel.Columns.OPTED_OUT).data(Qt.ItemDataRole.DecorationRole)
        is not None
    )
    assert (
        model.index(paul, ContactsModel.Columns.OPTED_OUT).data(Qt.ItemDataRole.ToolTipRole)
        == "Désinscrit"
    )


def test_a_painted_cell_gets_every_role_as_data_gives_it(
    qtbot: QtBot, services: Services, french: str
) -> None:
    """``multiData`` (what the view asks at each repaint, the row found once per cell)
    answers each role as ``data`` does, archived and opted-out rows included."""
    from PySide6.QtCore import QModelRoleData

    services.contacts.create(person("Camille", "Dupont", "camille@example.fr", tags=["VIP"]))
    paul = services.contacts.create(person("Paul", "Roux", "paul@example.fr", opted_out=True))
    services.contacts.archive([paul])
    model = loaded_model(qtbot, services, ContactFilter(archived=None))
    read_rows(model)
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ContactsModel.IdRole,
        ContactsModel.RowRole,
    ]
    answered = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                asked = QModelRoleData(role)
                model.multiData(index, asked)
                expected = model.data(index, role)
                got = asked.data()
                if isinstance(expected, QFont | QColor):
                    assert type(got) is type(expected) and got == expected
                elif role == Qt.ItemDataRole.DecorationRole and expected is not None:
                    assert got is not None
                else:
                    assert got == expected, (row, column, role)
                answered += expected is not None
    assert answered > model.rowCount() * model.columnCount()  # not all empty
    model.multiData(model.index(5, 0), QModelRoleData(Qt.ItemDataRole.DisplayRole))  # no row


def test_last_release_column_names_the_release_and_its_date(
    qtbot: QtBot, demo_services: Services
) -> None:
    model = loaded_model(qtbot, demo_services)
    read_rows(model)
    shown = [
        model.index(r, ContactsModel.Columns.LAST_RELEASE).data() for r in range(model.rowCount())
    ]
    received = [text for text in shown if text]
    assert received, "the demo data send releases to some contacts"
    # The reader's date ("31 janv. 2024", "31 Jan 2024"), then the release.
    assert all(re.fullmatch(r"\d{1,2} \S+ \d{4}", text.split(" · ", 1)[0]) for text in received)


def test_rows_are_fetched_by_page_and_the_cache_stays_bounded(
    qtbot: QtBot, services: Services
) -> None:
    services.contacts.create_many(list(generate_contacts(ContactsModel.PAGE_SIZE * 45)))
    model = loaded_model(qtbot, services)
    assert model.rowCount() == ContactsModel.PAGE_SIZE * 45
    assert model.cached_pages() == 0  # counting rows read no row
    last = model.rowCount() - 1
    model.index(last, ContactsModel.Columns.NAME).data(ContactsModel.RowRole)  # asks for its page
    settle_operations()
    row = model.index(last, ContactsModel.Columns.NAME).data(ContactsModel.RowRole)
    assert row.id == model.contact_id(last)
    assert model.cached_pages() == 1
    for r in range(0, model.rowCount(), ContactsModel.PAGE_SIZE):
        model.index(r, 0).data()
    settle_operations()
    assert model.cached_pages() == ContactsModel.MAX_PAGES
    assert model.index(0, 0).data(ContactsModel.IdRole) == model.ids()[0]


def test_filter_runs_in_the_database_and_total_counts_everything(
    qtbot: QtBot, services: Services
) -> None:
    ids = services.contacts.create_many(
        [
            person("Éloïse", "Lefèvre", "eloise@example.fr"),
            person("Eloise", "Lefevre", "eloise2@example.fr"),
            person("Jean", "Martin", "jean@example.fr"),
        ]
    )
    services.contacts.archive([ids[2]])
    model = loaded_model(qtbot, services, ContactFilter(search="LEFEVRE"))
    assert sorted(model.ids()) == sorted(ids[:2])
    assert model.total() == 3  # archived included: the database is not empty
    with qtbot.waitSignal(model.loaded):
        model.set_filter(ContactFilter(archived=True))
    assert model.ids() == [ids[2]]
    assert model.row_of(ids[2]) == 0
    assert model.row_of(ids[0]) is None


def test_only_the_newest_query_is_shown(qtbot: QtBot, services: Services) -> None:
    services.contacts.create_many([person("Anne", "Alpha"), person("Bruno", "Beta")])
    model = ContactsModel(services)
    model.set_filter(ContactFilter(search="alpha"))
    model.set_filter(ContactFilter(search="beta"))
    qtbot.waitUntil(model.is_loaded, timeout=10_000)
    assert names(model) == ["Bruno Beta"]


def test_drag_carries_contact_ids(qtbot: QtBot, services: Services) -> None:
    ids = services.contacts.create_many([person("Anne", "Alpha"), person("Bruno", "Beta")])
    model = loaded_model(qtbot, services)
    indexes = [model.index(r, c) for r in range(2) for c in range(3)]
    mime = model.mimeData(indexes)
    assert mime.hasFormat(CONTACT_IDS_MIME)
    assert ids_from_mime(mime) == ids
    assert ids_from_mime(ids_to_mime([7, 8])) == [7, 8]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


@pytest.mark.parametrize("column", range(ContactsModel.COLUMN_COUNT))
def test_every_column_answers_for_rows_and_out_of_range(
    qtbot: QtBot, services: Services, column: int
) -> None:
    services.contacts.create(person("Anne", "Alpha", "anne@example.fr"))
    model = loaded_model(qtbot, services)
    assert model.index(0, column).isValid()
    assert model.index(1, column).data() is None
    assert model.data(model.createIndex(5, column)) is None


def test_the_saved_sort_restored_while_the_first_query_runs_asks_nothing_again(
    qtbot: QtBot, services: Services
) -> None:
    # At start the window restores the saved sort while the first query is on its way: the
    # same order must not queue a second run of the whole-table query (it did: 0.3 s at 100k).
    services.contacts.create(person("Anne", "Alpha", "anne@example.fr"))
    model = ContactsModel(services)
    starts: list[None] = []
    model.loading.connect(lambda: starts.append(None))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload(data_changed=True)
        model.sort(ContactsModel.Columns.NAME, Qt.SortOrder.AscendingOrder)  # unchanged
    settle_operations()
    assert len(starts) == 1
    model.sort(ContactsModel.Columns.NAME, Qt.SortOrder.DescendingOrder)  # a new order: asked
    qtbot.waitUntil(model.is_loaded)
    assert len(starts) == 2


def test_reloads_gathered_in_a_block_run_one_query_when_it_ends(
    qtbot: QtBot, services: Services
) -> None:
    # The contacts page asks for its rows when built, then is given the saved sort and
    # filter: the first query's 100 000 ids were read for nothing at each launch.
    services.contacts.create_many([person("Anne", "Alpha"), person("Bruno", "Beta")])
    model = ContactsModel(services)
    starts: list[ContactFilter] = []
    model.loading.connect(lambda: starts.append(model.contact_filter()))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        with model.gathered():
            model.reload(data_changed=True)
            model.sort(ContactsModel.Columns.NAME, Qt.SortOrder.DescendingOrder)
            model.set_filter(ContactFilter(search="beta"))
            assert starts == []  # nothing asked before the block ends
        assert starts == [ContactFilter(search="beta")]  # asked at once when it ends
    settle_operations()
    assert starts == [ContactFilter(search="beta")]
    assert names(model) == ["Bruno Beta"]
    assert model.total() == 2  # the data-changed count of the first reload is kept
    with model.gathered():
        pass  # nothing asked: nothing run
    settle_operations()
    assert len(starts) == 1


def test_the_first_query_shows_the_screens_rows_then_appends_the_rest(
    qtbot: QtBot, services: Services
) -> None:
    # Opening the window: the first screen's rows come from a LIMIT the name index answers
    # at once; the whole id list (0.2-0.3 s at 100 000) follows and is appended below them,
    # leaving what is shown and selected alone.
    size = ContactsModel.PAGE_SIZE
    services.contacts.create_many(list(generate_contacts(size * 3)))
    model = ContactsModel(services)
    model.set_visible_rows(0, size - 1)
    selection = QItemSelectionModel(model)
    shown_at_reset: list[tuple[int, bool, bool]] = []
    inserted: list[tuple[int, int]] = []
    loaded: list[int] = []

    def reset() -> None:
        shown_at_reset.append((model.rowCount(), model.is_row_read(0), model.is_loaded()))
        rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(model.index(3, 0), rows)  # the press officer clicks meanwhile

    model.modelReset.connect(reset)
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.loaded.connect(loaded.append)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload(data_changed=True)
    settle_operations()
    assert shown_at_reset == [(size, True, False)]  # the screen's rows, read with their ids
    assert inserted == [(size, size * 3 - 1)]
    assert loaded == [size * 3]
    assert model.is_loaded()
    assert model.ids() == services.contact_queries.ids(ContactFilter())
    assert selection.isRowSelected(3, QModelIndex())
    assert model.total() == size * 3


def test_a_failed_rest_leaves_the_first_rows_and_is_not_asked_again(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiac_press_desk.domain.errors import PressDeskError

    size = ContactsModel.PAGE_SIZE
    services.contacts.create_many(list(generate_contacts(size * 2)))
    queries = services.contact_queries
    first_rows = queries.ids

    def ids(*args: object, limit: int | None = None, **kwargs: object) -> list[int]:
        if limit is None:
            raise PressDeskError("disk unplugged")
        return first_rows(*args, limit=limit, **kwargs)

    monkeypatch.setattr(queries, "ids", ids)
    model = ContactsModel(services)
    starts: list[None] = []
    model.loading.connect(lambda: starts.append(None))
    with qtbot.waitSignal(model.failed, timeout=10_000) as failure:
        model.reload(data_changed=True)
    settle_operations()
    assert "disk unplugged" in failure.args[0]
    assert model.rowCount() == size  # the first rows stay
    assert len(starts) == 2  # the first rows, the rest once: not again and again
