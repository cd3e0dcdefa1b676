"""The dashboard's coverage charts and the report dialog: real widgets on a real base, the
figures read off the GUI thread, the report file written."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.coverage import CoverageInput, Medium
from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.domain.enums import OrganisationType
from fiac_press_desk.domain.press_report import Period
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.report_dialog import CUSTOM, QUARTER, ReportDialog
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.views.chart_widget import ChartStyle, ChartWidget
from fiac_press_desk.ui.views.coverage_dashboard import CoverageChartsPanel
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def desk(services: Services) -> Services:
    clock = DeskClock(PARIS, now_fn=lambda: NOW)
    services.reports.clock = clock
    services.coverage.clock = clock
    services.organisations.create(OrganisationData(name="Radio Ville", kind=OrganisationType.RADIO))
    for day, medium, outlet in (
        (date(2026, 1, 5), Medium.WEB, "Blog Santé"),
        (date(2026, 3, 2), Medium.RADIO, "Radio Ville"),
        (date(2026, 3, 9), Medium.RADIO, "Radio Ville"),
        (date(2024, 3, 9), Medium.PRINT, "Ancien"),  # two years ago: not in the charts
    ):
        services.coverage.create(
            CoverageInput(
                title="Sujet", published_on=day, medium=medium, outlet=outlet, audience=1000
            )
        )
    return services


def test_panel_draws_the_last_twelve_months(qtbot: QtBot, desk: Services, english: str) -> None:
    panel = CoverageChartsPanel(desk)
    qtbot.addWidget(panel)
    panel.resize(1000, 240)
    panel.show()
    qtbot.waitExposed(panel)
    settle_operations()
    months = panel.months_chart
    assert len(months.values) == 12 and months.labels[-1] == "Mar"
    assert months.values[-1] == 2 and months.values[-3] == 1  # March, January
    assert dict(zip(panel.medium_chart.labels, panel.medium_chart.values, strict=True)) == {
        "Radio": 2,
        "Web": 1,
    }
    assert dict(zip(panel.kind_chart.labels, panel.kind_chart.values, strict=True)) == {
        "Radio": 2,
        "Other": 1,  # Blog Santé, made on the fly
    }
    assert panel.figures_label.text().startswith("3 items · declared audience 3")
    panel.grab()  # paints every chart without error
    # A new item reaches the charts through the data events.
    desk.coverage.create(CoverageInput(title="Nouveau", published_on=date(2026, 3, 19)))
    data_events().changed.emit("coverage")
    settle_operations()
    assert panel.months_chart.values[-1] == 3


def test_an_empty_chart_says_so(qtbot: QtBot) -> None:
    chart = ChartWidget(ChartStyle.RING)
    qtbot.addWidget(chart)
    chart.set_data("Par support", [], [], empty="Aucune retombée")
    chart.resize(300, 180)
    assert not chart.grab().isNull()
    assert chart.toolTip() == "Par support"


def test_report_dialog_writes_the_chosen_period(
    qtbot: QtBot, desk: Services, tmp_path: Path, english: str
) -> None:
    dialog = ReportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(QUARTER)
    dialog.quarter_combo.setCurrentIndex(0)
    assert dialog.period() == Period.quarter(2026, 1)
    assert dialog.suggested_name() == "bilan-presse-2026-01-01-2026-03-31.pdf"
    target = tmp_path / "bilan.pdf"
    dialog.write(target)
    settle_operations()
    assert target.read_bytes().startswith(b"%PDF-")
    assert str(target) in dialog.status_label.text()
    dialog.kind_combo.setCurrentIndex(CUSTOM)
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(1))
    assert dialog.period() is None and not dialog.write_button.isEnabled()
