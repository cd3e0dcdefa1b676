"""The retention review: contacts with no interaction for the retention period (CNIL's three
years by default, see the GDPR settings), the longest forgotten first, and what the officer
decides for them: keep (with a reason, dated), archive, or erase."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.gdpr_retention import RetentionRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.views.gdpr_words import INTERACTIONS, day, word

RETENTION_CHANGES = ("contacts", "gdpr")


class Columns(IntEnum):
    """The columns of the review table."""

    NAME = 0
    ORGANISATION = 1
    EMAIL = 2
    LAST = 3
    COLLECTED = 4
    DUE = 5
    DECISION = 6


@dataclass(frozen=True)
class _Read:
    rows: list[RetentionRow]
    years: int


class RetentionTab(QWidget):
    """The "Conservation" tab of the personal data dialog."""

    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        from fiac_press_desk.ui.dialogs.gdpr_tables import PeopleTable

        super().__init__(parent)
        self._services = services
        self.rows: list[RetentionRow] = []
        self.summary = QLabel()
        self.summary.setObjectName("gdprRetentionSummary")
        self.summary.setWordWrap(True)
        self.table = PeopleTable(
            Columns,
            [
                self.tr("Name"),
                self.tr("Organisation"),
                self.tr("Email"),
                self.tr("Last interaction"),
                self.tr("Collected on"),
                self.tr("Review due since"),
                self.tr("Status"),
            ],
        )
        self.table.setObjectName("gdprRetentionTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.keep_button = QPushButton(self.tr("Keep…"))
        self.keep_button.setObjectName("gdprKeep")
        self.keep_button.setToolTip(self.tr("Keep for another period; the reason is recorded"))
        self.keep_button.clicked.connect(self.ask_keep)
        self.archive_button = QPushButton(icons.icon("archive"), self.tr("Archive"))
        self.archive_button.setObjectName("gdprArchive")
        self.archive_button.clicked.connect(self.archive)
        self.erase_button = QPushButton(icons.icon("delete"), self.tr("Erase…"))
        self.erase_button.setObjectName("gdprEraseSelected")
        self.erase_button.clicked.connect(self.erase)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.archive_button, self.erase_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        data_events().changed.connect(self._data_changed)
        self.refresh()

    def refresh(self) -> None:
        gdpr = self._services.gdpr

        def work(_progress: Progress) -> _Read:
            return _Read(gdpr.retention.review(), gdpr.settings.get().retention_years)

        operations.read(self, work, self._show, key="retention")

    def _show(self, read: _Read) -> None:
        self.rows = read.rows
        period = formatting.count_text(read.years, self.tr("%1 year"), self.tr("%1 years"))
        if read.rows:
            text = formatting.count_text(
                len(read.rows),
                self.tr("%1 contact with no interaction for %2: keep, archive or erase it."),
                self.tr("%1 contacts with no interaction for %2: keep, archive or erase them."),
            )
        else:
            text = self.tr("No contact has gone %2 without an interaction: nothing to review.")
        self.summary.setText(text.replace("%2", period))
        rows = []
        for r in read.rows:
            if r.last_interaction_at is not None:
                last = day(r.last_interaction_at)
                if r.last_interaction_kind is not None:
                    last += f" ({word(INTERACTIONS, r.last_interaction_kind)})"
            else:
                last = self.tr("none")
            status = []
            if r.kept_at is not None:
                status.append(
                    self.tr("kept on %1: %2")
                    .replace("%1", day(r.kept_at))
                    .replace("%2", r.kept_reason)
                )
            if r.archived:
                status.append(self.tr("archived"))
            if r.opted_out:
                status.append(self.tr("opted out"))
            rows.append(
                (
                    r.contact_id,
                    [
                        r.name,
                        r.organisation,
                        r.email,
                        last,
                        day(r.collected_at),
                        day(r.due),
                        ", ".join(status),
                    ],
                    {int(Columns.DUE): labels.RED},
                )
            )
        self.table.fill(rows)
        self._update_buttons()
        self.loaded.emit()

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selected_ids())
        for button in (self.keep_button, self.archive_button, self.erase_button):
            button.setEnabled(chosen)

    def _data_changed(self, area: str) -> None:
        if area in RETENTION_CHANGES:
            self.refresh()

    # -- decisions ----------------------------------------------------------------------------

    def ask_keep(self) -> None:
        ids = self.table.selected_ids()
        if not ids:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Keep for another period"),
            self.tr("Why keep them? (recorded and dated, the DPO may ask)"),
            QLineEdit.EchoMode.Normal,
        )
        if ok:
            self.keep(ids, reason)

    def keep(self, ids: list[int], reason: str) -> None:
        retention = self._services.gdpr.retention
        operations.write(
            self,
            lambda _p: retention.keep(ids, reason),
            lambda n: self._say(
                formatting.count_text(n, self.tr("%1 contact kept."), self.tr("%1 contacts kept."))
            ),
            changes=RETENTION_CHANGES,
            on_error=self._refused,
        )

    def archive(self) -> None:
        ids = self.table.selected_ids()
        if not ids:
            return
        retention = self._services.gdpr.retention
        operations.write(
            self,
            lambda _p: retention.archive(ids),
            lambda n: self._say(
                formatting.count_text(
                    n, self.tr("%1 contact archived."), self.tr("%1 contacts archived.")
                )
            ),
            changes=RETENTION_CHANGES,
            on_error=self._refused,
        )

    def erase(self) -> None:
        from fiac_press_desk.ui.dialogs.gdpr_erasure_dialog import ErasureDialog

        ids = self.table.selected_ids()
        if ids:
            ErasureDialog(self._services, ids, self.window()).open()

    def _say(self, text: str) -> None:
        self.status.setStyleSheet(f"color: {labels.GREEN.name()};")
        self.status.setText(text)

    def _refused(self, error: PressDeskError) -> None:
        self.status.setStyleSheet(f"color: {labels.RED.name()};")
        self.status.setText(short_message(error))
