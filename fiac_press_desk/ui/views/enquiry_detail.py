"""The panel beside the enquiries list: one enquiry, its thread, and the buttons that move it
along the workflow (take on, answered, declined, close, reopen).

Writing a note and pressing "Answered" makes that note the response: the service refuses an
answer without one, and the panel says so before even asking. The enquiry is read, and each
step written, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enquiry import allowed_next
from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.domain.errors import NotFoundError, PressDeskError, ValidationError
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.services.enquiries import EnquiryRecord
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.formatting import deadline_phrase, format_duration, format_when
from fiac_press_desk.ui.labels import (
    URGENCY_FOREGROUND,
    channel_label,
    request_and_priority,
    status_label,
)
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.enquiry_table_model import urgency_icon
from fiac_press_desk.ui.qtmodels.enquiry_thread_model import EnquiryThreadModel


@dataclass(frozen=True)
class _Shown:
    record: EnquiryRecord | None
    assignees: list[str]


class EnquiryDetailPanel(QWidget):
    """One enquiry with its thread and the buttons of its next steps."""

    edit_requested = Signal(int)
    changed = Signal(int)  # an enquiry was written (status, note) or deleted

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = services.enquiries.clock
        self._record: EnquiryRecord | None = None
        self.setObjectName("EnquiryDetailPanel")

        self.empty_label = QLabel(self.empty_text(), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        body = QWidget(self)
        self.subject_label = QLabel(body)
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.subject_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.subject_label.setFont(font)
        self.status_label = QLabel(body)
        self.status_label.setObjectName("enquiryStatusChip")
        self.urgency_icon = QLabel(body)
        self.urgency_label = QLabel(body)
        self.urgency_label.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        status_row.addWidget(self.urgency_icon)
        status_row.addWidget(self.urgency_label, 1)

        self.info = QFormLayout()
        self.info.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("received", self.tr("Received")),
            ("journalist", self.tr("Journalist")),
            ("outlet", self.tr("Outlet")),
            ("request", self.tr("Request")),
            ("deadline", self.tr("Deadline")),
            ("assignee", self.tr("Assigned to")),
            ("release", self.tr("Related release")),
            ("answered", self.tr("Answered")),
            ("outcome", self.tr("Outcome")),
        ):
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.info.addRow(text, value)
        self.details_view = QPlainTextEdit(body)
        self.details_view.setReadOnly(True)
        self.details_view.setMinimumHeight(60)
        self.details_view.setFrameShape(QFrame.Shape.StyledPanel)

        self.thread_model = EnquiryThreadModel(self._clock, self)
        self.thread_view = QListView(self)
        self.thread_view.setModel(self.thread_model)
        self.thread_view.setWordWrap(True)
        self.thread_view.setUniformItemSizes(False)
        self.thread_view.setSpacing(2)
        self.thread_view.setAlternatingRowColors(True)
        self.thread_view.setMinimumHeight(90)
        self.thread_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        scroll_body = QVBoxLayout(body)
        scroll_body.setContentsMargins(0, 0, 0, 0)
        scroll_body.addWidget(self.subject_label)
        scroll_body.addLayout(status_row)
        scroll_body.addLayout(self.info)
        details_title = QLabel(self.tr("Details"), body)
        details_title.setFont(self._bold())
        scroll_body.addWidget(details_title)
        scroll_body.addWidget(self.details_view, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        # The composer: a note, who said it, and the workflow buttons.
        self.composer = QWidget(self)
        self.note_edit = QPlainTextEdit(self.composer)
        self.note_edit.setPlaceholderText(
            self.tr("Note: what was said, or the response given (needed to mark it answered)")
        )
        self.note_edit.setMaximumHeight(64)
        self.note_edit.setTabChangesFocus(True)
        self.author_combo = QComboBox(self.composer)
        self.author_combo.setEditable(True)
        self.author_combo.setMinimumContentsLength(12)
        self.author_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        author_line = self.author_combo.lineEdit()
        if author_line is not None:  # left empty, the note is signed by who works here
            from fiac_press_desk.workstation import user_name

            author_line.setPlaceholderText(self.tr("By %1").replace("%1", user_name()))
        self.outcome_edit = QLineEdit(self.composer)
        self.outcome_edit.setPlaceholderText(self.tr("Outcome (e.g. quoted in the article)"))
        self.add_note_button = QPushButton(icons.icon("edit"), self.tr("Add note"), self.composer)
        self.add_note_button.clicked.connect(self.add_note)
        self.status_buttons: dict[EnquiryStatus, QPushButton] = {}
        self.reopen_button = QPushButton(self.tr("Reopen"), self.composer)
        self.reopen_button.clicked.connect(lambda: self.move_to(EnquiryStatus.IN_PROGRESS))
        for status, text in (
            (EnquiryStatus.IN_PROGRESS, self.tr("Take on")),
            (EnquiryStatus.ANSWERED, self.tr("Mark answered")),
            (EnquiryStatus.DECLINED, self.tr("Decline")),
            (EnquiryStatus.CLOSED, self.tr("Close")),
        ):
            button = QPushButton(text, self.composer)
            button.clicked.connect(lambda _c=False, s=status: self.move_to(s))
            self.status_buttons[status] = button
        self.status_buttons[EnquiryStatus.ANSWERED].setToolTip(
            self.tr("Marks the enquiry answered; the note above is the response.")
        )
        self.edit_button = QPushButton(icons.icon("edit"), self.tr("Edit…"), self.composer)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(icons.icon("delete"), self.tr("Delete"), self.composer)
        self.delete_button.clicked.connect(self.delete)
        self.message_label = QLabel(self.composer)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #A4161A;")
        self.message_label.setVisible(False)

        who_row = QHBoxLayout()
        who_row.addWidget(self.author_combo, 1)
        who_row.addWidget(self.outcome_edit, 2)
        who_row.addWidget(self.add_note_button)
        flow_row = QHBoxLayout()
        for button in (*self.status_buttons.values(), self.reopen_button):
            flow_row.addWidget(button)
        flow_row.addStretch(1)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_button)
        edit_row.addWidget(self.delete_button)
        composer = QVBoxLayout(self.composer)
        composer.setContentsMargins(0, 4, 0, 0)
        composer.addWidget(self.note_edit)
        composer.addLayout(who_row)
        composer.addWidget(self.message_label)
        composer.addLayout(flow_row)
        composer.addLayout(edit_row)

        # Beside what was asked: the thread and what to do next.
        self.content = QWidget(self)
        thread_column = QVBoxLayout()
        thread_title = QLabel(self.tr("Thread"), self.content)
        thread_title.setFont(self._bold())
        thread_column.addWidget(thread_title)
        thread_column.addWidget(self.thread_view, 1)
        thread_column.addWidget(self.composer)
        columns = QHBoxLayout(self.content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(12)
        columns.addWidget(scroll, 1)
        columns.addLayout(thread_column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.content, 1)
        self._scroll = scroll
        self.show_enquiry(None)

    def _bold(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    # -- showing ------------------------------------------------------------------------------

    def enquiry_id(self) -> int | None:
        return self._record.id if self._record else None

    def empty_text(self) -> str:
        """The thread's place while no enquiry is chosen."""
        return self.tr("Select an enquiry to see its thread.")

    def show_enquiry(self, enquiry_id: int | None) -> None:
        """Show ``enquiry_id`` (None: nothing), read off the GUI thread."""
        if enquiry_id is None:
            operations.forget_key(self, "enquiry")
            self._show(_Shown(None, []))
            return
        enquiries = self._services.enquiries

        def work(_progress: Progress) -> _Shown:
            try:
                record = enquiries.get(enquiry_id)
            except NotFoundError:  # deleted meanwhile
                return _Shown(None, [])
            return _Shown(record, enquiries.assignees())

        operations.read(self, work, self._show, key="enquiry")

    def _show(self, shown: _Shown) -> None:
        record = shown.record
        if record is None or self._record is None or record.id != self._record.id:
            self.note_edit.clear()
            self.outcome_edit.clear()
            self.message_label.setVisible(False)
        self._record = record
        self.empty_label.setVisible(record is None)
        self.content.setVisible(record is not None)
        if record is None:
            self.thread_model.set_events([])
            return
        self._fill(record, shown.assignees)

    def _fill(self, record: EnquiryRecord, names: list[str]) -> None:
        now = self._clock.now()
        self.subject_label.setText(record.subject)
        self.status_label.setText(status_label(record.status))
        self.status_label.setStyleSheet(
            "QLabel#enquiryStatusChip { border: 1px solid palette(mid); border-radius: 8px;"
            " padding: 1px 8px; font-weight: bold; }"
        )
        urgency = self._clock.urgency(record.status, record.deadline, now)
        icon = urgency_icon(urgency)
        if icon.isNull():
            self.urgency_icon.clear()
        else:
            self.urgency_icon.setPixmap(icon.pixmap(16, 16))
        self.urgency_icon.setVisible(not icon.isNull())
        self.urgency_label.setText(
            deadline_phrase(record.status, record.deadline, now, self._clock)
        )
        color = URGENCY_FOREGROUND.get(urgency)
        self.urgency_label.setStyleSheet(
            f"color: {color.name()}; font-weight: bold;" if color is not None else ""
        )
        contact = record.contact_name or self.tr("(no contact)")
        phone = display_phone(record.contact_phone) if record.contact_phone else ""
        reach = (record.contact_email, phone)
        self.values["received"].setText(
            f"{format_when(record.received_at, self._clock, weekday=True)} · "
            f"{channel_label(record.channel)}"
        )
        self.values["journalist"].setText("\n".join(p for p in (contact, *reach) if p))
        self.values["outlet"].setText(record.outlet or "—")
        self.values["request"].setText(request_and_priority(record.request_type, record.priority))
        self.values["deadline"].setText(
            format_when(record.deadline, self._clock, weekday=True) if record.deadline else "—"
        )
        self.values["assignee"].setText(record.assignee or self.tr("Not assigned"))
        self.values["release"].setText(record.release_title or "—")
        if record.answered_at is not None and record.time_to_answer is not None:
            self.values["answered"].setText(
                self.tr("%1, after %2")
                .replace("%1", format_when(record.answered_at, self._clock, weekday=True))
                .replace("%2", format_duration(record.time_to_answer))
            )
        else:
            self.values["answered"].setText("—")
        self.values["outcome"].setText(record.outcome or "—")
        for key, shown in (
            ("release", bool(record.release_title)),
            ("answered", record.answered_at is not None),
            ("outcome", bool(record.outcome)),
        ):
            self.info.setRowVisible(self.values[key], shown)
        self.details_view.setPlainText(record.details or self.tr("(no details)"))
        self.thread_model.set_events(record.events)
        self.thread_view.scrollToBottom()
        current = self.author_combo.currentText()
        self.author_combo.clear()
        self.author_combo.addItems(["", *names])
        self.author_combo.setCurrentText(current)
        nexts = allowed_next(record.status)
        finished = not record.is_open
        for status, button in self.status_buttons.items():
            button.setVisible(
                status in nexts and not (finished and status is EnquiryStatus.IN_PROGRESS)
            )
        self.reopen_button.setVisible(finished and EnquiryStatus.IN_PROGRESS in nexts)
        self.outcome_edit.setEnabled(
            EnquiryStatus.ANSWERED in nexts or EnquiryStatus.DECLINED in nexts
        )

    # -- writing ------------------------------------------------------------------------------

    def add_note(self) -> None:
        if self._record is None:
            return
        text = self.note_edit.toPlainText().strip()
        if not text:
            self._say(self.tr("Write the note first."))
            self.note_edit.setFocus()
            return
        author, enquiries = self.author_combo.currentText(), self._services.enquiries
        self._write(lambda rid: enquiries.add_note(rid, text, author=author))

    def move_to(self, status: EnquiryStatus) -> None:
        if self._record is None:
            return
        note = self.note_edit.toPlainText().strip()
        if status is EnquiryStatus.ANSWERED and not note:
            self._say(self.tr("Write the response given in the note, then mark it answered."))
            self.note_edit.setFocus()
            return
        outcome = self.outcome_edit.text().strip() if self.outcome_edit.isEnabled() else ""
        author, enquiries = self.author_combo.currentText(), self._services.enquiries
        self._write(
            lambda rid: enquiries.change_status(
                rid, status, note=note, author=author, outcome=outcome or None
            )
        )

    def delete(self) -> None:
        if self._record is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete enquiry"),
            self.tr("Delete the enquiry “%1” and its thread? This cannot be undone.").replace(
                "%1", self._record.subject
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        rid, enquiries = self._record.id, self._services.enquiries

        def deleted(_result: None) -> None:
            self.show_enquiry(None)
            self.changed.emit(rid)

        operations.write(
            self,
            lambda _p: enquiries.delete(rid),
            deleted,
            changes=("enquiries",),
            on_error=self._refused,
        )

    def _write(self, fn: Callable[[int], object]) -> None:
        assert self._record is not None
        rid = self._record.id

        def written(_result: object) -> None:
            self.note_edit.clear()
            self.outcome_edit.clear()
            self.message_label.setVisible(False)
            self.show_enquiry(rid)
            self.changed.emit(rid)

        operations.write(
            self, lambda _p: fn(rid), written, changes=("enquiries",), on_error=self._refused
        )

    def _refused(self, error: PressDeskError) -> None:
        self._say(error.message if isinstance(error, ValidationError) else str(error))

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(True)

    def _edit(self) -> None:
        if self._record is not None:
            self.edit_requested.emit(self._record.id)
