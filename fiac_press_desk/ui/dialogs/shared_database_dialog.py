"""File > Shared database…: choose the press office's shared PostgreSQL database, test the
connection, use it (the window switches without a restart) or go back to the local file
(issue 14).

The password goes to the system keyring only (``storage.shared_database.store_password``),
never to the settings file, the URL or a log; the URL the window keeps (``ui.settings``,
``database/shared``) has none. Every connection (the test, the opening, the keyring) runs off
the GUI thread through ``ui.operations``, and only when the press officer clicks: nothing
goes to the network unasked. An empty database gets the desk's schema (the same Alembic
migrations as a local file) after a confirmation; one that holds another program's tables,
or a newer desk's, is refused.

``show_shared_database(window)`` is what the main window's menu calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.config import sqlite_path
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.storage.shared_connection import (
    DEFAULT_PORT,
    ConnectionFields,
    ProbeResult,
    Problem,
    Schema,
    probe,
)
from fiac_press_desk.ui import operations, settings
from fiac_press_desk.ui.keyboard import tab_down

if TYPE_CHECKING:
    from fiac_press_desk.services.hub import Services
    from fiac_press_desk.ui.main_window import MainWindow

CLOSE_POLL_MS = 200  # the database left is closed once no operation uses it any more


def show_shared_database(window: MainWindow) -> SharedDatabaseDialog:
    """Open the dialog over ``window``; using a database switches the window to it."""
    dialog = SharedDatabaseDialog(current_url(window), window)
    dialog.opened.connect(lambda opened: switch_window(window, opened))
    dialog.open()
    return dialog


def current_url(window: MainWindow) -> str:
    """The URL of the database under the window ("" before one is attached)."""
    return window.services.db.url if window.services is not None else ""


@dataclass(frozen=True)
class Opened:
    """A database opened for the window, and whether it is the shared one or the local file."""

    services: Services
    url: str
    shared: bool


def switch_window(window: MainWindow, opened: Opened) -> None:
    """Put ``opened`` under the window (its pages built again on it), remember it for the next
    start, and close the database left once nothing uses it any more."""
    from fiac_press_desk.ui.database_open import database_label

    left = window.services
    left_url = current_url(window)
    if opened.shared:
        settings.set_shared_database(opened.url, left_url if sqlite_path(left_url) else "")
    else:
        settings.set_shared_database("")
    window.undo_stack.clear()  # what could be undone belongs to the database left
    window.attach(opened.services, database_label(opened.url))
    from fiac_press_desk.ui import drafts

    if drafts.is_installed():  # a form's draft belongs to the database it was typed for
        drafts.install(opened.url)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(opened.services.close)
    if left is not None and left is not opened.services:
        close_when_idle(left)
    text = (
        QCoreApplication.translate("SharedDatabaseDialog", "Now working on the shared database %1.")
        if opened.shared
        else None
    )
    window.show_message(
        (
            text
            or QCoreApplication.translate("SharedDatabaseDialog", "Back on the local database %1.")
        ).replace("%1", database_label(opened.url))
    )


def close_when_idle(services: Services) -> None:
    """Close ``services`` once the operations on their way (a page's last read) are done."""
    if operations.idle():
        services.close()
        return
    QTimer.singleShot(CLOSE_POLL_MS, lambda: close_when_idle(services))


def describe(url: str) -> str:
    """The database in the press officer's words: a file, or role@server:port/database."""
    path = sqlite_path(url)
    if path is not None:
        return QCoreApplication.translate("SharedDatabaseDialog", "local file %1").replace(
            "%1", str(path)
        )
    fields = ConnectionFields.from_url(url)
    if fields is None:
        return url.split("@")[-1]
    where = f"{fields.role}@{fields.host}:{fields.port}/{fields.database}"
    return QCoreApplication.translate("SharedDatabaseDialog", "shared database %1").replace(
        "%1", where
    )


def result_text(result: ProbeResult) -> str:
    """What a connection test found, said plainly (no traceback: the driver's words are the
    dialog's "Details")."""
    if not result.connected:
        return QCoreApplication.translate("SharedDatabaseDialog", "Connection failed: %1").replace(
            "%1", problem_text(result.problem)
        )
    said = QCoreApplication.translate("SharedDatabaseDialog", "Connected: PostgreSQL %1.").replace(
        "%1", result.server_version
    )
    schema = {
        Schema.EMPTY: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "The database is empty: the desk's tables will be created when you use it.",
        ),
        Schema.CURRENT: QCoreApplication.translate(
            "SharedDatabaseDialog", "The desk's tables are there, up to date (revision %1)."
        ).replace("%1", result.revision or ""),
        Schema.OLDER: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "The desk's tables are there at revision %1; they will be brought up to date "
            "(%2) when you use it.",
        )
        .replace("%1", result.revision or "")
        .replace("%2", result.head),
        Schema.NEWER: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "It was made by a newer version of FIAC Press Desk (revision %1): update the "
            "application to use it.",
        ).replace("%1", result.revision or ""),
        Schema.FOREIGN: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "It holds another program's tables (%1): the desk will not use it. Ask for a "
            "database of its own.",
        ).replace("%1", str(result.tables)),
    }
    return f"{said} {schema[result.schema]}" if result.schema is not None else said


