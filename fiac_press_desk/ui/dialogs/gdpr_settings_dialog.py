"""The GDPR settings: who the controller and the data protection officer are, the retention
period, the information notice's templates (French first, English for the people who read
English) and the words of the record of processing. Read and saved off the GUI thread; the
services refuse a template with an unknown ``{field}`` and the message says which."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.gdpr_settings import NOTICE_FIELDS, GdprSettings
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import short_message

LINES = ("controller", "dpo_name", "dpo_email", "notice_subject_fr", "notice_subject_en")


class GdprSettingsDialog(QDialog):
    """Edit ``GdprSettings``; OK saves (``services.gdpr.settings.save``), closing once saved."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gdprSettings")
        self._services = services
        self._settings: GdprSettings | None = None
        self.setWindowTitle(self.tr("GDPR settings"))
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.tabs = QTabWidget()
        self.retention = QSpinBox()
        self.retention.setRange(1, 10)
        self.retention.setSuffix(self.tr(" years after the last interaction"))

        who = QFormLayout()
        who.addRow(self.tr("Controller"), self._line("controller"))
        who.addRow(self.tr("Controller's address"), self._text("controller_address", 60))
        who.addRow(self.tr("DPO's name"), self._line("dpo_name"))
        who.addRow(self.tr("DPO's email"), self._line("dpo_email"))
        who.addRow(self.tr("DPO's address"), self._text("dpo_address", 60))
        who.addRow(self.tr("Retention"), self.retention)
        self.tabs.addTab(_page(who), self.tr("Controller and DPO"))

        notice = QFormLayout()
        fields_note = QLabel(
            self.tr("Fields filled for each person: %1").replace(
                "%1", ", ".join("{" + f + "}" for f in NOTICE_FIELDS)
            )
        )
        fields_note.setWordWrap(True)
        fields_note.setStyleSheet("color: #5f6b76;")
        notice.addRow(fields_note)
        notice.addRow(self.tr("Subject (French)"), self._line("notice_subject_fr"))
        notice.addRow(self.tr("Text (French)"), self._text("notice_body_fr", 260))
        notice.addRow(self.tr("Subject (English)"), self._line("notice_subject_en"))
        notice.addRow(self.tr("Text (English)"), self._text("notice_body_en", 160))
        self.tabs.addTab(_page(notice), self.tr("Information notice"))

        record = QFormLayout()
        for name, label in (
            ("purpose", self.tr("Purpose")),
            ("people", self.tr("People concerned")),
            ("data_categories", self.tr("Categories of data")),
            ("recipients", self.tr("Recipients")),
            ("transfers", self.tr("Transfers outside the EU")),
            ("security", self.tr("Security measures")),
            ("purpose_en", self.tr("Purpose (English notice)")),
            ("recipients_en", self.tr("Recipients (English notice)")),
        ):
            record.addRow(label, self._text(name, 56))
        self.tabs.addTab(_page(record), self.tr("Record of processing"))

        self.error = QLabel()
        self.error.setObjectName("gdprSettingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 640)
        gdpr = services.gdpr.settings
        operations.read(self, lambda _p: gdpr.get(), self._show)

    def _line(self, name: str) -> QLineEdit:
        editor = QLineEdit()
        editor.setObjectName(f"gdpr_{name}")
        self.editors[name] = editor
        return editor

    def _text(self, name: str, height: int) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setObjectName(f"gdpr_{name}")
        editor.setMinimumHeight(height)
        if height < 100:  # an address or a paragraph: a few lines, not the whole page
            editor.setMaximumHeight(height + 30)
        editor.setTabChangesFocus(True)
        self.editors[name] = editor
        return editor

    def _show(self, settings: GdprSettings) -> None:
        self._settings = settings
        for name, editor in self.editors.items():
            value = str(getattr(settings, name))
            if isinstance(editor, QLineEdit):
                editor.setText(value)
                editor.setCursorPosition(0)
            else:
                editor.setPlainText(value)
        self.retention.setValue(settings.retention_years)
        self.buttons.setEnabled(True)

    def values(self) -> GdprSettings:
        """The settings as edited (validated by the services on save)."""
        assert self._settings is not None
        known = {f.name for f in fields(GdprSettings)}
        changes: dict[str, object] = {
            name: editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            for name, editor in self.editors.items()
            if name in known
        }
        changes["retention_years"] = self.retention.value()
        return replace(self._settings, **changes)  # type: ignore[arg-type]

    def accept(self) -> None:
        if self._settings is None:
            return
        settings, gdpr = self.values(), self._services.gdpr.settings
        self.buttons.setEnabled(False)
        operations.write(
            self,
            lambda _p: gdpr.save(settings),
            lambda _s: QDialog.accept(self),
            changes=("gdpr",),
            on_error=self._refused,
        )

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(short_message(error))
        self.error.show()


def _page(form: QFormLayout) -> QWidget:
    from PySide6.QtWidgets import QScrollArea

    inner = QWidget()
    column = QVBoxLayout(inner)
    column.addLayout(form)
    column.addStretch(1)  # the rows keep their height; the space goes below them
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(inner)
    return scroll
