"""Create an organisation: the same form as the Organisations view, in a small dialog, so an
outlet can be added without leaving what one was doing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.errors import ConflictError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.views.organisation_form import OrganisationForm


class OrganisationDialog(QDialog):
    """``exec()`` it; on acceptance ``created_id`` holds the new organisation's id."""

    def __init__(self, services: Services, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New organisation"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.form = OrganisationForm()
        self.form.set_data(OrganisationData(name=name))
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.name.setFocus()

    def accept(self) -> None:
        self.form.clear_errors()
        if not self.form.check_now():
            return
        try:
            self.created_id = self.services.organisations.create(self.form.data())
        except (ValidationError, ConflictError) as exc:
            self.form.show_error(exc)
            return
        data_events().changed.emit("organisations")
        super().accept()
