"""The message of a release as one chosen recipient will get it, before sending, and
"Send me a test" to the press officer's own address.

Opened from the recipients dialog with the recipients who will receive it; the press officer
picks one (the one selected in the table comes first), reads the headers, the formatted
message and its plain text, and may send it to themself. The message is composed off the GUI
thread by ``services.message_preview`` with the composer the sending uses; the test records
nothing in the distribution ledger.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.distribution import PlannedRecipient
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.message_preview import MessagePreview, preview, send_test
from fiac_press_desk.ui import icons, labels, operations
from fiac_press_desk.ui.errors import short_message

MAX_CHOICES = 2000  # the combo of recipients stays quick to open


def preview_button(parent: QWidget) -> QPushButton:
    """The "Preview…" button the recipients dialog shows beside "Send by email…"."""
    button = QPushButton(
        icons.icon("search"),
        QCoreApplication.translate("MessagePreviewDialog", "Pre&view…"),
        parent,
    )
    button.setObjectName("previewButton")
    button.setToolTip(
        QCoreApplication.translate(
            "MessagePreviewDialog", "The message as one recipient will get it; send yourself a test"
        )
    )
    return button


class MessagePreviewDialog(QDialog):
    """Preview of a release's message for one recipient; ``shown`` is what is displayed."""

    def __init__(
        self,
        services: Services,
        release_id: int,
        recipients: Sequence[PlannedRecipient],
        first: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MessagePreviewDialog")
        self._services = services
        self._release_id = release_id
        chosen = [r for r in recipients if r.info is not None]
        if first is not None:  # the recipient selected in the table comes first
            chosen.sort(key=lambda r: r.contact_id != first)
        self.recipients = chosen[:MAX_CHOICES]
        self.shown: MessagePreview | None = None
        self.setWindowTitle(self.tr("Preview of the message"))
        self.resize(900, 680)
        self._build()
        if self.recipients:
            self._read()

    def _build(self) -> None:
        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setObjectName("previewRecipient")
        for r in self.recipients:
            text = f"{r.name} <{r.address}>" if r.name else r.address
            self.recipient_combo.addItem(text, r.contact_id)
        self.recipient_combo.currentIndexChanged.connect(lambda _i: self._read())
        self.from_label = self._header_label()
        self.to_label = self._header_label()
        self.subject_label = self._header_label()
        self.subject_label.setStyleSheet("font-weight: 600;")
        self.attachments_label = self._header_label()
        form = QFormLayout()
        form.addRow(self.tr("&As received by"), self.recipient_combo)
        form.addRow(self.tr("From"), self.from_label)
        form.addRow(self.tr("To"), self.to_label)
        form.addRow(self.tr("Subject"), self.subject_label)
        form.addRow(self.tr("Attachments"), self.attachments_label)

        self.tabs = QTabWidget(self)
        self.html_view = QTextBrowser(self)
        self.html_view.setOpenLinks(False)
        self.html_view.setAccessibleName(self.tr("Formatted message"))
        self.plain_view = QPlainTextEdit(self)
        self.plain_view.setReadOnly(True)
        self.plain_view.setAccessibleName(self.tr("Plain text of the message"))
        self.tabs.addTab(self.html_view, self.tr("Formatted"))
        self.tabs.addTab(self.plain_view, self.tr("Plain text"))

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.test_button = QPushButton(icons.icon("release"), self.tr("Send &me a test"), self)
        self.test_button.setObjectName("sendTestButton")
        self.test_button.setEnabled(False)
        self.test_button.clicked.connect(self.send_test)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if not self.recipients:
            self._say(self.tr("Nobody will receive this release: no message to preview."))
        self.setTabOrder(self.recipient_combo, self.tabs)
        self.setTabOrder(self.tabs, self.html_view)

    def _header_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    # -- reading --------------------------------------------------------------------------------

    def current(self) -> PlannedRecipient | None:
        """The recipient whose message is shown."""
        index = self.recipient_combo.currentIndex()
        return self.recipients[index] if 0 <= index < len(self.recipients) else None

    def _read(self) -> None:
        recipient = self.current()
        if recipient is None or recipient.info is None:
            return
        info, sending, release_id = recipient.info, self._services.sending, self._release_id
        operations.read(
            self,
            lambda _p: preview(sending, release_id, info),
            self._show,
            key="message-preview",
            on_error=self._error,
        )

    def _show(self, shown: MessagePreview) -> None:
        self.shown = shown
        self.from_label.setText(shown.sender)
        self.to_label.setText(shown.to)
        self.subject_label.setText(shown.subject)
        self.attachments_label.setText(", ".join(shown.attachments) or self.tr("None"))
        self.html_view.setHtml(shown.html)
        self.plain_view.setPlainText(shown.plain)
        self.test_button.setEnabled(bool(shown.sender_address))
        if shown.sender_address:
            self.test_button.setToolTip(
                self.tr("Send this message, as this recipient will get it, to %1").replace(
                    "%1", shown.sender_address
                )
            )
        else:
            self.test_button.setToolTip("")
            self._say(
                self.tr(
                    "The sending is not set up yet (server and sender address): the test "
                    "cannot go out."
                )
            )

    # -- the test -------------------------------------------------------------------------------

    def send_test(self) -> None:
        """Send the message shown to the press officer's own address, off the GUI thread."""
        recipient = self.current()
        if recipient is None or recipient.info is None:
            return
        info, sending, release_id = recipient.info, self._services.sending, self._release_id
        self.test_button.setEnabled(False)
        self._say(self.tr("Sending the test…"))
        operations.write(
            self,
            lambda _p: send_test(sending, release_id, info),
            self._tested,
            changes=(),
            on_error=self._test_failed,
        )

    def _tested(self, address: str) -> None:
        self.test_button.setEnabled(True)
        self._say(
            self.tr("Test sent to %1, as %2 will get it. Nothing is recorded as distributed.")
            .replace("%1", address)
            .replace("%2", self.recipient_combo.currentText())
        )

    def _test_failed(self, error: PressDeskError) -> None:
        self.test_button.setEnabled(True)
        self._error(error)

    def _error(self, error: PressDeskError) -> None:
        self.message.setStyleSheet(f"color: {labels.RED.name()};")
        self.message.setText(short_message(error))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
