"""Quick capture of a press enquiry (Ctrl+Shift+N), also used to edit one and to log an
email dropped on the window.

Times are typed and shown in the desk's time zone (``services.enquiries.clock``), whatever the
computer's own zone; the service stores UTC. The editors run in UTC internally so that a
wall-clock time never jumps on a daylight-saving night. What the pickers offer, the enquiry
being edited and the sender of an email are read off the GUI thread; the dialog closes once
the enquiry is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QSignalBlocker,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.enquiry_hints import EnquiryHints, from_subject
from fiac_press_desk.domain.enums import EnquiryChannel, Priority, RequestType
from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.interchange.eml import EmlError, ParsedEmail, read_eml
from fiac_press_desk.interchange.eml_import import NO_SUBJECT, enquiry_from_email, sender_hints
from fiac_press_desk.services.contact_queries import ContactRow
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.services.enquiries import EnquiryRecord, ReleaseChoice
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import drafts, formatting, operations
from fiac_press_desk.ui.dialogs.enquiry_contact_picker import JournalistPicker
from fiac_press_desk.ui.errors import stale_edit_text
from fiac_press_desk.ui.field_errors import FieldErrors
from fiac_press_desk.ui.labels import (
    channel_label,
    priority_label,
    request_type_label,
)
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.screen_fit import keep_on_screen

DEFAULT_DEADLINE_HOURS = 4


@dataclass(frozen=True)
class _Choices:
    """What the pickers offer, and the enquiry being edited, read in one go."""

    outlets: list[str]
    assignees: list[str]
    releases: list[ReleaseChoice]
    record: EnquiryRecord | None
    version: int | None = None  # the edited enquiry's, read before it


@dataclass(frozen=True)
class _Email:
    """An email to log, read and matched off the GUI thread."""

    email: ParsedEmail
    source: str
    sender_id: int | None
    sender: ContactRow | None
    # The outlet of the sender's domain, the type and priority of the subject's words.
    hints: EnquiryHints = field(default_factory=EnquiryHints)


class EnquiryCaptureDialog(QDialog):
    """``enquiry_id`` edits an existing enquiry; ``email`` prefills a new one from a message."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        enquiry_id: int | None = None,
        email: ParsedEmail | None = None,
        source: str = "",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = services.enquiries.clock
        self._editing = enquiry_id
        # The version of the enquiry being edited when it was read: a save over a
        # colleague's newer one is refused, saying who and what (issue 14).
        self._version: int | None = None
        self._message_id = ""
        self.enquiry_id: int | None = enquiry_id
        self.created_contact = False
        self._outlet_auto = True
        self._request_auto = enquiry_id is None  # type and priority follow the subject's words
        self.setObjectName("EnquiryCaptureDialog")
        self.setWindowTitle(
            self.tr("Edit enquiry no. %1").replace("%1", str(enquiry_id))
            if enquiry_id
            else self.tr("New press enquiry")
        )
        self._build()
        # 1040 px wide where the screen allows (showEvent keeps it on a smaller one): a fixed
        # minimum of 1040 put its right edge off a 1024 px screen.
        self.resize(1040, self.sizeHint().height())
        self._loaded = False
        self._read_choices(enquiry_id)
        if enquiry_id is None:
            self._defaults()
            if email is not None:
                self.prefill_from_email(email, source)

    def _read_choices(self, enquiry_id: int | None) -> None:
        services = self._services

        def work(_progress: Progress) -> _Choices:
            # The version before the record: a save between the two reads then gives a
            # refusal to look at, never a silent overwrite.
            version = services.enquiries.get_version(enquiry_id) if enquiry_id is not None else None
            return _Choices(
                services.organisations.names(),
                services.enquiries.assignees(),
                services.enquiries.release_choices(),
                services.enquiries.get(enquiry_id) if enquiry_id is not None else None,
                version,
            )

        operations.read(self, work, self._show_choices)

    def _show_choices(self, choices: _Choices) -> None:
        outlets = QCompleter(choices.outlets, self.outlet_edit)
        outlets.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        outlets.setFilterMode(Qt.MatchFlag.MatchContains)
        self.outlet_edit.setCompleter(outlets)
        typed = self.assignee_combo.currentText()
        self.assignee_combo.clear()
        self.assignee_combo.addItems(["", *choices.assignees])
        self.assignee_combo.setCurrentText(typed)
        release = self.release_combo.currentData()
        self.release_combo.clear()
        self.release_combo.addItem(self.tr("None"), None)
        for choice in choices.releases:
            when = formatting.format_day(choice.release_date)
            self.release_combo.addItem(
                f"{choice.title} ({when})" if when else choice.title, choice.id
            )
        self._select(self.release_combo, release)
        if choices.record is not None:
            self._version = choices.version
            self._load(choices.record)
        self._loaded = True

    def is_loaded(self) -> bool:
        """The pickers' choices (and the enquiry being edited) are shown."""
        return self._loaded

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setVisible(False)

        who = QGroupBox(self.tr("Who and when"), self)
        who.setMinimumWidth(380)
        self.received_edit = self._datetime_edit()
        self.now_button = QPushButton(self.tr("Now"), who)
        self.now_button.clicked.connect(lambda: self._set_edit(self.received_edit, self._now()))
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_edit, 1)
        received_row.addWidget(self.now_button)
        self.channel_combo = QComboBox(who)
        for value in EnquiryChannel:
            self.channel_combo.addItem(channel_label(value), value.value)
        self.picker = JournalistPicker(self._services, who)
        self.picker.outlet_suggested.connect(self._outlet_from_contact)
        self.outlet_edit = QLineEdit(who)
        self.outlet_edit.setPlaceholderText(self.tr("Newspaper, radio, agency…"))
        self.outlet_edit.textEdited.connect(self._outlet_typed)
        who_form = QFormLayout(who)
        who_form.addRow(self.tr("Received"), received_row)
        who_form.addRow(self.tr("Channel"), self.channel_combo)
        who_form.addRow(self.tr("Journalist"), self.picker)
        who_form.addRow(self.tr("Outlet"), self.outlet_edit)

        what = QGroupBox(self.tr("Request"), self)
        self.subject_edit = QLineEdit(what)
        self.subject_edit.setPlaceholderText(self.tr("What is asked, in a few words"))
        self.subject_edit.textEdited.connect(self._subject_typed)
        self.type_combo = QComboBox(what)
        for request in RequestType:
            self.type_combo.addItem(request_type_label(request), request.value)
        self.type_combo.activated.connect(self._request_chosen)
        self.details_edit = QPlainTextEdit(what)
        self.details_edit.setPlaceholderText(self.tr("Questions, angle, format, who to call back…"))
        self.details_edit.setTabChangesFocus(True)
        self.deadline_check = QCheckBox(self.tr("Deadline"), what)
        self.deadline_check.setChecked(True)
        self.deadline_edit = self._datetime_edit()
        self.deadline_edit.setMinimumWidth(150)
        self.deadline_check.toggled.connect(self.deadline_edit.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_edit, 1)
        for text, tip, fn in (
            (self.tr("+2 h"), self.tr("Two hours from now"), self._in_two_hours),
            (self.tr("18:00"), self.tr("Today at 18:00"), self._this_evening),
            (self.tr("Tomorrow 12:00"), self.tr("Tomorrow at noon"), self._tomorrow_noon),
        ):
            button = QPushButton(text, what)
            button.setToolTip(tip)
            button.clicked.connect(fn)
            deadline_row.addWidget(button)
        self.priority_combo = QComboBox(what)
        for priority in Priority:
            self.priority_combo.addItem(priority_label(priority), priority.value)
        self.priority_combo.activated.connect(self._request_chosen)
        self.assignee_combo = QComboBox(what)
        self.assignee_combo.setEditable(True)
        self.assignee_combo.addItem("")
        line = self.assignee_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Spokesperson or expert"))
        self.release_combo = QComboBox(what)
        self.release_combo.addItem(self.tr("None"), None)
        self.release_combo.setMinimumContentsLength(30)
        self.release_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        what_form = QFormLayout(what)
        what_form.addRow(self.tr("Subject"), self.subject_edit)
        what_form.addRow(self.tr("Request type"), self.type_combo)
        what_form.addRow(self.tr("Details"), self.details_edit)
        what_form.addRow(self.deadline_check, deadline_row)
        what_form.addRow(self.tr("Priority"), self.priority_combo)
        what_form.addRow(self.tr("Assigned to"), self.assignee_combo)
        what_form.addRow(self.tr("Related release"), self.release_combo)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #A4161A; font-weight: bold;")
        self.error_label.setVisible(False)
        self.field_errors = FieldErrors([who_form, what_form], self.error_label, self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(who, 1)
        columns.addWidget(what, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if self._editing is not None:
            self.picker.new_button.setVisible(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)
        drafts.form_shown(self)

    def _datetime_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setTimeZone(QTimeZone.utc())  # wall-clock of the desk's zone, no DST jumps
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        return edit

    # -- values -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self._clock.now()

    def _set_edit(self, edit: QDateTimeEdit, value: datetime) -> None:
        local = self._clock.local(value)
        edit.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone.utc(),
            )
        )

    def _read_edit(self, edit: QDateTimeEdit) -> datetime:
        """The wall-clock time typed, in the desk's time zone (aware)."""
        qdate, qtime = edit.date(), edit.time()
        naive = datetime(qdate.year(), qdate.month(), qdate.day(), qtime.hour(), qtime.minute())
        return naive.replace(tzinfo=self._clock.timezone)

    def _defaults(self) -> None:
        now = self._now()
        self._set_edit(self.received_edit, now)
        self._set_edit(self.deadline_edit, _quarter(now + timedelta(hours=DEFAULT_DEADLINE_HOURS)))
        self._select(self.priority_combo, Priority.NORMAL.value)
        self._select(self.type_combo, RequestType.INFORMATION.value)

    def _in_two_hours(self) -> None:
        self.deadline_check.setChecked(True)
        self._set_edit(self.deadline_edit, _quarter(self._now() + timedelta(hours=2)))

    def _this_evening(self) -> None:
        self.deadline_check.setChecked(True)
        today = self._clock.today()
        self._set_edit(self.deadline_edit, self._clock.to_utc(today, time(18, 0)))

    def _tomorrow_noon(self) -> None:
        self.deadline_check.setChecked(True)
        tomorrow = self._clock.today() + timedelta(days=1)
        self._set_edit(self.deadline_edit, self._clock.to_utc(tomorrow, time(12, 0)))

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _outlet_from_contact(self, outlet: str) -> None:
        if self._outlet_auto or not self.outlet_edit.text().strip():
            self.outlet_edit.setText(outlet)
            self._outlet_auto = True

    def _outlet_typed(self, _text: str) -> None:
        self._outlet_auto = False

    def _subject_typed(self, text: str) -> None:
        """Words such as "urgent", "interview", "tournage" propose the type and the priority,
        until the press officer chooses them."""
        if self._request_auto:
            self._propose_request(from_subject(text))

    def _propose_request(self, hints: EnquiryHints) -> None:
        request = hints.request_type or RequestType.INFORMATION
        self._select(self.type_combo, request.value)
        self._select(self.priority_combo, (hints.priority or Priority.NORMAL).value)

    def _request_chosen(self, _index: int) -> None:
        self._request_auto = False

    def _load(self, record: EnquiryRecord) -> None:
        self._set_edit(self.received_edit, record.received_at)
        self._select(self.channel_combo, record.channel.value)
        self.picker.set_contact(record.contact_id)
        with QSignalBlocker(self.outlet_edit):
            self.outlet_edit.setText(record.outlet)
        self._outlet_auto = False
        self.subject_edit.setText(record.subject)
        self._select(self.type_combo, record.request_type.value)
        self.details_edit.setPlainText(record.details)
        self.deadline_check.setChecked(record.deadline is not None)
        self._set_edit(self.deadline_edit, record.deadline or record.received_at)
        self.deadline_edit.setEnabled(record.deadline is not None)
        self._select(self.priority_combo, record.priority.value)
        self.assignee_combo.setCurrentText(record.assignee)
        self._select(self.release_combo, record.release_id)
        self._message_id = record.source_message_id

    def prefill_from_email(
        self, email: ParsedEmail, source: str = "", matched: _Email | None = None
    ) -> None:
        """Fill the form from a message: sender, date, subject and body; an unknown sender is
        offered as a new journalist (``matched``: the sender already looked up)."""
        data = enquiry_from_email(email, None)
        self._set_edit(self.received_edit, email.received_at or self._now())
        self._select(self.channel_combo, EnquiryChannel.EMAIL.value)
        self.subject_edit.setText("" if data.subject == NO_SUBJECT else data.subject)
        self.details_edit.setPlainText(data.details)
        if self._request_auto:
            self._propose_request(from_subject(email.subject))
        self._message_id = email.message_id
        received = email.received_at or self._now()
        self._set_edit(
            self.deadline_edit,
            _quarter(max(received, self._now()) + timedelta(hours=DEFAULT_DEADLINE_HOURS)),
        )
        if matched is not None:
            self._show_sender(matched)
        else:
            services = self._services
            operations.read(
                self, lambda _p: _match_sender(services, email, source), self._show_sender
            )
        sender = (
            f"{email.sender_name} <{email.sender_address}>"
            if email.sender_name
            else email.sender_address
        )
        text = self.tr("From the email of %1").replace("%1", sender)
        if source:
            text += f" ({source})"
        self.source_label.setText(text)
        self.source_label.setVisible(True)

    def _show_sender(self, matched: _Email) -> None:
        if matched.sender_id is not None:
            self.picker.set_contact(matched.sender_id, matched.sender)
            if matched.sender is not None and matched.sender.organisation:
                self._outlet_from_contact(matched.sender.organisation)
        else:
            self.picker.offer_new(matched.email.sender_name, matched.email.sender_address)
        if matched.hints.outlet and not self.outlet_edit.text().strip():
            self._outlet_from_contact(matched.hints.outlet)  # the organisation of the domain

    def collect(self) -> tuple[EnquiryInput, ContactData | None]:
        outlet = self.outlet_edit.text().strip()
        data = EnquiryInput(
            subject=self.subject_edit.text(),
            received_at=self._read_edit(self.received_edit),
            channel=EnquiryChannel(self.channel_combo.currentData()),
            contact_id=self.picker.contact_id(),
            outlet=outlet,
            request_type=RequestType(self.type_combo.currentData()),
            details=self.details_edit.toPlainText(),
            deadline=self._read_edit(self.deadline_edit)
            if self.deadline_check.isChecked()
            else None,
            priority=Priority(self.priority_combo.currentData()),
            assignee=self.assignee_combo.currentText(),
            release_id=self.release_combo.currentData(),
            source_message_id=self._message_id,
        )
        return data, self.picker.new_contact(outlet)

    # -- saving -------------------------------------------------------------------------------

    def accept(self) -> None:
        if self.picker.has_unresolved_text():
            self._show_error(
                self.tr(
                    "“%1” is not a contact: pick one in the list, create a new journalist, "
                    "or clear the field."
                ).replace("%1", self.picker.search_edit.text().strip()),
                self.picker.search_edit,
            )
            return
        data, new_contact = self.collect()
        editing, enquiries, version = self._editing, self._services.enquiries, self._version

        def work(_progress: Progress) -> int:
            if editing is not None:
                enquiries.update(editing, data, version=version)
                return editing
            return enquiries.create(data, new_contact=new_contact)

        self.buttons.setEnabled(False)
        operations.write(
            self,
            work,
            lambda enquiry_id: self._written(enquiry_id, new_contact is not None),
            changes=("enquiries", "contacts") if new_contact is not None else ("enquiries",),
            on_error=self._refused,
        )

    def _written(self, enquiry_id: int, created_contact: bool) -> None:
        self.enquiry_id = enquiry_id
        self.created_contact = created_contact
        super().accept()

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_error(error.message, self._widget_for(error.field))
        elif isinstance(error, StaleEditError):  # a colleague saved meanwhile (issue 14)
            self._show_error(stale_edit_text(error), None)
            self._version = error.current_version  # saving again overwrites, knowingly
        else:
            self._show_error(str(error), None)

    def _show_error(self, message: str, widget: QWidget | None) -> None:
        self.field_errors.show(message, widget)

    def _widget_for(self, field: str) -> QWidget | None:
        name = field.split("[")[0].split(".")[0]
        return {
            "subject": self.subject_edit,
            "deadline": self.deadline_edit,
            "received_at": self.received_edit,
            "outlet": self.outlet_edit,
            "organization": self.outlet_edit,
            "assignee": self.assignee_combo,
            "details": self.details_edit,
            "emails": self.picker.email_edit,
            "phones": self.picker.phone_edit,
            "given_name": self.picker.given_edit,
            "family_name": self.picker.family_edit,
        }.get(name)


