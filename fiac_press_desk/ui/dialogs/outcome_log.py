"""The running list of a sending's outcomes (a release, the GDPR notices): a line per
recipient, coloured, a refusal shown whole, the newest in view.

The lines wrap (a server's refusal is long), so a list laid out at once measured every line
again for each new one: 6 ms a message at 300 recipients, 19 ms at 1,000, all on the GUI
thread. Laid out in batches, each new line costs the same at 3,000 as at 10; the list follows
its newest line as the batches lengthen it, unless the press officer has scrolled up to read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

LAYOUT_BATCH = 100  # lines laid out per turn of the event loop


class OutcomeLog(QListWidget):
    """A sending's log: ``add`` a line per outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)  # a server's refusal can be long; show it whole
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.following = True  # the newest line is kept in view
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(self._moved)  # the press officer's scrolling only
        bar.rangeChanged.connect(self._lengthened)

    def add(self, text: str, color: QColor, tip: str = "") -> None:
        """One more line at the bottom (scrolled to, unless the reader scrolled up)."""
        item = QListWidgetItem(text)
        item.setForeground(color)
        if tip:
            item.setToolTip(tip)
        self.addItem(item)
        if self.following:
            self.scrollToBottom()

    def _moved(self, _action: int) -> None:
        bar = self.verticalScrollBar()
        self.following = bar.sliderPosition() >= bar.maximum()

    def _lengthened(self, _minimum: int, maximum: int) -> None:
        if self.following:
            self.verticalScrollBar().setValue(maximum)
