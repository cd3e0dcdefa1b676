"""The main window's pages: what the window asks of each one, and how each one is built.

A page is a ``QWidget`` that also answers the ``Page`` protocol. The window builds a page the
first time it is shown (``PAGES``: its name, then a function that imports its module and makes
it, so the window's frame shows before the pages' modules load). A page that fails to build is
replaced by a ``BrokenPage`` that says why, in place: one page never takes the window down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from fiac_press_desk.services.hub import Services


@runtime_checkable
class Page(Protocol):
    """What the main window asks of each of its pages (the page widget itself)."""

    def refresh(self) -> None:
        """Catch up with the database (the page is being shown)."""

    def shutdown(self) -> None:
        """The window closes or rebuilds: keep what must be kept, drop what is on its way."""

    def status_text(self) -> str:
        """What the status bar says for this page ("" for nothing)."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in the page's own search; False when it has none."""


PageFactory = Callable[["Services", QWidget], QWidget]


@dataclass(frozen=True)
class PageSpec:
    """One page of the window: its name (settings, sidebar), how it is built, and how its
    modules are loaded ahead (off the GUI thread, while the database opens)."""

    name: str
    build: PageFactory
    load: Callable[[], object] = lambda: None


def _dashboard(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.dashboard_view import DashboardView

    return DashboardView(services, parent)


def _contacts(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.contacts_view import ContactsView

    return ContactsView(services, parent)


def _organisations(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.organisations_view import OrganisationsView

    return OrganisationsView(services, parent)


def _releases(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.releases_view import ReleasesView

    return ReleasesView(services, parent)


def _enquiries(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.enquiries_view import EnquiriesView

    return EnquiriesView(services, parent)


def _duplicates(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.duplicates_view import DuplicatesView

    return DuplicatesView(services, parent)


def _load_duplicates() -> None:
    import fiac_press_desk.ui.views.duplicates_view  # noqa: F401


def _load_dashboard() -> None:
    import fiac_press_desk.ui.views.dashboard_view  # noqa: F401


def _load_contacts() -> None:
    import fiac_press_desk.ui.views.contacts_view  # noqa: F401


def _load_organisations() -> None:
    import fiac_press_desk.ui.views.organisations_view  # noqa: F401


def _load_releases() -> None:
    import fiac_press_desk.ui.views.releases_view  # noqa: F401


def _load_enquiries() -> None:
    import fiac_press_desk.ui.views.enquiries_view  # noqa: F401


def _coverage(services: Services, parent: QWidget) -> QWidget:
    from fiac_press_desk.ui.views.coverage_view import CoverageView

    return CoverageView(services, parent)


def _load_coverage() -> None:
    import fiac_press_desk.ui.views.coverage_view  # noqa: F401


PAGES: list[PageSpec] = [
    PageSpec("dashboard", _dashboard, _load_dashboard),
    PageSpec("contacts", _contacts, _load_contacts),
    PageSpec("organisations", _organisations, _load_organisations),
    PageSpec("releases", _releases, _load_releases),
    PageSpec("enquiries", _enquiries, _load_enquiries),
    PageSpec("coverage", _coverage, _load_coverage),
    PageSpec("duplicates", _duplicates, _load_duplicates),
]


def preload(name: str) -> None:
    """Import the modules of page ``name`` and of the sidebar, from a worker thread: their
    module-level code makes no widget, so they load anywhere, and the GUI thread is spared
    the half second it takes."""
    import fiac_press_desk.ui.views.sidebar  # noqa: F401

    for spec in PAGES:
        if spec.name == name:
            spec.load()


class BrokenPage(QLabel):
    """Stands for a page that could not be built: says why, does nothing else."""

    def __init__(self, error: Exception, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(
            QCoreApplication.translate("MainWindow", "This page could not be opened: %1").replace(
                "%1", str(error) or type(error).__name__
            )
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)

    def refresh(self) -> None:
        """Nothing to read."""

    def shutdown(self) -> None:
        """Nothing to keep."""

    def status_text(self) -> str:
        return ""

    def focus_search(self) -> bool:
        return False


def build_page(spec: PageSpec, services: Services, parent: QWidget) -> QWidget:
    """The page of ``spec``; a ``BrokenPage`` when building it fails (said in place)."""
    try:
        widget = spec.build(services, parent)
    except Exception as exc:  # one broken page must not take the window down
        return BrokenPage(exc, parent)
    if not isinstance(widget, Page):
        return BrokenPage(TypeError(f"{type(widget).__name__} is not a page"), parent)
    return widget


def page_of(widget: QWidget | None) -> Page | None:
    """``widget`` as a page (every widget the window holds as one is)."""
    return widget if isinstance(widget, Page) else None
