"""Who is still to be informed (GDPR art. 14): everyone collected from elsewhere who has not
been told yet, the longest overdue first, and the two ways to settle it: send the notice by
email (``NoticeSendingDialog``) or record that it was given another way. Notices left queued
by a cancelled or interrupted sending are offered for resuming."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fiac_press_desk.services.gdpr_notices import NoticeCandidate, NoticePreview, NoticeState
from fiac_press_desk.services.hub import Services
from fiac_press_desk.storage.types import utcnow
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.dialogs.gdpr_tables import PeopleTable
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.views.gdpr_words import COLLECTED_VIA, day, word


class Columns(IntEnum):
    """The columns of the "to inform" table."""

    NAME = 0
    ORGANISATION = 1
    EMAIL = 2
    SOURCE = 3
    COLLECTED = 4
    DUE = 5
    STATE = 6


@dataclass(frozen=True)
class _Read:
    people: list[NoticeCandidate]
    state: NoticeState


class NoticesTab(QWidget):
    """The "À informer" tab of the personal data dialog."""

    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.people: list[NoticeCandidate] = []
        self.state: NoticeState | None = None
        self.preview_dialog: QWidget | None = None
        self.summary = QLabel()
        self.summary.setObjectName("gdprNoticesSummary")
        self.summary.setWordWrap(True)
        self.table = PeopleTable(
            Columns,
            [
                self.tr("Name"),
                self.tr("Organisation"),
                self.tr("Email"),
                self.tr("Source"),
                self.tr("Collected on"),
                self.tr("To inform before"),
                self.tr("State"),
            ],
        )
        self.table.setObjectName("gdprNoticesTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.send_button = QPushButton(
            icons.icon("mail-copy"), self.tr("Send the notice by email…")
        )
        self.send_button.setObjectName("gdprSendNotice")
        self.send_button.setToolTip(
            self.tr("To the selected people, or to everyone listed who has an address")
        )
        self.send_button.clicked.connect(self.send_notice)
        self.record_button = QPushButton(self.tr("Record information given otherwise…"))
        self.record_button.setObjectName("gdprRecordGiven")
        self.record_button.setToolTip(self.tr("Post, phone, in person… for the selected people"))
        self.record_button.clicked.connect(self.record_given)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("gdprPreviewNotice")
        self.preview_button.setToolTip(
            self.tr("The notice as the selected person will read it (nothing is sent)")
        )
        self.preview_button.clicked.connect(self.preview)
        self.resume_button = QPushButton(self.tr("Resume sending"))
        self.resume_button.setObjectName("gdprResumeNotices")
        self.resume_button.clicked.connect(self.resume)
        self.resume_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        data_events().changed.connect(self._data_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read who is to be informed and where the notices stand (off the GUI thread)."""
        notices = self._services.gdpr.notices

        def work(_progress: Progress) -> _Read:
            return _Read(notices.to_inform(), notices.state())

        operations.read(self, work, self._show, key="notices")

    def _show(self, read: _Read) -> None:
        now = utcnow()
        self.people, self.state = read.people, read.state
        late = sum(1 for p in self.people if p.overdue(now))
        reachable = sum(1 for p in self.people if p.by_email and not p.queued)
        text = formatting.count_text(
            len(self.people),
            self.tr("%1 person still to be informed"),
            self.tr("%1 people still to be informed"),
        )
        if late:
            text += " — " + formatting.count_text(
                late, self.tr("%1 past the month allowed"), self.tr("%1 past the month allowed")
            )
        text += ". " + formatting.count_text(
            reachable,
            self.tr("%1 can get the notice by email."),
            self.tr("%1 can get the notice by email."),
        )
        self.summary.setText(text)
        rows = []
        for p in self.people:
            if p.opted_out:
                state, colour = self.tr("Opted out: never emailed"), labels.RED
            elif not p.email:
                state, colour = self.tr("No email address"), labels.GREY
            elif p.queued:
                state, colour = self.tr("Queued for sending"), labels.GREY
            else:
                state, colour = "", labels.GREY
            colours: dict[int, QColor] = {int(Columns.STATE): colour}
            if p.overdue(now):
                colours[int(Columns.DUE)] = labels.RED
            rows.append(
                (
                    p.contact_id,
                    [
                        p.name,
                        p.organisation,
                        p.email,
                        word(COLLECTED_VIA, p.collected_via),
                        day(p.collected_at),
                        day(p.due),
                        state,
                    ],
                    colours,
                )
            )
        self.table.fill(rows)
        pending = read.state.pending
        self.resume_button.setVisible(pending > 0)
        self.resume_button.setText(
            formatting.count_text(
                pending,
                self.tr("Resume sending (%1 waiting)"),
                self.tr("Resume sending (%1 waiting)"),
            )
        )
        self._update_buttons()
        self.loaded.emit()

    def _update_buttons(self) -> None:
        self.send_button.setEnabled(any(p.by_email and not p.queued for p in self.people))
        self.record_button.setEnabled(bool(self.table.selected_ids()))
        self.preview_button.setEnabled(len(self.table.selected_ids()) == 1)

    def _data_changed(self, area: str) -> None:
        if area in ("gdpr", "contacts"):
            self.refresh()

    # -- actions ------------------------------------------------------------------------------

    def chosen_for_email(self) -> list[int]:
        """The selected people, or everyone listed when nobody is selected."""
        return self.table.selected_ids() or self.table.all_ids()

    def send_notice(self) -> None:
        from fiac_press_desk.ui.dialogs.gdpr_notice_sending import NoticeSendingDialog

        dialog = NoticeSendingDialog(self._services, self.chosen_for_email(), self)
        dialog.prepare()

    def resume(self) -> None:
        from fiac_press_desk.ui.dialogs.gdpr_notice_sending import NoticeSendingDialog

        dialog = NoticeSendingDialog(self._services, None, self)
        dialog.prepare(confirm=False)

    def record_given(self) -> None:
        from fiac_press_desk.ui.dialogs.gdpr_notice_record import RecordGivenDialog

        ids = self.table.selected_ids()
        if ids:
            RecordGivenDialog(self._services, ids, self).open()

    def preview(self) -> None:
        """Show the notice the selected person would receive (read off the GUI thread)."""
        ids = self.table.selected_ids()
        if len(ids) != 1:
            return
        notices, contact_id = self._services.gdpr.notices, ids[0]
        operations.read(self, lambda _p: notices.preview(contact_id), self._show_preview)

    def _show_preview(self, preview: NoticePreview) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

        dialog = QDialog(self)
        dialog.setObjectName("gdprNoticePreview")
        dialog.setWindowTitle(self.tr("Information notice — preview"))
        head = QLabel(
            self.tr("To: %1\nSubject: %2")
            .replace("%1", preview.address or self.tr("(no address)"))
            .replace("%2", preview.subject)
        )
        head.setWordWrap(True)
        text = QPlainTextEdit(preview.text)
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(head)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        dialog.resize(640, 560)
        self.preview_dialog = dialog
        dialog.open()
