"""Tags, lists and beats shown and edited as chips: one rounded label per name, a cross to
remove it, and a line at the end to add more with completion from the names that exist.

Chips read at a glance in a narrow panel and make a duplicate or a typo obvious, which a
comma-separated line edit does not.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetItem,
)

from fiac_press_desk.domain.text import fold

CHIP_STYLE = """
QFrame#chip { background: #e6eef9; border: 1px solid #b9cbe6; border-radius: 11px; }
QFrame#chip[variant="list"] { background: #e8f3ea; border-color: #b7d5bd; }
QFrame#chip[variant="beat"] { background: #f3ecf8; border-color: #d5c3e3; }
QFrame#chip QLabel { background: transparent; border: none; color: #1d2b3a; padding: 0; }
QFrame#chip QToolButton { border: none; background: transparent; color: #4a5a6a;
    font-weight: bold; padding: 0 2px; }
QFrame#chip QToolButton:hover { color: #b3261e; }
"""


class FlowLayout(QLayout):
    """Lays items left to right and wraps them onto new lines (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        right = area.x() + area.width()
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if isinstance(widget, QLineEdit):
                # The entry line takes the rest of the line, or a line of its own when less
                # than a comfortable width is left.
                placeholder = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
                wanted = min(area.width(), max(140, placeholder + 24))
                if x > area.x() and right - x < wanted:
                    x, y, line_height = area.x(), y + line_height + self._spacing, 0
                hint = QSize(right - x, hint.height())
            else:
                hint = QSize(min(hint.width(), area.width()), hint.height())
                if x > area.x() and x + hint.width() > right:
                    x, y, line_height = area.x(), y + line_height + self._spacing, 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class Chip(QFrame):
    """One name with a cross that removes it."""

    remove_requested = Signal(str)

    def __init__(self, text: str, variant: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.setObjectName("chip")
        if variant:
            self.setProperty("variant", variant)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(9, 2, 3, 2)
        layout.setSpacing(2)
        self.label = QLabel(text)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.label)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        tip = self.tr("Remove “%1”").replace("%1", text)
        self.close_button.setToolTip(tip)
        self.close_button.setAccessibleName(tip)
        # Out of the Tab chain (a chip added later would be reached after the form's last
        # field); from the keyboard, Backspace in the empty entry removes the last one.
        self.close_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.close_button.clicked.connect(lambda: self.remove_requested.emit(self.text))
        layout.addWidget(self.close_button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_removable(self, removable: bool) -> None:
        self.close_button.setVisible(removable)
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        margins.setRight(3 if removable else 9)
        layout.setContentsMargins(margins)


class ChipsEdit(QFrame):
    """A set of names edited as chips. ``values()`` includes a name typed but not confirmed,
    so that pressing Save right after typing does not lose it."""

    changed = Signal()

    def __init__(
        self, placeholder: str = "", variant: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chipsEdit")
        self.setStyleSheet(CHIP_STYLE)
        self._variant = variant
        self._chips: list[Chip] = []
        self._read_only = False
        self._flow = FlowLayout(self)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(placeholder)
        self.entry.setFrame(True)
        self._completion_model = QStringListModel(self)
        self._completer = QCompleter(self._completion_model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.activated.connect(self._completion_chosen)
        self.entry.setCompleter(self._completer)
        self.entry.returnPressed.connect(self._commit_entry)
        self.entry.textEdited.connect(self._split_on_comma)
        self.entry.installEventFilter(self)
        self._flow.addWidget(self.entry)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    # -- values -----------------------------------------------------------------------------

    def values(self) -> list[str]:
        names = [chip.text for chip in self._chips]
        pending = self.entry.text().strip()
        if pending and fold(pending) not in {fold(n) for n in names}:
            names.append(pending)
        return names

    def set_values(self, names: Iterable[str]) -> None:
        for chip in self._chips:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips = []
        self.entry.clear()
        for name in names:
            self._add_chip(name)
        self._relayout()

    def add(self, name: str) -> bool:
        """Add ``name`` unless it is already there (case and accents ignored)."""
        text = " ".join(name.split())
        if not text or fold(text) in {fold(c.text) for c in self._chips}:
            return False
        known = {fold(c): c for c in self._completion_model.stringList()}
        self._add_chip(known.get(fold(text), text))  # the existing spelling wins
        self._relayout()
        self.changed.emit()
        return True

    def remove(self, name: str) -> bool:
        for chip in self._chips:
            if fold(chip.text) == fold(name):
                self._chips.remove(chip)
                self._flow.removeWidget(chip)
                chip.hide()
                chip.deleteLater()
                self._relayout()
                self.changed.emit()
                return True
        return False

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def set_completions(self, names: Iterable[str]) -> None:
        self._completion_model.setStringList(sorted(set(names), key=fold))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.entry.setVisible(not read_only)
        for chip in self._chips:
            chip.set_removable(not read_only)

    # -- internals --------------------------------------------------------------------------

    def _add_chip(self, text: str) -> None:
        chip = Chip(text, self._variant)
        chip.set_removable(not self._read_only)
        chip.remove_requested.connect(self.remove)
        self._flow.insertWidget(len(self._chips), chip)
        self._chips.append(chip)

    def _relayout(self) -> None:
        self._flow.invalidate()
        self.updateGeometry()

    def _commit_entry(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        for part in text.split(","):
            self.add(part)

    def _completion_chosen(self, text: str) -> None:
        # QCompleter writes the text into the entry after this signal; clear it afterwards.
        self.add(text)
        self.entry.clear()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.entry, self.entry.clear)

    def _split_on_comma(self, text: str) -> None:
        if "," in text or ";" in text:
            parts = text.replace(";", ",").split(",")
            self.entry.setText(parts[-1].lstrip())
            for part in parts[:-1]:
                self.add(part)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.entry
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.entry.text()
            and self._chips
        ):
            self.remove(self._chips[-1].text)
            return True
        return super().eventFilter(watched, event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._flow.heightForWidth(width)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 240)
        return QSize(width, self._flow.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.entry.sizeHint().height())
