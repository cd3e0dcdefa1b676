"""File > Shared database…: the fields make a URL without the password, the password goes to
the keyring only, a failed test says why in French, and (with a real PostgreSQL server,
``FIAC_TEST_POSTGRES_URL``) the window switches to the shared database and back."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.services import Services
from fiac_press_desk.storage.shared_connection import ConnectionFields, Schema
from fiac_press_desk.storage.shared_database import KEYRING_SERVICE, keyring_account
from fiac_press_desk.ui import settings
from fiac_press_desk.ui.dialogs.shared_database_dialog import (
    SharedDatabaseDialog,
    show_shared_database,
    switch_window,
)
from fiac_press_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle

MakeWindow = Callable[..., MainWindow]
SECRET = "Ne-Pas-Ecrire-42"


class DictKeyring:
    """A keyring kept in memory (as tests/unit/services/test_sending.py does)."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        items: dict[tuple[str, str], str] = {}

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def get_password(self, service: str, username: str) -> str | None:
                return items.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                items[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                items.pop((service, username), None)

        self.items = items
        self.backend = Backend()


@pytest.fixture
def memory_keyring() -> Iterator[DictKeyring]:
    import keyring

    previous = keyring.get_keyring()
    kept = DictKeyring()
    keyring.set_keyring(kept.backend)
    yield kept
    keyring.set_keyring(previous)


def closed_port() -> int:
    """A port of 127.0.0.1 nothing listens on (taken, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fill(dialog: SharedDatabaseDialog, fields: ConnectionFields, password: str = "") -> None:
    dialog.host.setText(fields.host)
    dialog.port.setValue(fields.port)
    dialog.database.setText(fields.database)
    dialog.role.setText(fields.role)
    dialog.tls.setCurrentIndex(dialog.tls.findData(fields.sslmode))
    dialog.ca_file.setText(fields.sslrootcert)
    dialog.password.setText(password)


def open_dialog(qtbot: QtBot, window: MainWindow) -> SharedDatabaseDialog:
    dialog = show_shared_database(window)
    qtbot.addWidget(dialog)
    settle(qtbot)
    return dialog


def settings_text() -> str:
    path = settings.settings_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


# -- without a server ---------------------------------------------------------------------------


def test_the_file_menu_offers_the_shared_database(
    make_window: MakeWindow, services: Services, french: str
) -> None:
    window = make_window(services)
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Base partagée…" in [a.text() for a in file_menu.actions()]
    for _visit in range(2):  # opened from the menu, closed, opened again
        window.actions_by_name["shared_database"].trigger()
        dialog = window.shared_database_dialog
        assert dialog.isVisible() and dialog.windowTitle() == "Base partagée"
        dialog.reject()


def test_the_fields_make_the_url_without_the_password(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    window = make_window(services)
    dialog = open_dialog(qtbot, window)
    assert dialog.port.value() == 5432
    assert "fichier local" in dialog.current_label.text()
    assert not dialog.local_button.isVisible()  # already on the local file
    assert not dialog.ca_file.isEnabled()

    wanted = ConnectionFields(
        "db.example.org", 5433, "fiac", "fiac_desk", "verify-full", "/etc/ca.pem"
    )
    fill(dialog, wanted, SECRET)
    assert dialog.ca_file.isEnabled() and dialog.ca_button.isEnabled()
    url = dialog.fields().url()
    parsed = make_url(url)
    assert SECRET not in url and parsed.password is None
    assert (parsed.username, parsed.host, parsed.port, parsed.database) == (
        "fiac_desk",
        "db.example.org",
        5433,
        "fiac",
    )
    assert dict(parsed.query) == {"sslmode": "verify-full", "sslrootcert": "/etc/ca.pem"}
    assert ConnectionFields.from_url(url) == wanted

    dialog.tls.setCurrentIndex(dialog.tls.findData(""))  # not required: nothing in the query
    assert not dialog.ca_file.isEnabled()
    assert make_url(dialog.fields().url()).query == {}


def test_a_missing_field_is_named_and_nothing_connects(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    window = make_window(services)
    dialog = open_dialog(qtbot, window)
    fill(dialog, ConnectionFields("db.example.org", 5432, "", "fiac_desk"))
    assert dialog.test_connection() is None
    assert "base de données" in dialog.status.text()


def test_a_failed_test_says_why_in_french_and_the_password_goes_nowhere(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    french: str,
    memory_keyring: DictKeyring,
) -> None:
    pytest.importorskip("psycopg", reason="the PostgreSQL driver (the postgresql extra)")
    window = make_window(services)
    dialog = open_dialog(qtbot, window)
    fill(dialog, ConnectionFields("127.0.0.1", closed_port(), "fiac", "fiac_desk"), SECRET)
    job = dialog.test_connection()
    assert job is not None
    settle(qtbot)
    assert dialog.status.text().startswith("Échec de la connexion : le serveur a refusé")
    assert "Traceback" not in dialog.status.text() + dialog.details.text()
    assert dialog.details.isVisible() and "refused" in dialog.details.text()
    assert dialog.last_result is not None and dialog.last_result.problem == "refused"

    # "Use" tests first: refused the same way, nothing kept, the window where it was.
    dialog.use()
    settle(qtbot)
    assert dialog.isVisible() and "refusé" in dialog.status.text()
    assert memory_keyring.items == {}
    assert SECRET not in settings_text() and settings.shared_database() == ""
    assert window.services is services


def test_a_saved_choice_is_what_the_window_opens_next_without_db(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fiac_press_desk.config import resolve_database_url

    url = "postgresql://fiac_desk@db.example.org:5432/fiac"
    settings.set_shared_database(url, "sqlite:////tmp/desk.sqlite3")
    assert settings.shared_database() == url
    assert resolve_database_url(None, chosen=settings.shared_database()) == url
    assert resolve_database_url("/tmp/other.sqlite3", chosen=url).startswith("sqlite:///")
    monkeypatch.setenv("FIAC_PRESS_DESK_DB", "/tmp/env.sqlite3")
    assert resolve_database_url(None, chosen=url).startswith("sqlite:///")
    assert settings.local_database() == "sqlite:////tmp/desk.sqlite3"
    # A URL with a password written into the file by hand is not opened.
    settings.save_value(settings.SHARED_DATABASE_KEY, "postgresql://u:pw@h/db")
    assert settings.shared_database() == ""


# -- with a real PostgreSQL server ----------------------------------------------------------------


@pytest.fixture
def empty_postgres(postgres_server: object) -> Iterator[str]:
    """The URL of a new empty database (no password: the test cluster trusts 127.0.0.1)."""
    server = postgres_server
    name = server.empty()  # type: ignore[attr-defined]
    yield server.url_of(name).replace("postgresql+psycopg://", "postgresql://")  # type: ignore[attr-defined]
    server.drop(name)  # type: ignore[attr-defined]


def test_a_real_server_is_tested_used_and_left(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    french: str,
    empty_postgres: str,
    memory_keyring: DictKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    local_url = services.db.url
    window = make_window(services)
    dialog = open_dialog(qtbot, window)
    fields = ConnectionFields.from_url(empty_postgres)
    assert fields is not None
    fill(dialog, fields, SECRET)

    dialog.test_connection()
    settle(qtbot)
    assert dialog.status.text().startswith("Connecté : PostgreSQL ")
    assert "vide" in dialog.status.text()
    assert dialog.last_result is not None and dialog.last_result.schema is Schema.EMPTY
    assert memory_keyring.items == {}  # a test keeps nothing

    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog.use()
    settle(qtbot)
    qtbot.waitUntil(lambda: window.services is not services, timeout=30_000)
    settle(qtbot)
    assert asked and "vide" in asked[0]  # the schema was made after asking
    shared = window.services
    assert shared is not None and shared.db.url == fields.url()
    assert shared.db.current_revision() is not None
    assert not dialog.isVisible()
    # The password is in the keyring, under the role's account, and nowhere else.
    account = keyring_account(make_url(fields.url()))
    assert memory_keyring.items == {(KEYRING_SERVICE, account): SECRET}
    assert SECRET not in settings_text()
    assert settings.shared_database() == fields.url()
    assert SECRET not in window.database_label and fields.database in window.windowTitle()
    # The window works on it: a contact written there is read back from the server.
    cid = shared.contacts.create(_someone())
    assert shared.contacts.get(cid).family_name == "Lefèvre"

    # Back to the local file, from the same dialog.
    back = open_dialog(qtbot, window)
    assert back.local_button.isVisible() and "base partagée" in back.current_label.text()
    assert back.host.text() == fields.host and back.database.text() == fields.database
    qtbot.waitUntil(lambda: "laisser vide" in back.password.placeholderText(), timeout=10_000)
    assert back.use() is None and "déjà" in back.status.text()  # the one in use
    back.back_to_local()
    settle(qtbot)
    qtbot.waitUntil(lambda: window.services is not shared, timeout=30_000)
    settle(qtbot)
    assert window.services is not None and window.services.db.url == local_url
    assert settings.shared_database() == ""
    window.close()
    settle(qtbot)
    window.services.close()


def test_a_database_of_another_program_is_refused(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    french: str,
    empty_postgres: str,
) -> None:
    import psycopg

    target = make_url(empty_postgres)
    with psycopg.connect(
        host=target.host, port=target.port, user=target.username, dbname=target.database
    ) as conn:
        conn.execute("CREATE TABLE invoices (id integer primary key)")
    window = make_window(services)
    dialog = open_dialog(qtbot, window)
    fields = ConnectionFields.from_url(empty_postgres)
    assert fields is not None
    fill(dialog, fields)
    dialog.use()
    settle(qtbot)
    assert "un autre programme" in dialog.status.text()
    assert dialog.isVisible() and window.services is services
    assert settings.shared_database() == ""


def _someone() -> ContactData:
    return ContactData(given_name="Éloïse", family_name="Lefèvre")


def test_switch_window_closes_the_database_left(
    qtbot: QtBot, make_window: MakeWindow, services: Services, tmp_path: Path
) -> None:
    """Switching between two local files the same way (no server needed): the window's pages
    read the new one, and the one left is closed once nothing uses it."""
    from fiac_press_desk.ui.dialogs.shared_database_dialog import Opened

    window = make_window(services)
    other = Services.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    other.contacts.create(_someone())
    closed: list[bool] = []
    original = services.close
    services.close = lambda: (closed.append(True), original())[-1]  # type: ignore[method-assign]
    switch_window(window, Opened(other, other.db.url, shared=False))
    settle(qtbot)
    qtbot.waitUntil(lambda: bool(closed), timeout=10_000)
    assert window.services is other
    window.close()
    settle(qtbot)
    other.close()
