"""The History tab: what this contact received from the press office and what they asked it,
newest first, in one timeline that can be narrowed to either kind."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_history import (
    ContactHistory,
    EnquiryMade,
    ReleaseReceived,
)
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.formatting import format_moment, in_sentence
from fiac_press_desk.ui.labels import (
    channel_label,
    distribution_channels,
    distribution_statuses,
    request_type_label,
    status_label,
)

RELEASE_COLOR = QColor("#2f6db5")
ENQUIRY_COLOR = QColor("#c77d10")
FAILED_COLOR = QColor("#b3261e")
MUTED_COLOR = QColor("#5f6b76")
HISTORY_LIMIT = 500  # the most recent of each kind; older ones are in the exports

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, default parent of the list and table models


class HistoryRole(IntEnum):
    """What the history list gives beyond its text, for the delegate and the tests."""

    DETAIL = Qt.ItemDataRole.UserRole + 1
    WHEN = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3  # "release" or "enquiry"
    ID = Qt.ItemDataRole.UserRole + 4  # release id or enquiry id
    PROBLEM = Qt.ItemDataRole.UserRole + 5  # True for a failed sending


class HistoryFilter(IntEnum):
    """Which part of the history is shown."""

    ALL = 0
    RELEASES = 1
    ENQUIRIES = 2


class HistoryModel(QAbstractListModel):
    """One row per event of a ContactHistory, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: ContactHistory | None = None
        self._filter = HistoryFilter.ALL
        self._events: list[ReleaseReceived | EnquiryMade] = []

    def set_history(self, history: ContactHistory | None) -> None:
        self.beginResetModel()
        self._history = history
        self._events = self._visible()
        self.endResetModel()

    def set_filter(self, which: HistoryFilter) -> None:
        self.beginResetModel()
        self._filter = which
        self._events = self._visible()
        self.endResetModel()

    def _visible(self) -> list[ReleaseReceived | EnquiryMade]:
        if self._history is None:
            return []
        if self._filter == HistoryFilter.RELEASES:
            return list(self._history.releases)
        if self._filter == HistoryFilter.ENQUIRIES:
            return list(self._history.enquiries)
        return self._history.timeline()

    def event_at(self, row: int) -> ReleaseReceived | EnquiryMade:
        return self._events[row]

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return event.title if isinstance(event, ReleaseReceived) else event.subject
        if role == HistoryRole.DETAIL:
            return self._detail(event)
        if role == HistoryRole.WHEN:
            return format_moment(event.when)
        if role == HistoryRole.KIND:
            return "release" if isinstance(event, ReleaseReceived) else "enquiry"
        if role == HistoryRole.ID:
            return event.release_id if isinstance(event, ReleaseReceived) else event.enquiry_id
        if role == HistoryRole.PROBLEM:
            return isinstance(event, ReleaseReceived) and event.status == "failed"
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self.data(index, Qt.ItemDataRole.DisplayRole)
            return f"{title}\n{self._detail(event)}\n{format_moment(event.when)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._kind_text(event)} : {self.data(index)} — {self._detail(event)}"
        return None

    def _kind_text(self, event: ReleaseReceived | EnquiryMade) -> str:
        if isinstance(event, ReleaseReceived):
            return self.tr("Release received")
        return self.tr("Press enquiry")

    def _detail(self, event: ReleaseReceived | EnquiryMade) -> str:
        if isinstance(event, ReleaseReceived):
            # The labels of the Releases tab, lower-cased at the first letter mid-sentence.
            channel = in_sentence(distribution_channels().get(event.channel, event.channel))
            status = in_sentence(distribution_statuses().get(event.status, event.status))
            # Kind and state first (the delegate shows them beside the date), then how and
            # to whom: the end of the line (a long address, the server's answer) is what the
            # narrow panel elides.
            parts = [self.tr("Release"), status, f"{channel} → {event.address}"]
            if event.error:
                parts.append(event.error)
            if event.reference:
                parts.append(event.reference)
            return " · ".join(parts)
        kind = in_sentence(request_type_label(event.request_type))
        channel = in_sentence(channel_label(event.channel))
        status = in_sentence(status_label(event.status))
        parts = [self.tr("Enquiry"), status, kind, channel]
        if event.deadline and event.status in ("new", "in_progress"):
            parts.append(
                self.tr("due %1").replace("%1", format_moment(event.deadline, with_time=False))
            )
        if event.release_title:
            parts.append(self.tr("about “%1”").replace("%1", event.release_title))
        return " · ".join(parts)


