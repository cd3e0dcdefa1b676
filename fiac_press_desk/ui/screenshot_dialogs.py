"""Render every dialog of the window over the demo data, for ``ui/screenshots.py``.

Each dialog is built as the window builds it, shown (not run: nothing waits for a click),
given the time to read what it reads, captured and closed. The dialogs the window opens with
a static message box (shortcuts, about) are captured while their ``exec`` runs. On a small
screen a dialog is held to the screen's size, as a window manager would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui.main_window import MainWindow

# A vCard of three fictional people (one already in the demo data by e-mail: an update).
_CARDS = """BEGIN:VCARD
VERSION:3.0
N:Morel;Inès;;;
FN:Inès Morel
ORG:Radio Hexagone
TITLE:Journaliste santé
EMAIL;TYPE=WORK:ines.morel@example.fr
TEL;TYPE=CELL:06 11 22 33 44
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Roux;Bastien;;;
FN:Bastien Roux
ORG:Onco Actu
EMAIL;TYPE=WORK:bastien.roux@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:;;;;
FN:
NOTE:a card without a name
END:VCARD
"""
_SHEET_HEADERS = ("Nom", "Prénom", "Courriel", "Média / organisme", "Téléphone", "Fonction")
_SHEET_ROWS = (
    ("Morel", "Inès", "ines.morel@example.fr", "Radio Hexagone", "06 11 22 33 44", "Reporter"),
    ("Roux", "Bastien", "bastien.roux@example.org", "Onco Actu", "01 40 00 00 02", "Pigiste"),
)


def _settle(timeout: float = 5.0) -> None:
    from fiac_press_desk.ui.screenshots import settle

    settle(timeout=timeout)


def _fit(dialog: QWidget, screen: QSize) -> None:
    size = dialog.size().boundedTo(screen)
    if size != dialog.size():
        dialog.resize(size)


def render_dialogs(
    window: MainWindow, services: Services, out_dir: Path, prefix: str, screen: QSize
) -> list[Path]:
    """Every dialog, one PNG each (``dialog-<name>.png``)."""
    written: list[Path] = []
    work = Path(tempfile.mkdtemp(prefix="press-desk-dialogs-"))

    def shoot(
        name: str, make: Callable[[], QDialog], prepare: Callable[[QDialog], None] | None = None
    ) -> None:
        dialog = make()
        try:
            _settle()
            if prepare is not None:
                prepare(dialog)
            dialog.show()
            _settle()
            _fit(dialog, screen)
            _settle()
            path = out_dir / f"{prefix}dialog-{name}.png"
            dialog.grab().save(str(path))
            written.append(path)
        finally:
            dialog.done(QDialog.DialogCode.Rejected)
            dialog.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            _settle()

    contact_ids = services.contact_queries.ids(ContactFilter())
    releases = services.releases.rows()
    organisations = services.organisations.all()
    enquiries = services.enquiries.rows()

    from fiac_press_desk.ui.dialogs.export_dialog import ExportDialog

    shoot("export", lambda: ExportDialog(services, None, window))

    from fiac_press_desk.ui.dialogs.import_dialog import FileSource, ImportDialog

    vcf = work / "salon.vcf"
    vcf.write_text(_CARDS, encoding="utf-8")

    def start_import(dialog: QDialog) -> None:
        dialog.start()  # type: ignore[attr-defined]
        _settle(20.0)

    shoot("import", lambda: ImportDialog(services, [FileSource(vcf)], window), start_import)

    from fiac_press_desk.ui.dialogs.import_history import ImportHistoryDialog

    shoot("import-history", lambda: ImportHistoryDialog(services, window))

    from openpyxl import Workbook

    from fiac_press_desk.ui.dialogs.mapping_dialog import MappingDialog

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(_SHEET_HEADERS)
    for row in _SHEET_ROWS:
        sheet.append(row)
    xlsx = work / "contacts-salon.xlsx"
    book.save(xlsx)
    shoot("mapping", lambda: MappingDialog(services, xlsx, window))

    from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog

    shoot("enquiry-capture", lambda: EnquiryCaptureDialog(services, window))

    def refused(dialog: QDialog) -> None:
        dialog.show()
        dialog.accept()  # nothing typed: the subject is refused, beside its field
        _settle()

    shoot("enquiry-capture-refused", lambda: EnquiryCaptureDialog(services, window), refused)
    if enquiries:
        first = enquiries[0].id
        shoot("enquiry-edit", lambda: EnquiryCaptureDialog(services, window, enquiry_id=first))

    from fiac_press_desk.ui.dialogs.organisation_dialog import OrganisationDialog

    shoot("organisation-new", lambda: OrganisationDialog(services, window))
    if organisations:
        from fiac_press_desk.ui.dialogs.merge_organisations import MergeOrganisationsDialog

        org_id = organisations[0].id
        assert org_id is not None
        shoot("merge-organisations", lambda: MergeOrganisationsDialog(services, org_id, window))

    if contact_ids:
        from fiac_press_desk.ui.dialogs.release_contact_history import ContactReleasesDialog

        received = [
            line.contact_id
            for release in releases
            for line in services.distributions.recipients_of(release.id)
            if line.contact_id is not None
        ]
        who = received[0] if received else contact_ids[0]
        name = services.contacts.get(who).display_name or "—"
        shoot("contact-releases", lambda: ContactReleasesDialog(services, who, name, window))

    if releases:
        from fiac_press_desk.ui.dialogs.release_recipients_dialog import RecipientsDialog
        from fiac_press_desk.ui.dialogs.sending_dialog import SendingDialog

        draft = releases[0].id
        shoot("recipients", lambda: RecipientsDialog(services, draft, parent=window))

        def titled(dialog: QDialog) -> None:
            dialog.set_title(releases[0].title)  # type: ignore[attr-defined]

        shoot("sending", lambda: SendingDialog(services, draft, None, parent=window), titled)

    from fiac_press_desk.ui.dialogs.release_record_dialog import RecordDialog

    shoot("record-distribution", lambda: RecordDialog(12, window))

    from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog

    shoot("smtp-settings", lambda: SmtpSettingsDialog(services, window))

    written += _message_boxes(window, out_dir, prefix)
    return written


def _message_boxes(window: MainWindow, out_dir: Path, prefix: str) -> list[Path]:
    """The window's static message boxes, captured while their ``exec`` runs."""
    written: list[Path] = []
    for name, open_box in (("shortcuts", window.show_shortcuts), ("about", window.show_about)):
        path = out_dir / f"{prefix}dialog-{name}.png"

        def capture(path: Path = path) -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(50, capture)
                return
            box.grab().save(str(path))
            written.append(path)
            box.close()

        QTimer.singleShot(200, capture)
        open_box()
        _settle()
    return written
