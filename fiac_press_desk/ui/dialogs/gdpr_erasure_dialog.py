"""Right to erasure from the window: first what will happen (read without changing anything:
``services.gdpr.erasure.preview``), then, on "Erase for good", the erasure in the background
and its report: what was deleted, what was kept anonymised for the statistics, the addresses
put on the suppression list, and the backups that still hold the person and when they rotate
out. There is no undo: the dialog says so before the button is pressed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.gdpr_backups import BackupHolding
from fiac_press_desk.services.gdpr_erasure import ErasurePreview, ErasureReport
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, icons, operations
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.operations import Operation, Progress
from fiac_press_desk.ui.views.gdpr_words import STORAGE_STEPS, TABLES, word

# Tables the erasure keeps (anonymised) rather than deletes: said in their own line.
KEPT_TABLES = {"enquiries", "enquiry_events", "distributions", "audit_log"}
ERASURE_CHANGES = ("contacts", "releases", "enquiries", "lists", "tags", "organisations", "gdpr")


@dataclass(frozen=True)
class _Previews:
    items: list[ErasurePreview]


class ErasureDialog(QDialog):
    """Confirm, erase, report: for one person (the card) or several (the retention review)."""

    erased = Signal(list)  # the contact ids erased

    def __init__(
        self, services: Services, contact_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gdprErasureDialog")
        self._services = services
        self._ids = list(contact_ids)
        self._job: Operation[list[ErasureReport]] | None = None
        self.previews: list[ErasurePreview] = []
        self.reports: list[ErasureReport] = []
        self.setWindowTitle(self.tr("Erase personal data"))
        self.setModal(True)
        self.heading = QLabel(self.tr("Reading what the erasure would touch…"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setObjectName("gdprErasureText")
        self.body.setOpenLinks(False)
        self.warning = QLabel(
            self.tr(
                "An erasure cannot be undone: neither Undo nor the import history brings the "
                "person back."
            )
        )
        self.warning.setObjectName("gdprErasureWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel { background: #fdecea; color: #8c1d18; border-radius: 4px; padding: 8px;"
            " font-weight: 600; }"
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox()
        self.erase_button = QPushButton(icons.icon("delete"), self.tr("Erase for good"))
        self.erase_button.setObjectName("gdprEraseForGood")
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.erase_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self._read_previews()

    # -- before -------------------------------------------------------------------------------

    def _read_previews(self) -> None:
        erasure, ids = self._services.gdpr.erasure, list(self._ids)

        def work(progress: Progress) -> _Previews:
            out = []
            for n, contact_id in enumerate(ids):
                progress.check()
                progress.report(n, len(ids))
                out.append(erasure.preview(contact_id))
            return _Previews(out)

        operations.read(self, work, self._show_previews, on_error=self._failed)

    def _show_previews(self, previews: _Previews) -> None:
        self.previews = previews.items
        if len(self.previews) == 1:
            self.heading.setText(
                self.tr("Erase « %1 » everywhere?").replace("%1", self.previews[0].name)
            )
        else:
            self.heading.setText(
                formatting.count_text(
                    len(self.previews),
                    self.tr("Erase %1 person everywhere?"),
                    self.tr("Erase %1 people everywhere?"),
                )
            )
        self.body.setHtml(preview_html(self.previews))
        self.erase_button.setEnabled(bool(self.previews))

    # -- erasing ------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Erase (the dialog already said what will happen and that there is no undo)."""
        if not self.previews or self._job is not None:
            return
        erasure, ids = self._services.gdpr.erasure, [p.contact_id for p in self.previews]
        self.erase_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.progress.show()
        self.heading.setText(self.tr("Erasing, then cleaning the database file…"))
        self._job = operations.write(
            self,
            lambda progress: erasure.erase_many(ids, progress),
            self._done,
            changes=ERASURE_CHANGES,
            on_error=self._failed,
        )
        self._job.progressed.connect(self._progressed)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, reports: list[ErasureReport]) -> None:
        self._job = None
        self.reports = reports
        self.progress.hide()
        self.warning.hide()
        self.heading.setText(
            formatting.count_text(
                len(reports),
                self.tr("Erased: %1 person. What was done:"),
                self.tr("Erased: %1 people. What was done:"),
            )
        )
        self.body.setHtml(report_html(reports))
        self.erase_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.erased.emit([r.contact_id for r in reports])

    def _failed(self, error: PressDeskError) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.heading.setText(self.tr("Nothing was erased: %1").replace("%1", short_message(error)))
        self.heading.setStyleSheet("color: #b3261e;")

    def reject(self) -> None:
        if self._job is not None:  # an erasure under way is not left half-told
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            event.ignore()
            return
        super().closeEvent(event)


# -- the texts -------------------------------------------------------------------------------


def _rows_line(rows: dict[str, int]) -> str:
    # The card first, then what hangs from it; tables with nothing of theirs are not named.
    order = sorted(rows, key=lambda table: (table != "contacts", word(TABLES, table)))
    parts = [
        word(TABLES, table) if table == "contacts" else f"{word(TABLES, table)} ({rows[table]})"
        for table in order
        if table not in KEPT_TABLES and rows[table]
    ]
    return ", ".join(parts)