class HistoryDelegate(QStyledItemDelegate):
    """Three lines per event: the title; the date, what kind of event and its state; then the
    rest of its details (channel and address, the server's answer, reference). The card panel
    is narrow, so the details get a line of their own rather than being cut after the date."""

    PAD = 7
    MARK = 4
    GAP = 3
    HEAD_PARTS = 2  # "Communiqué · refusé", "Demande presse · interview" beside the date
    SEPARATOR = " · "

    def sizeHint(self, option: QStyleOptionViewItem, index: IndexLike) -> QSize:
        metrics = option.fontMetrics
        return QSize(200, metrics.height() * 3 + 2 * self.GAP + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: IndexLike) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget
            )
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        kind = index.data(HistoryRole.KIND)
        colour = RELEASE_COLOR if kind == "release" else ENQUIRY_COLOR
        painter.fillRect(
            QRect(rect.left() + 2, rect.top() + self.PAD, self.MARK, rect.height() - 2 * self.PAD),
            colour,
        )
        left = rect.left() + 2 + self.MARK + 8
        width = max(0, rect.right() - self.PAD - left)
        line = option.fontMetrics.height()
        top = rect.top() + self.PAD
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        self._line(painter, QRect(left, top, width, line), index.data() or "")
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        painter.setFont(small)
        when = index.data(HistoryRole.WHEN) or ""
        parts = (index.data(HistoryRole.DETAIL) or "").split(self.SEPARATOR)
        head = self.SEPARATOR.join(parts[: self.HEAD_PARTS])
        rest = self.SEPARATOR.join(parts[self.HEAD_PARTS :])
        second = QRect(left, top + line + self.GAP, width, line)
        painter.setPen(text_colour)
        painter.drawText(second, Qt.AlignmentFlag.AlignVCenter, when)
        problem = bool(index.data(HistoryRole.PROBLEM))
        painter.setPen(text_colour if selected else (FAILED_COLOR if problem else MUTED_COLOR))
        when_width = painter.fontMetrics().horizontalAdvance(when + "  ")
        self._line(painter, second.adjusted(when_width, 0, 0, 0), head)
        self._line(painter, second.translated(0, line + self.GAP), rest)
        painter.restore()

    @staticmethod
    def _line(painter: QPainter, box: QRect, text: str) -> None:
        shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, shown)


class ContactHistoryView(QWidget):
    """The History tab of the contact panel."""

    release_activated = Signal(int)
    enquiry_activated = Signal(int)
    counts_changed = Signal(int)  # total number of events, for the tab title

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.contact_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #5f6b76;")
        top.addWidget(self.summary, 1)
        self.which = QComboBox()
        self.which.addItem(self.tr("Everything"), HistoryFilter.ALL)
        self.which.addItem(self.tr("Releases received"), HistoryFilter.RELEASES)
        self.which.addItem(self.tr("Enquiries made"), HistoryFilter.ENQUIRIES)
        self.which.setAccessibleName(self.tr("Show"))
        self.which.currentIndexChanged.connect(self._filter_changed)
        top.addWidget(self.which)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        self.model = HistoryModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HistoryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.activated.connect(self._activated)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6b76; padding: 24px;")
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.show_contact(None)

    def show_contact(self, contact_id: int | None) -> None:
        """Show the history of ``contact_id``, read off the GUI thread (None: no contact)."""
        self.contact_id = contact_id
        if contact_id is None:
            operations.forget_key(self, "history")
            self._show(None)
            return
        history = self.services.history
        operations.read(
            self,
            lambda _p: history.for_contact(contact_id, limit=HISTORY_LIMIT),
            self._show,
            key="history",
        )

    def _show(self, history: ContactHistory | None) -> None:
        self.history = history
        self.model.set_history(history)
        self._update_texts()
        self.counts_changed.emit(
            0 if history is None else len(history.releases) + len(history.enquiries)
        )

    def refresh(self) -> None:
        self.show_contact(self.contact_id)

    def _filter_changed(self, _index: int) -> None:
        self.model.set_filter(HistoryFilter(self.which.currentData()))
        self._update_texts()

    def _update_texts(self) -> None:
        history = self.history
        releases = len(history.releases) if history else 0
        enquiries = len(history.enquiries) if history else 0
        self.summary.setText(
            self.tr("%n release(s) received", "", releases)
            + " · "
            + self.tr("%n enquiry(ies) made", "", enquiries)
        )
        self.summary.setVisible(history is not None and not history.is_empty)
        self.which.setVisible(history is not None and not history.is_empty)
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.list)
            return
        if history is None:
            text = self.tr("The history appears once the contact is saved.")
        elif history.is_empty:
            text = self.tr(
                "Nothing yet with this contact.\n\nThe releases sent to them and the press "
                "enquiries they make will be listed here, newest first."
            )
        elif self.which.currentData() == HistoryFilter.RELEASES:
            text = self.tr("No release sent to this contact yet.")
        else:
            text = self.tr("No press enquiry from this contact yet.")
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _activated(self, index: QModelIndex) -> None:
        if index.data(HistoryRole.KIND) == "release":
            self.release_activated.emit(int(index.data(HistoryRole.ID)))
        else:
            self.enquiry_activated.emit(int(index.data(HistoryRole.ID)))
