"""« Données personnelles (RGPD) »: the desk's GDPR duties in one window, reachable from the
menu: who is still to be informed (art. 14), the retention review, the settings (notice
template, DPO) and the record of processing as a PDF (art. 30)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, labels, operations, settings
from fiac_press_desk.ui.dialogs.gdpr_notices_tab import NoticesTab
from fiac_press_desk.ui.dialogs.gdpr_retention_tab import RetentionTab
from fiac_press_desk.ui.errors import short_message


class GdprDialog(QDialog):
    """The personal data window: two tabs (to inform, retention) and two buttons (settings,
    record of processing). Not modal: the officer may look at a contact meanwhile."""

    NOTICES, RETENTION = 0, 1

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gdprDialog")
        self._services = services
        self.setWindowTitle(self.tr("Personal data (GDPR)"))
        self.tabs = QTabWidget()
        self.notices = NoticesTab(services)
        self.retention = RetentionTab(services)
        self.tabs.addTab(self.notices, self.tr("People to inform (art. 14)"))
        self.tabs.addTab(self.retention, self.tr("Retention review"))
        self.settings_button = QPushButton(icons.icon("edit"), self.tr("Settings…"))
        self.settings_button.setObjectName("gdprSettingsButton")
        self.settings_button.setToolTip(self.tr("Notice template, DPO, retention period"))
        self.settings_button.clicked.connect(self.open_settings)
        self.record_button = QPushButton(
            icons.icon("export"), self.tr("Record of processing (PDF)…")
        )
        self.record_button.setObjectName("gdprRecordButton")
        self.record_button.clicked.connect(self.export_record)
        self.status = QLabel()
        self.status.setObjectName("gdprDialogStatus")
        self.status.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.settings_button)
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(1100, 640)

    def open_settings(self) -> None:
        from fiac_press_desk.ui.dialogs.gdpr_settings_dialog import GdprSettingsDialog

        GdprSettingsDialog(self._services, self).open()

    def export_record(self) -> None:
        folder = settings.load_value("gdpr/export_folder", "")
        name = "registre-des-traitements.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Record of processing"),
            str(Path(folder) / name) if folder else name,
            self.tr("PDF document (*.pdf)"),
        )
        if chosen:
            self.write_record(Path(chosen).with_suffix(".pdf"))

    def write_record(self, target: Path) -> None:
        """Write the record of processing as ``target`` (a PDF), in the background."""
        settings.save_value("gdpr/export_folder", str(target.parent))
        record = self._services.gdpr.record
        self.record_button.setEnabled(False)
        operations.read(
            self,
            lambda _p: record.write(target),
            self._written,
            on_error=self._failed,
            busy=True,
            expected=(OSError,),
        )

    def _written(self, target: Path) -> None:
        self.record_button.setEnabled(True)
        self.status.setStyleSheet(f"color: {labels.GREEN.name()};")
        self.status.setText(self.tr("Record written: %1").replace("%1", str(target)))

    def _failed(self, error: PressDeskError) -> None:
        self.record_button.setEnabled(True)
        self.status.setStyleSheet(f"color: {labels.RED.name()};")
        self.status.setText(
            self.tr("The record could not be written: %1").replace("%1", short_message(error))
        )
