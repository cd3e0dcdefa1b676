"""Merge two or more contacts that are one person: the contacts side by side, field by field.

For each field whose values differ, one radio button per contact picks the value the merged
contact keeps (the default is the service's: the most recently confirmed non-empty value). The
lists (e-mails, phones, addresses, links, beats, tags, distribution lists) and the notes are
not chosen: the merged contact has every item of every contact, once, shown in the last column.
Opted out wins, said in a line of its own. What history each contact brings (releases received,
enquiries made) is counted under its column.

The preview is read, and the merge written, off the GUI thread; the merge is a command of the
window's undo stack (``duplicate_commands.MergeContacts``): Ctrl+Z puts every contact back.
The dialog closes once the merge is written; a refusal is said in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.duplicate_merge import LIST_FIELDS, SINGLE_FIELDS
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.contact_merge import MergePreview, field_text
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.duplicate_commands import MergeContacts
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.formatting import format_moment
from fiac_press_desk.ui.labels import (
    contact_kinds,
    field_labels,
    languages,
    lawful_bases,
    salutation_styles,
)
from fiac_press_desk.ui.undo import ServiceCommand, submit
from fiac_press_desk.ui.views.contact_form_widgets import Notice

# Fields a press officer never needs to choose between when they agree or are all empty: only
# shown when they differ (the name, the organisation and the contact details always are).
ALWAYS_SHOWN = ("given_name", "family_name", "organization", "job_title")
MUTED = "color: #5f6b76;"


@dataclass(frozen=True)
class MergeView:
    """What the dialog shows: the preview, and each contact's history."""

    preview: MergePreview
    releases: dict[int, int]  # contact id -> releases received
    enquiries: dict[int, int]  # contact id -> enquiries made


def read_merge_view(services: Services, ids: list[int], survivor_id: int | None) -> MergeView:
    """The preview and the histories (in the worker thread)."""
    preview = services.merges.preview(ids, survivor_id=survivor_id)
    histories = services.history.for_contacts(ids)
    return MergeView(
        preview,
        {cid: len(h.releases) for cid, h in histories.items()},
        {cid: len(h.enquiries) for cid, h in histories.items()},
    )


