"""The main window: navigation, pages, menus, toolbar, status bar, file drops, language.

Pages are built on first visit (``ui.pages``: each answers the ``Page`` protocol: refresh,
shutdown, status text, its own search). Every service call goes through ``ui.operations``, off
the GUI thread; the status bar's busy bar shows while long work runs. Switching the language
rebuilds the window's contents in place (geometry, undo history and the current page
survive), which is simpler and more complete than retranslating every widget by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from fiac_press_desk import APP_NAME, __version__
from fiac_press_desk.interchange.file_kinds import CONTACT_SUFFIXES, EML_SUFFIXES
from fiac_press_desk.ui import i18n, icons, live_refresh, operations, settings, undo_feedback
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.pages import PAGES, Page, build_page, page_of

if TYPE_CHECKING:  # the database layers load after the window is on screen
    from PySide6.QtGui import (
        QCloseEvent,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QPaintEvent,
        QShowEvent,
    )

    from fiac_press_desk.services.demo import DemoSummary
    from fiac_press_desk.services.hub import Services
    from fiac_press_desk.ui.operations import Operation
    from fiac_press_desk.ui.views.contacts_view import ContactsView
    from fiac_press_desk.ui.views.dashboard_view import DashboardView
    from fiac_press_desk.ui.views.sidebar import Sidebar

CONTACT_FILE_SUFFIXES = CONTACT_SUFFIXES  # what a drop or the import dialog accepts
ENQUIRY_FILE_SUFFIXES = EML_SUFFIXES
STATUS_TIMEOUT_MS = 8000
BUSY_DELAY_MS = 300  # work shorter than this never shows the busy bar (no flicker)
TABLE_ACTIONS = ("edit", "delete", "archive", "copy_emails")


class MainWindow(QMainWindow):
    """One window over one database (``services``); ``database_label`` names it for the user.

    Built without services, it is the window's frame (menus, toolbar, status bar and an
    "opening the database" note): the application shows that at once, then loads the
    database layers and calls ``attach``. The press officer sees the window in a fraction of
    the time the imports take.
    """

    first_painted = Signal()

    def __init__(
        self,
        services: Services | None = None,
        database_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.services: Services | None = services
        self._painted = False
        self.database_label = database_label
        self.undo_stack = QUndoStack(self)
        self.pages: dict[str, QWidget] = {}
        self.page_names = [spec.name for spec in PAGES]
        self.actions_by_name: dict[str, QAction] = {}
        self.sidebar: Sidebar | None = None
        self.splitter: QSplitter | None = None
        self.toolbar: QToolBar | None = None
        self._current_page = ""
        self._rebuild_pending = False
        self._language_stale = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        operations.activity().busy_changed.connect(self._on_busy)
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setDocumentMode(True)
        self.resize(1280, 800)
        self._build()
        geometry = settings.load_state("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if services is not None:
            self._show_first_page()
        data_events().changed.connect(self._on_data_changed)
        live_refresh.start(self, services)  # a colleague's change on a shared database

    def attach(self, services: Services, database_label: str = "") -> None:
        """Fill the frame with the pages of ``services`` (see the class docstring)."""
        self.services = services
        self.database_label = database_label
        live_refresh.stop(self)
        live_refresh.start(self, services)  # a colleague's change on a shared database
        self.rebuild()
        self._show_first_page()

    def is_attached(self) -> bool:
        return self.services is not None

    def _services(self) -> Services:
        """The services of the database shown (only asked once it is attached)."""
        if self.services is None:
            raise RuntimeError("the window has no database yet")
        return self.services

    def first_page(self) -> str:
        """The page the window opens on: the last one shown, else the first."""
        first = settings.load_value("window/page", "")
        return first if first in self.page_names else self.page_names[0]

    def _show_first_page(self) -> None:
        self.show_page(self.first_page())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self._title())
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        if self.services is None:
            opening = QLabel(self.tr("Opening the database…"), self)
            opening.setObjectName("openingNote")
            opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setCentralWidget(opening)
            for action in self.actions_by_name.values():
                action.setEnabled(action.objectName().startswith(("action_quit", "action_lang")))
            return
        from fiac_press_desk.ui.views.sidebar import Sidebar

        self.sidebar = Sidebar(self.services, self.page_names, self)
        self.sidebar.page_requested.connect(self.show_page)
        self.sidebar.list_requested.connect(self._show_list)
        self.sidebar.tag_requested.connect(self._show_tag)
        self.sidebar.contacts_dropped.connect(self._contacts_dropped)
        self.page_stack = QStackedWidget(self)
        self.page_stack.setObjectName("pageStack")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.page_stack)
        # A line in the palette's "mid" colour. Not a style sheet: set on the splitter, one
        # reaches every widget of every page, and then each repaint of the search field
        # (its clear button fades in over ten frames) repainted the whole contacts table,
        # 15 ms a frame, while the search ran (measured: keystroke to rows painted).
        handle = self.splitter.handle(1)
        handle.setBackgroundRole(QPalette.ColorRole.Mid)
        handle.setAutoFillBackground(True)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1050])
        state = settings.load_state("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.setCentralWidget(self.splitter)
        self._update_actions()

    def _title(self) -> str:
        if self.database_label:
            return f"{APP_NAME} — {Path(self.database_label).name}"
        return APP_NAME

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if icon_name:
            action.setIcon(icons.icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        self.actions_by_name = {}
        a = self._action
        a(
            "new_contact",
            self.tr("&New contact"),
            self.new_contact,
            QKeySequence.StandardKey.New,
            "contact-add",
            self.tr("Create a contact"),
        )
        a(
            "quick_capture",
            self.tr("&Quick enquiry capture…"),
            lambda: self.open_capture(None),
            "Ctrl+Shift+N",
            "capture",
            self.tr("Log an incoming press enquiry"),
        )
        a(
            "import",
            self.tr("&Import contacts…"),
            self.import_contacts,
            "Ctrl+I",
            "import",
            self.tr("Import contacts from vCard, Excel, OpenDocument or CSV files"),
        )
        a(
            "import_history",
            self.tr("Import &history…"),
            self.show_import_history,
            None,
            "history",
            self.tr("See past imports and undo one"),
        )
        a(
            "export",
            self.tr("&Export contacts…"),
            self.export_contacts,
            "Ctrl+E",
            "export",
            self.tr("Export contacts to vCard, Excel, CSV or JSON"),
        )
        a(
            "demo",
            self.tr("Load the &demonstration data"),
            self.load_demo,
            None,
            "demo",
            self.tr("Fill the database with fictional contacts, releases and enquiries"),
        )
        a(
            "restore_backup",
            self.tr("&Restore a backup…"),
            self.restore_backup,
            None,
            "restore",
            self.tr("Put the database back as it was in one of its automatic backups"),
        )
        a(
            "shared_database",
            self.tr("&Shared database…"),
            self.choose_shared_database,
            None,
            "database",
            self.tr("Work with colleagues on one PostgreSQL database, or back on the local file"),
        )
        a("quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")
        if self.actions_by_name["quit"].shortcut().isEmpty():  # no standard key on this platform
            self.actions_by_name["quit"].setShortcut(QKeySequence("Ctrl+Q"))
        self.actions_by_name["quit"].setMenuRole(QAction.MenuRole.QuitRole)

        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setIcon(icons.icon("undo"))
        undo.setObjectName("action_undo")
        self.actions_by_name["undo"] = undo
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
            if QKeySequence(QKeySequence.StandardKey.Redo) != QKeySequence("Ctrl+Y")
            else [QKeySequence("Ctrl+Y")]
        )
        redo.setIcon(icons.icon("redo"))
        redo.setObjectName("action_redo")
        self.actions_by_name["redo"] = redo
        undo_feedback.install(self.undo_stack, undo, redo, self.show_message)
        a("edit", self.tr("&Edit contact"), self.edit_contact, "F2", "edit")
        a(
            "delete",
            self.tr("&Delete…"),
            self.delete_contacts,
            QKeySequence.StandardKey.Delete,
            "delete",
            self.tr("Delete the selected contacts"),
        )
        a("archive", self.tr("&Archive"), self.archive_contacts, None, "archive")
        a(
            "copy_emails",
            self.tr("&Copy emails"),
            self.copy_emails,
            "Ctrl+Shift+C",
            "mail-copy",
            self.tr("Copy the selected contacts' addresses, ready for a Bcc field"),
        )
        a(
            "find",
            self.tr("&Find contacts"),
            self.find_contacts,
            QKeySequence.StandardKey.Find,
            "search",
        )
        a(
            "preferences",
            self.tr("&Preferences…"),
            self.show_preferences,
            QKeySequence.StandardKey.Preferences,
            "settings",
            self.tr("Your name, time zone, language, sending, backups, data protection officer"),
        )
        titles = self._page_titles()
        for number, name in enumerate(self.page_names, start=1):
            a(
                f"page_{name}",
                titles.get(name, name),
                self._show_page_slot(name),
                f"Ctrl+{number}",
                {
                    "dashboard": "dashboard",
                    "contacts": "contacts",
                    "organisations": "organisation",
                    "releases": "release",
                    "enquiries": "enquiry",
                    "coverage": "coverage",
                    "duplicates": "merge",
                }.get(name, "list"),
            )
            self.actions_by_name[f"page_{name}"].setCheckable(True)
        a("refresh", self.tr("&Refresh"), self.refresh_current, QKeySequence.StandardKey.Refresh)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for code, label in (("fr", "&Français"), ("en", "&English")):
            action = a(f"language_{code}", label, self._language_slot(code))
            action.setCheckable(True)
            action.setChecked(i18n.current() == code)
            self.language_group.addAction(action)
        a(
            "shortcuts",
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
            "help",
        )
        a("about", self.tr("&About FIAC Press Desk"), self.show_about)
        self.actions_by_name["about"].setMenuRole(QAction.MenuRole.AboutRole)
        a("about_qt", self.tr("About &Qt"), lambda: QMessageBox.aboutQt(self))

    def _show_page_slot(self, name: str) -> Callable[[], None]:
        return lambda: self.show_page(name)

    def _language_slot(self, code: str) -> Callable[[], None]:
        return lambda: self.set_language(code)

    def _page_titles(self) -> dict[str, str]:
        return {
            "dashboard": self.tr("Dashboard"),
            "contacts": self.tr("Contacts"),
            "organisations": self.tr("Organisations"),
            "releases": self.tr("Press releases"),
            "enquiries": self.tr("Press enquiries"),
            "coverage": self.tr("Press coverage"),
            "duplicates": self.tr("Duplicates"),
        }

    def _make_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        for old in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            _discard(old)
        act = self.actions_by_name
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        for name in (
            "new_contact",
            "quick_capture",
            None,
            "import",
            "import_history",
            "export",
            None,
            "demo",
            None,
            "restore_backup",
            "shared_database",
            None,
            "quit",
        ):
            file_menu.addSeparator() if name is None else file_menu.addAction(act[name])
        from fiac_press_desk.ui import gdpr_menu  # register, notices, retention (issue 13)

        gdpr_menu.add_menu(self, file_menu, act["quit"])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("menu_edit")
        for name in (
            "undo",
            "redo",
            None,
            "edit",
            "archive",
            "delete",
            None,
            "copy_emails",
            None,
            "find",
            None,
            "preferences",
        ):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(act[name])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("menu_view")
        for name in self.page_names:
            view_menu.addAction(act[f"page_{name}"])
        view_menu.addSeparator()
        view_menu.addAction(act["refresh"])
        view_menu.addSeparator()
        language = view_menu.addMenu(icons.icon("language"), self.tr("&Language"))
        language.setObjectName("menu_language")
        language.addAction(act["language_fr"])
        language.addAction(act["language_en"])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(act["shortcuts"])
        help_menu.addSeparator()
        help_menu.addAction(act["about"])
        help_menu.addAction(act["about_qt"])

    def _make_toolbar(self) -> None:
        old = self.toolbar
        if old is not None:
            self.removeToolBar(old)
            _discard(old)
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        act = self.actions_by_name
        for name in (
            "new_contact",
            "quick_capture",
            None,
            "import",
            "export",
            None,
            "undo",
            "redo",
        ):
            toolbar.addSeparator() if name is None else toolbar.addAction(act[name])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        for child in status.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child.objectName().startswith("status_"):
                status.removeWidget(child)
                _discard(child)
        self.busy = QProgressBar(status)
        self.busy.setObjectName("status_busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setVisible(operations.is_busy() and not self._busy_timer.isActive())
        self.counts_label = QLabel(status)
        self.counts_label.setObjectName("status_counts")
        self.database_status = QLabel(status)
        self.database_status.setObjectName("status_database")
        self.database_status.setText(Path(self.database_label).name if self.database_label else "")
        self.database_status.setToolTip(self.tr("Database: %1").replace("%1", self.database_label))
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.database_status)

    # -- pages ------------------------------------------------------------------------------

    def page(self, name: str) -> QWidget:
        """The page ``name``, built on first use."""
        if name in self.pages:
            return self.pages[name]
        spec = next(spec for spec in PAGES if spec.name == name)
        widget = build_page(spec, self._services(), self.page_stack)
        widget.setObjectName(widget.objectName() or f"page_{name}")
        self._wire(name, widget)
        self.pages[name] = widget
        self.page_stack.addWidget(widget)
        return widget

    def _page_api(self, name: str) -> Page | None:
        """The page ``name`` as the window speaks to it, if it was built."""
        return page_of(self.pages.get(name))

    def contacts_view(self) -> ContactsView:
        from fiac_press_desk.ui.views.contacts_view import ContactsView

        view = self.page("contacts")
        if not isinstance(view, ContactsView):
            raise RuntimeError("the contacts page could not be built")
        return view

    def _contacts_page(self) -> ContactsView | None:
        """The contacts page if it has been built (never builds it)."""
        from fiac_press_desk.ui.views.contacts_view import ContactsView

        view = self.pages.get("contacts")
        return view if isinstance(view, ContactsView) else None

    def _wire(self, name: str, widget: QWidget) -> None:
        """Connect what a page asks of the window (other pages, the status bar)."""
        from fiac_press_desk.ui.views.contacts_view import ContactsView

        if isinstance(widget, ContactsView):
            self._wire_contacts(widget)
        if name == "duplicates":
            self._wire_duplicates(widget)
        elif name == "dashboard":
            # Imported for this page only: at start, on the contacts page, the dashboard's
            # modules cost the GUI thread 0.1-0.2 s before the first rows.
            from fiac_press_desk.ui.views.dashboard_view import DashboardView

            if isinstance(widget, DashboardView):
                self._wire_dashboard(widget)
        from fiac_press_desk.ui import window_state  # filters, sort, selection, splits

        window_state.restore_page(name, widget)

    def _wire_dashboard(self, widget: DashboardView) -> None:
        widget.enquiries_requested.connect(self._open_enquiries)
        widget.enquiry_activated.connect(self._open_enquiry)
        widget.release_activated.connect(lambda _id: self.show_page("releases"))

    # -- the duplicates page (issue 12) --

    def _wire_duplicates(self, widget: QWidget) -> None:
        from fiac_press_desk.ui.views.duplicates_view import DuplicatesView

        if isinstance(widget, DuplicatesView):
            widget.set_undo_stack(self.undo_stack)
            widget.contact_requested.connect(self.open_contact)
            widget.status_message.connect(self.show_message)
            widget.counts_changed.connect(self._update_counts)

    def show_duplicates(self, among: list[int] | None = None) -> None:
        """The duplicates page, limited to the groups of ``among`` (an import's contacts)."""
        from fiac_press_desk.ui.views.duplicates_view import DuplicatesView

        self.show_page("duplicates")
        view = self.pages.get("duplicates")
        if isinstance(view, DuplicatesView) and (among is not None or view.among is not None):
            view.show_among(among)

    def open_contact(self, contact_id: int) -> None:
        """Show one contact's card in the Contacts page (from another page)."""
        self.show_page("contacts")
        self.contacts_view().open_contact(contact_id)

    def _open_enquiries(self, quick: str) -> None:
        from fiac_press_desk.ui.views.enquiries_view import EnquiriesView

        self.show_page("enquiries")
        view = self.pages.get("enquiries")
        if isinstance(view, EnquiriesView):
            view.show_filter(quick)

    def _open_enquiry(self, enquiry_id: int) -> None:
        from fiac_press_desk.ui.views.enquiries_view import EnquiriesView

        self.show_page("enquiries")
        view = self.pages.get("enquiries")
        if isinstance(view, EnquiriesView):
            view.show_enquiry(enquiry_id)

    def _wire_contacts(self, view: ContactsView) -> None:
        view.set_undo_stack(self.undo_stack)
        # These keys act on the table only: the contact card beside it has its own F2, and
        # Delete in a text field deletes text, not contacts.
        for name in TABLE_ACTIONS:
            action = self.actions_by_name[name]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.table.addAction(action)
        view.status_message.connect(self.show_message)
        view.counts_changed.connect(self._update_counts)
        view.selection_changed.connect(self._update_actions)
        view.filter_target_changed.connect(self._contacts_filter_changed)
        view.import_requested.connect(self.import_contacts)
        view.demo_requested.connect(self.load_demo)
        view.duplicates_requested.connect(lambda: self.show_duplicates(None))

    def show_page(self, name: str) -> None:
        if name not in self.page_names:
            return
        widget = self.page(name)
        self.page_stack.setCurrentWidget(widget)
        self._current_page = name
        page = page_of(widget)
        if page is not None:
            page.refresh()
        if name == "contacts":
            flt = self.contacts_view().filters.current_filter()
            if flt.list_id is not None:
                self._nav().select_list(flt.list_id)
            elif flt.tag_id is not None:
                self._nav().select_tag(flt.tag_id)
            else:
                self._nav().select_page(name)
        else:
            self._nav().select_page(name)
        for page_name in self.page_names:
            self.actions_by_name[f"page_{page_name}"].setChecked(page_name == name)
        if settings.load_value("window/page") != name:  # written (and synced) when it changes
            settings.save_value("window/page", name)
        self._update_actions()
        self._update_counts()

    def current_page(self) -> str:
        return self._current_page

    def _show_list(self, list_id: int) -> None:
        self.show_page("contacts")
        self.contacts_view().set_list_filter(list_id)
        self._nav().select_list(list_id)

    def _show_tag(self, tag_id: int) -> None:
        self.show_page("contacts")
        self.contacts_view().set_tag_filter(tag_id)
        self._nav().select_tag(tag_id)

    def _contacts_filter_changed(self, kind: str, target: int) -> None:
        if self._current_page != "contacts":
            return
        if kind == "list":
            self._nav().select_list(target)
        elif kind == "tag":
            self._nav().select_tag(target)
        else:
            self._nav().select_page("contacts")

    def _contacts_dropped(self, list_id: int, list_name: str, ids: list[int]) -> None:
        self.contacts_view().add_to_list(list_id, list_name, ids)

    def _nav(self) -> Sidebar:
        """The sidebar (there once a database is attached)."""
        if self.sidebar is None:
            raise RuntimeError("the window has no database yet")
        return self.sidebar

    def refresh_current(self) -> None:
        """F5: read the current page again, whatever it thinks it knows."""
        contacts = self._contacts_page() if self._current_page == "contacts" else None
        page = self._page_api(self._current_page)
        if contacts is not None:
            contacts.filters.refresh_choices()
            contacts.model.reload(data_changed=True)
        elif page is not None:
            page.refresh()
        self._nav().refresh()

    def _on_data_changed(self, _area: str) -> None:
        self._update_counts()

    # -- status bar -----------------------------------------------------------------------

    def announce_backup(self, path: Path) -> None:
        """The database was migrated at start-up; say where the copy of the old one is."""
        self.show_message(
            self.tr("Database updated; a copy of the previous version: %1").replace("%1", str(path))
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _update_counts(self) -> None:
        page = self._page_api(self._current_page)
        self.counts_label.setText(page.status_text() if page is not None else "")
        self._update_actions()

    def _on_busy(self, busy: bool) -> None:
        """Long work started or ended; the bar shows only if it lasts (no flicker)."""
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

    def _show_busy(self) -> None:
        self.busy.setVisible(operations.is_busy())

    def _update_actions(self) -> None:
        if self.services is None:
            return
        view = self._contacts_page() if self._current_page == "contacts" else None
        selected = view is not None and view.has_selection()
        one = selected and view is not None and len(view.selected_rows()) == 1
        act = self.actions_by_name
        act["delete"].setEnabled(bool(selected))
        act["archive"].setEnabled(bool(selected))
        act["copy_emails"].setEnabled(bool(selected))
        act["edit"].setEnabled(bool(one))
        act["new_contact"].setEnabled("contacts" in self.page_names)

    # -- actions --------------------------------------------------------------------------

    def new_contact(self) -> None:
        self.show_page("contacts")
        self.contacts_view().new_contact()

    def edit_contact(self) -> None:
        if self._current_page == "contacts":
            self.contacts_view().edit_current()

    def delete_contacts(self) -> None:
        if self._current_page == "contacts":
            self.contacts_view().delete_selected()

    def archive_contacts(self) -> None:
        if self._current_page == "contacts":
            self.contacts_view().archive_selected()

    def copy_emails(self) -> None:
        if self._current_page == "contacts":
            self.contacts_view().copy_emails()

    def find_contacts(self) -> None:
        """Ctrl+F: the current page's own search when it has one, else the contacts search."""
        page = self._page_api(self._current_page)
        if page is not None and page.focus_search():
            return
        self.show_page("contacts")
        self.contacts_view().focus_search()

    def import_contacts(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import contacts"),
            settings.load_value("paths/import", str(Path.home())),
            self.tr("Contact files (%1);;All files (*)").replace(
                "%1", " ".join(f"*{suffix}" for suffix in CONTACT_FILE_SUFFIXES)
            ),
        )
        if paths:
            settings.save_value("paths/import", str(Path(paths[0]).parent))
            self.run_import([Path(p) for p in paths])

    def run_import(self, paths: list[Path]) -> None:
        from fiac_press_desk.ui.dialogs.import_dialog import run_import

        run_import(self._services(), paths, self)

    def show_import_history(self) -> None:
        from fiac_press_desk.ui.dialogs.import_history import show_import_history

        show_import_history(self._services(), self)

    def export_contacts(self) -> None:
        from fiac_press_desk.ui.dialogs.export_dialog import run_export

        run_export(self._services(), None, self)

    def open_capture(self, eml_paths: list[Path] | None) -> None:
        from fiac_press_desk.ui.dialogs.enquiry_capture import open_capture

        open_capture(self._services(), self, eml_paths)

    def restore_backup(self) -> None:
        """File > Restore a backup… (ui/dialogs/backup_restore.py)."""
        from fiac_press_desk.ui.dialogs.backup_restore import show_restore

        show_restore(self)

    def choose_shared_database(self) -> None:
        """File > Shared database… (ui/dialogs/shared_database_dialog.py)."""
        from fiac_press_desk.ui.dialogs.shared_database_dialog import show_shared_database

        previous = getattr(self, "shared_database_dialog", None)
        if previous is not None and not previous.isVisible():
            previous.deleteLater()  # one at a time, not one more per visit
        self.shared_database_dialog = show_shared_database(self)

    def load_demo(self) -> None:
        """Fill the database with the demonstration data; asked first if it holds contacts."""
        from fiac_press_desk.services.contact_queries import ContactFilter

        queries = self._services().contact_queries
        operations.read(
            self, lambda _p: queries.count(ContactFilter(archived=None)), self._demo_asked
        )

    def _demo_asked(self, existing: int) -> None:
        if existing:
            answer = QMessageBox.question(
                self,
                self.tr("Load the demonstration data"),
                self.tr(
                    "The database already holds contacts. Add the fictional demonstration "
                    "contacts, releases and enquiries to them?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.start_demo()

    def start_demo(self) -> Operation[DemoSummary]:
        from fiac_press_desk.services import demo

        services = self._services()
        self.actions_by_name["demo"].setEnabled(False)
        self.show_message(self.tr("Loading the demonstration data…"))
        job = operations.write(
            self,
            lambda _progress: demo.fill(services),
            self._demo_loaded,
            changes=("organisations", "lists", "tags", "contacts", "releases", "enquiries"),
            on_error=lambda error: QMessageBox.warning(
                self, self.tr("Something went wrong"), message_of(error)
            ),
        )
        job.finished.connect(self._demo_done)
        return job

    def _demo_done(self) -> None:
        if "demo" in self.actions_by_name:
            self.actions_by_name["demo"].setEnabled(True)

    def _demo_loaded(self, summary: DemoSummary) -> None:
        from dataclasses import asdict

        counts = asdict(summary)
        self.show_message(
            self.tr(
                "Demonstration data loaded: %1 contacts, %2 organisations, %3 lists, "
                "%4 releases, %5 enquiries"
            )
            .replace("%1", str(counts["contacts"]))
            .replace("%2", str(counts["organisations"]))
            .replace("%3", str(counts["lists"]))
            .replace("%4", str(counts["releases"]))
            .replace("%5", str(counts["enquiries"]))
        )

    def show_preferences(self) -> None:
        """Édition > Préférences… (ui/dialogs/preferences_dialog.py)."""
        from fiac_press_desk.ui.dialogs.preferences_dialog import open_preferences

        dialog = open_preferences(self._services(), self)
        dialog.language_chosen.connect(self.set_language)

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts, read from the actions themselves (never stale)."""
        from fiac_press_desk.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.shortcuts_dialog = dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FIAC Press Desk"),
            "<h3>{name} {version}</h3><p>{text}</p><p>{db}</p>".format(
                name=APP_NAME,
                version=__version__,
                text=self.tr(
                    "Press relations desk of the FIAC press office: contacts, distribution "
                    "lists, press releases and press enquiries. Personal data stay on this "
                    "workstation."
                ),
                db=self.tr("Database: %1").replace("%1", self.database_label),
            ),
        )

    # -- files dropped on the window --------------------------------------------------------

    def _dropped_files(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if self.services is None:
            return []
        if not mime.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        suffixes = CONTACT_FILE_SUFFIXES + ENQUIRY_FILE_SUFFIXES
        return [p for p in paths if p.suffix.lower() in suffixes]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        contacts = [p for p in files if p.suffix.lower() in CONTACT_FILE_SUFFIXES]
        enquiries = [p for p in files if p.suffix.lower() in ENQUIRY_FILE_SUFFIXES]
        # Dialogs open after the drop returns, so the source application is not kept waiting.
        if contacts:
            QTimer.singleShot(0, lambda: self.run_import(contacts))
        if enquiries:
            QTimer.singleShot(0, lambda: self.open_capture(enquiries))

    # -- language -----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang == i18n.current():
            return
        settings.set_language(lang)
        i18n.install(lang)  # Qt sends LanguageChange; changeEvent rebuilds the contents
        self._schedule_rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._schedule_rebuild()
        super().changeEvent(event)

    def _schedule_rebuild(self) -> None:
        if not self.isVisible():
            # A closed window is not rebuilt (nor does it save its layout over the one of
            # the window that replaced it); it catches up if it is shown again.
            self._language_stale = True
            return
        if not self._rebuild_pending and self.actions_by_name:
            self._rebuild_pending = True
            QTimer.singleShot(0, self.rebuild)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._language_stale:
            self._language_stale = False
            self._schedule_rebuild()

    def rebuild(self) -> None:
        """Build the menus, toolbar, sidebar and pages again (new language), same state."""
        self._rebuild_pending = False
        if not self.isVisible() and self.is_attached() and self.pages:
            self._language_stale = True  # closed meanwhile
            return
        page = self._current_page
        contacts = self._contacts_page()
        saved_filter = None
        if contacts is not None:
            saved_filter = contacts.filters.current_filter()
        if self.pages:  # the frame shown while the database opened has nothing to keep
            self._save_layout()
        self._shutdown_pages()
        self.pages = {}
        old_central = self.takeCentralWidget()
        if old_central is not None:
            _discard(old_central)
        for action in self.actions_by_name.values():
            action.deleteLater()
        self.language_group.deleteLater()
        self._build()
        if self.services is None:
            return
        if page:
            self.show_page(page)
        if saved_filter is not None and page == "contacts":
            view = self.contacts_view()
            view.filters.search.setText(saved_filter.search)
            view.filters.set_kind(saved_filter.kind)
            view.filters.set_list(saved_filter.list_id)
            view.filters.set_tag(saved_filter.tag_id)
            view.filters.set_organisation(saved_filter.organisation_id)
            view.filters.apply_now()

    # -- closing ----------------------------------------------------------------------------

    def _save_layout(self) -> None:
        settings.save_state("window/geometry", self.saveGeometry())
        if self.splitter is None:  # not there while the frame is empty
            return
        settings.save_state("window/splitter", self.splitter.saveState())
        contacts = self._contacts_page()
        if contacts is not None:
            contacts.save_layout()
        from fiac_press_desk.ui import window_state

        for name, widget in self.pages.items():
            window_state.save_page(name, widget)

    def _shutdown_pages(self) -> None:
        for widget in self.pages.values():
            page = page_of(widget)
            if page is not None:
                page.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        self._shutdown_pages()
        live_refresh.stop(self)
        # What the press officer asked to write is written before the database closes.
        operations.wait_for_writes(30_000)
        super().closeEvent(event)


def _discard(widget: QWidget) -> None:
    """Detach now (so nothing finds it any more), delete when the event loop gets there."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()
