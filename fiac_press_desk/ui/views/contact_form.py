"""The contact editor: every field of ContactData, in sections that read top to bottom in a
narrow right-hand panel, with the services' validation messages shown under the field they
name (``emails[1]`` under the second email, ``birthday`` under the birthday).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.salutation import salutation_line
from fiac_press_desk.ui.labels import (
    CIVILITIES,
    contact_kinds,
    languages,
    lawful_bases,
    salutation_styles,
)
from fiac_press_desk.ui.views.chips import ChipsEdit
from fiac_press_desk.ui.views.contact_form_rows import (
    AddressesEditor,
    EmailsEditor,
    PhonesEditor,
    RowsEditor,
    UrlsEditor,
)
from fiac_press_desk.ui.views.contact_form_widgets import (
    INVALID_STYLE,
    BirthdayEdit,
    FieldBox,
    HintLabel,
    Notice,
    OrganisationCombo,
    PhotoEdit,
)

LABELS_ABOVE_BELOW = 450  # px of panel width under which labels go above their fields
_FIELD = re.compile(r"^(?P<name>[a-z_]+)(?:\[(?P<index>\d+)\])?")


def _combo(items: Mapping[Any, str]) -> QComboBox:
    """A combo of labelled stored values (StrEnum members or strings) in the table's order."""
    combo = QComboBox()
    for value, text in items.items():
        combo.addItem(text, str(value))
    return combo


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0:  # a value from an import we have no label for: show it as it is
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class ContactForm(QWidget):
    """Edits one ContactData. ``data()`` returns what is on screen; ``show_error`` places a
    ValidationError under its field and scrolls there."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._original = ContactData()
        self.fields: dict[str, FieldBox] = {}
        self.rows: dict[str, RowsEditor] = {}
        self._labels: list[QLabel] = []
        self._forms: list[QFormLayout] = []
        self._labels_above = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = Notice("error")
        self.banner.hide()
        banner_holder = QVBoxLayout()
        banner_holder.setContentsMargins(8, 6, 8, 2)
        banner_holder.addWidget(self.banner)
        outer.addLayout(banner_holder)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area)
        body = QWidget()
        body.setObjectName("contactFormBody")
        body.setStyleSheet(INVALID_STYLE)
        self.scroll_area.setWidget(body)
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(8, 8, 8, 8)
        self._body.setSpacing(10)

        self._build_identity()
        self._build_work()
        self._build_coordinates()
        self._build_groups()
        self._build_correspondence()
        self._build_gdpr()
        self._build_notes()
        self._body.addStretch(1)
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:  # one label column down the whole form
            label.setMinimumWidth(width)
        self._connect_changes()

    # -- building ---------------------------------------------------------------------------

    def _form(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(10, 8, 10, 10)
        form.setVerticalSpacing(6)
        self._body.addWidget(box)
        self._forms.append(form)
        return form

    def _field(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> FieldBox:
        box = FieldBox(editor)
        self.fields[name] = box
        label_widget = QLabel(label)
        label_widget.setBuddy(editor)
        self._labels.append(label_widget)
        form.addRow(label_widget, box)
        return box

    def _line(self, form: QFormLayout, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self._field(form, name, label, edit)
        return edit

    def _build_identity(self) -> None:
        form = self._form(self.tr("Identity"))
        self.photo = PhotoEdit()
        form.addRow(self.photo)
        self.kind = _combo(contact_kinds())
        self._field(form, "kind", self.tr("Type"), self.kind)
        self.civility = QComboBox()
        self.civility.setEditable(True)
        self.civility.addItems(list(CIVILITIES))
        self.civility.setMaximumWidth(110)
        self._field(form, "civility", self.tr("Civility"), self.civility)
        self.given_name = self._line(form, "given_name", self.tr("First name"))
        self.family_name = self._line(form, "family_name", self.tr("Last name"))
        self.display_name = self._line(form, "display_name", self.tr("Display name"))
        self.fields["display_name"].hint.show_message(
            self.tr("Leave empty to show first and last name.")
        )
        self.more_names_button = QPushButton(self.tr("Other parts of the name…"))
        self.more_names_button.setFlat(True)
        self.more_names_button.setCheckable(True)
        self.more_names_button.setStyleSheet("QPushButton { color: #1f5fa8; text-align: left; }")
        form.addRow(self.more_names_button)
        self.additional_names = self._line(form, "additional_names", self.tr("Middle names"))
        self.name_prefix = self._line(form, "name_prefix", self.tr("Name prefix"))
        self.name_suffix = self._line(form, "name_suffix", self.tr("Name suffix"))
        self._more_names = [
            (form.labelForField(self.fields[n]), self.fields[n])
            for n in ("additional_names", "name_prefix", "name_suffix")
        ]
        self.more_names_button.toggled.connect(self._show_more_names)
        self._show_more_names(False)

    def _show_more_names(self, shown: bool) -> None:
        for label, box in self._more_names:
            if label is not None:
                label.setVisible(shown)
            box.setVisible(shown)
        self.more_names_button.setVisible(not shown)

    def _build_work(self) -> None:
        form = self._form(self.tr("Position and organisation"))
        self.organisation = OrganisationCombo()
        self._field(form, "organization", self.tr("Organisation"), self.organisation)
        self.department = self._line(
            form, "department", self.tr("Department"), self.tr("Desk, section, team")
        )
        self.job_title = self._line(form, "job_title", self.tr("Job title"))
        self.role = self._line(
            form, "role", self.tr("Role"), self.tr("e.g. spokesperson, health desk head")
        )
        self.beats = ChipsEdit(self.tr("Add a beat…"), variant="beat")
        self._field(form, "beats", self.tr("Beats"), self.beats)

    def _build_coordinates(self) -> None:
        box = QGroupBox(self.tr("Contact details"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(4)
        self.emails = EmailsEditor()
        self.phones = PhonesEditor()
        self.addresses = AddressesEditor()
        self.urls = UrlsEditor()
        for key, title, editor in (
            ("emails", self.tr("Email addresses"), self.emails),
            ("phones", self.tr("Phone numbers"), self.phones),
            ("addresses", self.tr("Postal addresses"), self.addresses),
            ("urls", self.tr("Web links"), self.urls),
        ):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: 600; margin-top: 4px;")
            layout.addWidget(heading)
            layout.addWidget(editor)
            self.rows[key] = editor
        self._body.addWidget(box)

    def _build_groups(self) -> None:
        form = self._form(self.tr("Tags and lists"))
        self.tags = ChipsEdit(self.tr("Add a tag…"))
        self._field(form, "tags", self.tr("Tags"), self.tags)
        self.lists = ChipsEdit(self.tr("Add to a list…"), variant="list")
        self._field(form, "lists", self.tr("Distribution lists"), self.lists)

    def _build_correspondence(self) -> None:
        form = self._form(self.tr("Correspondence"))
        self.language = _combo(languages())
        self._field(form, "language", self.tr("Language"), self.language)
        self.salutation = _combo(salutation_styles())
        box = self._field(form, "salutation", self.tr("Salutation"), self.salutation)
        self.salutation_preview = box.hint
        self.birthday = BirthdayEdit()
        self._field(form, "birthday", self.tr("Birthday"), self.birthday)

    def _build_gdpr(self) -> None:
        form = self._form(self.tr("Personal data (GDPR)"))
        self.lawful_basis = _combo(lawful_bases())
        self._field(form, "lawful_basis", self.tr("Lawful basis"), self.lawful_basis)
        self.data_source = self._line(
            form,
            "data_source",
            self.tr("Data source"),
            self.tr("Where these data come from (business card, event…)"),
        )
        self.opted_out = QCheckBox(self.tr("Opted out: send this person nothing"))
        form.addRow(self.opted_out)
        opt_out_line = QWidget()
        line = QHBoxLayout(opt_out_line)
        line.setContentsMargins(0, 0, 0, 0)
        self.opted_out_date = QDateEdit()
        self.opted_out_date.setCalendarPopup(True)
        self.opted_out_date.setDisplayFormat("dd/MM/yyyy")
        self.opted_out_date.setDate(QDate.currentDate())
        line.addWidget(self.opted_out_date)
        line.addStretch(1)
        self._field(form, "opted_out_at", self.tr("Opt-out date"), opt_out_line)
        self.opted_out_reason = self._line(
            form,
            "opted_out_reason",
            self.tr("Reason"),
            self.tr("e.g. asked by email on 12 March"),
        )
        self.opted_out.toggled.connect(self._opt_out_toggled)
        self.archived = QCheckBox(self.tr("Archived: hidden from the contact list"))
        form.addRow(self.archived)
        self.technical = HintLabel()
        form.addRow(self.technical)

    def _build_notes(self) -> None:
        box = QGroupBox(self.tr("Notes"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 10)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Anything worth remembering about this person"))
        self.notes.setMinimumHeight(90)
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        notes_box = FieldBox(self.notes)
        self.fields["notes"] = notes_box
        layout.addWidget(notes_box)
        self._body.addWidget(box)

    def _connect_changes(self) -> None:
        for edit in (
            self.given_name,
            self.family_name,
            self.display_name,
            self.additional_names,
            self.name_prefix,
            self.name_suffix,
            self.department,
            self.job_title,
            self.role,
            self.birthday,
            self.data_source,
            self.opted_out_reason,
        ):
            edit.textChanged.connect(self._emit_changed)
        for combo in (self.kind, self.language, self.salutation, self.lawful_basis):
            combo.currentIndexChanged.connect(self._emit_changed)
        self.civility.currentTextChanged.connect(self._emit_changed)
        for widget in (
            self.organisation,
            self.beats,
            self.tags,
            self.lists,
            self.emails,
            self.phones,
            self.addresses,
            self.urls,
            self.photo,
        ):
            widget.changed.connect(self._emit_changed)
        self.opted_out.toggled.connect(self._emit_changed)
        self.archived.toggled.connect(self._emit_changed)
        self.opted_out_date.dateChanged.connect(self._emit_changed)
        self.notes.textChanged.connect(self._emit_changed)
        for edit in (self.given_name, self.family_name):
            edit.textChanged.connect(self._names_changed)
        self.civility.currentTextChanged.connect(self._update_salutation_preview)
        self.salutation.currentIndexChanged.connect(self._update_salutation_preview)
        self.language.currentIndexChanged.connect(self._update_salutation_preview)
        self.birthday.editingFinished.connect(self._check_birthday)
        self.birthday.textEdited.connect(
            lambda _t: self._check_birthday() if self.fields["birthday"].error.isVisible() else None
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_labels()

    def _place_labels(self) -> None:
        """Labels beside their fields when the panel is wide enough, above them when it is
        narrow, so that no field is squeezed to a few characters."""
        above = self.width() < LABELS_ABOVE_BELOW
        if above == self._labels_above:
            return
        self._labels_above = above
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if above
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        for form in self._forms:
            form.setRowWrapPolicy(policy)

    def _emit_changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _names_changed(self, _text: str) -> None:
        name = " ".join(p for p in (self.given_name.text(), self.family_name.text()) if p.strip())
        self.display_name.setPlaceholderText(name)
        self.photo.set_name(self.display_name.text() or name)
        self._update_salutation_preview()

    def _update_salutation_preview(self, *_args: object) -> None:
        line = salutation_line(
            SalutationStyle(self.salutation.currentData()),
            self.civility.currentText(),
            self.given_name.text(),
            self.family_name.text(),
            str(self.language.currentData() or "fr"),
        )
        self.salutation_preview.show_message(self.tr("Messages open with: %1").replace("%1", line))

    def _opt_out_toggled(self, checked: bool) -> None:
        self.opted_out_date.setEnabled(checked)
        self.opted_out_reason.setEnabled(checked)
        if checked and not self._loading and self._original.opted_out_at is None:
            self.opted_out_date.setDate(QDate.currentDate())

    def _check_birthday(self) -> None:
        self.fields["birthday"].show_error(self.birthday.problem())

    # -- values in and out ------------------------------------------------------------------

    def set_completions(
        self, organisations: list[str], tags: list[str], lists: list[str], beats: list[str]
    ) -> None:
        self.organisation.set_names(organisations)
        self.tags.set_completions(tags)
        self.lists.set_completions(lists)
        self.beats.set_completions(beats)

    def set_data(self, data: ContactData) -> None:
        self._loading = True
        try:
            self._original = replace(data)
            self.clear_errors()
            _select(self.kind, str(data.kind))
            self.civility.setCurrentText(data.civility)
            self.given_name.setText(data.given_name)
            self.family_name.setText(data.family_name)
            self.display_name.setText(data.display_name)
            self.additional_names.setText(data.additional_names)
            self.name_prefix.setText(data.name_prefix)
            self.name_suffix.setText(data.name_suffix)
            more = bool(data.additional_names or data.name_prefix or data.name_suffix)
            self.more_names_button.setChecked(more)
            self._show_more_names(more)
            self.organisation.set_text(data.organization)
            self.department.setText(data.department)
            self.job_title.setText(data.job_title)
            self.role.setText(data.role)
            self.beats.set_values(data.beats)
            self.emails.set_items(data.emails)
            self.phones.set_items(data.phones)
            self.addresses.set_items(data.addresses)
            self.urls.set_items(data.urls)
            if not data.emails:
                self.emails.add_row()
            if not data.phones:
                self.phones.add_row()
            self.tags.set_values(data.tags)
            self.lists.set_values(data.lists)
            _select(self.language, data.language or "fr")
            _select(self.salutation, str(data.salutation))
            self.birthday.set_value(data.birthday)
            _select(self.lawful_basis, str(data.lawful_basis))
            self.data_source.setText(data.data_source)
            self.opted_out.setChecked(data.opted_out)
            self.opted_out_date.setDate(
                _local_date(data.opted_out_at) if data.opted_out_at else QDate.currentDate()
            )
            self.opted_out_reason.setText(data.opted_out_reason)
            self._opt_out_toggled(data.opted_out)
            self.archived.setChecked(data.archived)
            self.notes.setPlainText(data.notes)
            self.photo.set_photo(data.photo, data.photo_mime)
            self._names_changed("")
            self._update_technical(data)
            for edit in self.findChildren(QLineEdit):
                edit.setCursorPosition(0)  # long values show their beginning
        finally:
            self._loading = False

    def data(self) -> ContactData:
        """What the form holds, as a ContactData ready for the services (not yet validated)."""
        photo, mime = self.photo.photo()
        opted_out = self.opted_out.isChecked()
        return replace(
            self._original,
            kind=ContactKind(self.kind.currentData()),
            civility=self.civility.currentText().strip(),
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            display_name=self.display_name.text(),
            additional_names=self.additional_names.text(),
            name_prefix=self.name_prefix.text(),
            name_suffix=self.name_suffix.text(),
            job_title=self.job_title.text(),
            role=self.role.text(),
            organization=self.organisation.text(),
            department=self.department.text(),
            emails=self.emails.items(),
            phones=self.phones.items(),
            addresses=self.addresses.items(),
            urls=self.urls.items(),
            beats=self.beats.values(),
            tags=self.tags.values(),
            lists=self.lists.values(),
            language=str(self.language.currentData() or "fr"),
            salutation=SalutationStyle(self.salutation.currentData()),
            birthday=self.birthday.value(),
            photo=photo,
            photo_mime=mime,
            lawful_basis=LawfulBasis(self.lawful_basis.currentData()),
            data_source=self.data_source.text(),
            opted_out=opted_out,
            opted_out_at=self._opted_out_at() if opted_out else None,
            opted_out_reason=self.opted_out_reason.text() if opted_out else "",
            archived=self.archived.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def _opted_out_at(self) -> datetime:
        chosen = self.opted_out_date.date()
        before = self._original.opted_out_at
        if before is not None and _local_date(before) == chosen:
            return before  # unchanged date: keep the exact moment recorded
        if chosen == QDate.currentDate():
            return datetime.now(UTC)
        moment = QDateTime(chosen, QTime(12, 0))
        return datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC)

    def _update_technical(self, data: ContactData) -> None:
        parts = []
        if data.extra_vcard:
            parts.append(
                self.tr("%n other vCard properties kept as imported.", "", len(data.extra_vcard))
            )
        if data.uid:
            parts.append(self.tr("Identifier: %1").replace("%1", data.uid))
        self.technical.show_message("\n".join(parts))

    # -- errors -----------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.banner.hide()
        for box in self.fields.values():
            box.show_error("")
        for editor in self.rows.values():
            editor.clear_errors()
        self.photo.show_error("")

    def check_now(self) -> bool:
        """The instant checks (email and phone shape, birthday); True when all pass."""
        ok = self.emails.check_all() & self.phones.check_all()
        self._check_birthday()
        ok = ok and not self.fields["birthday"].error.isVisible()
        if not ok:
            self._show_banner(self.tr("Please correct the fields marked in red."))
            target = next(
                (r for e in (self.emails, self.phones) for r in e.rows if r.error.isVisible()),
                self.fields["birthday"],
            )
            self._reveal(target)
        return ok

    def show_error(self, exc: ValidationError) -> QWidget | None:
        """Show the message of ``exc`` under the field it names; returns that widget."""
        match = _FIELD.match(exc.field)
        target: QWidget | None = None
        if match:
            name, index = match["name"], match["index"]
            if name in self.rows and index is not None:
                target = self.rows[name].show_error(int(index), exc.message)
            elif name == "photo":
                self.photo.show_error(exc.message)
                target = self.photo
            elif name in self.fields:
                self.fields[name].show_error(exc.message)
                target = self.fields[name]
        if target is None:
            self._show_banner(self.tr("The contact was not saved: %1").replace("%1", exc.message))
            return None
        self._show_banner(
            self.tr("The contact was not saved: please correct the field marked in red.")
        )
        self._reveal(target)
        return target

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def _reveal(self, widget: QWidget) -> None:
        def go() -> None:
            self.scroll_area.ensureWidgetVisible(widget, 40, 60)
            focus = getattr(widget, "focus_editor", None)
            if callable(focus):
                focus()
            elif isinstance(widget, FieldBox):
                widget.editor.setFocus()

        QTimer.singleShot(0, self.scroll_area, go)  # dropped if the form is gone by then


def _local_date(moment: datetime) -> QDate:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).date()
