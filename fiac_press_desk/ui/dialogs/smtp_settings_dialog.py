"""The mail server and the press office's sender identity; the password goes to the system
keyring when there is one, otherwise it is kept in memory until the application quits. The
settings and the keyring are read and written off the GUI thread (a keyring may take its time
to answer)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.sending import PasswordStore, Security, SmtpSettings
from fiac_press_desk.ui import labels, operations
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.keyboard import tab_down
from fiac_press_desk.ui.operations import Progress

DEFAULT_PORTS = {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}


@dataclass(frozen=True)
class _Stored:
    settings: SmtpSettings
    has_password: bool


class SmtpSettingsDialog(QDialog):
    """The sending settings, read when it opens and saved on Save."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._loaded = False
        self.setWindowTitle(self.tr("Sending settings"))
        current = SmtpSettings()

        self.host = QLineEdit(current.host, self)
        self.host.setPlaceholderText(self.tr("e.g. smtp.example.fr"))
        self.security = QComboBox(self)
        self.security.addItem(self.tr("STARTTLS (port 587)"), Security.STARTTLS.value)
        self.security.addItem(self.tr("SSL/TLS (port 465)"), Security.SSL.value)
        self.security.addItem(self.tr("None (local relay only)"), Security.NONE.value)
        self.security.setCurrentIndex(max(0, self.security.findData(current.security.value)))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(current.port)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.username = QLineEdit(current.username, self)
        self.username.setPlaceholderText(self.tr("Leave empty if the server needs no login"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember in the system keyring"), self)
        self.keyring_available = PasswordStore.keyring_available()
        if self.keyring_available:
            self.remember.setChecked(True)
            self.password.setPlaceholderText(self.tr("Password"))
        else:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setText(
                self.tr("No system keyring: the password is asked once per session")
            )
            self.password.setPlaceholderText(self.tr("Kept in memory until you quit"))

        self.sender_name = QLineEdit(current.sender_name, self)
        self.sender_name.setPlaceholderText(self.tr("e.g. Press office of the FIAC"))
        self.sender_address = QLineEdit(current.sender_address, self)
        self.sender_address.setPlaceholderText(self.tr("e.g. presse@example.fr"))
        self.reply_to = QLineEdit(current.reply_to, self)
        self.organisation = QLineEdit(current.organisation, self)
        self.organisation.setPlaceholderText(self.tr("Signature line under the name"))
        self.phone = QLineEdit(current.phone, self)
        self.pace = QDoubleSpinBox(self)
        self.pace.setRange(0.0, 60.0)
        self.pace.setDecimals(1)
        self.pace.setSingleStep(0.5)
        self.pace.setSuffix(" s")
        self.pace.setValue(current.pace_seconds)
        self.pace.setToolTip(
            self.tr("Time between two messages, to stay within the server's sending quota")
        )

        server_box = QGroupBox(self.tr("Mail server"), self)
        self._boxes: list[QWidget] = [server_box]
        server = QFormLayout(server_box)
        server.addRow(self.tr("Server"), self.host)
        port_row = QHBoxLayout()
        port_row.addWidget(self.security, 1)
        port_row.addWidget(QLabel(self.tr("Port"), self))
        port_row.addWidget(self.port)
        server.addRow(self.tr("Security"), port_row)
        server.addRow(self.tr("User name"), self.username)
        server.addRow(self.tr("Password"), self.password)
        server.addRow("", self.remember)
        server.addRow(self.tr("Pace"), self.pace)

        sender_box = QGroupBox(self.tr("Sender (the press office)"), self)
        self._boxes.append(sender_box)
        sender = QFormLayout(sender_box)
        sender.addRow(self.tr("Name"), self.sender_name)
        sender.addRow(self.tr("Address"), self.sender_address)
        sender.addRow(self.tr("Reply to"), self.reply_to)
        sender.addRow(self.tr("Organisation"), self.organisation)
        sender.addRow(self.tr("Phone"), self.phone)

        self.test_button = QPushButton(self.tr("Test the connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(sender_box)
        tab_down(
            self.host, self.security, self.port, self.username, self.password, self.remember,
            self.pace, self.sender_name, self.sender_address, self.reply_to, self.organisation,
            self.phone, self.test_button,
        )  # fmt: skip
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.resize(560, self.sizeHint().height())
        for box in self._boxes:  # nothing to type over until the stored settings are shown
            box.setEnabled(False)
        sending = services.sending

        def work(_progress: Progress) -> _Stored:
            settings = sending.settings()
            return _Stored(settings, sending.password(settings) is not None)

        operations.read(self, work, self._show_stored)

    def _show_stored(self, stored: _Stored) -> None:
        current = stored.settings
        self.host.setText(current.host)
        self.security.setCurrentIndex(max(0, self.security.findData(current.security.value)))
        self.port.setValue(current.port)
        self.username.setText(current.username)
        if self.keyring_available and stored.has_password:
            self.password.setPlaceholderText(self.tr("Unchanged"))
        self.sender_name.setText(current.sender_name)
        self.sender_address.setText(current.sender_address)
        self.reply_to.setText(current.reply_to)
        self.organisation.setText(current.organisation)
        self.phone.setText(current.phone)
        self.pace.setValue(current.pace_seconds)
        for box in self._boxes:
            box.setEnabled(True)
        if self.focusWidget() in (None, self.test_button):  # the fields were off at opening
            self.host.setFocus()
        self._loaded = True

    def is_loaded(self) -> bool:
        """The stored settings are shown."""
        return self._loaded

    def _security_changed(self) -> None:
        security = Security(str(self.security.currentData()))
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[security])

    def settings_from_fields(self) -> SmtpSettings:
        return SmtpSettings(
            host=self.host.text(),
            port=self.port.value(),
            security=Security(str(self.security.currentData())),
            username=self.username.text(),
            sender_name=self.sender_name.text(),
            sender_address=self.sender_address.text(),
            reply_to=self.reply_to.text(),
            organisation=self.organisation.text(),
            phone=self.phone.text(),
            pace_seconds=self.pace.value(),
        )

    def _show(self, text: str, ok: bool) -> None:
        color = labels.GREEN if ok else labels.RED
        self.status.setStyleSheet(f"color: {color.name()};")
        self.status.setText(text)

    def test_connection(self) -> None:
        try:
            settings = self.settings_from_fields().validated()
        except ValidationError as exc:
            self._show(exc.message, False)
            return
        typed = self.password.text()
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting…"), True)
        sending = self._services.sending

        def work(_progress: Progress) -> None:
            password = typed or (sending.password(settings) if settings.username else None)
            sending.test_connection(settings, password)

        def done(_result: object) -> None:
            self.test_button.setEnabled(True)
            self._show(self.tr("Connection and login succeeded."), True)

        def failed(error: PressDeskError) -> None:
            self.test_button.setEnabled(True)
            self._show(short_message(error), False)

        operations.read(self, work, done, on_error=failed)

    def accept(self) -> None:
        """Save in the background (the password to the keyring); close once it is written."""
        try:
            settings = self.settings_from_fields().validated()
        except ValidationError as exc:
            self._show(exc.message, False)
            return
        typed, persist = self.password.text(), self.remember.isChecked()
        sending = self._services.sending

        def work(_progress: Progress) -> bool:
            saved = sending.save_settings(settings)
            if typed and saved.username:
                return sending.passwords.remember(saved.account, typed, persist=persist)
            return True

        self.buttons.setEnabled(False)
        operations.write(self, work, self._saved, on_error=self._refused, busy=False)

    def _saved(self, stored: bool) -> None:
        if self.remember.isChecked() and not stored:
            self._show(self.tr("The keyring refused the password: kept for this session."), False)
        super().accept()

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        self._show(short_message(error), False)


class SmtpPasswordDialog(QDialog):
    """Asked once per session when the password is not in a keyring."""

    def __init__(self, settings: SmtpSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mail server password"))
        text = QLabel(
            self.tr("Password of %1 on %2:")
            .replace("%1", settings.username)
            .replace("%2", settings.host),
            self,
        )
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember in the system keyring"), self)
        if not PasswordStore.keyring_available():
            self.remember.setEnabled(False)
            self.remember.setText(self.tr("No system keyring: kept in memory until you quit"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)


def ask_password(
    services: Services, settings: SmtpSettings, parent: QWidget | None, known: str | None
) -> str | None:
    """The account's password: ``known`` (read from the store off the GUI thread), or asked
    (and kept as the user chose, in the background); None: cancelled."""
    if known is not None:
        return known
    dialog = SmtpPasswordDialog(settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
        return None
    password, persist = dialog.password.text(), dialog.remember.isChecked()
    passwords = services.sending.passwords
    operations.write(
        None, lambda _p: passwords.remember(settings.account, password, persist=persist), busy=False
    )
    return password
