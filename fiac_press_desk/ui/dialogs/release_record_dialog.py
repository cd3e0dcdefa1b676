"""Recording a distribution made without the desk: on which date, by which channel."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enums import DistributionChannel
from fiac_press_desk.ui import formatting, labels


class RecordDialog(QDialog):
    """When and how a release reached the chosen recipients without the desk sending it."""

    def __init__(self, candidates: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a distribution"))
        intro = QLabel(
            formatting.count_text(
                candidates,
                self.tr(
                    "The release went out without the desk (another mail program, the post, by "
                    "hand). Record it for %1 contact chosen:"
                ),
                self.tr(
                    "The release went out without the desk (another mail program, the post, by "
                    "hand). Record it for the %1 contacts chosen:"
                ),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))
        self.channel = QComboBox(self)
        for value, text in labels.distribution_channels().items():
            self.channel.addItem(text, str(value))
        note = QLabel(
            self.tr(
                "Opted-out and archived contacts, and those who already have this release, are "
                "not recorded. By post, only contacts with a postal address are."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {labels.GREY.name()};")
        form = QFormLayout()
        form.addRow(self.tr("Sent on"), self.when)
        form.addRow(self.tr("Channel"), self.channel)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[datetime, DistributionChannel]:
        moment = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
        return moment, DistributionChannel(str(self.channel.currentData()))
