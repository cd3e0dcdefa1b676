"""Exporting contacts from the window: format, header language, file, then a background
operation (``ui.operations``; the count shown first is read off the GUI thread too).

``run_export(services, contact_ids, parent, default_format=None)``: ``None`` ids export every
contact. Formats come from ``interchange.exporters`` (the command line uses the same code).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.interchange.exporters import (
    EXTENSIONS,
    ExportOptions,
    available_formats,
    export_contacts,
)
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.job_collector import CollectedProgress
from fiac_press_desk.ui.operations import Operation, Progress
from fiac_press_desk.ui.settings import load_value, save_value


@dataclass(frozen=True)
class ExportChoice:
    """One line of the format list: what it exports and how."""

    key: str  # what settings remember and default_format names
    fmt: str  # exporters format
    vcard_version: str = "3.0"
    csv_dialect: str = "excel-fr"


CHOICES = (
    ExportChoice("xlsx", "xlsx"),
    ExportChoice("csv-excel-fr", "csv", csv_dialect="excel-fr"),
    ExportChoice("csv-plain", "csv", csv_dialect="plain"),
    ExportChoice("vcard-3.0", "vcard", vcard_version="3.0"),
    ExportChoice("vcard-4.0", "vcard", vcard_version="4.0"),
    ExportChoice("vcard-2.1", "vcard", vcard_version="2.1"),
    ExportChoice("json", "json"),
)
_SETTINGS_KEY = "export/format"


class ExportDialog(QDialog):
    """Choose the format, then the file; the export runs in the background."""

    def __init__(
        self,
        services: Services,
        contact_ids: list[int] | None,
        parent: QWidget | None = None,
        default_format: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._ids = contact_ids
        self._job: Operation[int] | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export contacts"))
        self.setMinimumWidth(520)
        self._scope = QLabel()
        labels = {
            "xlsx": self.tr(
                "Excel workbook (.xlsx) — one row per contact, lists on a second sheet"
            ),
            "csv-excel-fr": self.tr("CSV for French Excel (semicolons, UTF-8 with BOM)"),
            "csv-plain": self.tr("Plain CSV (commas, UTF-8)"),
            "vcard-3.0": self.tr("vCard 3.0 (.vcf) — address books, Outlook, Gmail"),
            "vcard-4.0": self.tr("vCard 4.0 (.vcf) — recent address books"),
            "vcard-2.1": self.tr("vCard 2.1 (.vcf) — old phones and software"),
            "json": self.tr("JSON — every field and the history (GDPR access request)"),
        }
        formats = set(available_formats())
        self._group = QButtonGroup(self)
        box = QGroupBox(self.tr("Format"))
        box_layout = QVBoxLayout(box)
        self._buttons: dict[str, QRadioButton] = {}
        remembered = load_value(_SETTINGS_KEY, "xlsx")
        wanted = default_format or remembered
        for choice in CHOICES:
            button = QRadioButton(labels[choice.key])
            button.setEnabled(choice.fmt in formats)
            self._group.addButton(button)
            self._buttons[choice.key] = button
            box_layout.addWidget(button)
        target = next(
            (k for k in (wanted, f"{wanted}-3.0", f"{wanted}-excel-fr") if k in self._buttons),
            "xlsx",
        )
        if not self._buttons[target].isEnabled():
            target = next(k for k, b in self._buttons.items() if b.isEnabled())
        self._buttons[target].setChecked(True)

        self._language = QComboBox()
        self._language.addItem(self.tr("French"), "fr")
        self._language.addItem(self.tr("English"), "en")
        form = QFormLayout()
        form.addRow(self.tr("Column headers in:"), self._language)
        self._group.buttonToggled.connect(self._format_changed)

        self._progress = QProgressBar()
        self._progress.setVisible(False)
        self._status = QLabel()
        self._status.setWordWrap(True)
        self._box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self._box.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Export…"))
        self._box.accepted.connect(self._choose_file)
        self._box.rejected.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self._scope)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self._progress)
        layout.addWidget(self._status)
        layout.addWidget(self._box)
        # Never narrower than its longest format (a new dialog gets at most two thirds of the
        # screen: "…les listes sur une deuxième feuille" was cut at "feu").
        self.setMinimumWidth(max(self.minimumWidth(), layout.sizeHint().width()))
        self._format_changed()
        if contact_ids is not None:
            self._show_count(len(contact_ids))
        else:
            self._ok.setEnabled(False)
            queries = services.contact_queries
            operations.read(
                self, lambda _p: queries.count(ContactFilter(archived=None)), self._show_count
            )

    def _show_count(self, count: int) -> None:
        scope = (
            self.tr("%n selected contact(s)", "", count)
            if self._ids is not None
            else self.tr("All contacts (%n)", "", count)
        )
        self._scope.setText(f"<b>{scope}</b>")
        self._ok.setEnabled(count > 0 and self._job is None)

    def choice(self) -> ExportChoice:
        for item in CHOICES:
            if self._buttons[item.key].isChecked():
                return item
        return CHOICES[0]

    def _format_changed(self, *_args: object) -> None:
        self._language.setEnabled(self.choice().fmt in ("xlsx", "csv"))

    def suggested_name(self) -> str:
        choice = self.choice()
        return f"contacts-fiac-{date.today().isoformat()}{EXTENSIONS.get(choice.fmt, '')}"

    def _choose_file(self) -> None:
        folder = load_value("export/folder", str(Path.home()))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), str(Path(folder) / self.suggested_name())
        )
        if name:
            save_value("export/folder", str(Path(name).parent))
            self.start_export(Path(name))

    def start_export(self, path: Path) -> Operation[int]:
        """Write ``path`` in the background (the file dialog's answer, or a test's)."""
        choice = self.choice()
        save_value(_SETTINGS_KEY, choice.key)
        ids = self._ids
        services = self._services
        language = str(self._language.currentData())

        def work(progress: Progress) -> int:
            selected = (
                ids
                if ids is not None
                else services.contact_queries.ids(ContactFilter(archived=None))
            )
            sink = CollectedProgress(progress)  # no full pass over the rows meanwhile
            options = ExportOptions(
                vcard_version=choice.vcard_version,
                csv_dialect=choice.csv_dialect,
                language=language,
                progress=sink,
            )
            try:
                return export_contacts(services, selected, choice.fmt, path, options)
            finally:
                sink.close()

        self._ok.setEnabled(False)
        self._group.setExclusive(True)
        for button in self._buttons.values():
            button.setEnabled(False)
        self._progress.setVisible(True)
        self._progress.setRange(0, 0)
        self._status.setText(self.tr("Writing %1…").replace("%1", path.name))
        job = operations.read(
            self,
            operations.settled(work),  # the dialog's progress painted first
            lambda count: self._done(path, int(count)),
            on_error=self._failed,
            on_cancel=self._cancelled,
            busy=True,
        )
        job.progressed.connect(self._progressed)
        job.finished.connect(self._finished)
        self._job = job
        return job

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self._progress.setRange(0, total)
            self._progress.setValue(done)

    def _done(self, path: Path, count: int) -> None:
        self.written = path
        self._progress.setRange(0, 1)
        self._progress.setValue(1)
        self._status.setText(
            self.tr("%n contact(s) exported to %1.", "", count).replace("%1", str(path))
        )
        self._box.clear()
        close = self._box.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)

    def _failed(self, error: PressDeskError) -> None:
        self._status.setText(self.tr("The export failed: %1").replace("%1", message_of(error)))
        self._reset_buttons()

    def _cancelled(self) -> None:
        self._status.setText(self.tr("Export cancelled: no file was written."))
        self._reset_buttons()

    def _finished(self) -> None:
        job, self._job = self._job, None
        if job is not None and job.state == "unexpected":  # shown in the one error dialog
            self._status.setText("")
            self._reset_buttons()

    def _reset_buttons(self) -> None:
        self._progress.setVisible(False)
        self._ok.setEnabled(True)
        formats = set(available_formats())
        for choice in CHOICES:
            self._buttons[choice.key].setEnabled(choice.fmt in formats)

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            return
        self.reject()

    def is_running(self) -> bool:
        return self._job is not None


def run_export(
    services: Services,
    contact_ids: list[int] | None,
    parent: QWidget | None,
    default_format: str | None = None,
) -> None:
    """The window's export: choose format and file, export in the background."""
    dialog = ExportDialog(services, contact_ids, parent, default_format)
    dialog.exec()