def problem_text(problem: Problem | None) -> str:
    """Why a connection failed, and what to check."""
    texts = {
        Problem.UNKNOWN_HOST: QCoreApplication.translate(
            "SharedDatabaseDialog", "no server of that name is known. Check the server's name."
        ),
        Problem.REFUSED: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "the server refused the connection: nothing answers on that port, or the "
            "PostgreSQL service is stopped. Check the server and the port.",
        ),
        Problem.TIMEOUT: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "the server did not answer in time (a firewall, or a wrong address). Check the "
            "server and your network.",
        ),
        Problem.BAD_PASSWORD: QCoreApplication.translate(
            "SharedDatabaseDialog", "the password is wrong for this role."
        ),
        Problem.NO_PASSWORD: QCoreApplication.translate(
            "SharedDatabaseDialog", "the server asks for a password: type it in."
        ),
        Problem.NO_ROLE: QCoreApplication.translate(
            "SharedDatabaseDialog", "the server knows no role (user) of that name."
        ),
        Problem.NO_DATABASE: QCoreApplication.translate(
            "SharedDatabaseDialog", "the server has no database of that name."
        ),
        Problem.NOT_ALLOWED: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "the server does not let this computer or this role in (its pg_hba.conf). Ask "
            "whoever runs it.",
        ),
        Problem.TLS: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "the encrypted connection (TLS) failed: the server does not offer it, or its "
            "certificate could not be checked against the CA file.",
        ),
        Problem.NO_DRIVER: QCoreApplication.translate(
            "SharedDatabaseDialog",
            "this installation has no PostgreSQL driver (install the application with its "
            "“postgresql” extra).",
        ),
    }
    other = QCoreApplication.translate(
        "SharedDatabaseDialog", "the server gave an unexpected answer (see the details)."
    )
    return texts.get(problem, other) if problem is not None else other


