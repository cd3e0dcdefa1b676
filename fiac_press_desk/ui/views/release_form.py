"""The release form: title, reference, date, embargo, language, status, chapô, text and the
attachments (PDF and images, kept in the database). Read and written off the GUI thread."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk import config
from fiac_press_desk.domain.enums import ReleaseStatus
from fiac_press_desk.domain.errors import ConflictError, PressDeskError, ValidationError
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.releases import (
    ACCEPTED_TYPES,
    AttachmentFile,
    AttachmentInfo,
    ReleaseData,
    guess_mime_type,
    megabytes,
)
from fiac_press_desk.ui import drafts, formatting, icons, labels, operations
from fiac_press_desk.ui.errors import message_of, stale_edit_text
from fiac_press_desk.ui.operations import Progress

FILE_ROLE = Qt.ItemDataRole.UserRole + 1  # AttachmentInfo (stored) or Path (to add)


class ReleaseForm(QWidget):
    """Edits one release; ``saved(id)`` after a successful save (create or update)."""

    saved = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._release_id: int | None = None
        self._loaded: ReleaseData | None = None
        # The version the shown release had when read: a save over a colleague's newer one
        # is refused, saying who and what (issue 14).
        self._version: int | None = None
        self._removed: list[int] = []
        self._saving = False

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Title of the press release"))
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_edit.setFont(font)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(self.tr("e.g. CP-2024-01"))
        self.reference_edit.setMaximumWidth(150)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.language_combo = QComboBox(self)
        for value, text in labels.release_languages().items():
            self.language_combo.addItem(text, value)
        self.status_combo = QComboBox(self)
        for value, text in labels.release_statuses().items():
            self.status_combo.addItem(text, str(value))
        self.embargo_check = QCheckBox(self.tr("Under embargo until"), self)
        self.embargo_edit = QDateTimeEdit(self)
        self.embargo_edit.setCalendarPopup(True)
        self.embargo_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.embargo_edit.setEnabled(False)
        self.embargo_check.toggled.connect(self.embargo_edit.setEnabled)
        self.embargo_hint = QLabel(self.tr("(local time; shown in Paris time in the email)"), self)
        self.embargo_hint.setEnabled(False)

        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setPlaceholderText(
            self.tr("Two or three sentences that open the release (chapô)")
        )
        self.summary_edit.setFixedHeight(76)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setPlaceholderText(
            self.tr("Text of the release. Leave a blank line between paragraphs; **bold**.")
        )

        self.attachments = QListWidget(self)
        self.attachments.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.attachments.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.attachments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attachments.itemDoubleClicked.connect(lambda _item: self.save_attachment_as())
        self.add_file_button = QPushButton(icons.icon("add"), self.tr("Add…"), self)
        self.add_file_button.clicked.connect(self.choose_attachments)
        self.remove_file_button = QPushButton(icons.icon("delete"), self.tr("Remove"), self)
        self.remove_file_button.clicked.connect(self.remove_selected_attachments)
        self.save_file_button = QPushButton(self.tr("Save as…"), self)
        self.save_file_button.clicked.connect(self.save_attachment_as)
        self.attachments_total = QLabel(self)
        self.attachments_total.setWordWrap(True)

        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(f"color: {labels.RED.name()};")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(icons.icon("edit"), self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        # -- layout -------------------------------------------------------------------------
        meta = QHBoxLayout()
        meta.setSpacing(8)
        for caption, widget in (
            (self.tr("Reference"), self.reference_edit),
            (self.tr("Date"), self.date_edit),
            (self.tr("Language"), self.language_combo),
            (self.tr("Status"), self.status_combo),
        ):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            meta.addWidget(label)
            meta.addWidget(widget)
            meta.addSpacing(10)
        meta.addStretch(1)
        embargo = QHBoxLayout()
        embargo.addWidget(self.embargo_check)
        embargo.addWidget(self.embargo_edit)
        embargo.addWidget(self.embargo_hint)
        embargo.addStretch(1)

        text_box = QVBoxLayout()
        summary_label = QLabel(self.tr("Summary (chapô)"), self)
        summary_label.setBuddy(self.summary_edit)
        body_label = QLabel(self.tr("Text"), self)
        body_label.setBuddy(self.body_edit)
        text_box.addWidget(summary_label)
        text_box.addWidget(self.summary_edit)
        text_box.addWidget(body_label)
        text_box.addWidget(self.body_edit, 1)

        files = QGroupBox(self.tr("Attachments (PDF, images)"), self)
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.attachments, 1)
        file_buttons = QGridLayout()
        file_buttons.addWidget(self.add_file_button, 0, 0)
        file_buttons.addWidget(self.remove_file_button, 0, 1)
        file_buttons.addWidget(self.save_file_button, 1, 0, 1, 2)
        files_layout.addLayout(file_buttons)
        files_layout.addWidget(self.attachments_total)
        files.setFixedWidth(300)

        middle = QHBoxLayout()
        middle.addLayout(text_box, 1)
        middle.addWidget(files)

        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title_edit)
        layout.addLayout(meta)
        layout.addLayout(embargo)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.title_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # -- loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        drafts.form_shown(self)  # what is typed here is kept as a draft

    def release_id(self) -> int | None:
        return self._release_id

    def start_new(self) -> None:
        """An empty form for a new release; its reference (the next free one) follows."""
        today = date.today()
        self._show(None, ReleaseData(release_date=today))
        self.title_edit.setFocus()
        releases = self._services.releases
        operations.read(
            self, lambda _p: releases.suggest_reference(today), self._suggested, key="release"
        )

    def _suggested(self, reference: str) -> None:
        if self._release_id is None and not self.reference_edit.text().strip():
            self.reference_edit.setText(reference)
            if self._loaded is not None:
                self._loaded.reference = reference  # not a change of the press officer's

    def show_release(self, release_id: int) -> None:
        """Show the stored release (read off the GUI thread)."""
        self._release_id = release_id
        releases = self._services.releases

        def read(_progress: Progress) -> tuple[int, ReleaseData]:
            # The version first: a save between the two reads then gives a refusal to look
            # at, never a silent overwrite.
            version = releases.get_version(release_id)
            return version, releases.get(release_id)

        operations.read(
            self,
            read,
            lambda found: self._show(release_id, found[1], found[0]),
            key="release",
        )

    def _show(self, release_id: int | None, data: ReleaseData, version: int | None = None) -> None:
        self._release_id = release_id
        self._version = version
        self._loaded = data
        self._removed = []
        self.title_edit.setText(data.title)
        self.reference_edit.setText(data.reference)
        day = data.release_date or date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(data.language)))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(str(data.status))))
        self.embargo_check.setChecked(data.embargo_at is not None)
        if data.embargo_at is not None:
            moment = QDateTime.fromSecsSinceEpoch(int(data.embargo_at.timestamp()))
        else:
            moment = QDateTime(self.date_edit.date(), QTime(10, 0))
        self.embargo_edit.setDateTime(moment)
        self.summary_edit.setPlainText(data.summary)
        self.body_edit.setPlainText(data.body)
        for edit in (self.summary_edit, self.body_edit):
            edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.attachments.clear()
        for info in data.attachments:
            self._add_item(info.filename, info.size, info)
        self._update_total()
        self._set_error("")

    def _add_item(self, name: str, size: int, payload: AttachmentInfo | Path) -> None:
        text = f"{name} ({formatting.format_size(size)})"
        if isinstance(payload, Path):
            text += " — " + self.tr("not saved yet")
        item = QListWidgetItem(
            icons.icon("release" if name.lower().endswith(".pdf") else "add"), text
        )
        item.setData(FILE_ROLE, payload)
        item.setToolTip(str(payload) if isinstance(payload, Path) else name)
        self.attachments.addItem(item)

    # -- attachments --------------------------------------------------------------------------

    def _items(self) -> list[AttachmentInfo | Path]:
        return [self.attachments.item(i).data(FILE_ROLE) for i in range(self.attachments.count())]

    def _total_size(self) -> int:
        total = 0
        for payload in self._items():
            total += payload.size if isinstance(payload, AttachmentInfo) else _size(payload)
        return total

    def _update_total(self) -> None:
        limit = config.MAX_ATTACHMENT_BYTES
        self.attachments_total.setText(
            self.tr("%1 of %2 at most")
            .replace("%1", formatting.format_size(self._total_size()))
            .replace("%2", formatting.format_size(limit))
        )
        has = self.attachments.count() > 0
        self.remove_file_button.setEnabled(has)
        self.save_file_button.setEnabled(has)

    def choose_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr("PDF and images (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff *.svg)"),
        )
        self.add_attachments([Path(p) for p in paths])

    def add_attachments(self, paths: list[Path]) -> list[str]:
        """Queue files to attach at the next save; refusals (type, size) are said at once."""
        problems = []
        for path in paths:
            try:
                size = path.stat().st_size
                if guess_mime_type(path.name) not in ACCEPTED_TYPES:
                    raise ValidationError("attachments", "attachment_type", name=path.name)
                total = self._total_size() + size
                if size > config.MAX_ATTACHMENT_BYTES:
                    raise ValidationError(
                        "attachments",
                        "attachment_too_large",
                        name=path.name,
                        size=megabytes(size),
                        limit=megabytes(config.MAX_ATTACHMENT_BYTES),
                    )
                if total > config.MAX_ATTACHMENT_BYTES:
                    raise ValidationError(
                        "attachments",
                        "attachments_too_large",
                        name=path.name,
                        size=megabytes(total),
                        limit=megabytes(config.MAX_ATTACHMENT_BYTES),
                    )
            except ValidationError as exc:
                problems.append(exc.message)
                continue
            except OSError as exc:
                problems.append(
                    ValidationError(
                        "attachments", "attachment_unreadable", name=str(path), reason=exc.strerror
                    ).message
                )
                continue
            self._add_item(path.name, size, path)
        self._update_total()
        if problems:
            self._set_error("\n".join(problems))
        return problems

    def remove_selected_attachments(self) -> None:
        for item in self.attachments.selectedItems():
            payload = item.data(FILE_ROLE)
            if isinstance(payload, AttachmentInfo):
                self._removed.append(payload.id)
            self.attachments.takeItem(self.attachments.row(item))
        self._update_total()

    def save_attachment_as(self) -> None:
        item = self.attachments.currentItem()
        if item is None:
            return
        payload = item.data(FILE_ROLE)
        if not isinstance(payload, AttachmentInfo):
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the attachment"), payload.filename
        )
        if not target:
            return
        releases, attachment_id = self._services.releases, payload.id
        operations.read(
            self,
            lambda _p: Path(target).write_bytes(releases.attachment(attachment_id).data),
            on_error=lambda error: self._set_error(message_of(error)),
        )

    # -- saving -------------------------------------------------------------------------------

    def current_data(self) -> ReleaseData:
        qdate = self.date_edit.date()
        embargo = None
        if self.embargo_check.isChecked():
            secs = self.embargo_edit.dateTime().toSecsSinceEpoch()
            embargo = datetime.fromtimestamp(secs, UTC)
        return ReleaseData(
            id=self._release_id,
            title=self.title_edit.text(),
            reference=self.reference_edit.text(),
            release_date=date(qdate.year(), qdate.month(), qdate.day()),
            embargo_at=embargo,
            language=str(self.language_combo.currentData()),
            status=ReleaseStatus(str(self.status_combo.currentData())),
            summary=self.summary_edit.toPlainText(),
            body=self.body_edit.toPlainText(),
        )

    def save(self) -> None:
        if self._saving:
            return
        data = self.current_data()
        new_files = [p for p in self._items() if isinstance(p, Path)]
        removed = list(self._removed)
        release_id, version = self._release_id, self._version
        releases = self._services.releases

        def work(_progress: Progress) -> int:
            files = [AttachmentFile.from_path(p) for p in new_files]
            if release_id is None:
                return releases.create(data, files)
            releases.update(release_id, data, add=files, remove=removed, version=version)
            return release_id

        self._saving = True
        self.save_button.setEnabled(False)
        self._set_error("")
        operation = operations.write(
            self, work, self._saved, changes=("releases",), on_error=self._failed
        )
        operation.finished.connect(self._save_ended)

    def _save_ended(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self, release_id: int) -> None:
        self._release_id = release_id
        self.show_release(release_id)
        self.saved.emit(release_id)

    def _failed(self, error: PressDeskError) -> None:
        if isinstance(error, StaleEditError):  # a colleague saved meanwhile (issue 14)
            self._set_error(stale_edit_text(error))
            self._version = error.current_version  # saving again overwrites, knowingly
            return
        self._set_error(error.message if isinstance(error, ValidationError) else str(error))
        field = error.field if isinstance(error, ValidationError | ConflictError) else ""
        target = {
            "title": self.title_edit,
            "reference": self.reference_edit,
            "embargo_at": self.embargo_edit,
            "language": self.language_combo,
            "attachments": self.attachments,
        }.get(field)
        if target is not None:
            target.setFocus()

    def revert(self) -> None:
        if self._release_id is None:
            self.start_new()
        else:
            self.show_release(self._release_id)

    def has_changes(self) -> bool:
        if self._loaded is None:
            return False
        now = self.current_data()
        before = self._loaded
        return (
            any(isinstance(p, Path) for p in self._items())
            or bool(self._removed)
            or (now.title.strip(), now.reference.strip(), now.summary.strip(), now.body.strip())
            != (before.title, before.reference, before.summary, before.body)
            or now.status != before.status
            or now.language != before.language
            or (now.embargo_at is None) != (before.embargo_at is None)
        )

    def confirm_discard(self) -> bool:
        """Ask before leaving with unsaved changes; True when it is fine to leave."""
        if not self.has_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("This release has unsaved changes. Leave without saving?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
