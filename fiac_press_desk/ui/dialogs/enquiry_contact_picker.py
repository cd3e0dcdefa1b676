"""Who is asking: a contact picked as you type, or a new journalist typed in on the spot.

The completion list comes from ``services.contact_queries`` (the contacts' search index,
word prefixes, accents ignored), asked again off the GUI thread a moment after the last key
stroke (an answer to older keystrokes is dropped). When the
journalist is not in the contacts yet, "New journalist" opens a small form (names, email,
phone) in place: the enquiry and the contact are then written together, in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enums import ContactKind
from fiac_press_desk.interchange.eml_import import split_name
from fiac_press_desk.services.contact_queries import ContactFilter, ContactRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations

SUGGESTIONS = 12
_IdRole = Qt.ItemDataRole.UserRole + 1
_NameRole = Qt.ItemDataRole.UserRole + 2
_OutletRole = Qt.ItemDataRole.UserRole + 3


class JournalistPicker(QWidget):
    """Emits ``outlet_suggested`` with the picked contact's outlet (the form may take it)."""

    outlet_suggested = Signal(str)
    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._contact_id: int | None = None
        self._contact_name = ""
        self._row: ContactRow | None = None
        self._rows: dict[int, ContactRow] = {}  # the suggestions shown, by contact id

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Type a name, an outlet or an address…"))
        self.search_edit.setClearButtonEnabled(True)
        self.suggestions = QStandardItemModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(_NameRole)
        self.completer.setMaxVisibleItems(SUGGESTIONS)
        self.search_edit.setCompleter(self.completer)
        popup = self.completer.popup()
        if popup is not None:
            popup.setMinimumWidth(360)
        # activated(QModelIndex), not activated(str): the row holds the contact's id.
        signal = self.completer.activated[QModelIndex]  # type: ignore[index]  # untyped overload in PySide6's stubs
        signal.connect(self._picked)

        self.new_button = QPushButton(icons.icon("contact-add"), self.tr("New journalist"), self)
        self.new_button.setCheckable(True)
        self.new_button.setToolTip(self.tr("Create the journalist without leaving this form"))
        self.new_button.toggled.connect(self._toggle_new)

        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)

        self.new_box = QGroupBox(self.tr("New journalist"), self)
        self.given_edit = QLineEdit(self.new_box)
        self.family_edit = QLineEdit(self.new_box)
        self.email_edit = QLineEdit(self.new_box)
        self.email_edit.setPlaceholderText("nom@exemple.fr")
        self.phone_edit = QLineEdit(self.new_box)
        self.phone_edit.setPlaceholderText("06 12 34 56 78")
        form = QFormLayout(self.new_box)
        form.addRow(self.tr("Given name"), self.given_edit)
        form.addRow(self.tr("Family name"), self.family_edit)
        form.addRow(self.tr("Email"), self.email_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        hint = QLabel(self.tr("The outlet is the one given below."), self.new_box)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form.addRow(hint)
        self.new_box.setVisible(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chosen_label, 1)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addLayout(row)
        layout.addWidget(self.new_box)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_suggestions)
        self.search_edit.textEdited.connect(self._typed)
        self._show_choice()

    # -- reading ------------------------------------------------------------------------------

    def contact_id(self) -> int | None:
        return None if self.is_new() else self._contact_id

    def is_new(self) -> bool:
        return self.new_button.isChecked()

    def has_unresolved_text(self) -> bool:
        """Something typed that is neither a picked contact nor a new one."""
        return (
            not self.is_new() and self._contact_id is None and bool(self.search_edit.text().strip())
        )

    def new_contact(self, outlet: str) -> ContactData | None:
        if not self.is_new():
            return None
        email = self.email_edit.text().strip()
        phone = self.phone_edit.text().strip()
        return ContactData(
            kind=ContactKind.JOURNALIST,
            given_name=self.given_edit.text(),
            family_name=self.family_edit.text(),
            organization=outlet,
            emails=[EmailAddress(email, "work")] if email else [],
            phones=[Phone(phone, "work")] if phone else [],
            data_source=self.tr("Press enquiry"),
        )

    # -- setting ------------------------------------------------------------------------------

    def set_contact(self, contact_id: int | None, row: ContactRow | None = None) -> None:
        """Choose ``contact_id``; its name and outlet are read off the GUI thread unless
        ``row`` already holds them."""
        self.new_button.setChecked(False)
        self._contact_id = contact_id
        self._contact_name = ""
        if contact_id is not None and row is None:
            queries = self._services.contact_queries
            operations.read(
                self,
                lambda _p: queries.rows_by_id([contact_id]),
                lambda rows: self._show_row(contact_id, rows[0] if rows else None),
                key="contact",
            )
        if row is not None:
            self._show_row(row.id, row)
        self._show_choice()

    def _show_row(self, contact_id: int, row: ContactRow | None) -> None:
        if row is None or contact_id != self._contact_id:
            return  # gone, or another contact chosen meanwhile
        self._contact_name = row.name
        with QSignalBlocker(self.search_edit):
            self.search_edit.setText(row.name)
        self._row = row
        self._show_choice()

    def offer_new(self, display_name: str, email: str = "", phone: str = "") -> None:
        """Open the new-journalist form filled in (an unknown email sender)."""
        given, family = split_name(display_name)
        self.given_edit.setText(given)
        self.family_edit.setText(family)
        self.email_edit.setText(email)
        self.phone_edit.setText(phone)
        self.new_button.setChecked(True)

    # -- internals ----------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if self._contact_id is not None and text != self._contact_name:
            self._contact_id = None  # typing again drops the previous choice
            self._show_choice()
            self.changed.emit()
        self._timer.start()

    def refresh_suggestions(self) -> None:
        """Ask for the contacts matching what is typed (off the GUI thread)."""
        text = self.search_edit.text().strip()
        if len(text) < 2 or self.is_new():
            operations.forget_key(self, "suggestions")
            self._show_suggestions([])
            return
        queries = self._services.contact_queries
        operations.read(
            self,
            lambda _p: queries.rows(ContactFilter(search=text, archived=False), limit=SUGGESTIONS),
            self._show_suggestions,
            key="suggestions",
        )

    def _show_suggestions(self, rows: list[ContactRow]) -> None:
        self.suggestions.clear()
        self._rows = {row.id: row for row in rows}
        for row in rows:
            item = QStandardItem(_describe(row))
            item.setData(row.id, _IdRole)
            item.setData(row.name, _NameRole)
            item.setData(row.organisation, _OutletRole)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        if rows and self.search_edit.hasFocus():
            self.completer.complete()

    def pick_row(self, row: int) -> None:
        """Choose the ``row``-th suggestion (what a click in the popup does)."""
        self._picked(self.suggestions.index(row, 0))

    def _picked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self._contact_id = int(index.data(_IdRole))
        self._contact_name = str(index.data(_NameRole))
        with QSignalBlocker(self.search_edit):
            self.search_edit.setText(self._contact_name)
        self.new_button.setChecked(False)
        self._row = self._rows.get(self._contact_id)
        self._show_choice()
        outlet = str(index.data(_OutletRole) or "")
        if outlet:
            self.outlet_suggested.emit(outlet)
        self.changed.emit()

    def _toggle_new(self, on: bool) -> None:
        self.new_box.setVisible(on)
        self.search_edit.setEnabled(not on)
        if on:
            typed = self.search_edit.text().strip()
            if (
                typed
                and self._contact_id is None
                and not (self.given_edit.text() or self.family_edit.text())
            ):
                given, family = split_name(typed)
                self.given_edit.setText(given)
                self.family_edit.setText(family)
            self.given_edit.setFocus()
        self._show_choice()
        self.changed.emit()

    def _show_choice(self) -> None:
        if self.is_new():
            self.chosen_label.setText(self.tr("A new contact will be created with the enquiry."))
            return
        row = self._row
        if self._contact_id is not None and row is not None and row.id == self._contact_id:
            self.chosen_label.setText("✓ " + _describe(row))
        elif self._contact_id is not None:
            self.chosen_label.setText("✓ " + self._contact_name)
        else:
            self.chosen_label.setText(
                self.tr("No contact chosen: pick one in the list or create a new journalist.")
            )


def _describe(row: ContactRow) -> str:
    parts = [row.name]
    if row.organisation and row.organisation != row.name:
        parts.append(row.organisation)
    if row.email:
        parts.append(row.email)
    return " — ".join(parts)