class SharedDatabaseDialog(QDialog):
    """The shared database's fields, the connection test, and the two ways out of it."""

    opened = Signal(object)  # Opened: the database to put under the window

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SharedDatabaseDialog")
        self.setWindowTitle(self.tr("Shared database"))
        self.current = current
        self.busy = False
        self.last_result: ProbeResult | None = None
        self.opening: operations.Operation[Services] | None = None

        intro = QLabel(
            self.tr(
                "Several people of the press office can work on one PostgreSQL database: "
                "the same contacts, releases and enquiries, each change seen by all. Ask "
                "whoever runs the server for these details. The password is kept in this "
                "computer's keyring, nowhere else."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.current_label = QLabel(self)
        self.current_label.setObjectName("current_database")
        self.current_label.setWordWrap(True)
        bold = self.current_label.font()
        bold.setBold(True)
        self.current_label.setFont(bold)
        self.current_label.setText(
            self.tr("In use now: %1").replace("%1", describe(current))
            if current
            else self.tr("No database open.")
        )

        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("e.g. db.example.org"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText(self.tr("e.g. fiac"))
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(self.tr("e.g. fiac_desk"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Kept in the system keyring"))
        self.tls = QComboBox(self)
        self.tls.addItem(self.tr("Not required (encrypted if the server offers it)"), "")
        self.tls.addItem(self.tr("Required"), "require")
        self.tls.addItem(self.tr("Required, server certificate checked"), "verify-full")
        self.ca_file = QLineEdit(self)
        self.ca_file.setPlaceholderText(self.tr("The certificate of the authority (.pem)"))
        self.ca_button = QPushButton(self.tr("Choose…"), self)
        self.ca_button.clicked.connect(self.choose_ca_file)
        self.tls.currentIndexChanged.connect(self._tls_changed)

        box = QGroupBox(self.tr("Connection"), self)
        form = QFormLayout(box)
        host_row = QHBoxLayout()
        host_row.addWidget(self.host, 1)
        host_row.addWidget(QLabel(self.tr("Port"), self))
        host_row.addWidget(self.port)
        form.addRow(self.tr("Server"), host_row)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Role (user)"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Encryption (TLS)"), self.tls)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        self.ca_label = QLabel(self.tr("CA file"), self)
        form.addRow(self.ca_label, ca_row)

        self.test_button = QPushButton(self.tr("Test the connection"), self)
        self.test_button.setObjectName("test_button")
        self.test_button.clicked.connect(self.test_connection)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.details = QLabel(self)
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: palette(mid);")
        self.details.hide()

        self.use_button = QPushButton(self.tr("Use this database"), self)
        self.use_button.setObjectName("use_button")
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(lambda: self.use())
        self.local_button = QPushButton(self.tr("Back to the local database"), self)
        self.local_button.setObjectName("local_button")
        self.local_button.setToolTip(describe(settings.local_database()))
        self.local_button.clicked.connect(lambda: self.back_to_local())
        self.local_button.setVisible(bool(current) and sqlite_path(current) is None)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.current_label)
        layout.addWidget(box)
        layout.addLayout(test_row)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addLayout(buttons)
        tab_down(
            self.host,
            self.port,
            self.database,
            self.role,
            self.password,
            self.tls,
            self.ca_file,
            self.ca_button,
            self.test_button,
            self.use_button,
        )
        self.setMinimumWidth(620)

        known = ConnectionFields.from_url(current) or ConnectionFields.from_url(
            settings.shared_database()
        )
        self.set_fields(known or ConnectionFields())
        if known is not None:
            self._ask_whether_a_password_is_kept(known.url())

    # -- fields -------------------------------------------------------------------------------

    def fields(self) -> ConnectionFields:
        """What the press officer typed (no password)."""
        return ConnectionFields(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            role=self.role.text().strip(),
            sslmode=str(self.tls.currentData() or ""),
            sslrootcert=self.ca_file.text().strip(),
        )

    def set_fields(self, fields: ConnectionFields) -> None:
        self.host.setText(fields.host)
        self.port.setValue(fields.port)
        self.database.setText(fields.database)
        self.role.setText(fields.role)
        index = self.tls.findData(fields.sslmode)
        if index < 0:  # a mode typed in a URL (verify-ca, disable…): kept as it is
            self.tls.addItem(fields.sslmode, fields.sslmode)
            index = self.tls.count() - 1
        self.tls.setCurrentIndex(index)
        self.ca_file.setText(fields.sslrootcert)
        self._tls_changed()

    def _tls_changed(self) -> None:
        checked = self.tls.currentData() == "verify-full"
        for widget in (self.ca_file, self.ca_button, self.ca_label):
            widget.setEnabled(checked)

    def choose_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The certificate authority's file"),
            self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def _checked_url(self) -> str | None:
        """The URL of the fields, or None after saying which field is missing."""
        fields = self.fields()
        missing = fields.missing()
        if missing:
            names = {
                "host": (self.tr("the server"), self.host),
                "database": (self.tr("the database"), self.database),
                "role": (self.tr("the role"), self.role),
                "sslrootcert": (self.tr("the CA file"), self.ca_file),
            }
            self._say(self.tr("Fill in %1.").replace("%1", ", ".join(names[m][0] for m in missing)))
            names[missing[0]][1].setFocus()
            return None
        return fields.url()

    def _ask_whether_a_password_is_kept(self, url: str) -> None:
        from fiac_press_desk.storage.shared_database import keyring_password

        def kept(_progress: operations.Progress) -> bool:
            from sqlalchemy.engine import make_url

            return keyring_password(make_url(url)) is not None

        operations.read(self, kept, self._password_kept, key="keyring")

    def _password_kept(self, kept: bool) -> None:
        if kept:
            self.password.setPlaceholderText(
                self.tr("Kept in the system keyring (leave empty to keep it)")
            )

    # -- the connection test --------------------------------------------------------------------

    def _say(self, text: str, details: str = "") -> None:
        self.status.setText(text)
        self.details.setText(self.tr("Details: %1").replace("%1", details) if details else "")
        self.details.setVisible(bool(details))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.test_button, self.use_button, self.local_button):
            button.setEnabled(not busy)

    def test_connection(self) -> operations.Operation[ProbeResult] | None:
        """Connect once, off the GUI thread, and say what was found."""
        url = self._checked_url()
        if url is None or self.busy:
            return None
        self._set_busy(True)
        self._say(self.tr("Connecting…"))
        password = self.password.text() or None
        job = operations.read(self, lambda _p: probe(url, password), self._tested, busy=True)
        job.finished.connect(lambda: self._set_busy(False))
        return job

    def _tested(self, result: ProbeResult) -> None:
        self.last_result = result
        self._say(result_text(result), result.detail)

    # -- using it -----------------------------------------------------------------------------

    def use(self, *, confirm: bool = True) -> operations.Operation[ProbeResult] | None:
        """Test, then (asked first when its tables are to be made or updated) open the
        database, keep the password in the keyring and switch the window to it."""
        url = self._checked_url()
        if url is None or self.busy:
            return None
        if url == self.current and not self.password.text():
            self._say(self.tr("This is the database in use already."))
            return None
        self._set_busy(True)
        self._say(self.tr("Connecting…"))
        password = self.password.text() or None
        job = operations.read(
            self,
            lambda _p: probe(url, password),
            lambda result: self._use_probed(url, password, result, confirm),
            busy=True,
        )
        job.finished.connect(self._probe_finished)
        return job

    def _probe_finished(self) -> None:
        if self.opening is None:
            self._set_busy(False)

    def _use_probed(
        self, url: str, password: str | None, result: ProbeResult, confirm: bool
    ) -> None:
        self.last_result = result
        self._say(result_text(result), result.detail)
        if not result.usable:
            return
        if confirm and result.schema is Schema.EMPTY:
            question = self.tr(
                "The database “%1” is empty. Create the desk's tables in it? Your colleagues "
                "can then use it too; the local database stays as it is."
            ).replace("%1", self.fields().database)
            if not self._confirmed(question):
                return
        if confirm and result.schema is Schema.OLDER:
            question = self.tr(
                "The desk's tables in “%1” will be brought up to date (revision %2 to %3). "
                "Colleagues on an older version of the application will have to update it. "
                "Go on?"
            )
            question = (
                question.replace("%1", self.fields().database)
                .replace("%2", result.revision or "")
                .replace("%3", result.head)
            )
            if not self._confirmed(question):
                return
        self._open(url, password, shared=True)

    def _confirmed(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Shared database"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def back_to_local(self) -> operations.Operation[Services] | None:
        """Open the local file again and switch the window to it."""
        if self.busy:
            return None
        self._set_busy(True)
        return self._open(settings.local_database(), None, shared=False)

    def _open(
        self, url: str, password: str | None, *, shared: bool
    ) -> operations.Operation[Services]:
        """Open (and migrate) ``url`` off the GUI thread, the password kept first."""
        from fiac_press_desk.ui.database_open import open_services

        self._say(self.tr("Opening the database…"))
        self._set_busy(True)

        def work(_progress: operations.Progress) -> Services:
            if password:
                from fiac_press_desk.storage.shared_database import store_password

                store_password(url, password)  # the keyring only; refused without one
            return open_services(url)

        job = operations.read(
            self,
            work,
            lambda services: self._opened(Opened(services, url, shared)),
            on_error=lambda error: self._open_failed(url, error),
            busy=True,
            expected=(Exception,),
        )
        self.opening = job
        job.finished.connect(self._open_finished)
        return job

    def _open_finished(self) -> None:
        self.opening = None
        self._set_busy(False)

    def _opened(self, opened: Opened) -> None:
        self.password.clear()
        self.accept()
        self.opened.emit(opened)

    def _open_failed(self, url: str, error: PressDeskError) -> None:
        from fiac_press_desk.ui.database_open import explain
        from fiac_press_desk.ui.errors import message_of

        cause = error.error if isinstance(error, operations.Refused) else error
        if isinstance(cause, PressDeskError) and "keyring" in str(cause):
            self._say(
                self.tr(
                    "There is no system keyring on this computer to keep the password in; "
                    "the desk keeps it nowhere else. Nothing was changed."
                ),
                message_of(cause),
            )
            return
        problem = explain(cause, url)
        self._say(f"{problem.text} {problem.hint}", problem.details)
