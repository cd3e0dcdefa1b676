"""Render the main views to PNG files: what the README shows and what reviewers look at.

Used by ``scripts/screenshots.py`` (which prepares a demo database) and by
``fiac-press-desk --screenshot DIR``. Every page that exists is rendered at 1280x800 (or the
size asked), plus the contacts page with one contact open, with several selected, and with
the card in edit mode, an opened release, and every dialog of the window (``dialogs``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSize
from PySide6.QtWidgets import QApplication

from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.views.contacts_view import ContactsView

SIZE = QSize(1280, 800)


def settle(condition: Callable[[], bool] | None = None, timeout: float = 5.0) -> None:
    """Let the window finish loading and painting (every operation on its way included)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if operations.idle() and (condition is None or condition()):
            break
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.02)


def render_all(
    services: Services,
    out_dir: Path,
    label: str = "",
    prefix: str = "",
    pages: list[str] | None = None,
    extras: bool = True,
    size: QSize = SIZE,
    dialogs: bool = False,
) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services, label)
    window.resize(size)
    window.show()
    written: list[Path] = []

    def shoot(name: str) -> None:
        settle()
        path = out_dir / f"{prefix}{name}.png"
        window.grab().save(str(path))
        written.append(path)

    try:
        for number, name in enumerate(pages or window.page_names, start=1):
            window.show_page(name)
            widget = window.pages[name]
            if isinstance(widget, ContactsView):
                settle(widget.model.is_loaded)
            settle()
            shoot(f"{number:02d}-{name}")
        if extras and "contacts" in window.page_names:
            written += _contacts_extras(window, shoot, out_dir, prefix)
        if extras and "releases" in window.page_names:
            _releases_extras(window, services, shoot)
        if dialogs:
            from fiac_press_desk.ui.screenshot_dialogs import render_dialogs

            written += render_dialogs(window, services, out_dir, prefix, size)
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()
    return written


def _contacts_extras(
    window: MainWindow, shoot: Callable[[str], None], out_dir: Path, prefix: str
) -> list[Path]:
    view = window.contacts_view()
    window.show_page("contacts")
    settle(view.model.is_loaded)
    if view.model.rowCount() == 0:
        return []
    # A journalist who received a release, so that the card and its history have something
    # (the first pages of rows are read in the background: ask for them, let them come).
    for r in range(0, min(view.model.rowCount(), 200), view.model.PAGE_SIZE):
        view.model.contact_row(r)
    settle()
    row = next(
        (
            r
            for r in range(min(view.model.rowCount(), 200))
            if (item := view.model.contact_row(r)) is not None and item.last_release
        ),
        0,
    )
    view.select_ids([view.model.contact_id(row)], scroll=True)
    settle()
    shoot("contacts-card")
    view.edit_current()
    settle()
    shoot("contacts-edit")
    view.detail.cancel()
    ids = [view.model.contact_id(r) for r in range(min(4, view.model.rowCount()))]
    view.select_ids(ids)
    settle()
    shoot("contacts-selection")
    view.filters.search.setText("zzzz-nobody")
    view.filters.apply_now()
    settle(view.model.is_loaded)
    shoot("contacts-no-match")
    view.filters.clear()
    settle(view.model.is_loaded)
    return []


def _releases_extras(window: MainWindow, services: Services, shoot: Callable[[str], None]) -> None:
    window.show_page("releases")
    settle()
    view = window.pages["releases"]
    release_id = view.current_release_id()  # type: ignore[attr-defined]
    if release_id is None:
        return
    view.open_release(release_id)  # type: ignore[attr-defined]
    settle()
    shoot("releases-open")
    view.show_list()  # type: ignore[attr-defined]
    settle()


def application() -> QApplication:
    from fiac_press_desk.ui.launch import make_application

    return make_application()
