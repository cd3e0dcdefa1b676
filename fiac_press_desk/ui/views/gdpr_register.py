"""The contact's GDPR register in the contact panel ("Données personnelles" tab): lawful
basis, source, when and how the person was informed (or by when they must be), last
interaction and retention review; and the two rights a person exercises on their card,
access ("Exporter ses données…") and erasure ("Effacer cette personne…").

The entry is read off the GUI thread (``services.gdpr.register.entry``) each time the panel
shows a contact or a change is announced."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import NotFoundError, PressDeskError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.gdpr_register import RegisterEntry
from fiac_press_desk.services.hub import Services
from fiac_press_desk.storage.types import utcnow
from fiac_press_desk.ui import icons, labels, operations, settings
from fiac_press_desk.ui.errors import show_expected
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.views.contact_form_card import CardSection
from fiac_press_desk.ui.views.gdpr_words import CHANNELS, COLLECTED_VIA, INTERACTIONS, day, word

LATE = "#b3261e"
SOON = "#8a5a00"
FINE = "#1e7a3c"


class ContactRegisterView(QScrollArea):
    """One contact's register entry and the access and erasure buttons."""

    erased = Signal(int)  # the contact was erased (the panel goes back to empty)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactRegister")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # The panel is narrow: lines wrap, nothing scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._services = services
        self._contact_id: int | None = None
        self._name = ""
        self.entry: RegisterEntry | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(14)
        self.section_holder = QVBoxLayout()
        layout.addLayout(self.section_holder)
        self.section: CardSection | None = None
        rights = CardSection(self.tr("The person's rights"))
        note = QLabel(
            self.tr(
                "A person may ask for everything the desk holds about them (access, "
                "portability) or to be erased. Answer within a month."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b76;")
        rights.add_full(note)
        buttons = QVBoxLayout()  # one above the other: the panel may be 360 pixels wide
        buttons.setContentsMargins(0, 4, 0, 0)
        self.export_button = QPushButton(icons.icon("export"), self.tr("Export their data…"))
        self.export_button.setObjectName("gdprExportButton")
        self.export_button.setToolTip(
            self.tr("Write the access dossier (JSON for portability, PDF to read)")
        )
        self.export_button.clicked.connect(self.export_data)
        self.erase_button = QPushButton(icons.icon("delete"), self.tr("Erase this person…"))
        self.erase_button.setObjectName("gdprEraseButton")
        self.erase_button.setToolTip(
            self.tr("Erase the person everywhere (right to erasure); cannot be undone")
        )
        self.erase_button.clicked.connect(self.erase)
        buttons.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignLeft)
        holder = QWidget()
        holder.setLayout(buttons)
        rights.add_full(holder)
        layout.addWidget(rights)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("gdprExportStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setWidget(body)
        self._set_enabled(False)
        data_events().changed.connect(self._data_changed)

    # -- showing ------------------------------------------------------------------------------

    def show_contact(self, contact_id: int | None, name: str = "") -> None:
        """Show ``contact_id``'s register (None: nothing)."""
        if contact_id != self._contact_id:
            self.status.hide()
        self._contact_id = contact_id
        self._name = name
        if contact_id is None:
            operations.forget_key(self, "register")
            self.entry = None
            self._set_section(None)
            self._set_enabled(False)
            return
        register = self._services.gdpr.register
        operations.read(
            self,
            lambda _p: register.entry(contact_id),
            self._show,
            key="register",
            on_error=self._failed,
        )

    def _failed(self, error: PressDeskError) -> None:
        if not isinstance(error, NotFoundError):  # deleted meanwhile: the panel follows
            show_expected(self, error)

    def _show(self, entry: RegisterEntry) -> None:
        if entry.contact_id != self._contact_id:
            return
        self.entry = entry
        self._set_section(entry)
        self._set_enabled(True)

    def _set_enabled(self, enabled: bool) -> None:
        self.export_button.setEnabled(enabled)
        self.erase_button.setEnabled(enabled)

    def _set_section(self, entry: RegisterEntry | None) -> None:
        if self.section is not None:
            self.section.hide()
            self.section.deleteLater()
            self.section = None
        if entry is None:
            return
        section = CardSection(self.tr("Register (GDPR)"))
        for name, html in self.lines(entry):
            section.add(name, html)
        width = max(label.sizeHint().width() for label in section.labels)
        for label in section.labels:
            label.setMinimumWidth(width)
        self.section_holder.addWidget(section)
        self.section = section

    def lines(self, entry: RegisterEntry) -> list[tuple[str, str]]:
        """The register as (label, HTML value) lines, in the order a DPO reads them."""
        now = utcnow()
        out = [
            (
                self.tr("Lawful basis"),
                escape(labels.lawful_bases().get(entry.lawful_basis, str(entry.lawful_basis))),
            )
        ]
        source = word(COLLECTED_VIA, entry.collected_via)
        details = [d for d in (entry.data_source, entry.import_source) if d]
        if details:
            source += " — " + " · ".join(details)
        out.append((self.tr("Source"), escape(source)))
        out.append((self.tr("Collected on"), escape(day(entry.collected_at))))
        if entry.informed_at is not None:
            how = word(CHANNELS, entry.informed_how) if entry.informed_how else ""
            text = self.tr("Informed on %1").replace("%1", day(entry.informed_at))
            if how:
                text += f" ({how})"
            out.append((self.tr("Information"), _coloured(text, FINE)))
        else:
            late = entry.notice_overdue(now)
            text = (
                self.tr("To inform — was due on %1") if late else self.tr("To inform before %1")
            ).replace("%1", day(entry.notice_due))
            out.append((self.tr("Information"), _coloured(text, LATE if late else SOON)))
        if entry.last_interaction_at is not None:
            text = day(entry.last_interaction_at)
            if entry.last_interaction_kind is not None:
                text += f" ({word(INTERACTIONS, entry.last_interaction_kind)})"
            out.append((self.tr("Last interaction"), escape(text)))
        else:
            out.append((self.tr("Last interaction"), escape(self.tr("None recorded"))))
        review = self.tr("Review due on %1").replace("%1", day(entry.review_due))
        if entry.review_overdue(now):
            out.append((self.tr("Retention"), _coloured(review, LATE)))
        else:
            out.append((self.tr("Retention"), escape(review)))
        if entry.retention_kept_at is not None:
            kept = (
                self.tr("Kept on %1: %2")
                .replace("%1", day(entry.retention_kept_at))
                .replace("%2", entry.retention_kept_reason)
            )
            out.append((self.tr("Decision"), escape(kept)))
        if entry.opted_out:
            when = day(entry.opted_out_at) if entry.opted_out_at else ""
            text = self.tr("Opted out on %1").replace("%1", when) if when else self.tr("Opted out")
            out.append((self.tr("Opt-out"), _coloured(text, LATE)))
        return out

    def _data_changed(self, area: str) -> None:
        # A release sent, an enquiry answered or a notice recorded moves the register on.
        if area in ("contacts", "releases", "enquiries", "gdpr") and self._contact_id is not None:
            self.show_contact(self._contact_id, self._name)

    # -- the person's rights ----------------------------------------------------------------

    def export_data(self) -> None:
        """Ask where, then write the dossier as JSON and PDF side by side."""
        contact_id = self._contact_id
        if contact_id is None:
            return
        folder = settings.load_value("gdpr/export_folder", "") or ""
        stem = "donnees-" + "-".join(fold(self._name).split()) if self._name else "donnees"
        suggested = f"{folder}/{stem}.pdf" if folder else f"{stem}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the person's data"),
            suggested,
            self.tr("PDF document and JSON (*.pdf)"),
        )
        if not chosen:
            return
        self.start_export(contact_id, chosen)

    def start_export(self, contact_id: int, chosen: str) -> None:
        """Write ``chosen`` (PDF) and the JSON beside it, in the background."""
        from pathlib import Path

        pdf = Path(chosen).with_suffix(".pdf")
        json_path = pdf.with_suffix(".json")
        settings.save_value("gdpr/export_folder", str(pdf.parent))
        access = self._services.gdpr.access

        def work(_progress: operations.Progress) -> tuple[Path, Path]:
            return access.write(contact_id, json_path), access.write(contact_id, pdf)

        self.export_button.setEnabled(False)
        operations.write(
            self,
            work,
            self._exported,
            on_error=self._export_failed,
            expected=(OSError,),
        )

    def _exported(self, paths: tuple[object, object]) -> None:
        self.export_button.setEnabled(True)
        json_path, pdf = paths
        self.status.setText(
            self.tr("Dossier written: %1 and %2")
            .replace("%1", str(pdf))
            .replace("%2", str(json_path))
        )
        self.status.setStyleSheet(f"color: {FINE};")
        self.status.show()

    def _export_failed(self, error: PressDeskError) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("The dossier could not be written: %1").replace("%1", str(error))
        )
        self.status.setStyleSheet(f"color: {LATE};")
        self.status.show()

    def erase(self) -> None:
        """Open the erasure's confirmation (what will happen), then its report."""
        from fiac_press_desk.ui.dialogs.gdpr_erasure_dialog import ErasureDialog

        if self._contact_id is None:
            return
        dialog = ErasureDialog(self._services, [self._contact_id], self.window())
        dialog.erased.connect(self._erased)
        dialog.open()

    def _erased(self, contact_ids: list[int]) -> None:
        for contact_id in contact_ids:
            self.erased.emit(contact_id)


def _coloured(text: str, colour: str) -> str:
    return f'<span style="color: {colour}; font-weight: 600;">{escape(text)}</span>'