def _backups(backups: Sequence[BackupHolding]) -> str:
    if not backups:
        none = QCoreApplication.translate(
            "ErasureDialog", "No backup the desk knows of holds this person."
        )
        return f"<p>{escape(none)}</p>"
    items = []
    for backup in backups:
        when = (
            QCoreApplication.translate("ErasureDialog", "rotates out by %1").replace(
                "%1", formatting.format_moment(backup.rotates_out_by, with_time=False)
            )
            if backup.rotates_out_by is not None
            else QCoreApplication.translate(
                "ErasureDialog", "no rotation deletes it: delete it by hand"
            )
        )
        taken = formatting.format_moment(backup.taken_at, with_time=False)
        items.append(
            f"<li><code>{escape(str(backup.path))}</code> — {escape(taken)}, {escape(when)}</li>"
        )
    head = QCoreApplication.translate(
        "ErasureDialog", "Backups that still hold the person (restoring one would bring them back):"
    )
    return f"<p>{escape(head)}</p><ul>{''.join(items)}</ul>"


def preview_html(previews: Sequence[ErasurePreview]) -> str:
    """What the confirmation says will happen, person by person."""
    parts = []
    for p in previews:
        items = [
            QCoreApplication.translate("ErasureDialog", "Deleted: %1.").replace(
                "%1",
                _rows_line(p.rows)
                or QCoreApplication.translate("ErasureDialog", "the contact card"),
            ),
            QCoreApplication.translate(
                "ErasureDialog", "Photo, notes and the search index entry go with the card."
            ),
        ]
        if p.enquiries_kept or p.lines_kept:
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog",
                    "Kept for the statistics, anonymised as « personne effacée »: %1 enquiries, "
                    "%2 distribution lines.",
                )
                .replace("%1", str(p.enquiries_kept))
                .replace("%2", str(p.lines_kept))
            )
        items.append(
            QCoreApplication.translate(
                "ErasureDialog",
                "Their email addresses and phone numbers go on the suppression list (as keyed "
                "hashes): a later import or capture of them is refused.",
            )
        )
        if p.shared_addresses:
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog", "Shared with another contact, so not put on the list: %1."
                ).replace("%1", ", ".join(p.shared_addresses))
            )
        if p.rows.get("audit_log"):
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog", "Audit entries about them, cleaned of their name: %1."
                ).replace("%1", str(p.rows["audit_log"]))
            )
        items.append(
            QCoreApplication.translate(
                "ErasureDialog", "The audit log will record that an erasure happened, not who."
            )
        )
        lis = "".join(f"<li>{escape(i)}</li>" for i in items)
        parts.append(f"<h3>{escape(p.name)}</h3><ul>{lis}</ul>{_backups(p.backups)}")
    return "".join(parts)


def report_html(reports: Sequence[ErasureReport]) -> str:
    """What the erasure did, person by person (the name as it was, for the officer only)."""
    parts = []
    for r in reports:
        when = formatting.format_moment(r.erased_at)
        items = [
            QCoreApplication.translate("ErasureDialog", "Erased on %1.").replace("%1", when),
            QCoreApplication.translate("ErasureDialog", "Deleted: %1.").replace(
                "%1",
                _rows_line(r.deleted)
                or QCoreApplication.translate("ErasureDialog", "the contact card"),
            ),
            QCoreApplication.translate(
                "ErasureDialog", "Anonymised: %1 enquiries, %2 distribution lines."
            )
            .replace("%1", str(r.enquiries_anonymised))
            .replace("%2", str(r.lines_anonymised)),
            QCoreApplication.translate(
                "ErasureDialog", "Audit entries cleaned of the person: %1."
            ).replace("%1", str(r.audit_entries_scrubbed)),
            QCoreApplication.translate(
                "ErasureDialog", "Put on the suppression list: %1 addresses or numbers."
            ).replace("%1", str(r.suppressed)),
        ]
        if r.lines_dropped:
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog", "Messages queued for them and not sent, dropped: %1."
                ).replace("%1", str(r.lines_dropped))
            )
        if r.import_files_renamed:
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog", "Import file names that named the person, blanked: %1."
                ).replace("%1", str(r.import_files_renamed))
            )
        if r.shared_addresses:
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog", "Shared with another contact, kept: %1."
                ).replace("%1", ", ".join(r.shared_addresses))
            )
        if r.mentions:
            items.append(
                QCoreApplication.translate(
                    "ErasureDialog",
                    "Other records still write the name (a namesake?), read them: %1.",
                ).replace("%1", ", ".join(f"{m.table} #{m.row_id}" for m in r.mentions))
            )
        if r.storage:
            steps = "; ".join(word(STORAGE_STEPS, step) for step in r.storage)
            items.append(
                QCoreApplication.translate("ErasureDialog", "Database file: %1.").replace(
                    "%1", steps
                )
            )
        lis = "".join(f"<li>{escape(i)}</li>" for i in items)
        parts.append(f"<h3>{escape(r.name)}</h3><ul>{lis}</ul>{_backups(r.backups)}")
    return "".join(parts)
