"""Sending a release: progress, each recipient's outcome as it happens, and Cancel.

The sending is a write of ``ui.operations``; a cancel stops between two messages (never in
the middle of one) and what is left stays queued, so the release page can resume it later.
The checks before it (settings, password, how many wait) are read off the GUI thread too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.releases import ReleaseData
from fiac_press_desk.services.sending import Outcome, SendingState, SendReport, SmtpSettings
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.dialogs.outcome_log import OutcomeLog
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.operations import Operation, Progress


@dataclass(frozen=True)
class _Checks:
    """What ``start_sending`` needs to know before it asks or starts anything."""

    settings: SmtpSettings
    password: str | None  # stored one, when the account has a login
    count: int  # messages to send
    release: ReleaseData


class _Bridge(QObject):
    """Carries outcomes from the worker thread to the dialog (queued to the GUI thread)."""

    outcome = Signal(object)


class SendingDialog(QDialog):
    """Runs the sending of the queued lines of a release (queueing ``contact_ids`` first)."""

    report_ready = Signal(object)  # SendReport, or None if cancelled, failed or given up
    started = Signal()  # the checks passed: the dialog is open and the sending under way

    def __init__(
        self,
        services: Services,
        release_id: int,
        password: str | None,
        contact_ids: list[int] | None = None,
        criteria: RecipientCriteria | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._release_id = release_id
        self._password = password
        self._contact_ids = contact_ids
        self._criteria = criteria
        self._job: Operation[SendReport] | None = None
        self._running = False
        self.sent = 0
        self.failed = 0
        self.skipped = 0
        self.setWindowTitle(self.tr("Sending the release"))
        self.setModal(True)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.note = QLabel(self.tr("One message per recipient; nobody sees the others."), self)
        self.note.setStyleSheet(f"color: {labels.GREY.name()};")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.current = QLabel(self.tr("Connecting to the mail server…"), self)
        self.counts = QLabel(self)
        self.log = OutcomeLog(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counts, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.log, 1)
        layout.addLayout(buttons)
        self.resize(640, 460)

        self._bridge = _Bridge(self)
        self._bridge.outcome.connect(self._outcome)
        self._update_counts()

    # -- running ------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._running

    def set_title(self, title: str) -> None:
        self.heading.setText(self.tr("Sending « %1 »").replace("%1", title))

    def prepare(self, confirm: bool = True) -> None:
        """Check the settings, the password and who waits (read off the GUI thread), ask
        what must be asked, then open and start; or give up (``report_ready(None)``)."""
        services, release_id, contact_ids = self._services, self._release_id, self._contact_ids

        def work(_progress: Progress) -> _Checks:
            settings = services.sending.settings()
            return _Checks(
                settings,
                services.sending.password(settings) if settings.username else None,
                len(contact_ids)
                if contact_ids is not None
                else services.sending.state(release_id).pending,
                services.releases.get(release_id),
            )

        operations.read(
            self, work, lambda checks: self._checked(checks, confirm), on_error=self._error
        )

    def _checked(self, checks: _Checks, confirm: bool) -> None:
        from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog, ask_password

        parent = self.parentWidget()
        if not checks.settings.configured:
            dialog = SmtpSettingsDialog(self._services, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self._give_up()
            else:
                self.prepare(confirm)  # again, with the settings just saved
            return
        password = None
        if checks.settings.username:
            password = ask_password(self._services, checks.settings, parent, checks.password)
            if password is None:
                self._give_up()
                return
        if checks.count == 0:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("SendingDialog", "Sending the release"),
                QCoreApplication.translate("SendingDialog", "Nobody to send to."),
            )
            self._give_up()
            return
        if confirm and not _confirm(checks.release, checks.count, parent):
            self._give_up()
            return
        self._password = password
        self.set_title(checks.release.title)
        self.open()
        self.start()
        self.started.emit()

    def _give_up(self) -> None:
        self.report_ready.emit(None)
        self.done(QDialog.DialogCode.Rejected)

    def start(self) -> None:
        services, release_id = self._services, self._release_id
        contact_ids, criteria, password = self._contact_ids, self._criteria, self._password
        emit = self._bridge.outcome.emit

        def work(progress: Progress) -> SendReport:
            if contact_ids is not None:
                services.sending.queue(release_id, contact_ids, criteria)
            return services.sending.send_queued(
                release_id, password=password, progress=progress, on_outcome=emit
            )

        self._running = True
        self._job = operations.write(
            self,
            operations.settled(work),  # the dialog painted before the sending begins
            self._finished,
            changes=("releases",),
            on_error=self._error,
            on_cancel=self._cancelled,
        )
        self._job.progressed.connect(self._progressed)

    def cancel(self) -> None:
        if self._job is not None and self._running:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.current.setText(self.tr("Stopping after the message being sent…"))

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if total == 0:
            self.current.setText(self.tr("Nothing waits to be sent."))
        elif text:
            self.current.setText(
                self.tr("%1 of %2: %3")
                .replace("%1", str(done))
                .replace("%2", str(total))
                .replace("%3", text)
            )

    def _outcome(self, outcome: Outcome) -> None:
        if outcome.status == "sent":
            self.sent += 1
            text = self.tr("Sent to %1 <%2>")
            color = labels.GREEN
        elif outcome.status == "skipped":
            self.skipped += 1
            text = self.tr("Skipped %1 <%2>: no longer to be sent to")
            color = labels.GREY
        else:
            self.failed += 1
            text = self.tr("Refused for %1 <%2>: %3")
            color = labels.RED
        self.log.add(
            text.replace("%1", outcome.name)
            .replace("%2", outcome.address)
            .replace("%3", outcome.error),
            color,
            outcome.error or outcome.address,
        )
        self._update_counts()

    def _update_counts(self) -> None:
        parts = [
            formatting.count_text(self.sent, self.tr("%1 sent", "one"), self.tr("%1 sent", "many"))
        ]
        if self.failed:
            parts.append(
                formatting.count_text(
                    self.failed, self.tr("%1 refused", "one"), self.tr("%1 refused", "many")
                )
            )
        if self.skipped:
            parts.append(
                formatting.count_text(
                    self.skipped, self.tr("%1 skipped", "one"), self.tr("%1 skipped", "many")
                )
            )
        self.counts.setText(" · ".join(parts))

    def _end(self) -> None:
        self._running = False
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def _finished(self, report: SendReport) -> None:
        self._end()
        if report.stopped:
            self.current.setText(
                self.tr("Stopped: %1 The messages not sent yet stay queued; resume later.").replace(
                    "%1", report.stopped
                )
            )
            self.current.setStyleSheet(f"color: {labels.RED.name()};")
        else:
            self.progress.setRange(0, max(report.total, 1))
            self.progress.setValue(report.total)
            self.current.setText(self.tr("Done."))
        self.report_ready.emit(report)

    def _cancelled(self) -> None:
        self._end()
        sending, release_id = self._services.sending, self._release_id
        operations.read(self, lambda _p: sending.state(release_id), self._say_cancelled)

    def _say_cancelled(self, state: SendingState) -> None:
        self.current.setText(
            formatting.count_text(
                state.pending,
                self.tr("Cancelled. %1 message waits; resume it from the release's page."),
                self.tr("Cancelled. %1 messages wait; resume them from the release's page."),
            )
        )
        self.report_ready.emit(None)

    def _error(self, error: PressDeskError) -> None:
        self._end()
        data_events().changed.emit("releases")  # some may have gone before it failed
        self.current.setText(short_message(error))
        self.current.setStyleSheet(f"color: {labels.RED.name()};")
        self.current.setWordWrap(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.report_ready.emit(None)

    # -- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def start_sending(
    services: Services,
    release_id: int,
    parent: QWidget | None,
    contact_ids: list[int] | None = None,
    criteria: RecipientCriteria | None = None,
    on_finished: Callable[[], None] | None = None,
    confirm: bool = True,
) -> SendingDialog:
    """Check the settings and password, confirm, then open the progress dialog and start.

    ``contact_ids`` None resumes the lines already queued for the release. The dialog comes
    back at once; it opens (``started``) once the checks passed, or gives up
    (``report_ready(None)``) when the press officer cancels one of them.
    """
    sending = SendingDialog(services, release_id, None, contact_ids, criteria, parent)
    if on_finished is not None:
        sending.finished.connect(lambda _code: on_finished())
    sending.prepare(confirm)
    return sending


def _confirm(release: ReleaseData, count: int, parent: QWidget | None) -> bool:
    text = formatting.count_text(
        count,
        QCoreApplication.translate(
            "SendingDialog", "Send « %2 » to %1 recipient now, one message each?"
        ),
        QCoreApplication.translate(
            "SendingDialog", "Send « %2 » to %1 recipients now, one message each?"
        ),
    ).replace("%2", release.title)
    details = []
    if release.embargo_at is not None:
        if release.embargo_at > datetime.now(UTC):
            details.append(
                QCoreApplication.translate(
                    "SendingDialog", "The embargo (%1) opens the subject and the text."
                ).replace("%1", formatting.format_moment(release.embargo_at))
            )
        else:
            details.append(
                QCoreApplication.translate(
                    "SendingDialog",
                    "The embargo date (%1) is past: the message still announces it.",
                ).replace("%1", formatting.format_moment(release.embargo_at))
            )
    if release.attachments:
        details.append(
            QCoreApplication.translate("SendingDialog", "Attachments: %1").replace(
                "%1", ", ".join(a.filename for a in release.attachments)
            )
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("SendingDialog", "Send the release"))
    box.setText(text)
    box.setInformativeText("\n".join(details))
    send = box.addButton(
        QCoreApplication.translate("SendingDialog", "Send"), QMessageBox.ButtonRole.AcceptRole
    )
    send.setIcon(icons.icon("release"))
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is send