def _problem(name: str, message: str) -> str:
    return (
        QCoreApplication.translate("EnquiryCaptureDialog", "%1: %2")
        .replace("%1", name)
        .replace("%2", message)
    )


def _quarter(when: datetime) -> datetime:
    """Rounded up to the next quarter hour: deadlines are given that way."""
    base = when.replace(minute=when.minute - when.minute % 15, second=0, microsecond=0)
    return base if base == when else base + timedelta(minutes=15)


def _match_sender(services: Services, email: ParsedEmail, source: str) -> _Email:
    """The contact who sent ``email`` (by address), with their row (worker thread)."""
    contact_id = services.enquiries.find_contact_by_email(email.sender_address)
    rows = services.contact_queries.rows_by_id([contact_id]) if contact_id is not None else []
    hints = sender_hints(services, email, contact_id)
    return _Email(email, source, contact_id, rows[0] if rows else None, hints)


def _read_emails(services: Services, paths: list[Path]) -> tuple[list[_Email], list[str]]:
    """Read and match the emails (worker thread): those to log, and what is wrong with the
    others (not an email, already logged)."""
    emails: list[_Email] = []
    problems: list[str] = []
    for number, path in enumerate(paths, start=1):
        try:
            email = read_eml(path)
        except EmlError as exc:
            problems.append(_problem(path.name, str(exc)))
            continue
        known = services.enquiries.find_by_message_id(email.message_id)
        if known is not None:
            problems.append(
                _problem(
                    path.name,
                    QCoreApplication.translate(
                        "EnquiryCaptureDialog", "already logged as enquiry no. %1"
                    ).replace("%1", str(known)),
                )
            )
            continue
        source = path.name
        if len(paths) > 1:
            source = f"{source}, {number}/{len(paths)}"
        emails.append(_match_sender(services, email, source))
    return emails, problems


def open_capture(
    services: Services, parent: QWidget | None, eml_paths: list[Path] | None = None
) -> None:
    """Quick capture; with one of ``eml_paths``, the form prefilled; with several, the
    review list of ``ui.dialogs.eml_review``.

    A message already logged is not offered again; a file that is not an email is reported.
    The files are read and matched off the GUI thread, then the forms follow one another."""
    if not eml_paths:
        EnquiryCaptureDialog(services, parent).exec()
        return
    paths = [Path(p) for p in eml_paths]
    if len(paths) > 1:  # several at once: one review list, not one form each
        from fiac_press_desk.ui.dialogs.eml_review import open_review

        open_review(services, parent, paths)
        return

    def show(found: tuple[list[_Email], list[str]]) -> None:
        emails, problems = found
        for matched in emails:
            dialog = EnquiryCaptureDialog(services, parent)
            dialog.prefill_from_email(matched.email, matched.source, matched)
            dialog.exec()
        if problems:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("EnquiryCaptureDialog", "Emails not logged"),
                "\n".join(problems),
            )

    operations.read(parent, lambda _p: _read_emails(services, paths), show)
