"""Log a coverage item quickly, or edit one: paste a link or the article's text and the form
fills what it can, locally (the outlet from the base's websites, the date and title from the
link or the text). The page's title is fetched from the web only when the press officer
clicks "Fetch the title", for this item. The journalist is picked from the base or typed
(a new card is then made with the item, in one write). A clipping (PDF or image) can be kept
with the item. Every read and write runs off the GUI thread."""

from __future__ import annotations

import mimetypes
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.coverage import (
    ATTACHMENT_TYPES,
    Attachment,
    CoverageInput,
    Medium,
    Tone,
)
from fiac_press_desk.domain.coverage_guess import guess
from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.interchange.web_title import WebTitleError, fetch_title
from fiac_press_desk.services.coverage import CoverageChoices, CoverageRecord
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.views.coverage_labels import media, tones

MAX_AUDIENCE = 2_000_000_000


class CoverageDialog(QDialog):
    """New item (``item_id`` None) or the item's edit form."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        item_id: int | None = None,
        *,
        release_id: int | None = None,
        contact_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._item_id = item_id
        self._choices = CoverageChoices()
        self._attachment: Attachment | None = None
        self._preset_release, self._preset_contact = release_id, contact_id
        self.setWindowTitle(
            self.tr("New coverage item") if item_id is None else self.tr("Coverage item")
        )

        self.paste_edit = QPlainTextEdit(self)
        self.paste_edit.setPlaceholderText(
            self.tr("Paste a link or the article's text: the form fills what it can")
        )
        self.paste_edit.setFixedHeight(64)
        self.paste_edit.textChanged.connect(self._pasted)
        self.title_edit = QLineEdit(self)
        self.link_edit = QLineEdit(self)
        self.link_edit.setPlaceholderText("https://…")
        self.fetch_button = QPushButton(self.tr("Fetch the title"), self)
        self.fetch_button.setToolTip(
            self.tr("Read this page's title from the web (nothing else is sent or kept)")
        )
        self.fetch_button.clicked.connect(self.fetch_title)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        today = services.coverage.clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.outlet_combo = QComboBox(self)
        self.outlet_combo.setEditable(True)
        self.journalist_combo = QComboBox(self)
        self.journalist_combo.setEditable(True)
        self.journalist_combo.setToolTip(
            self.tr("Pick a journalist of the base, or type a new name: a card is made for them")
        )
        self.medium_combo = QComboBox(self)
        for medium, text in media().items():
            self.medium_combo.addItem(text, medium.value)
        self.tone_combo = QComboBox(self)
        for tone, text in tones().items():
            self.tone_combo.addItem(text, tone.value)
        self.tone_combo.setCurrentIndex(1)
        self.audience_spin = QSpinBox(self)
        self.audience_spin.setRange(0, MAX_AUDIENCE)
        self.audience_spin.setGroupSeparatorShown(True)
        self.audience_spin.setSpecialValueText(self.tr("unknown"))
        self.release_combo = QComboBox(self)
        self.enquiry_combo = QComboBox(self)
        for combo in (self.release_combo, self.enquiry_combo):
            combo.addItem(self.tr("(none)"), None)
            combo.setMinimumContentsLength(30)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(56)
        self.attachment_label = QLabel(self.tr("no clipping"), self)
        self.attachment_label.setEnabled(False)
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.clicked.connect(self.choose_attachment)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")

        link_row = QHBoxLayout()
        link_row.addWidget(self.link_edit, 1)
        link_row.addWidget(self.fetch_button)
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.attachment_label, 1)
        clip_row.addWidget(self.attach_button)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Link"), link_row)
        form.addRow(self.tr("Published on"), self.date_edit)
        form.addRow(self.tr("Outlet"), self.outlet_combo)
        form.addRow(self.tr("Journalist"), self.journalist_combo)
        form.addRow(self.tr("Medium"), self.medium_combo)
        form.addRow(self.tr("Tone"), self.tone_combo)
        form.addRow(self.tr("Audience"), self.audience_spin)
        form.addRow(self.tr("Release"), self.release_combo)
        form.addRow(self.tr("Enquiry"), self.enquiry_combo)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(self.tr("Clipping"), clip_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if item_id is None:
            layout.addWidget(self.paste_edit)
        else:
            self.paste_edit.hide()
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self._load()

    # -- reading ------------------------------------------------------------------------------

    def _load(self) -> None:
        coverage, item_id = self._services.coverage, self._item_id

        def work(_progress: operations.Progress) -> tuple[CoverageChoices, CoverageRecord | None]:
            return coverage.choices(), coverage.get(item_id) if item_id is not None else None

        operations.read(self, work, self._loaded, key="coverage-choices")

    def _loaded(self, found: tuple[CoverageChoices, CoverageRecord | None]) -> None:
        choices, record = found
        self._choices = choices
        typed_outlet = self.outlet_combo.currentText()
        self.outlet_combo.clear()
        self.outlet_combo.addItem("")
        self.outlet_combo.addItems([name for name, _ in choices.outlets])
        self.outlet_combo.setEditText(typed_outlet)
        self.journalist_combo.clear()
        self.journalist_combo.addItem("", None)
        for cid, name, outlet in choices.journalists:
            self.journalist_combo.addItem(f"{name} ({outlet})" if outlet else name, cid)
        for combo in (self.outlet_combo, self.journalist_combo):
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            combo.setCompleter(completer)
        for combo, items in (
            (self.release_combo, choices.releases),
            (self.enquiry_combo, choices.enquiries),
        ):
            for key, text in items:
                combo.addItem(text, key)
        if record is not None:
            self._show_record(record)
        else:
            self._select(self.release_combo, self._preset_release)
            self._select(self.journalist_combo, self._preset_contact)
            self._pasted()

    def _show_record(self, record: CoverageRecord) -> None:
        d = record.data
        self.title_edit.setText(d.title)
        self.link_edit.setText(d.link)
        if d.published_on:
            self.date_edit.setDate(
                QDate(d.published_on.year, d.published_on.month, d.published_on.day)
            )
        self.outlet_combo.setEditText(d.outlet)
        if not self._select(self.journalist_combo, d.contact_id):
            self.journalist_combo.setEditText(record.journalist)
        self._select(self.medium_combo, d.medium.value)
        self._select(self.tone_combo, d.tone.value)
        self.audience_spin.setValue(d.audience or 0)
        self._select(self.release_combo, d.release_id)
        self._select(self.enquiry_combo, d.enquiry_id)
        self.notes_edit.setPlainText(d.notes)
        if record.attachment_name:
            self.attachment_label.setText(record.attachment_name)
            self.attachment_label.setEnabled(True)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> bool:
        if value is None:
            return False
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        return index >= 0

    # -- quick capture --------------------------------------------------------------------------

    def _pasted(self) -> None:
        text = self.paste_edit.toPlainText()
        if not text.strip():
            return
        found = guess(text, self._choices.outlets)
        if found.link:
            self.link_edit.setText(found.link)
        if found.title:
            self.title_edit.setText(found.title)
        if found.outlet:
            self.outlet_combo.setEditText(found.outlet)
        if found.published_on:
            day = found.published_on
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        if found.medium is not None:
            self._select(self.medium_combo, found.medium.value)

    def fetch_title(self) -> None:
        """Read this item's page title from the web (the only network access of the form)."""
        url = self.link_edit.text().strip()
        if not url:
            self.error_label.setText(self.tr("Give the link first."))
            return
        self.fetch_button.setEnabled(False)
        self.error_label.setText(self.tr("Reading the page…"))
        operations.read(
            self,
            lambda _p: fetch_title(url),
            self._fetched,
            key="web-title",
            busy=True,
            expected=(WebTitleError,),
            on_error=self._fetch_failed,
        )

    def _fetched(self, title: str) -> None:
        self.fetch_button.setEnabled(True)
        self.error_label.clear()
        self.title_edit.setText(title)

    def _fetch_failed(self, error: PressDeskError) -> None:
        self.fetch_button.setEnabled(True)
        self.error_label.setText(message_of(error))

    def choose_attachment(self) -> None:
        """Keep a PDF or an image of the piece with the item."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Clipping"),
            str(Path.home()),
            self.tr("PDF or image (*.pdf *.png *.jpg *.jpeg *.gif *.webp)"),
        )
        if name:
            self.set_attachment_file(Path(name))

    def set_attachment_file(self, path: Path) -> None:
        """Read ``path`` as the item's clipping (its type from its name)."""
        mime = mimetypes.guess_type(path.name)[0] or ""
        if mime not in ATTACHMENT_TYPES:
            self.error_label.setText(self.tr("%1: not a PDF or an image.").replace("%1", path.name))
            return
        try:
            data = path.read_bytes()  # a local file the officer chose, read once
        except OSError as exc:
            self.error_label.setText(f"{path.name} : {exc.strerror or exc}")
            return
        self._attachment = Attachment(path.name, mime, data)
        self.attachment_label.setText(path.name)
        self.attachment_label.setEnabled(True)

    # -- writing ------------------------------------------------------------------------------

    def data(self) -> tuple[CoverageInput, ContactData | None]:
        """What the form says, and the new journalist's card when a new name was typed."""
        qdate = self.date_edit.date()
        contact_id = self.journalist_combo.currentData()
        typed = self.journalist_combo.currentText().strip()
        index = self.journalist_combo.findText(typed)
        if index >= 0:
            contact_id = self.journalist_combo.itemData(index)
        elif typed:
            # A name typed as the base has it (without the outlet shown beside it) is that
            # journalist, when only one has it: never a second card for the same person.
            same = [cid for cid, name, _ in self._choices.journalists if fold(name) == fold(typed)]
            contact_id = same[0] if len(same) == 1 else None
        new_contact = None
        if contact_id is None and typed:
            given, _, family = typed.partition(" ")
            new_contact = ContactData(
                given_name=given if family else "",
                family_name=family or given,
                organization=self.outlet_combo.currentText().strip(),
            )
        data = CoverageInput(
            title=self.title_edit.text(),
            published_on=date(qdate.year(), qdate.month(), qdate.day()),
            outlet=self.outlet_combo.currentText(),
            contact_id=contact_id,
            link=self.link_edit.text(),
            medium=Medium(self.medium_combo.currentData()),
            audience=self.audience_spin.value() or None,
            tone=Tone(self.tone_combo.currentData()),
            notes=self.notes_edit.toPlainText(),
            release_id=self.release_combo.currentData(),
            enquiry_id=self.enquiry_combo.currentData(),
        )
        return data, new_contact

    def save(self) -> None:
        """One write: the item (and the new journalist, and the clipping)."""
        data, new_contact = self.data()
        coverage, item_id, clip = self._services.coverage, self._item_id, self._attachment

        def work(_progress: operations.Progress) -> int:
            if item_id is None:
                return coverage.create(data, attachment=clip, new_contact=new_contact)
            coverage.update(item_id, data)
            if clip is not None:
                coverage.set_attachment(item_id, clip)
            return item_id

        self.buttons.setEnabled(False)
        operations.write(
            self,
            work,
            self._saved,
            changes=("coverage", "contacts") if new_contact is not None else ("coverage",),
            on_error=self._refused,
        )

    def _saved(self, item_id: int) -> None:
        self._item_id = item_id
        self.accept()

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(message_of(error))
        if isinstance(error, ValidationError):
            target = {
                "title": self.title_edit,
                "link": self.link_edit,
                "outlet": self.outlet_combo,
            }.get(error.field)
            if target is not None:
                target.setFocus()