class DuplicateMergeDialog(QDialog):
    """Merge ``ids`` (two or more) into one contact; ``merged(survivor id)`` once written."""

    loaded = Signal()
    merged = Signal(int)

    def __init__(
        self,
        services: Services,
        ids: list[int],
        stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.ids = list(dict.fromkeys(ids))
        self.stack = stack
        self.view: MergeView | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.result_labels: dict[str, QLabel] = {}
        self._writing = False
        self.setObjectName("DuplicateMergeDialog")
        self.setWindowTitle(self.tr("Merge contacts"))
        self.resize(min(1180, 420 + 260 * len(self.ids)), 720)

        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "These contacts become one. Pick the value to keep where they differ; every "
                "e-mail address, phone number, address, link, beat, tag and list is kept, and "
                "so is the history of each (releases received, enquiries, imports)."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        survivor_line = QHBoxLayout()
        survivor_label = QLabel(self.tr("Record kept (its identifier and vCard UID):"))
        survivor_line.addWidget(survivor_label)
        self.survivor = QComboBox()
        self.survivor.setMinimumWidth(260)
        self.survivor.activated.connect(self._survivor_chosen)
        survivor_label.setBuddy(self.survivor)
        survivor_line.addWidget(self.survivor)
        survivor_line.addStretch(1)
        layout.addLayout(survivor_line)
        self.opt_out_notice = Notice("error")
        self.opt_out_notice.hide()
        layout.addWidget(self.opt_out_notice)
        self.grid_area = QScrollArea()
        self.grid_area.setWidgetResizable(True)
        self.grid_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.loading = QLabel(self.tr("Reading the contacts…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid_area.setWidget(self.loading)
        layout.addWidget(self.grid_area, 1)
        self.error = Notice("error")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setEnabled(False)
        self.merge_button.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._read(None)

    # -- reading ----------------------------------------------------------------------------

    def _read(self, survivor_id: int | None) -> None:
        services, ids = self.services, self.ids
        self.merge_button.setEnabled(False)
        operations.read(
            self,
            lambda _p: read_merge_view(services, ids, survivor_id),
            self._show,
            key="preview",
            on_error=self._failed,
        )

    def _failed(self, error: PressDeskError) -> None:
        self._say(message_of(error))

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _survivor_chosen(self, _index: int) -> None:
        chosen = self.survivor.currentData()
        if self.view is not None and chosen != self.view.preview.survivor_id:
            self._read(int(chosen))

    def _show(self, view: MergeView) -> None:
        self.view = view
        preview = view.preview
        self.survivor.clear()
        for contact in preview.contacts:
            self.survivor.addItem(self._title_of(contact), contact.id)
        self.survivor.setCurrentIndex(self.survivor.findData(preview.survivor_id))
        self._show_opt_out(preview)
        self.grid_area.setWidget(self._grid(view))
        self.merge_button.setEnabled(True)
        self.loaded.emit()

    def _title_of(self, contact: ContactData) -> str:
        name = contact.computed_display_name() or self.tr("Unnamed contact")
        return self.tr("%1 (no. %2)").replace("%1", name).replace("%2", str(contact.id))

    def _show_opt_out(self, preview: MergePreview) -> None:
        merged = preview.merged
        if not merged.opted_out:
            self.opt_out_notice.hide()
            return
        who = next(
            (c for c in preview.contacts if c.opted_out and c.opted_out_at == merged.opted_out_at),
            next(c for c in preview.contacts if c.opted_out),
        )
        text = self.tr(
            "%1 opted out: the merged contact is opted out too and will be sent nothing."
        ).replace("%1", who.computed_display_name() or self._title_of(who))
        if merged.opted_out_at is not None:
            text += " " + self.tr("Since %1.").replace(
                "%1", format_moment(merged.opted_out_at, with_time=False)
            )
        if merged.opted_out_reason:
            text += " " + self.tr("Reason: %1").replace("%1", merged.opted_out_reason)
        self.opt_out_notice.setText(text)
        self.opt_out_notice.show()

    # -- the grid ---------------------------------------------------------------------------

    def _grid(self, view: MergeView) -> QWidget:
        preview = view.preview
        body = QWidget()
        body.setObjectName("mergeGrid")
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.setContentsMargins(10, 10, 10, 10)
        self.groups, self.result_labels = {}, {}
        contacts = preview.contacts
        result_column = len(contacts) + 1
        for column, contact in enumerate(contacts, start=1):
            grid.addWidget(self._contact_heading(view, contact), 0, column)
        heading = QLabel(self.tr("Merged contact"))
        heading.setStyleSheet("font-weight: 600; font-size: 14px;")
        grid.addWidget(heading, 0, result_column, Qt.AlignmentFlag.AlignTop)
        labels = field_labels()
        by_field = {f.field: f for f in preview.fields}
        row = 1
        for name in SINGLE_FIELDS:
            choice = by_field.get(name)
            if choice is None:
                continue
            texts = [self._value_text(name, c) for c in contacts]
            if not choice.differs and (name not in ALWAYS_SHOWN or not any(texts)):
                continue
            grid.addWidget(self._field_label(labels.get(_label_key(name), name)), row, 0)
            if choice.differs:
                group = QButtonGroup(body)
                group.setObjectName(f"choice_{name}")
                for column, (contact, text) in enumerate(zip(contacts, texts, strict=True), 1):
                    button = QRadioButton(text or self.tr("(empty)"))
                    button.setObjectName(f"choice_{name}_{contact.id}")
                    button.setChecked(contact.id == choice.chosen)
                    group.addButton(button, int(contact.id or 0))
                    grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
                group.idToggled.connect(lambda _id, on, n=name: self._chosen(n) if on else None)
                self.groups[name] = group
            else:
                for column, text in enumerate(texts, start=1):
                    grid.addWidget(self._value(text, muted=True), row, column)
            result = self._value(self._result_text(name, contacts, choice.chosen))
            result.setStyleSheet("font-weight: 600;")
            self.result_labels[name] = result
            grid.addWidget(result, row, result_column)
            row += 1
        separator = QLabel(self.tr("Kept from every contact"))
        separator.setStyleSheet("font-weight: 600; margin-top: 8px; color: #1f5fa8;")
        grid.addWidget(separator, row, 0, 1, result_column + 1)
        row += 1
        for name in LIST_FIELDS:
            texts = [field_text(c, name) for c in contacts]
            if not any(texts):
                continue
            grid.addWidget(self._field_label(labels.get(name, name)), row, 0)
            for column, text in enumerate(texts, start=1):
                grid.addWidget(self._value(text or "—", muted=True), row, column)
            united = self._value(field_text(preview.merged, name))
            united.setObjectName(f"united_{name}")
            united.setStyleSheet("font-weight: 600;")
            self.result_labels[name] = united
            grid.addWidget(united, row, result_column)
            row += 1
        grid.addWidget(self._field_label(labels.get("opted_out", "opted_out")), row, 0)
        for column, contact in enumerate(contacts, start=1):
            grid.addWidget(self._value(self._opt_out_text(contact), muted=True), row, column)
        opted = self._value(self._opt_out_text(preview.merged))
        opted.setObjectName("united_opted_out")
        opted.setStyleSheet(
            "font-weight: 600; color: #8c1d18;" if preview.merged.opted_out else "font-weight: 600;"
        )
        grid.addWidget(opted, row, result_column)
        row += 1
        grid.setRowStretch(row, 1)
        for column in range(1, result_column + 1):
            grid.setColumnStretch(column, 1)
        return body

    def _contact_heading(self, view: MergeView, contact: ContactData) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(1)
        name = QLabel(self._title_of(contact))
        name.setWordWrap(True)
        name.setStyleSheet("font-weight: 600; font-size: 14px;")
        layout.addWidget(name)
        cid = int(contact.id or 0)
        confirmed = view.preview.confirmed_at.get(cid)
        if confirmed is not None:
            layout.addWidget(
                self._value(
                    self.tr("Last confirmed %1").replace("%1", format_moment(confirmed, False)),
                    muted=True,
                )
            )
        history = self.tr("%1 release(s) received, %2 enquiry(ies)")
        releases, enquiries = view.releases.get(cid, 0), view.enquiries.get(cid, 0)
        text = history.replace("%1", str(releases)).replace("%2", str(enquiries))
        brings = self._value(text, muted=True)
        brings.setObjectName(f"history_{cid}")
        layout.addWidget(brings)
        if cid == view.preview.survivor_id:
            kept = QLabel(self.tr("Record kept"))
            kept.setStyleSheet("color: #1b6e3a; font-weight: 600;")
            layout.addWidget(kept)
        if contact.archived:
            layout.addWidget(self._value(self.tr("Archived"), muted=True))
        return box

    def _field_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(MUTED)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return label

    def _value(self, text: str, muted: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if muted:
            label.setStyleSheet(MUTED)
        return label

    def _value_text(self, name: str, contact: ContactData) -> str:
        """A single field's value in the press officer's words (labels, not stored codes)."""
        if name == "kind":
            return contact_kinds().get(contact.kind, str(contact.kind))
        if name == "lawful_basis":
            return lawful_bases().get(contact.lawful_basis, str(contact.lawful_basis))
        if name == "language":
            return languages().get(contact.language, contact.language)
        if name == "salutation":
            return salutation_styles().get(contact.salutation, str(contact.salutation))
        if name == "photo":
            return self.tr("Photo") if contact.photo else ""
        return field_text(contact, name)

    def _result_text(self, name: str, contacts: tuple[ContactData, ...], chosen: int) -> str:
        contact = next((c for c in contacts if c.id == chosen), contacts[0])
        return self._value_text(name, contact) or "—"

    def _opt_out_text(self, contact: ContactData) -> str:
        if not contact.opted_out:
            return self.tr("No")
        text = self.tr("Opted out")
        if contact.opted_out_at is not None:
            text += " " + self.tr("on %1").replace(
                "%1", format_moment(contact.opted_out_at, with_time=False)
            )
        if contact.opted_out_reason:
            text += f" ({contact.opted_out_reason})"
        return text

    def _chosen(self, name: str) -> None:
        if self.view is None:
            return
        label = self.result_labels.get(name)
        if label is not None:
            label.setText(self._result_text(name, self.view.preview.contacts, self.choice(name)))

    # -- choices and the merge ----------------------------------------------------------------

    def choice(self, name: str) -> int:
        """The contact whose value of ``name`` the merge takes."""
        group = self.groups.get(name)
        if group is not None and group.checkedId() > 0:
            return group.checkedId()
        assert self.view is not None
        return next(f.chosen for f in self.view.preview.fields if f.field == name)

    def choose(self, name: str, contact_id: int) -> None:
        """Pick ``contact_id``'s value for ``name`` (what a click on its radio button does)."""
        button = self.groups[name].button(contact_id)
        button.setChecked(True)

    def choices(self) -> dict[str, int]:
        """Every field's chosen contact: the dialog's picks and the service's defaults."""
        if self.view is None:
            return {}
        return {f.field: self.choice(f.field) for f in self.view.preview.fields}

    def merge(self) -> None:
        """Write the merge as one undoable command; the dialog closes once it is written."""
        if self.view is None or self._writing:
            return
        preview = self.view.preview
        name = preview.merged.computed_display_name()
        given = next(c for c in preview.contacts if c.id == self.choice("given_name"))
        family = next(c for c in preview.contacts if c.id == self.choice("family_name"))
        name = " ".join(p for p in (given.given_name, family.family_name) if p) or name
        command = MergeContacts(
            self.services, self.ids, preview.survivor_id, self.choices(), name=name
        )
        self._writing = True
        self.merge_button.setEnabled(False)
        self.error.hide()
        submit(self.stack, command, self._merged, self._refused, self)

    def _merged(self, command: ServiceCommand) -> None:
        self._writing = False
        assert isinstance(command, MergeContacts)
        if command.result_id is not None:
            self.merged.emit(command.result_id)
        self.accept()

    def _refused(self, message: str) -> None:
        self._writing = False
        self.merge_button.setEnabled(True)
        self._say(self.tr("Nothing was merged: %1").replace("%1", message))


def _label_key(name: str) -> str:
    return "photo_mime" if name == "photo" else name


def open_merge(
    services: Services,
    ids: list[int],
    stack: QUndoStack,
    parent: QWidget | None,
    on_merged: Callable[[int], object] | None = None,
) -> DuplicateMergeDialog:
    """Show the merge dialog for ``ids`` (window-modal; it deletes itself once closed)."""
    dialog = DuplicateMergeDialog(services, ids, stack, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_merged is not None:
        dialog.merged.connect(on_merged)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
