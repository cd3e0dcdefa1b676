""" "Noter l'information faite autrement": the officer told the people another way (post,
phone, in person, a message from another mail program); the date and how are recorded, and
notices still waiting for them by email are dropped (``services.gdpr.notices.record_given``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.domain.gdpr import NoticeChannel
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, operations
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.views.gdpr_words import CHANNELS, word

CHOICES = (
    NoticeChannel.POST,
    NoticeChannel.PHONE,
    NoticeChannel.IN_PERSON,
    NoticeChannel.EMAIL,
    NoticeChannel.OTHER,
)


class RecordGivenDialog(QDialog):
    """How and when the chosen people were informed; writes on OK, closes once written."""

    def __init__(
        self, services: Services, contact_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gdprRecordGiven")
        self._services = services
        self._ids = list(contact_ids)
        self.setWindowTitle(self.tr("Information given another way"))
        intro = QLabel(
            formatting.count_text(
                len(self._ids),
                self.tr("Record that %1 person was informed without the desk sending the notice."),
                self.tr("Record that %1 people were informed without the desk sending the notice."),
            )
        )
        intro.setWordWrap(True)
        self.how = QComboBox()
        for channel in CHOICES:
            text = word(CHANNELS, channel)
            if channel is NoticeChannel.EMAIL:
                text = self.tr("by email, from another mail program")
            self.how.addItem(text[:1].upper() + text[1:], channel.value)
        self.when = QDateEdit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        self.when.setMaximumDate(QDate.currentDate())
        self.when.setDisplayFormat("dd/MM/yyyy")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. letter of 3 March, program used…"))
        self.error = QLabel()
        self.error.setObjectName("gdprRecordError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("How"), self.how)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def accept(self) -> None:
        """Record in the background; close once written, or say why not under the form."""
        notices, ids = self._services.gdpr.notices, list(self._ids)
        how = NoticeChannel(self.how.currentData())
        picked = self.when.date()
        day = date(picked.year(), picked.month(), picked.day())
        now = datetime.now(UTC)
        # Today: now (a noon still to come would date it in the future); another day: noon.
        at = now if day >= now.date() else datetime.combine(day, time(12, 0), tzinfo=UTC)
        note = self.note.text()
        self.buttons.setEnabled(False)
        operations.write(
            self,
            lambda _p: notices.record_given(ids, how, at, note),
            lambda _n: QDialog.accept(self),
            changes=("gdpr", "contacts"),
            on_error=self._refused,
        )

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(short_message(error))
        self.error.show()
