"""Every Qt model of the window follows one convention and passes Qt's model tester.

The convention (ui/qtmodels/table_base.py): a table model declares its columns as an IntEnum
on the class (``Columns``), in order from 0, as many as ``columnCount``; its own roles are
class attributes named ``...Role`` above ``Qt.ItemDataRole.UserRole``. The window's own
proxies (filters) are checked by the tester over real rows too.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from enum import IntEnum
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, Qt
from PySide6.QtWidgets import QWidget
from release_helpers import newsroom, release

from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.ui import qtmodels
from fiac_press_desk.ui.dialogs.release_recipients_dialog import SHOW_KEPT, _KeptFilter
from fiac_press_desk.ui.qtmodels.recipient_plan_model import RecipientPlanModel
from fiac_press_desk.ui.qtmodels.release_table_model import ReleaseTableModel
from fiac_press_desk.ui.qtmodels.table_base import RowTableModel, TableHeaders
from fiac_press_desk.ui.views.releases_view import _StatusFilter

BASES = (TableHeaders, RowTableModel)


def window_models() -> list[type[QAbstractItemModel]]:
    """Every model class defined in ui/qtmodels."""
    found: list[type[QAbstractItemModel]] = []
    for info in pkgutil.iter_modules(qtmodels.__path__):
        module = importlib.import_module(f"{qtmodels.__name__}.{info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, QAbstractItemModel)
                and cls.__module__ == module.__name__
                and cls not in BASES
            ):
                found.append(cls)
    return found


def make(cls: type[QAbstractItemModel], services: Services) -> QAbstractItemModel:
    parameters = inspect.signature(cls.__init__).parameters
    if "services" in parameters:
        return cls(services)  # type: ignore[call-arg]
    if "clock" in parameters:
        return cls(DeskClock())  # type: ignore[call-arg]
    return cls()


def test_the_models_are_found() -> None:
    names = {cls.__name__ for cls in window_models()}
    assert {"ContactsModel", "EnquiryTableModel", "ImportPlanModel", "PlanFilter"} <= names


@pytest.mark.parametrize("cls", window_models(), ids=lambda cls: cls.__name__)
def test_columns_and_roles_are_declared_on_the_model(
    cls: type[QAbstractItemModel], qtmodeltester: Any, services: Services
) -> None:
    model = make(cls, services)
    if isinstance(model, QAbstractTableModel):
        columns = getattr(cls, "Columns", None)
        assert inspect.isclass(columns) and issubclass(columns, IntEnum), cls.__name__
        assert [int(c) for c in columns] == list(range(len(columns)))
        assert model.columnCount() == len(columns)
    for name, value in vars(cls).items():
        if isinstance(value, int) and not isinstance(value, bool) and name.isupper():
            assert not name.endswith("_ROLE"), f"{cls.__name__}.{name}: name roles ...Role"
        if name.endswith("Role"):
            assert int(value) > int(Qt.ItemDataRole.UserRole), f"{cls.__name__}.{name}"
    qtmodeltester.check(model)


def test_the_window_filters_pass_the_model_tester(
    qtmodeltester: Any, services: Services, french: str
) -> None:
    room = newsroom(services)
    rid = release(services)
    holder = QWidget()
    releases = ReleaseTableModel()
    releases.set_rows(services.releases.rows())
    by_status = _StatusFilter(holder)
    by_status.setSourceModel(releases)
    by_status.set_status("draft")
    qtmodeltester.check(by_status)
    plan = RecipientPlanModel()
    plan.set_plan(services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list)))
    kept = _KeptFilter(holder)
    kept.setSourceModel(plan)
    kept.set_mode(SHOW_KEPT)
    qtmodeltester.check(kept)
    assert 0 < kept.rowCount() < plan.rowCount()
