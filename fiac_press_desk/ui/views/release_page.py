"""One release: its header, the form, and its recipients in a second tab; the header's
figures are read off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import NotFoundError, PressDeskError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.releases import ReleaseRow
from fiac_press_desk.ui import icons, labels, operations
from fiac_press_desk.ui.errors import show_expected
from fiac_press_desk.ui.views.release_form import ReleaseForm
from fiac_press_desk.ui.views.release_recipients import RecipientsPanel


class _ElidedLabel(QLabel):
    """A one-line heading that ends with "…" when the title is longer than the room."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class ReleasePage(QWidget):
    """The header of one release above its form and its recipients."""

    back_requested = Signal()
    FORM_TAB, RECIPIENTS_TAB = 0, 1

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.back_button = QPushButton("← " + self.tr("All releases"), self)
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self._back)
        self.heading = _ElidedLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_chip = QLabel(self)
        self.send_button = QPushButton(icons.icon("release"), self.tr("Send or record…"), self)
        self.send_button.setToolTip(self.tr("Choose the recipients, then send or record"))
        self.send_button.clicked.connect(self._choose_recipients)

        self.form = ReleaseForm(services, self)
        self.form.saved.connect(self._saved)
        self.recipients = RecipientsPanel(services, self)
        self.recipients.loaded.connect(self._recipients_loaded)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, icons.icon("edit"), self.tr("Release"))
        self.tabs.addTab(self.recipients, icons.icon("contacts"), self.tr("Recipients"))
        # What the release led to (issue 16): the enquiries it caused and its coverage.
        from fiac_press_desk.ui.views.coverage_release import ReleaseOutcomePanel

        self.outcome = ReleaseOutcomePanel(services, self)
        self.tabs.addTab(self.outcome, icons.icon("coverage"), self.outcome.tab_title())

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_chip)
        top.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def release_id(self) -> int | None:
        return self.form.release_id()

    def start_new(self) -> None:
        self.form.start_new()
        self.recipients.show_release(None)
        self.outcome.show_release(None)
        self._header(None)
        self.tabs.setCurrentIndex(self.FORM_TAB)

    def show_release(self, release_id: int, tab: int | None = None) -> None:
        self.form.show_release(release_id)
        self.recipients.show_release(release_id)
        self.outcome.show_release(release_id)
        self._header(release_id)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def reload(self) -> None:
        release_id = self.release_id()
        if release_id is None:
            return
        self._header(release_id)
        if not self.form.has_changes():
            self.form.show_release(release_id)
        self.recipients.refresh()

    def _header(self, release_id: int | None) -> None:
        if release_id is None:
            operations.forget_key(self, "header")
            self._show_header(None)
            return
        releases = self._services.releases
        operations.read(
            self,
            lambda _p: releases.row(release_id),
            self._show_header,
            key="header",
            on_error=self._header_failed,
        )

    def _header_failed(self, error: PressDeskError) -> None:
        if isinstance(error, NotFoundError):  # deleted meanwhile
            self.back_requested.emit()
        else:
            show_expected(self, error)

    def _show_header(self, row: ReleaseRow | None) -> None:
        self.tabs.setTabEnabled(self.RECIPIENTS_TAB, row is not None)
        self.send_button.setEnabled(row is not None)
        if row is None:
            self.heading.set_full_text(self.tr("New press release"))
            self.status_chip.setText("")
            self.tabs.setTabText(self.RECIPIENTS_TAB, self.tr("Recipients"))
            return
        self.heading.set_full_text(row.title)
        color = labels.release_status_color(row.status).name()
        self.status_chip.setText(labels.release_statuses().get(row.status, row.status))
        self.status_chip.setStyleSheet(
            f"color: white; background: {color}; border-radius: 8px; padding: 2px 10px;"
        )
        self.tabs.setTabText(
            self.RECIPIENTS_TAB, self.tr("Recipients (%1)").replace("%1", str(row.received))
        )

    def _saved(self, release_id: int) -> None:
        self.recipients.show_release(release_id)
        self.outcome.show_release(release_id)
        self._header(release_id)

    def _recipients_loaded(self, _count: int) -> None:
        release_id = self.release_id()
        if release_id is not None:
            self._header(release_id)

    def _choose_recipients(self) -> None:
        if self.form.has_changes():
            self.form.save()  # what goes out is what is on screen
        self.tabs.setCurrentIndex(self.RECIPIENTS_TAB)
        self.recipients.open_recipients(only_new=False)

    def _back(self) -> None:
        if self.form.confirm_discard():
            self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._back()
            return
        super().keyPressEvent(event)
