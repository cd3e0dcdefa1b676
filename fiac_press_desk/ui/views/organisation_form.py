"""The organisation editor (name, type, website, email, phone, city, country, notes), shared
by the Organisations view and the "New organisation" dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.enums import OrganisationType
from fiac_press_desk.domain.errors import ConflictError, ValidationError
from fiac_press_desk.domain.messages import render
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.ui.labels import organisation_types
from fiac_press_desk.ui.views.contact_form_widgets import (
    INVALID_STYLE,
    FieldBox,
    email_shape_problem,
    phone_shape_problem,
)


class OrganisationForm(QWidget):
    """The fields of one organisation, checked as they are typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self._loading = False
        self._original = OrganisationData(name="")
        self.fields: dict[str, FieldBox] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Le Quotidien de la Santé"))
        self._add(form, "name", self.tr("Name"), self.name)
        self.kind = QComboBox()
        for kind, text in organisation_types().items():
            self.kind.addItem(text, str(kind))
        self.kind.setMaxVisibleItems(len(OrganisationType))
        self._add(form, "kind", self.tr("Type"), self.kind)
        self.website = QLineEdit()
        self.website.setPlaceholderText("https://…")
        self._add(form, "website", self.tr("Website"), self.website)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("newsroom@example.fr"))
        self._add(form, "email", self.tr("Email"), self.email)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("01 23 45 67 89"))
        self._add(form, "phone", self.tr("Phone"), self.phone)
        self.city = QLineEdit()
        self._add(form, "city", self.tr("City"), self.city)
        self.country = QLineEdit()
        self._add(form, "country", self.tr("Country"), self.country)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Editorial line, who to call for what…"))
        self.notes.setMinimumHeight(80)
        self._add(form, "notes", self.tr("Notes"), self.notes)
        for edit in (self.name, self.website, self.email, self.phone, self.city, self.country):
            edit.textChanged.connect(self._emit_changed)
        self.kind.currentIndexChanged.connect(self._emit_changed)
        self.notes.textChanged.connect(self._emit_changed)
        self.email.editingFinished.connect(
            lambda: self.fields["email"].show_error(email_shape_problem(self.email.text()))
        )
        self.phone.editingFinished.connect(
            lambda: self.fields["phone"].show_error(phone_shape_problem(self.phone.text()))
        )

    def _add(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> None:
        box = FieldBox(editor)
        self.fields[name] = box
        text = QLabel(label)
        text.setBuddy(editor)
        form.addRow(text, box)

    def _emit_changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_data(self, data: OrganisationData) -> None:
        self._loading = True
        try:
            self._original = data
            self.clear_errors()
            self.name.setText(data.name)
            index = self.kind.findData(str(data.kind))
            self.kind.setCurrentIndex(max(index, 0))
            self.website.setText(data.website)
            self.email.setText(data.email)
            self.phone.setText(display_phone(data.phone))
            self.city.setText(data.city)
            self.country.setText(data.country)
            self.notes.setPlainText(data.notes)
        finally:
            self._loading = False

    def data(self) -> OrganisationData:
        return OrganisationData(
            id=self._original.id,
            name=self.name.text(),
            kind=OrganisationType(self.kind.currentData()),
            website=self.website.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            city=self.city.text(),
            country=self.country.text(),
            notes=self.notes.toPlainText(),
            contact_count=self._original.contact_count,
        )

    def clear_errors(self) -> None:
        for box in self.fields.values():
            box.show_error("")

    def check_now(self) -> bool:
        problems = {
            "email": email_shape_problem(self.email.text()),
            "phone": phone_shape_problem(self.phone.text()),
        }
        for name, message in problems.items():
            self.fields[name].show_error(message)
        return not any(problems.values())

    def show_error(self, exc: ValidationError | ConflictError) -> None:
        message = (
            exc.message if isinstance(exc, ValidationError) else render(exc.code, **exc.params)
        )
        box = self.fields.get(exc.field) or self.fields["name"]
        box.show_error(message)
        box.editor.setFocus()
