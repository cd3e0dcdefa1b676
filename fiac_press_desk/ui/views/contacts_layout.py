"""How the contacts table and the card share the page's width, and how the split is kept.

At 1280x800 the table took about two thirds of the page: the e-mail column sat behind a
horizontal scrollbar and the card's edit form was squeezed to ~370 px (issue 19). The card now
gets about 45 % of the page, and on a first start (no column widths saved yet) the columns the
press officer reads first (name, outlet, job, e-mail) are fitted to the table's width, the
e-mail kept whole. Moving the splitter or a column is saved at once, not only when the window
closes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSplitter, QTableView

from fiac_press_desk.ui.qtmodels.contacts_model import ContactColumn

# Table : card, in proportion (a splitter not laid out yet scales these to its width).
DEFAULT_SPLIT = (55, 45)
# The columns fitted to the table's width on a first start, with their narrowest width.
FITTED = {
    ContactColumn.NAME: 100,
    ContactColumn.ORGANISATION: 80,
    ContactColumn.JOB_TITLE: 80,
}
EMAIL_SHARE, EMAIL_MIN, EMAIL_MAX = 0.4, 150, 240
SAVE_DELAY_MS = 400


def fit_columns(table: QTableView, defaults: Mapping[ContactColumn, int]) -> None:
    """Narrow the first columns so that the e-mail column ends inside the table's viewport
    (the rest stay to the right, one scroll away). Widths wider than needed are kept."""
    available = table.viewport().width()
    wanted = sum(defaults[c] for c in FITTED) + defaults[ContactColumn.EMAIL]
    if available <= 0 or wanted <= available:
        return
    header = table.horizontalHeader()
    email = int(min(EMAIL_MAX, max(EMAIL_MIN, available * EMAIL_SHARE)))
    rest = available - email
    share = rest / sum(defaults[c] for c in FITTED)
    for column, narrowest in FITTED.items():
        header.resizeSection(column, max(narrowest, int(defaults[column] * share)))
    used = sum(header.sectionSize(c) for c in FITTED)
    header.resizeSection(ContactColumn.EMAIL, max(EMAIL_MIN, available - used - 1))


def share_width(splitter: QSplitter) -> None:
    """Give the table and the card their ``DEFAULT_SPLIT`` of the splitter's width (in pixels:
    before the first layout, a splitter weighs proportions against the card's large minimum
    size, and the card took two thirds)."""
    width = splitter.width() - splitter.handleWidth()
    if width > 0:
        table = width * DEFAULT_SPLIT[0] // sum(DEFAULT_SPLIT)
        splitter.setSizes([table, width - table])


def first_layout_soon(
    splitter: QSplitter, table: QTableView, defaults: Mapping[ContactColumn, int]
) -> None:
    """On a first start (no layout saved), once the page is laid out (when shown, the widths
    are not yet the final ones): share the width, then fit the columns to the table's."""

    def first_layout() -> None:
        share_width(splitter)
        fit_columns(table, defaults)

    QTimer.singleShot(0, table, first_layout)


class LayoutKeeper(QObject):
    """Saves the splitter and the columns shortly after the press officer moves them."""

    def __init__(self, splitter: QSplitter, table: QTableView, save: Callable[[], None]) -> None:
        super().__init__(splitter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save)
        self._splitter = splitter
        self._save_layout = save
        splitter.splitterMoved.connect(self._later)
        table.horizontalHeader().sectionResized.connect(self._later)
        table.horizontalHeader().sectionMoved.connect(self._later)

    def _later(self, *_args: object) -> None:
        if self._splitter.isVisible():  # not the moves of a page being built or closed
            self._timer.start()

    def _save(self) -> None:
        # Once the window is closed (it saved its layout then), a page laid out again while
        # hidden must not overwrite what the press officer left.
        if self._splitter.isVisible():
            self._save_layout()


def keep(splitter: QSplitter, table: QTableView, save: Callable[[], None]) -> LayoutKeeper:
    """Save the contacts page's layout soon after each move (see ``LayoutKeeper``)."""
    return LayoutKeeper(splitter, table, save)
