"""A release's recipients: the ledger (status, date, address, outlet), the way to choose more,
and what to do after an interrupted sending (resume, or settle the lines in doubt). Read and
written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enums import DistributionStatus
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.distribution import LedgerLine
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.sending import SendingState
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.recipient_ledger_model import LedgerColumn, RecipientLedgerModel


@dataclass(frozen=True)
class _Ledger:
    release_id: int
    lines: list[LedgerLine]
    state: SendingState
    has_criteria: bool  # the last distribution's lists and tags are kept ("new only")


class RecipientsPanel(QWidget):
    """The recipients tab of a release page."""

    loaded = Signal(int)  # number of ledger lines shown

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._release_id: int | None = None
        self._loading = False

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.choose_button = QPushButton(icons.icon("list"), self.tr("Choose recipients…"), self)
        self.choose_button.setToolTip(
            self.tr("Choose by lists, tags, organisation types, search or one by one")
        )
        self.choose_button.clicked.connect(lambda: self.open_recipients(only_new=False))
        self.new_only_button = QPushButton(icons.icon("add"), self.tr("New recipients only…"), self)
        self.new_only_button.setToolTip(
            self.tr(
                "The lists and tags of the last distribution again: only the contacts added "
                "since, the others already have it"
            )
        )
        self.new_only_button.clicked.connect(lambda: self.open_recipients(only_new=True))
        self.copy_button = QPushButton(icons.icon("mail-copy"), self.tr("Copy addresses"), self)
        self.copy_button.setToolTip(self.tr("Copy the addresses shown, for a Bcc field"))
        self.copy_button.clicked.connect(self.copy_addresses)
        self.export_button = QPushButton(icons.icon("export"), self.tr("Export to Excel…"), self)
        self.export_button.clicked.connect(self.export)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by name, outlet, address…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)

        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            "QFrame { background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px; }"
            "QLabel { border: none; }"
        )
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume sending"), self.banner)
        self.resume_button.clicked.connect(self.resume)
        self.discard_button = QPushButton(self.tr("Give up the waiting messages"), self.banner)
        self.discard_button.clicked.connect(self.discard_queue)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.resume_button)
        banner_layout.addWidget(self.discard_button)
        self.banner.hide()

        self.model = RecipientLedgerModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RecipientLedgerModel.SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.show_contact_history())
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for column, width in (
            (LedgerColumn.NAME, 165),
            (LedgerColumn.OUTLET, 160),
            (LedgerColumn.ADDRESS, 215),
            (LedgerColumn.CHANNEL, 115),
            (LedgerColumn.STATUS, 85),
            (LedgerColumn.DATE, 140),
        ):
            header.resizeSection(column, width)
        header.setSectionResizeMode(LedgerColumn.REASON, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(LedgerColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.empty_label = QLabel(
            self.tr(
                "Nobody has received this release yet. Choose its recipients to send it or to "
                "record a distribution made elsewhere."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {labels.GREY.name()}; padding: 24px;")

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.new_only_button)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.export_button)
        # The filter beside the summary, not after the four buttons: on one line they made
        # the window at least 1209 px wide in French (issue 19's screenshots at 1024x700).
        second = QHBoxLayout()
        second.addWidget(self.summary, 1)
        second.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        self.empty_label.hide()

    # -- loading ------------------------------------------------------------------------------

    def release_id(self) -> int | None:
        return self._release_id

    def show_release(self, release_id: int | None) -> None:
        self._release_id = release_id
        self.refresh()

    def is_loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        release_id = self._release_id
        if release_id is None:
            self.model.set_lines([])
            self._show_state(None, [])
            return
        services = self._services
        self._loading = True

        def work(_progress: Progress) -> _Ledger:
            return _Ledger(
                release_id,
                services.distributions.recipients_of(release_id),
                services.sending.state(release_id),
                services.distributions.saved_criteria(release_id) is not None,
            )

        operations.read(self, work, self._loaded, key="ledger", on_error=self._failed)

    def _loaded(self, ledger: _Ledger) -> None:
        if ledger.release_id != self._release_id:
            return  # another release was opened meanwhile
        self._loading = False
        self.model.set_lines(ledger.lines)
        self._show_state(ledger.state, ledger.lines, ledger.has_criteria)
        self.loaded.emit(len(ledger.lines))

    def _failed(self, error: PressDeskError) -> None:
        self._loading = False
        self.summary.setText(short_message(error))

    def _show_state(
        self, state: SendingState | None, lines: list[LedgerLine], has_criteria: bool = False
    ) -> None:
        has_lines = bool(lines)
        self.table.setVisible(has_lines)
        self.empty_label.setVisible(not has_lines)
        self.copy_button.setEnabled(has_lines)
        self.export_button.setEnabled(has_lines)
        self.new_only_button.setEnabled(self._release_id is not None and has_criteria)
        if state is None or not has_lines:
            self.summary.setText("")
            self.banner.hide()
            return
        received = state.sent + state.recorded
        parts = [
            formatting.count_text(
                received, self.tr("%1 recipient received it"), self.tr("%1 recipients received it")
            )
        ]
        if state.sent and state.recorded:
            parts.append(
                self.tr("%1 sent from the desk, %2 recorded")
                .replace("%1", str(state.sent))
                .replace("%2", str(state.recorded))
            )
        if state.failed:
            parts.append(
                formatting.count_text(
                    state.failed,
                    self.tr("%1 refused by the server", "one"),
                    self.tr("%1 refused by the server", "many"),
                )
            )
        self.summary.setText(" · ".join(parts))
        if state.pending or state.uncertain:
            text = []
            if state.pending:
                text.append(
                    formatting.count_text(
                        state.pending,
                        self.tr("%1 message is still waiting to be sent (interrupted sending)."),
                        self.tr("%1 messages are still waiting to be sent (interrupted sending)."),
                    )
                )
            if state.uncertain:
                text.append(
                    formatting.count_text(
                        state.uncertain,
                        self.tr(
                            "%1 sending was interrupted after it reached the server: check your "
                            "sent messages, then mark it received or queue it again (right-click)."
                        ),
                        self.tr(
                            "%1 sendings were interrupted after they reached the server: check "
                            "your sent messages, then mark them received or queue them again "
                            "(right-click)."
                        ),
                    )
                )
            self.banner_text.setText(" ".join(text))
            self.resume_button.setVisible(state.pending > 0)
            self.discard_button.setVisible(state.pending > 0)
            self.banner.show()
        else:
            self.banner.hide()

    # -- actions ------------------------------------------------------------------------------

    def open_recipients(self, only_new: bool) -> None:
        if self._release_id is None:
            return
        from fiac_press_desk.ui.dialogs.release_recipients_dialog import RecipientsDialog

        dialog = RecipientsDialog(self._services, self._release_id, only_new=only_new, parent=self)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()

    def resume(self) -> None:
        if self._release_id is None:
            return
        from fiac_press_desk.ui.dialogs.sending_dialog import start_sending

        start_sending(self._services, self._release_id, self, on_finished=self.refresh)

    def discard_queue(self) -> None:
        if self._release_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Give up the waiting messages"),
            self.tr(
                "The messages not sent yet will not be sent. The ones already sent stay in the "
                "ledger. Give them up?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        release_id, sending = self._release_id, self._services.sending
        self._write(lambda _p: sending.discard_queue(release_id))

    def visible_lines(self) -> list[LedgerLine]:
        out = []
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            line = self.model.line(source.row())
            if line is not None:
                out.append(line)
        return out

    def selected_lines(self) -> list[LedgerLine]:
        out = []
        for index in self.table.selectionModel().selectedRows():
            line = self.model.line(self.proxy.mapToSource(index).row())
            if line is not None:
                out.append(line)
        return out

    def copy_addresses(self) -> str:
        addresses = [
            line.address
            for line in self.visible_lines()
            if line.channel == "email" and line.address and line.status in ("sent", "recorded")
        ]
        text = "; ".join(dict.fromkeys(addresses))
        QGuiApplication.clipboard().setText(text)
        self.summary.setText(
            formatting.count_text(
                len(addresses),
                self.tr("%1 address copied, ready to paste in a Bcc field."),
                self.tr("%1 addresses copied, ready to paste in a Bcc field."),
            )
        )
        return text

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the recipients"), self.tr("recipients.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        lines = self.visible_lines()
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        sending = self._services.sending
        operations.read(
            self,
            lambda _p: sending.export_recipients_xlsx(lines, target),
            lambda n: self.summary.setText(
                formatting.count_text(
                    n,
                    self.tr("%1 recipient exported to %2"),
                    self.tr("%1 recipients exported to %2"),
                ).replace("%2", target.name)
            ),
            on_error=self._failed,
            busy=True,
        )

    def show_contact_history(self) -> None:
        lines = self.selected_lines()
        if not lines or lines[0].contact_id is None:  # None: an erased person's line
            return
        from fiac_press_desk.ui.dialogs.release_contact_history import ContactReleasesDialog

        dialog = ContactReleasesDialog(self._services, lines[0].contact_id, lines[0].name, self)
        dialog.open()

    def settle(self, status: DistributionStatus) -> None:
        """Mark the selected lines received (checked by hand) or queue them again."""
        ids = [
            line.distribution_id
            for line in self.selected_lines()
            if line.status in ("sending", "failed", "pending")
        ]
        if not ids:
            return
        note = self.tr("settled by hand") if status is DistributionStatus.SENT else ""
        distributions = self._services.distributions
        self._write(lambda _p: distributions.set_lines_status(ids, status, note))

    def delete_lines(self) -> None:
        lines = self.selected_lines()
        if not lines:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the ledger"),
            formatting.count_text(
                len(lines),
                self.tr("Remove %1 line from this release's ledger (recorded by mistake)?"),
                self.tr("Remove %1 lines from this release's ledger (recorded by mistake)?"),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = [line.distribution_id for line in lines]
        distributions = self._services.distributions
        self._write(lambda _p: distributions.delete_lines(ids))

    def _write(self, work: Callable[[Progress], object]) -> None:
        """Change the ledger in the background, then read it again."""
        operations.write(
            self, work, lambda _n: self.refresh(), changes=("releases",), on_error=self._failed
        )

    def _context_menu(self, pos: QPoint) -> None:
        lines = self.selected_lines()
        if not lines:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("What this contact received…"), self.show_contact_history)
        open_lines = [line for line in lines if line.status in ("sending", "failed", "pending")]
        if open_lines:
            menu.addSeparator()
            menu.addAction(
                self.tr("Mark as received (checked)"),
                lambda: self.settle(DistributionStatus.SENT),
            )
            if any(line.status in ("sending", "failed") for line in open_lines):
                menu.addAction(
                    self.tr("Queue for sending again"),
                    lambda: self.settle(DistributionStatus.PENDING),
                )
        menu.addSeparator()
        menu.addAction(icons.icon("delete"), self.tr("Remove from the ledger…"), self.delete_lines)
        menu.popup(self.table.viewport().mapToGlobal(pos))
