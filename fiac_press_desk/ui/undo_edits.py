"""Undoable saves of the contact card (Ctrl+Z after an edit or a new contact).

The card saves through one of these commands so an edit is undone like a delete or an
archive (``ui.undo``): the save runs as a ``ui.operations`` write (its ``do``), and once it
succeeded the command is pushed on the window's undo stack, whose first ``redo`` is skipped.
An edit keeps the snapshot the service read in the save's own transaction
(``services.contacts.edit``), which ``restore`` writes back, timestamps, lists and tags
included; creating is undone by deleting, and redone by restoring the deleted snapshot, so
the contact keeps its id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui.undo import ServiceCommand


def _name(data: ContactData) -> str:
    return data.computed_display_name() or QCoreApplication.translate(
        "ContactEditCommands", "a contact"
    )


class EditContact(ServiceCommand):
    """Save the card's edits of one contact; undo puts the contact back as it was."""

    areas = ("contacts", "organisations", "tags", "lists")

    def __init__(
        self,
        services: Services,
        contact_id: int,
        data: ContactData,
        version: int | None = None,
    ) -> None:
        super().__init__(services)
        self.contact_id = contact_id
        self.data = data
        # The version the card read (issue 14): the first save is refused over a colleague's;
        # a redo is the press officer's own decision, made again over what is there.
        self.version = version
        self.before: dict[str, Any] = {}

    def do(self) -> None:
        version, self.version = self.version, None
        self.before = self.services.contacts.edit(self.contact_id, self.data, version=version)

    def revert(self) -> None:
        self.services.contacts.restore([self.before])

    def describe(self) -> str:
        return QCoreApplication.translate("ContactEditCommands", "Edit of %1").replace(
            "%1", _name(self.data)
        )

    def summary(self) -> str:
        return QCoreApplication.translate("ContactEditCommands", "Contact saved")


class CreateContact(ServiceCommand):
    """Create a contact from the card; undo deletes it, redo brings the same one back."""

    areas = ("contacts", "organisations", "tags", "lists")

    def __init__(self, services: Services, data: ContactData) -> None:
        super().__init__(services)
        self.data = data
        self.contact_id: int | None = None
        self.snapshots: list[dict[str, Any]] = []

    def do(self) -> None:
        if self.contact_id is None:
            self.contact_id = self.services.contacts.create(self.data)
        else:  # a redo: the same contact, same id, as it was when undone
            self.services.contacts.restore(self.snapshots)

    def revert(self) -> None:
        assert self.contact_id is not None
        self.snapshots = self.services.contacts.delete([self.contact_id])

    def describe(self) -> str:
        return QCoreApplication.translate("ContactEditCommands", "Creation of %1").replace(
            "%1", _name(self.data)
        )

    def summary(self) -> str:
        return QCoreApplication.translate("ContactEditCommands", "Contact created")
