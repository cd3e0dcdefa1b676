"""Sending the information notice (GDPR art. 14) by email, through the release sending path:
one message each, progress as it goes, Cancel between two messages; what is not sent stays
queued and the "Données personnelles" dialog offers to resume. The services never queue nor
send to an opted-out address (checked at queueing and again at each message).

The checks before (mail settings, password, who can get it) are read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
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
from fiac_press_desk.services.gdpr_notices import NoticeState
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.sending import Outcome, SendReport, SmtpSettings
from fiac_press_desk.ui import formatting, labels, operations
from fiac_press_desk.ui.dialogs.outcome_log import OutcomeLog
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.operations import Operation, Progress

NOTICE_CHANGES = ("gdpr", "contacts")


@dataclass(frozen=True)
class _Checks:
    settings: SmtpSettings
    password: str | None
    count: int  # people who will get a message
    left_out: int  # asked for but opted out, without an address, informed or queued


class _Bridge(QObject):
    """Carries each outcome from the worker thread to the dialog."""

    outcome = Signal(object)


class NoticeSendingDialog(QDialog):
    """Queue the notices of ``contact_ids`` (None: resume the queued ones), then send them."""

    report_ready = Signal(object)  # SendReport, or None (given up, cancelled, failed)

    def __init__(
        self,
        services: Services,
        contact_ids: list[int] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gdprNoticeSending")
        self._services = services
        self._ids = contact_ids
        self._password: str | None = None
        self._job: Operation[SendReport] | None = None
        self._running = False
        self.sent = self.failed = self.skipped = 0
        self.setWindowTitle(self.tr("Sending the information notice"))
        self.setModal(True)
        self.heading = QLabel(self.tr("Information notice (GDPR, article 14)"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel(self.tr("One message per person; opted-out addresses never get one."))
        self.note.setStyleSheet(f"color: {labels.GREY.name()};")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.current = QLabel(self.tr("Connecting to the mail server…"))
        self.current.setWordWrap(True)
        self.counts = QLabel()
        self.log = OutcomeLog()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counts, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.note, self.progress, self.current):
            layout.addWidget(widget)
        layout.addWidget(self.log, 1)
        layout.addLayout(buttons)
        self.resize(620, 440)
        self._bridge = _Bridge(self)
        self._bridge.outcome.connect(self._outcome)
        self._update_counts()

    # -- before -------------------------------------------------------------------------------

    def prepare(self, confirm: bool = True) -> None:
        """Read the settings, the password and who would get it; ask; open and start."""
        services, ids = self._services, self._ids

        def work(_progress: Progress) -> _Checks:
            settings = services.sending.settings()
            password = services.sending.password(settings) if settings.username else None
            if ids is None:
                count = services.gdpr.notices.state().pending
                return _Checks(settings, password, count, 0)
            allowed = {
                c.contact_id
                for c in services.gdpr.notices.to_inform()
                if c.by_email and not c.queued
            }
            count = len([i for i in ids if i in allowed])
            return _Checks(settings, password, count, len(ids) - count)

        operations.read(self, work, lambda c: self._checked(c, confirm), on_error=self._error)

    def _checked(self, checks: _Checks, confirm: bool) -> None:
        from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog, ask_password

        parent = self.parentWidget()
        if not checks.settings.configured:
            dialog = SmtpSettingsDialog(self._services, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self._give_up()
            else:
                self.prepare(confirm)
            return
        if checks.count == 0:
            QMessageBox.information(
                parent,
                self.tr("Sending the information notice"),
                self.tr(
                    "Nobody to send it to: the people chosen are opted out, have no email "
                    "address, are informed already or have a notice waiting."
                ),
            )
            self._give_up()
            return
        password = None
        if checks.settings.username:
            password = ask_password(self._services, checks.settings, parent, checks.password)
            if password is None:
                self._give_up()
                return
        if confirm and not self._confirm(checks):
            self._give_up()
            return
        self._password = password
        self.open()
        self.start()

    def _confirm(self, checks: _Checks) -> bool:
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Send the information notice"))
        box.setText(
            formatting.count_text(
                checks.count,
                self.tr("Send the information notice to %1 person now, one message each?"),
                self.tr("Send the information notice to %1 people now, one message each?"),
            )
        )
        if checks.left_out:
            box.setInformativeText(
                formatting.count_text(
                    checks.left_out,
                    self.tr(
                        "%1 person chosen is left out (opted out, no address, already "
                        "informed or waiting)."
                    ),
                    self.tr(
                        "%1 people chosen are left out (opted out, no address, already "
                        "informed or waiting)."
                    ),
                )
            )
        send = box.addButton(self.tr("Send"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is send

    def _give_up(self) -> None:
        self.report_ready.emit(None)
        self.done(QDialog.DialogCode.Rejected)

    # -- sending ------------------------------------------------------------------------------

    def start(self) -> None:
        notices, ids, password = self._services.gdpr.notices, self._ids, self._password
        emit = self._bridge.outcome.emit

        def work(progress: Progress) -> SendReport:
            if ids is not None:
                notices.queue(ids)
            return notices.send_queued(password=password, progress=progress, on_outcome=emit)

        self._running = True
        self._job = operations.write(
            self,
            work,
            self._finished,
            changes=NOTICE_CHANGES,
            on_error=self._error,
            on_cancel=self._cancelled,
        )
        self._job.progressed.connect(self._progressed)

    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        if self._job is not None and self._running:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.current.setText(self.tr("Stopping after the message being sent…"))

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if text:
            self.current.setText(
                self.tr("%1 of %2: %3")
                .replace("%1", str(done))
                .replace("%2", str(total))
                .replace("%3", text)
            )

    def _outcome(self, outcome: Outcome) -> None:
        if outcome.status == "sent":
            self.sent += 1
            text, colour = self.tr("Sent to %1 <%2>"), labels.GREEN
        elif outcome.status == "skipped":
            self.skipped += 1
            text, colour = self.tr("Skipped %1 <%2>: no longer to be sent to"), labels.GREY
        else:
            self.failed += 1
            text, colour = self.tr("Refused for %1 <%2>: %3"), labels.RED
        self.log.add(
            text.replace("%1", outcome.name)
            .replace("%2", outcome.address)
            .replace("%3", outcome.error),
            colour,
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
        self._job = None
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def _finished(self, report: SendReport) -> None:
        self._end()
        if report.stopped:
            self.current.setText(
                self.tr("Stopped: %1 The notices not sent yet stay queued; resume later.").replace(
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
        notices = self._services.gdpr.notices
        operations.read(self, lambda _p: notices.state(), self._say_cancelled)

    def _say_cancelled(self, state: NoticeState) -> None:
        self.current.setText(
            formatting.count_text(
                state.pending,
                self.tr("Cancelled. %1 notice waits; resume it from « Personal data »."),
                self.tr("Cancelled. %1 notices wait; resume them from « Personal data »."),
            )
        )
        self.report_ready.emit(None)

    def _error(self, error: PressDeskError) -> None:
        self._end()
        data_events().changed.emit("gdpr")  # some may have gone before it failed
        self.current.setText(short_message(error))
        self.current.setStyleSheet(f"color: {labels.RED.name()};")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.report_ready.emit(None)

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
