"""Repeatable rows of the contact form: emails, phones, postal addresses, web links.

A person has several of each, each with a label (travail, domicile, mobile...). Rows are
added and removed in place; row *i* of an editor is item *i* of the matching ContactData list,
blank rows included, so that a service error on ``emails[1]`` lands under the second row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.ui.keyboard import place_before
from fiac_press_desk.ui.labels import address_labels, email_labels, phone_labels, url_labels
from fiac_press_desk.ui.views.contact_form_widgets import (
    ErrorLabel,
    LabelCombo,
    email_shape_problem,
    phone_shape_problem,
    set_invalid,
)


class ItemRow(QWidget):
    """One row: a label combo, the value editor(s), a remove button, and an error line."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, presets: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_combo = LabelCombo(presets)
        self.label_combo.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setAccessibleName(self.tr("Remove this line"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error = ErrorLabel()
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.setSpacing(2)
        self._line = QHBoxLayout()
        self._line.setSpacing(4)
        self._line.addWidget(self.label_combo, 0, Qt.AlignmentFlag.AlignTop)
        self._outer.addLayout(self._line)
        self._outer.addWidget(self.error)

    def _finish(self, editor: QWidget, remove_tip: str) -> None:
        self._line.addWidget(editor, 1)
        self._line.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.remove_button.setToolTip(remove_tip)
        self.remove_button.setAccessibleName(remove_tip)

    def focus_editor(self) -> None:
        self.setFocus()

    def show_error(self, message: str) -> None:
        self.error.show_message(message)

    def is_blank(self) -> bool:
        return True


class ValueRow(ItemRow):
    """A row whose value is one line of text, optionally checked while typing."""

    def __init__(
        self,
        presets: dict[str, str],
        placeholder: str,
        remove_tip: str,
        check: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(presets, parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(placeholder)
        self._check = check
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        if check is not None:
            self.edit.textEdited.connect(self._recheck_if_flagged)
            self.edit.editingFinished.connect(self.run_check)
        self._finish(self.edit, remove_tip)

    def set_item(self, value: str, label: str) -> None:
        self.edit.setText(value)
        self.label_combo.set_label(label)

    def value(self) -> str:
        return self.edit.text().strip()

    def focus_editor(self) -> None:
        self.edit.setFocus()

    def show_error(self, message: str) -> None:
        super().show_error(message)
        set_invalid(self.edit, bool(message))

    def run_check(self) -> str:
        message = self._check(self.edit.text()) if self._check else ""
        self.show_error(message)
        return message

    def _recheck_if_flagged(self, _text: str) -> None:
        # Do not nag while the first characters are typed; once a problem is shown, clear it
        # (or update it) as soon as the text changes.
        if self.error.isVisible():
            self.run_check()

    def is_blank(self) -> bool:
        return not self.value()


class AddressRow(ItemRow):
    """A postal address: street, complement, PO box, postal code and city, region, country."""

    FIELDS = ("street", "extended", "po_box", "postal_code", "city", "region", "country")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(address_labels(), parent)
        box = QFrame()
        box.setObjectName("addressBox")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        self.edits: dict[str, QLineEdit] = {}
        placeholders = {
            "street": self.tr("Number and street"),
            "extended": self.tr("Building, floor, department…"),
            "po_box": self.tr("PO box"),
            "postal_code": self.tr("Postal code"),
            "city": self.tr("City"),
            "region": self.tr("Region"),
            "country": self.tr("Country"),
        }
        for name, text in placeholders.items():
            edit = QLineEdit()
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
            edit.textChanged.connect(lambda _t: self.changed.emit())
            self.edits[name] = edit
        grid.addWidget(self.edits["street"], 0, 0, 1, 2)
        grid.addWidget(self.edits["extended"], 1, 0, 1, 2)
        grid.addWidget(self.edits["postal_code"], 2, 0)
        grid.addWidget(self.edits["city"], 2, 1)
        grid.addWidget(self.edits["region"], 3, 0)
        grid.addWidget(self.edits["country"], 3, 1)
        grid.addWidget(self.edits["po_box"], 4, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self._finish(box, self.tr("Remove this address"))

    def set_address(self, address: PostalAddress) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(address, name))
        self.label_combo.set_label(address.label)

    def address(self) -> PostalAddress:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return PostalAddress(label=self.label_combo.label(), **values)

    def focus_editor(self) -> None:
        self.edits["street"].setFocus()

    def is_blank(self) -> bool:
        return self.address().is_empty()


class RowsEditor(QWidget):
    """A heading-less stack of rows with an "Add…" button under them."""

    changed = Signal()

    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ItemRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(6)
        layout.addLayout(self._rows_layout)
        self.add_button = QPushButton("+ " + add_text)
        self.add_button.setFlat(True)
        self.add_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.add_button.setStyleSheet("QPushButton { color: #1f5fa8; text-align: left; }")
        self.add_button.clicked.connect(self._add_clicked)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #5f6b76;")

    def _make_row(self) -> ItemRow:
        raise NotImplementedError

    def add_row(self) -> ItemRow:
        row = self._make_row()
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_row)
        self._rows_layout.addWidget(row)
        self.rows.append(row)
        place_before(self.add_button, row)  # Tab reaches it where it stands
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.focus_editor()
        self.changed.emit()

    def remove_row(self, row: ItemRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.changed.emit()

    def clear_rows(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()

    def clear_errors(self) -> None:
        for row in self.rows:
            row.show_error("")

    def show_error(self, index: int, message: str) -> QWidget | None:
        """Show ``message`` under row ``index``; returns the row (to scroll to) if it exists."""
        if 0 <= index < len(self.rows):
            self.rows[index].show_error(message)
            return self.rows[index]
        return None


class EmailsEditor(RowsEditor):
    """The contact's email addresses, one row each with its label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add an email address"), parent)

    def _make_row(self) -> ItemRow:
        return ValueRow(
            email_labels(),
            self.tr("firstname.name@example.fr"),
            self.tr("Remove this email address"),
            email_shape_problem,
        )

    def set_items(self, items: list[EmailAddress]) -> None:
        self.clear_rows()
        for item in items:
            row = self.add_row()
            assert isinstance(row, ValueRow)
            row.set_item(item.value, item.label)

    def items(self) -> list[EmailAddress]:
        return [
            EmailAddress(r.value(), r.label_combo.label())
            for r in self.rows
            if isinstance(r, ValueRow)
        ]

    def check_all(self) -> bool:
        """Run the typing-time check on every row; True when none has a problem."""
        return not [r for r in self.rows if isinstance(r, ValueRow) and r.run_check()]


class PhonesEditor(RowsEditor):
    """The contact's phone numbers, one row each with its label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a phone number"), parent)

    def _make_row(self) -> ItemRow:
        return ValueRow(
            phone_labels(),
            self.tr("01 23 45 67 89"),
            self.tr("Remove this phone number"),
            phone_shape_problem,
        )

    def set_items(self, items: list[Phone]) -> None:
        self.clear_rows()
        for item in items:
            row = self.add_row()
            assert isinstance(row, ValueRow)
            row.set_item(display_phone(item.value), item.label)

    def items(self) -> list[Phone]:
        return [
            Phone(r.value(), r.label_combo.label()) for r in self.rows if isinstance(r, ValueRow)
        ]

    def check_all(self) -> bool:
        return not [r for r in self.rows if isinstance(r, ValueRow) and r.run_check()]


class UrlsEditor(RowsEditor):
    """The contact's web links (site, social networks), one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a web link"), parent)

    def _make_row(self) -> ItemRow:
        return ValueRow(url_labels(), "https://…", self.tr("Remove this link"))

    def set_items(self, items: list[WebLink]) -> None:
        self.clear_rows()
        for item in items:
            row = self.add_row()
            assert isinstance(row, ValueRow)
            row.set_item(item.value, item.label)

    def items(self) -> list[WebLink]:
        return [
            WebLink(r.value(), r.label_combo.label()) for r in self.rows if isinstance(r, ValueRow)
        ]


class AddressesEditor(RowsEditor):
    """The contact's postal addresses, one block each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a postal address"), parent)

    def _make_row(self) -> ItemRow:
        return AddressRow()

    def set_items(self, items: list[PostalAddress]) -> None:
        self.clear_rows()
        for item in items:
            row = self.add_row()
            assert isinstance(row, AddressRow)
            row.set_address(item)

    def items(self) -> list[PostalAddress]:
        return [r.address() for r in self.rows if isinstance(r, AddressRow)]
