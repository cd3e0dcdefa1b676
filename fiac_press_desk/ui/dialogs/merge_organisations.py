"""Merge two organisations that are one (the same outlet typed two ways by two imports): the
press officer picks which survives, sees what will move, and confirms. The organisations are
read, and the merge written, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.labels import organisation_types
from fiac_press_desk.ui.views.contact_form_widgets import ErrorLabel, Notice


class MergeOrganisationsDialog(QDialog):
    """Fold one organisation into another. ``kept_id`` is the survivor once accepted."""

    loaded = Signal()  # the organisations are read and offered

    def __init__(
        self,
        services: Services,
        first_id: int,
        parent: QWidget | None = None,
        second_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.kept_id: int | None = None
        self.setWindowTitle(self.tr("Merge organisations"))
        self.setMinimumWidth(520)
        self._all: dict[int, OrganisationData] = {}
        self._keep = OrganisationData(name="", id=first_id)
        self._second_id = second_id

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Merge two records of the same organisation. The contacts and press enquiries "
                "of the one that goes are moved to the one that stays."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.keep_label = QLabel()
        self.keep_label.setWordWrap(True)
        form.addRow(self.tr("Organisation kept"), self.keep_label)
        self.other = QComboBox()
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.other.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form.addRow(self.tr("Merged into it"), self.other)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(form)
        self.swap_button = QPushButton(self.tr("Keep the other one instead"))
        self.swap_button.clicked.connect(self.swap)
        layout.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = Notice("info")
        layout.addWidget(self.summary)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.other.currentIndexChanged.connect(self._update)
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        organisations = services.organisations
        operations.read(self, lambda _p: organisations.all(), self._loaded)

    def _loaded(self, organisations: list[OrganisationData]) -> None:
        self._all = {o.id: o for o in organisations if o.id is not None}
        if self._keep.id not in self._all:
            self.reject()  # merged or deleted meanwhile
            return
        self._keep = self._all[self._keep.id]
        self._fill_others()
        if self._second_id is not None:
            self.select_other(self._second_id)
        self._update()
        self.loaded.emit()

    def is_loaded(self) -> bool:
        return bool(self._all)

    def exec(self) -> int:
        """Shown once the organisations are read (a few milliseconds; the window keeps
        painting meanwhile), so that it opens sized for their names."""
        if not self.is_loaded():
            waiting = QEventLoop()
            self.loaded.connect(waiting.quit)
            self.rejected.connect(waiting.quit)
            QTimer.singleShot(2000, waiting.quit)  # the read failed: open anyway
            waiting.exec()
        return super().exec()

    def _fill_others(self) -> None:
        self.other.blockSignals(True)
        self.other.clear()
        for org in sorted(self._all.values(), key=lambda o: fold(o.name)):
            if org.id != self._keep.id:
                self.other.addItem(self._describe(org), org.id)
        # A merge deletes the other organisation: the press officer names it, nothing is
        # chosen for them (the first of the list was, issue 19).
        self.other.setCurrentIndex(-1)
        line = self.other.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type or choose the organisation to merge"))
        self.other.blockSignals(False)

    def _describe(self, org: OrganisationData) -> str:
        kind = organisation_types().get(org.kind, str(org.kind))
        count = self.tr("%n contact(s)", "", org.contact_count)
        return f"{org.name} — {kind}, {count}"

    def select_other(self, org_id: int) -> None:
        index = self.other.findData(org_id)
        if index >= 0:
            self.other.setCurrentIndex(index)

    def other_id(self) -> int | None:
        data = self.other.currentData()
        return int(data) if data is not None else None

    def swap(self) -> None:
        """Keep the organisation picked below, merge the one kept so far into it."""
        other_id = self.other_id()
        if other_id is None:
            return
        old_keep = self._keep
        self._keep = self._all[other_id]
        self._fill_others()
        assert old_keep.id is not None
        self.select_other(old_keep.id)
        self._update()

    def _update(self, *_args: object) -> None:
        self.keep_label.setText(f"<b>{self._describe(self._keep)}</b>")
        other_id = self.other_id()
        self.merge_button.setEnabled(other_id is not None)
        self.swap_button.setEnabled(other_id is not None)
        if other_id is None:
            self.summary.setText(
                self.tr("Choose the organisation to merge into “%1”.").replace(
                    "%1", self._keep.name
                )
                if self.other.count()
                else self.tr("There is no other organisation to merge.")
            )
            return
        other = self._all[other_id]
        self.summary.setText(
            self.tr(
                "“%1” will be deleted. Its %2 will be attached to “%3”; the fields “%3” lacks "
                "(website, email, phone, city, country) are taken from “%1”, and its notes are "
                "added."
            )
            .replace("%1", other.name)
            .replace("%2", self.tr("%n contact(s)", "", other.contact_count))
            .replace("%3", self._keep.name)
        )

    def accept(self) -> None:
        """Merge in the background; the dialog closes once it is written."""
        other_id, keep_id = self.other_id(), self._keep.id
        if other_id is None or keep_id is None:
            return
        organisations = self.services.organisations
        self.buttons.setEnabled(False)
        operations.write(
            self,
            lambda _p: organisations.merge(keep_id, other_id),
            lambda _result: self._merged(keep_id),
            changes=("organisations", "contacts"),
            on_error=self._refused,
        )

    def _merged(self, kept_id: int) -> None:
        self.kept_id = kept_id
        super().accept()

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        self.error.show_message(message_of(error))
