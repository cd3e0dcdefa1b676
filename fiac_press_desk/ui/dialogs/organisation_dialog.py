"""Create an organisation: the same form as the Organisations view, in a small dialog, so an
outlet can be added without leaving what one was doing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.errors import ConflictError, PressDeskError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import show_expected
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
        """Create it in the background; the dialog closes once it is written."""
        self.form.clear_errors()
        if not self.form.check_now():
            return
        data, organisations = self.form.data(), self.services.organisations
        self.buttons.setEnabled(False)
        operations.write(
            self,
            lambda _p: organisations.create(data),
            self._created,
            changes=("organisations",),
            on_error=self._refused,
        )

    def _created(self, organisation_id: int) -> None:
        self.created_id = organisation_id
        super().accept()

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError | ConflictError):
            self.form.show_error(error)
        else:
            show_expected(self, error)
