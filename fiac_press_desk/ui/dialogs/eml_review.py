"""One list for several emails dropped or chosen at once, instead of one form each.

Each message is a row: include it or not, its sender and subject, the contact it goes to (a
known one, or a new journalist made from the From header), and the outlet, request type and
priority proposed (``domain.enquiry_hints``), which the press officer may change in place.
The files are read and matched off the GUI thread (``interchange.eml_review``); "Log" writes
the ticked ones in one transaction, and the dialog closes once they are written. Files that
are not emails, or were logged before, are listed below the table with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enums import Priority, RequestType
from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.interchange.eml_review import (
    EmlReview,
    ReviewItem,
    log_reviewed,
    review_eml_files,
)
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.labels import priority_label, request_type_label

INCLUDE, SENDER, SUBJECT, CONTACT, OUTLET, TYPE, PRIORITY = range(7)


class EmlReviewDialog(QDialog):
    """The review list of several emails; ``enquiry_ids`` holds what was logged."""

    def __init__(self, services: Services, review: EmlReview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EmlReviewDialog")
        self._services = services
        self.items: list[ReviewItem] = list(review.items)
        self.problems = list(review.problems)
        self.enquiry_ids: list[int] = []
        self.setWindowTitle(self.tr("Review the emails"))
        self.resize(1180, 560)
        self._build()
        self._fill()
        self._update_count()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "Each email below becomes a press enquiry. Untick those to leave aside, and "
                "change the proposed outlet, request type or priority where needed."
            )
        )
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("emlReviewTable")
        self.table.setAccessibleName(self.tr("Emails to log"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Log"),
                self.tr("From"),
                self.tr("Subject"),
                self.tr("Contact"),
                self.tr("Outlet"),
                self.tr("Request type"),
                self.tr("Priority"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: the row's widgets follow
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((INCLUDE, 70), (SENDER, 220), (CONTACT, 190), (OUTLET, 170)):
            header.resizeSection(column, width)
        for column in (TYPE, PRIORITY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)

        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("emlReviewProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #A4161A; font-weight: bold;")
        self.error_label.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.log_button = QPushButton(self)
        self.log_button.setDefault(True)
        self.buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            include = QTableWidgetItem()
            include.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            include.setCheckState(_check(item.include))
            include.setToolTip(item.source)
            self.table.setItem(row, INCLUDE, include)
            sender = (
                f"{item.sender_name} <{item.sender_address}>"
                if item.sender_name
                else item.sender_address
            )
            self._text(row, SENDER, sender, item.source)
            self._text(row, SUBJECT, item.subject, item.subject)
            contact = (
                self.tr("New: %1").replace("%1", item.contact_name)
                if item.new_contact is not None
                else item.contact_name
            )
            self._text(
                row,
                CONTACT,
                contact,
                self.tr("A new journalist will be created")
                if item.new_contact is not None
                else self.tr("Known contact"),
            )
            outlet = QLineEdit(item.enquiry.outlet, self.table)
            outlet.setPlaceholderText(self.tr("Newspaper, radio, agency…"))
            outlet.setAccessibleName(self.tr("Outlet of the email from %1").replace("%1", sender))
            outlet.setFrame(False)
            outlet.setCursorPosition(0)  # the name's start, not its end
            self.table.setCellWidget(row, OUTLET, outlet)
            kinds = QComboBox(self.table)
            for request in RequestType:
                kinds.addItem(request_type_label(request), request.value)
            kinds.setCurrentIndex(kinds.findData(item.enquiry.request_type.value))
            kinds.setAccessibleName(
                self.tr("Request type of the email from %1").replace("%1", sender)
            )
            self.table.setCellWidget(row, TYPE, kinds)
            levels = QComboBox(self.table)
            for level in Priority:
                levels.addItem(priority_label(level), level.value)
            levels.setCurrentIndex(levels.findData(item.enquiry.priority.value))
            levels.setAccessibleName(self.tr("Priority of the email from %1").replace("%1", sender))
            self.table.setCellWidget(row, PRIORITY, levels)
        self.table.blockSignals(False)
        if self.items:
            self.table.setCurrentCell(0, INCLUDE)
        self.problems_label.setVisible(bool(self.problems))
        if self.problems:
            lines = [
                plural(
                    len(self.problems),
                    self.tr("%1 file left out:"),
                    self.tr("%1 files left out:"),
                )
            ]
            lines += [f"• {name} — {message}" for name, message in self.problems]
            self.problems_label.setText("\n".join(lines))

    def _text(self, row: int, column: int, text: str, tip: str) -> None:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        cell.setToolTip(tip)
        self.table.setItem(row, column, cell)

    # -- reading what was chosen --------------------------------------------------------------

    def is_included(self, row: int) -> bool:
        """Whether the email of ``row`` is ticked."""
        cell = self.table.item(row, INCLUDE)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def set_included(self, row: int, included: bool) -> None:
        """Tick or untick the email of ``row`` (what a click or the space bar does)."""
        cell = self.table.item(row, INCLUDE)
        if cell is not None:
            cell.setCheckState(_check(included))

    def chosen(self) -> list[ReviewItem]:
        """The items as the press officer left them: ticked or not, outlet, type, priority."""
        out = []
        for row, item in enumerate(self.items):
            outlet = self.table.cellWidget(row, OUTLET)
            kinds = self.table.cellWidget(row, TYPE)
            levels = self.table.cellWidget(row, PRIORITY)
            assert isinstance(outlet, QLineEdit)
            assert isinstance(kinds, QComboBox) and isinstance(levels, QComboBox)
            enquiry = replace(
                item.enquiry,
                outlet=outlet.text().strip(),
                request_type=RequestType(kinds.currentData()),
                priority=Priority(levels.currentData()),
            )
            out.append(replace(item, enquiry=enquiry, include=self.is_included(row)))
        return out

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() == INCLUDE:
            self._update_count()

    def _update_count(self) -> None:
        count = sum(self.is_included(row) for row in range(len(self.items)))
        self.log_button.setText(
            plural(count, self.tr("&Log %1 enquiry"), self.tr("&Log %1 enquiries"))
        )
        self.log_button.setEnabled(count > 0)

    # -- writing ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Log the ticked emails in one write; the dialog closes once they are written."""
        chosen = self.chosen()
        rows = [row for row, item in enumerate(chosen) if item.include]
        items = [chosen[row] for row in rows]
        if not items:
            return
        services = self._services
        self.error_label.setVisible(False)
        self.buttons.setEnabled(False)
        operations.write(
            self,
            lambda _progress: log_reviewed(services, items),
            self._written,
            changes=("enquiries", "contacts", "organisations"),
            on_error=lambda error: self._refused(error, items, rows),
        )

    def _written(self, ids: list[int]) -> None:
        self.enquiry_ids = list(ids)
        super().accept()

    def _refused(
        self, error: PressDeskError, items: Sequence[ReviewItem], rows: Sequence[int]
    ) -> None:
        self.buttons.setEnabled(True)
        text = message_of(error)
        if isinstance(error, ValidationError) and error.field.startswith("enquiries["):
            number = int(error.field[len("enquiries[") :].split("]", 1)[0])
            if 0 <= number < len(items):
                text = (
                    self.tr("Email “%1”: %2")
                    .replace("%1", items[number].source)
                    .replace("%2", error.message)
                )
                self.table.setCurrentCell(rows[number], INCLUDE)
        self.error_label.setText(text)
        self.error_label.setVisible(True)


def _check(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


def open_review(
    services: Services,
    parent: QWidget | None,
    paths: list[Path],
    on_logged: Callable[[list[int]], None] | None = None,
) -> None:
    """Read ``paths`` off the GUI thread, then show the review list (or, when none of the
    files is an email to log, say why)."""

    def show(review: EmlReview) -> None:
        if not review.items:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("EmlReviewDialog", "Emails not logged"),
                "\n".join(f"{name} — {message}" for name, message in review.problems),
            )
            return
        dialog = EmlReviewDialog(services, review, parent)
        if dialog.exec() and on_logged is not None:
            on_logged(dialog.enquiry_ids)
        dialog.deleteLater()

    operations.read(
        parent, lambda progress: review_eml_files(services, paths, progress), show, busy=True
    )
