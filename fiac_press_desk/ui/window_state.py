"""The window reopens where the press officer left it: on top of what the window already keeps
(its geometry, the sidebar's split, the page shown, the contacts table's columns and split),
the contacts' filter, sort and selected contact, and the splits and column widths of the
other pages.

Kept in the window's QSettings (``ui/settings.py``) under ``restore/...``: a filter is JSON
of the few values the filter bar sets, a split is Qt's own state blob, column widths a list
of integers (not Qt's header state: restoring that would also move a sort indicator the page
did not sort by). A value that no longer fits (a list deleted since, a column removed) is left
out, never an error.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QTreeView, QWidget

from fiac_press_desk.ui import settings

FILTER_KEY = "restore/contacts_filter"
SELECTED_KEY = "restore/contacts_selected"


def _named(widget: QWidget, kind: type[Any]) -> list[tuple[str, Any]]:
    """The page's ``kind`` widgets by name (their object name, else their rank)."""
    found = widget.findChildren(kind)
    return [(w.objectName() or f"{kind.__name__}{i}", w) for i, w in enumerate(found)]


def save_page(name: str, widget: QWidget) -> None:
    """What the page ``name`` shows that the next start should show again."""
    from fiac_press_desk.ui.views.contacts_view import ContactsView

    if isinstance(widget, ContactsView):
        _save_contacts(widget)
        return  # its splitter and header: ContactsView.save_layout
    for key, splitter in _named(widget, QSplitter):
        settings.save_state(f"restore/{name}/{key}", splitter.saveState())
    for key, view in _named(widget, QTableView) + _named(widget, QTreeView):
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        widths = [header.sectionSize(i) for i in range(header.count())]
        settings.save_value(f"restore/{name}/{key}/widths", json.dumps(widths))


def restore_page(name: str, widget: QWidget) -> None:
    """Put back what ``save_page`` kept (called once the page is built)."""
    from fiac_press_desk.ui.views.contacts_view import ContactsView

    if isinstance(widget, ContactsView):
        return  # restored as it was built (``restore_contacts``), with its first query
    for key, splitter in _named(widget, QSplitter):
        state = settings.load_state(f"restore/{name}/{key}")
        if state is not None:
            splitter.restoreState(state)
    for key, view in _named(widget, QTableView) + _named(widget, QTreeView):
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        _restore_widths(header, settings.load_value(f"restore/{name}/{key}/widths"))


def _restore_widths(header: QHeaderView, text: str) -> None:
    try:
        widths = json.loads(text) if text else []
    except ValueError:
        return
    if not isinstance(widths, list) or len(widths) != header.count():
        return  # the columns changed since: the page's own widths
    last = header.count() - 1
    for column, width in enumerate(widths):
        fixed = header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive
        if (
            isinstance(width, int)
            and width > 0
            and not fixed
            and not (column == last and header.stretchLastSection())
        ):
            header.resizeSection(column, width)


def _save_contacts(view: Any) -> None:
    flt = view.filters.current_filter()
    wanted = {
        "search": flt.search,
        "kind": flt.kind,
        "list_id": flt.list_id,
        "tag_id": flt.tag_id,
        "organisation_id": flt.organisation_id,
        "status": view.filters.status_key(),
    }
    settings.save_value(FILTER_KEY, json.dumps(wanted))
    ids = view.selected_ids()
    settings.save_value(SELECTED_KEY, str(ids[0]) if len(ids) == 1 else "")


def restore_contacts(view: Any) -> None:
    """The contacts page's saved sort, filter and selected contact (its splitter and
    columns: ``ContactsView._restore_layout``)."""
    from PySide6.QtCore import Qt

    # The sort the header remembers (ContactsView restored its state) is the table's too.
    header = view.table.horizontalHeader()
    column = header.sortIndicatorSection()
    if column in view.model.SORTABLE:
        view.model.sort(column, header.sortIndicatorOrder())
    else:
        header.setSortIndicator(view.model.Columns.NAME, Qt.SortOrder.AscendingOrder)
    try:
        wanted = json.loads(settings.load_value(FILTER_KEY) or "{}")
    except ValueError:
        wanted = {}
    if isinstance(wanted, dict) and wanted:
        bar = view.filters
        bar.search.setText(str(wanted.get("search") or ""))
        bar.set_kind(_text_or_none(wanted.get("kind")))
        bar.set_list(_int_or_none(wanted.get("list_id")))
        bar.set_tag(_int_or_none(wanted.get("tag_id")))
        bar.set_organisation(_int_or_none(wanted.get("organisation_id")))
        bar.set_status(str(wanted.get("status") or "active"))
        bar.apply_now()
    selected = _int_or_none(settings.load_value(SELECTED_KEY) or None)
    if selected is not None:
        _select_when_loaded(view, selected)


def _select_when_loaded(view: Any, contact_id: int) -> None:
    """Select the contact once the table answers the restored filter and sort."""
    model = view.model

    def loaded(_rows: int) -> None:
        if not model.is_loaded():
            return  # an answer to an older query: wait for the latest
        model.loaded.disconnect(loaded)
        if model.row_of(contact_id) is not None and not view.selected_ids():
            view.select_ids([contact_id], scroll=True)

    model.loaded.connect(loaded)


def _int_or_none(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _text_or_none(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value else None
