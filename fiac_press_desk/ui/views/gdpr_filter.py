"""The GDPR picker of the contacts table: narrow the list to one lawful basis, to the people
still to be informed (art. 14) or already informed, or to those with no interaction for the
retention period (the register's ``ContactFilter`` fields: lawful_basis, informed,
quiet_since). One picker rather than three keeps the filter bar on one line at 1024 pixels.

The retention period comes from the GDPR settings, read off the GUI thread once and again
when the settings change (``data_events`` "gdpr")."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.gdpr_register import add_months
from fiac_press_desk.services.gdpr_settings import DEFAULT_RETENTION_YEARS
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, labels, operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.views.contacts_filters import FilterCombo, _fit

# Item data: "what:value" (a string compares reliably through Qt's item data)
EVERYONE = ""
TO_INFORM = "informed:no"
INFORMED = "informed:yes"
QUIET = "quiet:"
TOOLTIP = Qt.ItemDataRole.ToolTipRole


class GdprFilterCombo(FilterCombo):
    """Picks one GDPR criterion; ``apply`` adds it to the bar's filter."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsGdprFilter")
        tip = self.tr("Personal data (GDPR)")
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        self.setSizeAdjustPolicy(FilterCombo.SizeAdjustPolicy.AdjustToContents)
        self._services = services
        self.retention_years = DEFAULT_RETENTION_YEARS
        self._fill()
        self.currentIndexChanged.connect(self._fit_current)
        self._read_years()
        data_events().changed.connect(self._data_changed)

    def _fill(self) -> None:
        current = self.currentData()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("GDPR: all"), EVERYONE)
            self.addItem(self.tr("To be informed"), TO_INFORM)
            self.setItemData(1, self.tr("Not informed yet (GDPR art. 14)"), TOOLTIP)
            self.addItem(self.tr("Informed"), INFORMED)
            self.addItem(
                formatting.count_text(
                    self.retention_years,
                    self.tr("No interaction for %1 year"),
                    self.tr("No interaction for %1 years"),
                ),
                QUIET,
            )
            self.insertSeparator(self.count())
            for basis, text in labels.lawful_bases().items():
                # The basis alone keeps the box narrow; its tooltip says what it is.
                self.addItem(text, f"basis:{basis.value}")
                tip = self.tr("Lawful basis: %1").replace("%1", text)
                self.setItemData(self.count() - 1, tip, TOOLTIP)
            index = self.findData(current) if current is not None else 0
            self.setCurrentIndex(max(index, 0))
        finally:
            self.blockSignals(blocked)
        _fit(self)
        self._fit_current()

    def _fit_current(self) -> None:
        """As narrow as the other pickers while nothing is chosen; as wide as the chosen
        criterion's name (at most 230 pixels) when one is, so it is read whole."""
        text = self.itemText(max(self.currentIndex(), 0))
        width = self.fontMetrics().horizontalAdvance(text) + 46
        self.setMaximumWidth(
            min(max(width, self.fontMetrics().horizontalAdvance(self.itemText(0)) + 46), 230)
        )
        self.updateGeometry()

    def _read_years(self) -> None:
        services = self._services  # its GDPR services made in the worker, not here (0.09 s)
        operations.read(
            self,
            lambda _p: services.gdpr.settings.get().retention_years,
            self._show_years,
            key="years",
            priority=-1,
        )

    def _show_years(self, years: int) -> None:
        if years != self.retention_years:
            self.retention_years = years
            self._fill()
            if self.currentData() == QUIET:
                self.currentIndexChanged.emit(self.currentIndex())

    def _data_changed(self, area: str) -> None:
        if area == "gdpr":
            self._read_years()

    def quiet_since(self, today: datetime | None = None) -> datetime:
        """Midnight (UTC) of today, the retention period ago: stable all day long, so two
        reads of the filter compare equal."""
        now = today or datetime.now(UTC)
        midnight = datetime.combine(now.date(), time(), tzinfo=UTC)
        return add_months(midnight, -12 * self.retention_years)

    def apply(self, flt: ContactFilter) -> ContactFilter:
        """``flt`` narrowed by the chosen criterion."""
        what, _, value = str(self.currentData() or EVERYONE).partition(":")
        if what == "informed":
            return replace(flt, informed=value == "yes")
        if what == "quiet":
            return replace(flt, quiet_since=self.quiet_since())
        if what == "basis":
            return replace(flt, lawful_basis=LawfulBasis(value).value)
        return flt
