"""The search field and the filter pickers above the contacts table.

Typing filters as you type: the query leaves 150 ms after the last key, so a fast typist sends
one query, not seven. Accents and case are folded by the services' search index, so "lefevre"
finds "Lefèvre". The pickers (type, list, tag, organisation, status) narrow the same query.
Their choices (lists, tags, organisations) are read off the GUI thread; the contacts page's
menus offer the same lists and tags (``lists``, ``tags``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.labels import NamedGroup
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.operations import Progress

SEARCH_DELAY_MS = 150

# Status picker: (key, opted_out, archived)
STATUSES: list[tuple[str, bool | None, bool | None]] = [
    ("active", None, False),
    ("subscribed", False, False),
    ("opted_out", True, None),
    ("archived", None, True),
    ("all", None, None),
]


@dataclass(frozen=True)
class Choices:
    """What the pickers offer, read in one go."""

    lists: list[NamedGroup] = field(default_factory=list)
    tags: list[NamedGroup] = field(default_factory=list)
    organisations: list[tuple[int, str]] = field(default_factory=list)


class ContactsFilterBar(QWidget):
    """Search box and pickers; emits ``changed`` with the resulting filter."""

    changed = Signal()
    choices_loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._filling = False
        self.choices = Choices()
        # A list, tag or organisation asked for before the choices that hold it arrived (just
        # created, say): the filter uses it at once, the picker shows it when they come.
        self._wanted: dict[QComboBox, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_now)

        self.search = QLineEdit(self)
        self.search.setObjectName("contactsSearch")
        self.search.setPlaceholderText(self.tr("Search contacts…"))
        self.search.setToolTip(
            self.tr(
                "Name, outlet, job, email, phone, town or tag; "
                "accents and capitals do not matter (%1)"
            ).replace(
                "%1",
                QKeySequence(QKeySequence.StandardKey.Find).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(140)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_now)

        self.kind = self._combo("contactsKindFilter", self.tr("Type of contact"))
        self.list = self._combo("contactsListFilter", self.tr("Distribution list"))
        self.tag = self._combo("contactsTagFilter", self.tr("Tag"))
        self.organisation = self._combo("contactsOrganisationFilter", self.tr("Organisation"))
        self.status = self._combo("contactsStatusFilter", self.tr("Opted out and archived"))
        from fiac_press_desk.ui.views.gdpr_filter import GdprFilterCombo  # lawful basis, notice

        self.gdpr = GdprFilterCombo(services, self)
        self.gdpr.currentIndexChanged.connect(self._picked)

        self.reset = QToolButton(self)
        self.reset.setObjectName("contactsResetFilters")
        reset_action = QAction(icons.icon("clear"), self.tr("Clear filters"), self)
        reset_action.setToolTip(self.tr("Show every active contact again"))
        reset_action.triggered.connect(self.clear)
        self.reset.setDefaultAction(reset_action)
        self.reset.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.reset.setAutoRaise(True)

        layout = QHBoxLayout()
        layout.setSpacing(6)
        layout.addWidget(self.search, 1)
        for combo in (self.kind, self.list, self.tag, self.organisation, self.gdpr, self.status):
            layout.addWidget(combo)
        layout.addWidget(self.reset)
        # Narrower than the search and the five pickers side by side (a 1024 px screen): the
        # search gets a line of its own rather than every picker's text being cut.
        self._pickers_row = layout
        self._search_row = QHBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        outer.addLayout(self._search_row)
        outer.addLayout(layout)

        self._fill_static()
        self.refresh_choices(first=True)
        self._update_reset()

    def minimumSizeHint(self) -> QSize:
        # The same whichever line the search is on: a minimum that changed with the
        # placement moved the page's width by a pixel between runs.
        hint = super().minimumSizeHint()
        pickers = (self.kind, self.list, self.tag, self.organisation, self.status, self.reset)
        return QSize(sum(w.minimumSizeHint().width() + 6 for w in pickers), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        pickers = (self.kind, self.list, self.tag, self.organisation, self.status, self.reset)
        needed = 200 + sum(w.sizeHint().width() + 6 for w in pickers)
        apart = event.size().width() < needed
        if apart == (self._search_row.indexOf(self.search) >= 0):
            return
        (self._pickers_row if apart else self._search_row).removeWidget(self.search)
        if apart:
            self._search_row.addWidget(self.search)
        else:
            self._pickers_row.insertWidget(0, self.search, 1)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = FilterCombo(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaxVisibleItems(20)
        combo.setIconSize(QSize(16, 16))
        combo.currentIndexChanged.connect(self._picked)
        return combo

    def _fill_static(self) -> None:
        self._filling = True
        try:
            self.kind.clear()
            self.kind.addItem(self.tr("All types"), None)
            self.kind.addItem(self.tr("Journalists"), "journalist")
            self.kind.addItem(self.tr("Partners"), "partner")
            self.kind.addItem(self.tr("Others"), "other")
            self.status.clear()
            labels = {
                "active": self.tr("Active contacts"),
                "subscribed": self.tr("Subscribed only"),
                "opted_out": self.tr("Opted out"),
                "archived": self.tr("Archived"),
                "all": self.tr("All, archived included"),
            }
            for key, _opted, _archived in STATUSES:
                self.status.addItem(labels[key], key)
            _fit(self.kind)
            _fit(self.status)
        finally:
            self._filling = False

    def refresh_choices(self, first: bool = False) -> None:
        """Re-read lists, tags and organisations (off the GUI thread), keeping the choices;
        the first time, the table's query goes before."""
        services = self._services

        def work(_progress: Progress) -> Choices:
            return Choices(
                services.lists.all(),
                services.tags.all(),
                [(o.id, o.name) for o in services.organisations.all() if o.id is not None],
            )

        operations.read(self, work, self._show_choices, key="choices", priority=-1 if first else 0)

    def _show_choices(self, choices: Choices) -> None:
        self.choices = choices
        before = self.current_filter()
        self._filling = True
        try:
            self._refill(
                self.list, self.tr("All lists"), [(g.id, g.name) for g in choices.lists], "list"
            )
            self._refill(
                self.tag, self.tr("All tags"), [(g.id, g.name) for g in choices.tags], "tag"
            )
            self._refill(
                self.organisation,
                self.tr("All organisations"),
                choices.organisations,
                "organisation",
            )
        finally:
            self._filling = False
        self.choices_loaded.emit()
        if self.current_filter() != before:  # a list or tag picked meanwhile is gone
            self.apply_now()

    def _refill(
        self, combo: QComboBox, everything: str, items: list[tuple[int, str]], icon_name: str
    ) -> None:
        current = self._wanted.pop(combo, combo.currentData())
        combo.clear()
        combo.addItem(everything, None)
        icon = icons.icon(icon_name)
        for item_id, name in items:
            combo.addItem(icon, name, item_id)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        _fit(combo)

    # -- reading and setting the filter ---------------------------------------------------

    def current_filter(self) -> ContactFilter:
        key = self.status.currentData() or "active"
        _key, opted_out, archived = next(s for s in STATUSES if s[0] == key)
        flt = ContactFilter(
            search=self.search.text().strip(),
            kind=self.kind.currentData(),
            list_id=self._wanted.get(self.list, self.list.currentData()),
            tag_id=self._wanted.get(self.tag, self.tag.currentData()),
            organisation_id=self._wanted.get(self.organisation, self.organisation.currentData()),
            opted_out=opted_out,
            archived=archived,
        )
        return self.gdpr.apply(flt)

    def is_default(self) -> bool:
        return self.current_filter() == ContactFilter()

    def status_key(self) -> str:
        return str(self.status.currentData() or "active")

    def set_list(self, list_id: int | None) -> None:
        self._set(self.list, list_id)

    def set_tag(self, tag_id: int | None) -> None:
        self._set(self.tag, tag_id)

    def set_organisation(self, organisation_id: int | None) -> None:
        self._set(self.organisation, organisation_id)

    def set_kind(self, kind: str | None) -> None:
        self._set(self.kind, kind)

    def set_status(self, key: str) -> None:
        self._set(self.status, key)

    def _set(self, combo: QComboBox, value: object) -> None:
        self._wanted.pop(combo, None)
        index = combo.findData(value) if value is not None else 0
        if index >= 0:
            combo.setCurrentIndex(index)
            return
        # Not among the choices read so far (just created): filter on it now, show it in the
        # picker once the choices are read again.
        self._wanted[combo] = value
        self.refresh_choices()
        self.apply_now()

    def clear(self) -> None:
        """Back to every active contact: no search, no picker."""
        self._wanted.clear()
        self._filling = True
        try:
            self.search.clear()
            for combo in (self.kind, self.list, self.tag, self.organisation, self.status):
                combo.setCurrentIndex(0)
            self.gdpr.setCurrentIndex(0)
        finally:
            self._filling = False
        self.apply_now()

    def apply_now(self) -> None:
        self._timer.stop()
        self._update_reset()
        self.changed.emit()

    def _picked(self) -> None:
        if not self._filling:
            combo = self.sender()
            if isinstance(combo, QComboBox):
                self._wanted.pop(combo, None)
            self.apply_now()

    def _update_reset(self) -> None:
        self.reset.setVisible(not self.is_default())

    def describe(self) -> str:
        """The active criteria in words, for the "nothing matches" message."""
        parts = []
        if self.search.text().strip():
            parts.append(self.tr("“%1”").replace("%1", self.search.text().strip()))
        for combo in (self.kind, self.list, self.tag, self.organisation, self.gdpr):
            if combo.currentIndex() > 0:
                parts.append(combo.currentText())
        if self.status.currentIndex() > 0:
            parts.append(self.status.currentText().lower())
        return ", ".join(parts)


class FilterCombo(QComboBox):
    """A picker as wide as its "all" entry when there is room, narrower when there is not:
    a long organisation name is elided, it never pushes the window wider."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 72), hint.height())


def _fit(combo: QComboBox) -> None:
    """Cap the picker at its first ("all") entry; the popup still shows long names whole."""
    combo.setMaximumWidth(combo.fontMetrics().horizontalAdvance(combo.itemText(0)) + 46)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
