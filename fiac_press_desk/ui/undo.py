"""Undoable actions on contacts (Ctrl+Z): delete, archive, tag/untag, add to a list.

Each step is one service call, so one transaction and one audit entry. A command first runs in
the background (``submit``: ``prepare`` reads what an undo will need, ``do`` writes); only when
that succeeded is it pushed on the undo stack, whose first ``redo`` is then skipped. Undo and
redo are writes of ``ui.operations``, run one after the other, so an undo never overtakes the
delete it undoes; each announces the change through ``data_events`` when done. A failure (the
database changed meanwhile) is reported, never raised into Qt, and the command becomes
obsolete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import Shiboken

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of, show_expected
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.operations import Progress

ErrorHandler = Callable[[str], None]
CHUNK = 500


def count_text(n: int) -> str:
    return plural(
        n,
        QCoreApplication.translate("ContactCommands", "%1 contact"),
        QCoreApplication.translate("ContactCommands", "%1 contacts"),
    )


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def matching(services: Services, ids: list[int], **conditions: Any) -> set[int]:
    """Which of ``ids`` meet ``conditions`` (ContactFilter fields), asked in chunks."""
    found: set[int] = set()
    for chunk in _chunks(ids):
        flt = ContactFilter(ids=chunk, **{"archived": None, **conditions})
        found.update(services.contact_queries.ids(flt))
    return found


class ServiceCommand(QUndoCommand):
    """Base of the commands; subclasses fill ``prepare``, ``do``, ``revert`` and ``describe``."""

    areas: tuple[str, ...] = ("contacts",)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.owner: QObject | None = None  # the view that submitted it (told of failures)
        self.on_error: ErrorHandler | None = None
        self._pushed = False

    # -- run in the worker thread --
    def prepare(self) -> None:
        """Read what undo will need (who already had the tag...)."""

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    # -- GUI thread --
    def describe(self) -> str:
        """What Edit > Undo names ("Annuler la suppression de 3 contacts")."""
        raise NotImplementedError

    def summary(self) -> str:
        """What the status bar says once the work is done."""
        return self.describe()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the work already ran in submit()
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, fn: Callable[[], None]) -> None:
        operations.write(None, lambda _p: fn(), changes=self.areas, on_error=self._failed)

    def _failed(self, error: PressDeskError) -> None:
        self.setObsolete(True)
        self.announce()
        if self.on_error is not None and _alive(self.owner):
            self.on_error(message_of(error))
        else:
            show_expected(None, error)

    def announce(self) -> None:
        for area in self.areas:
            data_events().changed.emit(area)


def submit(
    stack: QUndoStack,
    command: ServiceCommand,
    on_done: Callable[[ServiceCommand], None] | None = None,
    on_error: ErrorHandler | None = None,
    owner: QObject | None = None,
) -> operations.Operation[None]:
    """Run ``command`` in the background; push it on ``stack`` once its write succeeded."""
    command.owner, command.on_error = owner, on_error

    def work(_progress: Progress) -> None:
        command.prepare()
        command.do()

    def succeeded(_result: object) -> None:
        command.setText(command.describe())
        stack.push(command)  # even if the view that asked was closed meanwhile: it is done
        if on_done is not None and _alive(owner):
            on_done(command)

    def failed(error: PressDeskError) -> None:
        if on_error is not None and _alive(owner):
            on_error(message_of(error))
        else:
            show_expected(None, error)

    # The stack, not the view, owns the outcome: the operation answers whatever happened to
    # the view (a language switch rebuilds it).
    return operations.write(None, work, succeeded, changes=command.areas, on_error=failed)


def _alive(owner: QObject | None) -> bool:
    return owner is None or Shiboken.isValid(owner)


class DeleteContacts(ServiceCommand):
    """Delete contacts; undo puts them back whole (the snapshots the service returned)."""

    areas = ("contacts", "lists", "tags", "organisations")

    def __init__(self, services: Services, ids: list[int]):
        super().__init__(services)
        self.ids = list(dict.fromkeys(ids))
        self.snapshots: list[dict[str, Any]] = []

    def do(self) -> None:
        self.snapshots = self.services.contacts.delete(self.ids)

    def revert(self) -> None:
        self.services.contacts.restore(self.snapshots)

    def describe(self) -> str:
        return QCoreApplication.translate("ContactCommands", "Delete %1").replace(
            "%1", count_text(len(self.ids))
        )

    def summary(self) -> str:
        return plural(
            len(self.ids),
            QCoreApplication.translate("ContactCommands", "%1 contact deleted"),
            QCoreApplication.translate("ContactCommands", "%1 contacts deleted"),
        )


class ArchiveContacts(ServiceCommand):
    """Archive (or bring back); undo touches only those whose state changed."""

    def __init__(self, services: Services, ids: list[int], archived: bool = True):
        super().__init__(services)
        self.requested = list(dict.fromkeys(ids))
        self.archived = archived
        self.ids: list[int] = []

    def prepare(self) -> None:
        changing = matching(self.services, self.requested, archived=not self.archived)
        self.ids = [i for i in self.requested if i in changing]

    def do(self) -> None:
        self.services.contacts.archive(self.ids, self.archived)

    def revert(self) -> None:
        self.services.contacts.archive(self.ids, not self.archived)

    def describe(self) -> str:
        text = (
            QCoreApplication.translate("ContactCommands", "Archive %1")
            if self.archived
            else QCoreApplication.translate("ContactCommands", "Unarchive %1")
        )
        return text.replace("%1", count_text(len(self.ids)))

    def summary(self) -> str:
        if self.archived:
            return plural(
                len(self.ids),
                QCoreApplication.translate("ContactCommands", "%1 contact archived"),
                QCoreApplication.translate("ContactCommands", "%1 contacts archived"),
            )
        return plural(
            len(self.ids),
            QCoreApplication.translate("ContactCommands", "%1 contact brought back"),
            QCoreApplication.translate("ContactCommands", "%1 contacts brought back"),
        )


class TagContacts(ServiceCommand):
    """Add (or remove) one tag; undo touches only the contacts whose tags really changed."""

    areas = ("contacts", "tags")

    def __init__(self, services: Services, ids: list[int], tag: str, add: bool = True):
        super().__init__(services)
        self.requested = list(dict.fromkeys(ids))
        self.tag, self.add = " ".join(tag.split()), add
        self.ids: list[int] = []

    def prepare(self) -> None:
        key = " ".join(fold(self.tag).split())
        tag_id = next(
            (t.id for t in self.services.tags.all() if " ".join(fold(t.name).split()) == key),
            None,
        )
        had = matching(self.services, self.requested, tag_id=tag_id) if tag_id else set()
        self.ids = [i for i in self.requested if (i not in had) == self.add]

    def do(self) -> None:
        if self.add:
            self.services.contacts.add_tags(self.ids, [self.tag])
        else:
            self.services.contacts.remove_tags(self.ids, [self.tag])

    def revert(self) -> None:
        if self.add:
            self.services.contacts.remove_tags(self.ids, [self.tag])
        else:
            self.services.contacts.add_tags(self.ids, [self.tag])

    def describe(self) -> str:
        text = (
            QCoreApplication.translate("ContactCommands", "Tag %1 with “%2”")
            if self.add
            else QCoreApplication.translate("ContactCommands", "Remove the tag “%2” from %1")
        )
        return text.replace("%1", count_text(len(self.ids))).replace("%2", self.tag)

    def summary(self) -> str:
        text = (
            QCoreApplication.translate("ContactCommands", "Tag “%2” given to %1")
            if self.add
            else QCoreApplication.translate("ContactCommands", "Tag “%2” removed from %1")
        )
        return text.replace("%1", count_text(len(self.ids))).replace("%2", self.tag)


class AddToList(ServiceCommand):
    """Add contacts to a distribution list; undo removes only those it added."""

    areas = ("lists", "contacts")

    def __init__(self, services: Services, list_id: int, ids: list[int], list_name: str = ""):
        super().__init__(services)
        self.list_id, self.list_name = list_id, list_name
        self.requested = list(dict.fromkeys(ids))
        self.ids: list[int] = []

    @property
    def already(self) -> int:
        return len(self.requested) - len(self.ids)

    def prepare(self) -> None:
        present = matching(self.services, self.requested, list_id=self.list_id)
        self.ids = [i for i in self.requested if i not in present]

    def do(self) -> None:
        self.services.lists.add_members(self.list_id, self.ids)

    def revert(self) -> None:
        self.services.lists.remove_members(self.list_id, self.ids)

    def describe(self) -> str:
        text = QCoreApplication.translate("ContactCommands", "Add %1 to the list “%2”")
        return text.replace("%1", count_text(len(self.ids))).replace("%2", self.list_name)
