"""Undoable actions of the duplicates page and the merge dialog (Ctrl+Z): merging contacts and
saying "not a duplicate".

Both are ``ui.undo.ServiceCommand`` subclasses, so they run through the window's one undo
stack like a delete or a tag: the write first in the background, pushed on the stack only once
it succeeded. Undoing a merge hands the undo data the merge returned to
``services.merges.restore``, which puts every merged contact back with its id and history, or
refuses (the survivor was edited since): the press officer then reads why, in French, and the
command becomes obsolete.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui.errors import show_expected
from fiac_press_desk.ui.undo import ServiceCommand, count_text

# What a merge touches for the other views: the contacts, what they are filed under, what they
# received and asked, and the duplicates page itself.
MERGE_AREAS = (
    "contacts",
    "organisations",
    "lists",
    "tags",
    "releases",
    "enquiries",
    "duplicates",
)


class MergeContacts(ServiceCommand):
    """Fold two or more contacts into one; undo restores each exactly (``merges.restore``)."""

    areas = MERGE_AREAS

    def __init__(
        self,
        services: Services,
        ids: list[int],
        survivor_id: int | None = None,
        choices: Mapping[str, int] | None = None,
        name: str = "",
    ) -> None:
        super().__init__(services)
        self.ids = list(dict.fromkeys(ids))
        self.survivor_id = survivor_id
        self.choices = dict(choices or {})
        self.name = name
        self.undo_data: dict[str, Any] = {}
        self.result_id: int | None = None

    def do(self) -> None:
        result = self.services.merges.merge(
            self.ids, survivor_id=self.survivor_id, choices=self.choices
        )
        self.undo_data = result.undo
        self.result_id = result.survivor_id

    def revert(self) -> None:
        self.services.merges.restore(self.undo_data)

    def _failed(self, error: PressDeskError) -> None:
        """Undo (or redo) refused, typically the merged contact was edited since: said in a
        box of its own, whoever asked for the merge (its dialog is long closed)."""
        self.setObsolete(True)
        self.announce()
        show_expected(
            None,
            error,
            QCoreApplication.translate("DuplicateCommands", "The merge cannot be undone"),
        )

    def describe(self) -> str:
        text = QCoreApplication.translate("DuplicateCommands", "Merge %1")
        return text.replace("%1", count_text(len(self.ids)))

    def summary(self) -> str:
        text = QCoreApplication.translate("DuplicateCommands", "%1 merged into “%2”")
        return text.replace("%1", count_text(len(self.ids))).replace("%2", self.name)


class MarkNotDuplicate(ServiceCommand):
    """Remember that contacts are different people (every pair among them); undo forgets
    only the marks this command stored."""

    areas = ("duplicates",)

    def __init__(self, services: Services, ids: list[int]) -> None:
        super().__init__(services)
        self.ids = list(dict.fromkeys(ids))
        self.pairs: list[tuple[int, int]] = []

    def do(self) -> None:
        self.pairs = self.services.duplicates.mark_not_duplicate(self.ids)

    def revert(self) -> None:
        self.services.duplicates.forget_not_duplicate(self.pairs)

    def describe(self) -> str:
        text = QCoreApplication.translate("DuplicateCommands", "Not a duplicate: %1")
        return text.replace("%1", count_text(len(self.ids)))

    def summary(self) -> str:
        return QCoreApplication.translate(
            "DuplicateCommands", "Remembered: these contacts are different people"
        )
