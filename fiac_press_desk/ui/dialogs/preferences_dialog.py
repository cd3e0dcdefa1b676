"""Édition > Préférences… : what one sets once for this workstation, in one place.

Where each value goes, and why there:
- the user's name, the time zone and the lawful basis for new contacts: ``workstation.json``
  (``fiac_press_desk/workstation.py``), because the command line needs them too and reads no
  Qt settings file;
- the language and the backups (folder, how many daily, weekly and monthly copies to keep):
  the window's QSettings (``ui/settings.py``; keys ``ui/language``, ``backups/folder``,
  ``backups/daily``, ``backups/weekly``, ``backups/monthly``, documented in README.md);
- the DPO: the GDPR settings of the database (``services.gdpr.settings``), since the notices
  and documents of that database name them, whoever writes them;
- the mail server: its own dialog (``SmtpSettingsDialog``), opened from here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk import workstation
from fiac_press_desk.config import data_dir
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.gdpr_settings import GdprSettings
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import i18n, operations, settings
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.labels import lawful_bases

BACKUP_FOLDER_KEY = "backups/folder"
BACKUP_KEEP_KEYS = {
    "daily": "backups/daily",
    "weekly": "backups/weekly",
    "monthly": "backups/monthly",
}
BACKUP_KEEP_DEFAULTS = {"daily": 7, "weekly": 4, "monthly": 12}
BACKUP_KEEP_RANGES = {"daily": (1, 60), "weekly": (0, 52), "monthly": (0, 120)}


def backup_keep(period: str) -> int:
    """How many backups of ``period`` ("daily", "weekly", "monthly") to keep."""
    low, high = BACKUP_KEEP_RANGES[period]
    try:
        value = int(settings.load_value(BACKUP_KEEP_KEYS[period], ""))
    except ValueError:
        return BACKUP_KEEP_DEFAULTS[period]
    return min(max(value, low), high)


def backup_folder() -> str:
    """The backups folder the press officer chose ("" : the data folder's ``backups/``)."""
    return settings.load_value(BACKUP_FOLDER_KEY, "")


def apply_backup_preferences(services: Services) -> None:
    """Hand the backups folder and rotation chosen here to the services' backups (at start,
    and whenever the preferences are saved)."""
    from fiac_press_desk.services.backup_rotation import RotationPolicy

    folder = backup_folder()
    services.backups.configure(
        Path(folder) if folder else None,
        RotationPolicy(
            daily=backup_keep("daily"),
            weekly=backup_keep("weekly"),
            monthly=backup_keep("monthly"),
        ),
    )


class PreferencesDialog(QDialog):
    """The workstation's preferences, the DPO of the database, the way to the mail server."""

    language_chosen = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self._services = services
        self._gdpr: GdprSettings | None = None
        self.setWindowTitle(self.tr("Preferences"))
        saved = workstation.load()

        # -- you and this workstation --
        self.user_name = QLineEdit(saved.user_name, self)
        self.user_name.setMaxLength(workstation.MAX_NAME)
        system_name = workstation.system_full_name()
        self.user_name.setPlaceholderText(
            self.tr("%1 (from the system)").replace("%1", system_name)
            if system_name
            else self.tr("First name and surname")
        )
        self.user_name.setToolTip(
            self.tr("Signs your notes, and names you in the history of every change and send")
        )
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current())))
        self.time_zone = QComboBox(self)
        self.time_zone.setEditable(True)
        self.time_zone.addItems(sorted(available_timezones()))
        self.time_zone.setCurrentText(saved.time_zone)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.time_zone.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lawful_basis = QComboBox(self)
        for basis, text in lawful_bases().items():
            self.lawful_basis.addItem(text, basis.value)
        self.lawful_basis.setCurrentIndex(
            max(0, self.lawful_basis.findData(saved.default_lawful_basis))
        )
        self.lawful_basis.setToolTip(
            self.tr("Proposed for a contact you create, and for an import's new contacts")
        )
        self.smtp_button = QPushButton(self.tr("Mail server and sender…"), self)
        self.smtp_button.clicked.connect(self._open_smtp)

        you = QGroupBox(self.tr("You and this workstation"), self)
        form = QFormLayout(you)
        form.addRow(self.tr("Your name"), self.user_name)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Lawful basis of new contacts"), self.lawful_basis)
        form.addRow(self.tr("Sending"), self.smtp_button)

        # -- backups --
        self.backup_folder = QLineEdit(backup_folder(), self)
        self.backup_folder.setPlaceholderText(self.tr("Default folder"))
        self.backup_folder.setToolTip(str(data_dir() / "backups"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(browse)
        self.keep: dict[str, QSpinBox] = {}
        for period in ("daily", "weekly", "monthly"):
            spin = QSpinBox(self)
            spin.setRange(*BACKUP_KEEP_RANGES[period])
            spin.setValue(backup_keep(period))
            self.keep[period] = spin
        backups = QGroupBox(self.tr("Backups"), self)
        backup_form = QFormLayout(backups)
        backup_form.addRow(self.tr("Folder"), folder_row)
        backup_form.addRow(self.tr("Daily copies kept"), self.keep["daily"])
        backup_form.addRow(self.tr("Weekly copies kept"), self.keep["weekly"])
        backup_form.addRow(self.tr("Monthly copies kept"), self.keep["monthly"])

        # -- the DPO (GDPR settings of the database) --
        self.dpo_name = QLineEdit(self)
        self.dpo_email = QLineEdit(self)
        self.dpo_email.setPlaceholderText(self.tr("e.g. dpo@example.fr"))
        self.dpo_address = QPlainTextEdit(self)
        self.dpo_address.setTabChangesFocus(True)
        self.dpo_address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        dpo = QGroupBox(self.tr("Data protection officer"), self)
        dpo_form = QFormLayout(dpo)
        dpo_note = QLabel(
            self.tr(
                "Named in the information notices and the record of processing of this database."
            )
        )
        dpo_note.setWordWrap(True)
        dpo_form.addRow(dpo_note)
        dpo_form.addRow(self.tr("Name"), self.dpo_name)
        dpo_form.addRow(self.tr("Email"), self.dpo_email)
        dpo_form.addRow(self.tr("Address"), self.dpo_address)
        self._dpo_box = dpo
        dpo.setEnabled(False)  # until the stored settings are read

        self.intro = QLabel(
            self.tr(
                "<b>Who works at this workstation?</b> Your name signs your notes and names "
                "you in the history of every change and send; the system gives none."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        self.problem = QLabel(self)
        self.problem.setObjectName("preferencesProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(you)
        left.addWidget(backups)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(dpo)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(940, self.sizeHint().height())

        gdpr = services.gdpr.settings
        operations.read(self, lambda _progress: gdpr.get(), self._show_gdpr, key="gdpr")

    def ask_for_name(self) -> None:
        """Opened at start because nobody's name is known: say why, the cursor in the name."""
        self.intro.setVisible(True)
        self.user_name.setFocus()

    def _show_gdpr(self, stored: GdprSettings) -> None:
        self._gdpr = stored
        self.dpo_name.setText(stored.dpo_name)
        self.dpo_email.setText(stored.dpo_email)
        self.dpo_address.setPlainText(stored.dpo_address)
        self._dpo_box.setEnabled(True)

    def is_loaded(self) -> bool:
        """The database's settings are shown (tests wait for it)."""
        return self._gdpr is not None

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Backups folder"), self.backup_folder.text() or str(Path.home())
        )
        if chosen:
            self.backup_folder.setText(chosen)

    def _open_smtp(self) -> None:
        from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog

        SmtpSettingsDialog(self._services, self).exec()

    def _show_problem(self, text: str, widget: QWidget | None = None) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
        if widget is not None:
            widget.setFocus()

    def problems(self) -> str:
        """What stops the preferences being saved ("" when nothing does)."""
        zone = self.time_zone.currentText().strip()
        if zone not in available_timezones():
            return self.tr("Unknown time zone: %1 (choose one from the list).").replace("%1", zone)
        folder = self.backup_folder.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            return self.tr("The backups folder %1 does not exist.").replace("%1", folder)
        return ""

    def accept(self) -> None:
        """Save: the workstation's file and the window's settings at once, the DPO in the
        database; the dialog closes once the database has it."""
        problem = self.problems()
        if problem:
            field = self.time_zone if "zone" in problem.lower() else self.backup_folder
            self._show_problem(problem, field)
            return
        workstation.update(
            user_name=self.user_name.text().strip(),
            time_zone=self.time_zone.currentText().strip(),
            default_lawful_basis=str(self.lawful_basis.currentData()),
        )
        folder = self.backup_folder.text().strip()
        settings.save_value(BACKUP_FOLDER_KEY, str(Path(folder).expanduser()) if folder else "")
        for period, spin in self.keep.items():
            settings.save_value(BACKUP_KEEP_KEYS[period], spin.value())
        apply_backup_preferences(self._services)
        language = str(self.language.currentData())
        if language != i18n.current():
            self.language_chosen.emit(language)
        if self._gdpr is None:  # not read (yet): nothing of the database's to change
            super().accept()
            return
        changed = replace(
            self._gdpr,
            dpo_name=self.dpo_name.text().strip(),
            dpo_email=self.dpo_email.text().strip(),
            dpo_address=self.dpo_address.toPlainText().strip(),
        )
        if changed == self._gdpr:
            super().accept()
            return
        gdpr = self._services.gdpr.settings
        self.buttons.setEnabled(False)
        operations.write(
            self,
            lambda _progress: gdpr.save(changed),
            lambda _saved: QDialog.accept(self),
            changes=("gdpr",),
            on_error=self._refused,
        )

    def _refused(self, error: PressDeskError) -> None:
        self.buttons.setEnabled(True)
        self._show_problem(message_of(error))


def open_preferences(services: Services, parent: QWidget | None = None) -> PreferencesDialog:
    """Show the dialog (not modal to the whole application: the window stays readable)."""
    dialog = PreferencesDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
