"""The contact panel beside the contacts list: a readable card, an editor one click (or F2)
away, and the history of releases received and enquiries made.

The main window drives it with ``show_contact(id)`` and ``start_new()``; it answers with
``saved(id)`` and ``cancelled()``. Reading a contact and saving one are ``ui.operations``
calls, off the GUI thread; a save announces what it touched (``data_events``) so that lists
and counts elsewhere follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PressDeskError,
    ValidationError,
)
from fiac_press_desk.domain.messages import render
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services import Services
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.ui import drafts, operations
from fiac_press_desk.ui.errors import show_expected, stale_edit_text
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.labels import contact_kinds
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.undo import ServiceCommand

if TYPE_CHECKING:  # the card's modules: imported when it is built (``load_card_modules``)
    from fiac_press_desk.ui.undo_edits import CreateContact, EditContact
    from fiac_press_desk.ui.views.contact_form import ContactForm
    from fiac_press_desk.ui.views.contact_form_card import ContactCard
    from fiac_press_desk.ui.views.contact_history import ContactHistoryView
    from fiac_press_desk.ui.views.coverage_contact import ContactCoveragePanel
    from fiac_press_desk.ui.views.duplicate_warning import DuplicateWarning
    from fiac_press_desk.ui.views.gdpr_register import ContactRegisterView

_Part_T = TypeVar("_Part_T")


class _Part(Generic[_Part_T]):
    """A widget of the panel's contact page, which is built the first time one is used.

    At start the panel shows "select a contact": building the card, the form and the tabs
    then would cost the GUI thread a tenth of a second before the first rows of the list.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_part_{name}"

    @overload
    def __get__(self, panel: None, owner: type) -> _Part[_Part_T]: ...

    @overload
    def __get__(self, panel: ContactDetailPanel, owner: type) -> _Part_T: ...

    def __get__(self, panel: ContactDetailPanel | None, owner: type) -> Any:
        if panel is None:
            return self
        panel.build_contact_page()
        return panel.__dict__[self._slot]

    def __set__(self, panel: ContactDetailPanel, value: _Part_T) -> None:
        panel.__dict__[self._slot] = value


AVATAR_SIDE = 52
BADGE_STYLE = (
    "QLabel {{ background: {bg}; color: {fg}; border-radius: 8px; padding: 1px 8px;"
    " font-size: 11px; font-weight: 600; }}"
)


class Unsaved(Enum):
    """What the press officer chose to do with edits not saved yet."""

    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


@dataclass(frozen=True)
class _Completions:
    organisations: list[str]
    tags: list[str]
    lists: list[str]


def _badge(text: str, bg: str, fg: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(BADGE_STYLE.format(bg=bg, fg=fg))
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


class ContactHeader(QFrame):
    """Photo or initials, the name, what they do and where, and status badges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactHeader")
        self.setStyleSheet("QFrame#contactHeader { border-bottom: 1px solid #dde3ea; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(12)
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR_SIDE, AVATAR_SIDE)
        layout.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.name)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #5f6b76;")
        text.addWidget(self.subtitle)
        self.badges = QHBoxLayout()
        self.badges.setSpacing(4)
        self.badges.addStretch(1)
        text.addLayout(self.badges)
        layout.addLayout(text, 1)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit this contact (F2)"))
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_contact(self, data: ContactData, new: bool = False) -> None:
        name = data.computed_display_name()
        if not name:
            name = self.tr("New contact") if new else self.tr("Unnamed contact")
        self.name.setText(name)
        work = [p for p in (data.job_title, data.organization) if p]
        self.subtitle.setText(" · ".join(work))
        self.subtitle.setVisible(bool(work))
        ratio = self.devicePixelRatioF()
        initials_of = "" if new and not data.computed_display_name() else name
        from fiac_press_desk.ui.views.contact_form_widgets import avatar_pixmap

        self.avatar.setPixmap(avatar_pixmap(data.photo, initials_of, AVATAR_SIDE, ratio))
        while self.badges.count() > 1:
            item = self.badges.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        badges = []
        if not new:
            kind = contact_kinds().get(data.kind, str(data.kind))
            badges.append(_badge(kind, "#e6eef9", "#1d3f6e"))
        if data.opted_out:
            badges.append(_badge(self.tr("Opted out"), "#fdecea", "#8c1d18"))
        if data.archived:
            badges.append(_badge(self.tr("Archived"), "#eceff1", "#37474f"))
        for i, badge in enumerate(badges):
            self.badges.insertWidget(i, badge)
        self._fit_text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        # Wrapped labels nested in row layouts do not always get the height they need.
        for label in (self.name, self.subtitle):
            height = label.heightForWidth(label.width()) if label.width() > 0 else -1
            label.setMinimumHeight(max(height, 0))


class ContactDetailPanel(QWidget):
    """Shows one contact (card + history) and edits it or a new one."""

    saved = Signal(int)
    cancelled = Signal()
    leave_refused = Signal(int)  # the edited contact (-1: a new one) whose save failed on leaving
    editing_changed = Signal(bool)
    release_activated = Signal(int)
    enquiry_activated = Signal(int)

    contact_page: _Part[QWidget] = _Part()
    header: _Part[ContactHeader] = _Part()
    tabs: _Part[QTabWidget] = _Part()
    sheet: _Part[QStackedWidget] = _Part()
    card: _Part[ContactCard] = _Part()
    form: _Part[ContactForm] = _Part()
    history: _Part[ContactHistoryView] = _Part()
    register: _Part[ContactRegisterView] = _Part()
    published: _Part[ContactCoveragePanel] = _Part()
    buttons: _Part[QDialogButtonBox] = _Part()
    save_button: _Part[QPushButton] = _Part()
    cancel_button: _Part[QPushButton] = _Part()
    save_bar: _Part[QFrame] = _Part()
    duplicate_warning: _Part[DuplicateWarning] = _Part()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._contact_id: int | None = None
        self._version: int | None = None  # of the contact shown, handed back on save
        self._data = ContactData()
        self._editing = False
        self._dirty = False
        self._saving = False
        self._pending_id: int | None = None  # a contact on its way from the database
        self._edit_when_loaded = False
        self._completions: _Completions | None = None
        # Where a save is pushed to be undone (the contacts view's, the window's stack).
        self.undo_stack_of: Callable[[], QUndoStack | None] = lambda: None
        self.setMinimumWidth(360)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        self.empty_page = self._build_empty_page()
        self.pages.addWidget(self.empty_page)
        self._page_built = False

        shortcut_context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # F2 (edit) belongs to the main window's Edit action, which calls edit(): a second
        # shortcut on the same keys would make both ambiguous and neither would fire.
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save_shortcut)
        save.setContext(shortcut_context)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._cancel_shortcut)
        escape.setContext(shortcut_context)
        # Named: Help > Keyboard shortcuts lists them (ui.dialogs.shortcuts_dialog).
        save.setWhatsThis(self.tr("Save the contact being edited"))
        escape.setWhatsThis(self.tr("Cancel the edits of the contact"))

        data_events().changed.connect(self._data_changed)
        self.pages.setCurrentWidget(self.empty_page)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        drafts.form_shown(self)  # what is typed here is kept as a draft

    def build_contact_page(self) -> None:
        """Build the card, the form and the tabs, if not yet done (see ``_Part``)."""
        if self._page_built:
            return
        self._page_built = True
        services = self.services
        self.contact_page = QWidget()
        page = QVBoxLayout(self.contact_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        self.header = ContactHeader()
        self.header.edit_button.clicked.connect(self.edit)
        page.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.sheet = QStackedWidget()
        from fiac_press_desk.ui.views.contact_form import ContactForm
        from fiac_press_desk.ui.views.contact_form_card import ContactCard
        from fiac_press_desk.ui.views.contact_history import ContactHistoryView
        from fiac_press_desk.ui.views.gdpr_register import ContactRegisterView

        self.card = ContactCard()
        self.form = ContactForm()
        self.form.changed.connect(self._form_changed)
        self.sheet.addWidget(self.card)
        self.sheet.addWidget(self.form)
        self.tabs.addTab(self.sheet, self.tr("Details"))
        self.history = ContactHistoryView(services)
        self.history.counts_changed.connect(self._history_count)
        self.history.release_activated.connect(self.release_activated)
        self.history.enquiry_activated.connect(self.enquiry_activated)
        self.tabs.addTab(self.history, self.tr("History"))
        # The GDPR register and the person's rights (access, erasure): ui/views/gdpr_register.
        self.register = ContactRegisterView(services)
        self.register.erased.connect(lambda _id: self._load(None))
        self.tabs.addTab(self.register, self.tr("Personal data"))
        # What they published (issue 16): a tab of its own, after the history.
        from fiac_press_desk.ui.views.coverage_contact import ContactCoveragePanel

        self.published = ContactCoveragePanel(services)
        self.published.add_to(self.tabs)
        page.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the contact (Ctrl+S)"))
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setToolTip(self.tr("Forget the changes (Esc)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        bar = QFrame()
        bar.setObjectName("saveBar")
        bar.setStyleSheet("QFrame#saveBar { border-top: 1px solid #dde3ea; }")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(10, 6, 10, 6)
        bar_layout.addWidget(self.buttons)
        self.save_bar = bar
        page.addWidget(bar)
        self.pages.addWidget(self.contact_page)
        # the state of the moment (the editor may be opening: what asked for the page)
        self._set_editing(self._editing, announce=False)
        from fiac_press_desk.ui.views.duplicate_warning import attach_duplicate_warning

        self.duplicate_warning = attach_duplicate_warning(self)  # another contact's address

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        label = QLabel(
            self.tr(
                "Select a contact in the list to see their details and history,\n"
                "or create a new one (Ctrl+N)."
            )
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6b76;")
        layout.addWidget(label)
        button = QPushButton(self.tr("New contact"))
        button.clicked.connect(self.start_new)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.empty_label = label
        return page

    # -- public API -------------------------------------------------------------------------

    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def is_editing(self) -> bool:
        return self._editing

    def has_unsaved_changes(self) -> bool:
        return self._editing and self._dirty

    def show_contact(self, contact_id: int | None) -> bool:
        """Show ``contact_id`` (None: the empty state). Pending edits are offered for saving
        first; returns False when the user chose to stay on the current contact."""
        if self._editing and contact_id == self._contact_id and contact_id is not None:
            return True  # the list re-selected the contact being edited: keep the edits
        return self.maybe_leave(lambda: self._load(contact_id))

    def start_new(self, defaults: ContactData | None = None) -> bool:
        """Open the editor on a new contact (``defaults`` pre-fills it)."""
        if defaults is None:  # the lawful basis the Preferences choose for new contacts
            from fiac_press_desk.workstation import default_lawful_basis

            defaults = ContactData(lawful_basis=default_lawful_basis())
        return self.maybe_leave(lambda: self._new(defaults))

    def _new(self, data: ContactData) -> None:
        self._pending_id = None
        self._contact_id = None
        self._data = data
        self._open_form()
        self.header.set_contact(self._data, new=True)
        self.history.show_contact(None)
        self.register.show_contact(None)
        self.published.show_contact(None)
        self.pages.setCurrentWidget(self.contact_page)
        self.form.given_name.setFocus()

    def edit(self) -> None:
        """Switch the shown contact to the editor (F2); one on its way opens in it."""
        if self._pending_id is not None:
            self._edit_when_loaded = True
            return
        if self._contact_id is None or self._editing:
            return
        self._open_form()
        self.form.given_name.setFocus()

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Validate, then write in the background; ``then`` runs once it is written.

        False when the form refused (the message is under the field, nothing was written);
        a refusal of the services comes later, shown the same way (``leave_refused`` when the
        save was asked for on leaving the contact)."""
        if not self._editing:
            if then is not None:
                then()
            return True
        if self._saving:
            return False
        self.form.clear_errors()
        if not self.form.check_now():
            return False
        data = self.form.data()
        contact_id = self._contact_id
        from fiac_press_desk.ui.undo_edits import CreateContact, EditContact

        command: EditContact | CreateContact = (
            CreateContact(self.services, data)
            if contact_id is None
            else EditContact(self.services, contact_id, data, version=self._version)
        )

        def work(_progress: Progress) -> int:
            command.do()
            assert command.contact_id is not None
            return command.contact_id

        self._saving = True
        self.save_button.setEnabled(False)
        operations.write(
            self,
            work,
            lambda saved_id: self._saved(saved_id, data, then, command),
            changes=_areas_touched(self._data, data),
            on_error=lambda error: self._save_failed(error, then is not None),
        )
        return True

    def _saved(
        self,
        contact_id: int,
        data: ContactData,
        then: Callable[[], None] | None,
        command: ServiceCommand | None = None,
    ) -> None:
        stack = self.undo_stack_of()
        if command is not None and stack is not None:
            command.setText(command.describe())
            stack.push(command)  # already done: its first redo is skipped
        self._saving = False
        self.save_button.setEnabled(True)
        self._dirty = False
        self._contact_id = contact_id
        # What was typed until the stored version (normalised by the services) is read back.
        self._data = data
        self.header.set_contact(data)
        self.card.set_data(data)
        self._set_editing(False)
        self.saved.emit(contact_id)
        if then is not None:
            then()
        else:
            self._load(contact_id)

    def _save_failed(self, error: PressDeskError, leaving: bool) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.form.show_error(error)
        elif isinstance(error, StaleEditError):  # a colleague saved meanwhile (issue 14)
            self.form._show_banner(stale_edit_text(error))
            self._version = error.current_version  # saving again overwrites, knowingly
        elif isinstance(error, ConflictError):
            self.form._show_banner(render(error.code, **error.params))
        elif isinstance(error, NotFoundError):
            self.form._show_banner(
                self.tr("This contact no longer exists (deleted meanwhile?): %1").replace(
                    "%1", str(error)
                )
            )
        else:
            self.form._show_banner(str(error))
        if leaving:
            self.leave_refused.emit(self._contact_id if self._contact_id is not None else -1)

    def cancel(self) -> None:
        """Forget the edits: back to the card, or to the empty state for a new contact."""
        if not self._editing:
            return
        self._dirty = False
        if self._contact_id is None:
            self._load(None)
        else:  # nothing was written: the card still shows the stored contact
            self.header.set_contact(self._data)
            self._set_editing(False)
        self.cancelled.emit()

    def maybe_leave(self, then: Callable[[], None]) -> bool:
        """If there are unsaved edits, ask what to do, then move on with ``then`` (after the
        save, when saving was chosen); False when the press officer stays on the contact."""
        if not self.has_unsaved_changes():
            then()
            return True
        choice = self._ask_unsaved()
        if choice == Unsaved.STAY:
            return False
        if choice == Unsaved.SAVE:
            return self.save(then)
        self._dirty = False
        then()
        return True

    def refresh(self) -> None:
        """Reload what is shown from the database (edits in progress are kept)."""
        if not self._editing:
            self._load(self._shown_id())

    # -- internals --------------------------------------------------------------------------

    def _ask_unsaved(self) -> Unsaved:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(
            self.tr("The changes to “%1” are not saved.").replace(
                "%1", self._data.computed_display_name() or self.tr("new contact")
            )
        )
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            return Unsaved.SAVE
        if box.clickedButton() is discard:
            return Unsaved.DISCARD
        return Unsaved.STAY

    def _load(self, contact_id: int | None) -> None:
        self._dirty = False
        self._edit_when_loaded = False
        if contact_id is None:
            self._pending_id = None
            operations.forget_key(self, "contact")
            self._contact_id = None
            self._data = ContactData()
            if not self._page_built:
                return  # nothing shown yet, nothing to clear
            self.history.show_contact(None)
            self.register.show_contact(None)
            self.published.show_contact(None)
            self.pages.setCurrentWidget(self.empty_page)
            self._set_editing(False)
            return
        self._pending_id = contact_id
        contacts = self.services.contacts
        operations.read(
            self,
            lambda _p: contacts.get_for_edit(contact_id),
            lambda loaded: self._show_loaded(contact_id, *loaded),
            key="contact",
            on_error=self._load_failed,
        )

    def _shown_id(self) -> int | None:
        """The contact shown, or the one on its way to be."""
        return self._pending_id if self._pending_id is not None else self._contact_id

    def _show_loaded(self, contact_id: int, data: ContactData, version: int | None = None) -> None:
        self._pending_id = None
        if self._editing:  # the editor opened meanwhile (a new contact): keep it
            return
        self._version = version
        self._contact_id = contact_id
        self._data = data
        self.header.set_contact(data)
        self.card.set_data(data)
        self.history.show_contact(contact_id)
        self.register.show_contact(contact_id, data.computed_display_name())
        self.published.show_contact(contact_id)
        self.pages.setCurrentWidget(self.contact_page)
        self._set_editing(False)
        if self._edit_when_loaded:
            self._edit_when_loaded = False
            self.edit()

    def _load_failed(self, error: PressDeskError) -> None:
        self._pending_id = None
        if isinstance(error, NotFoundError):  # deleted meanwhile
            self._load(None)
        else:
            show_expected(self, error)

    def _open_form(self) -> None:
        if self._completions is None:  # read once, again only after a change somewhere
            services = self.services

            def work(_progress: Progress) -> _Completions:
                return _Completions(
                    services.organisations.names(),
                    [t.name for t in services.tags.all()],
                    [dl.name for dl in services.lists.all()],
                )

            operations.read(self, work, self._show_completions, key="completions")
        else:
            self._show_completions(self._completions)
        self.form.set_data(self._data)
        self._dirty = False
        self._set_editing(True)
        self.tabs.setCurrentWidget(self.sheet)
        self.form.scroll_area.verticalScrollBar().setValue(0)

    def _set_editing(self, editing: bool, announce: bool = True) -> None:
        changed = announce and editing != self._editing
        self._editing = editing
        self.sheet.setCurrentWidget(self.form if editing else self.card)
        self.save_bar.setVisible(editing)
        self.header.edit_button.setVisible(not editing and self._contact_id is not None)
        self.tabs.setTabEnabled(1, not editing or self._contact_id is not None)
        self.tabs.setTabEnabled(2, not editing or self._contact_id is not None)
        if changed:
            self.editing_changed.emit(editing)

    def _form_changed(self) -> None:
        if self._editing:
            self._dirty = True
            self.header.set_contact(self.form.data(), new=self._contact_id is None)

    def _history_count(self, count: int) -> None:
        title = (
            self.tr("History") if not count else self.tr("History (%1)").replace("%1", str(count))
        )
        self.tabs.setTabText(1, title)

    def _show_completions(self, completions: _Completions) -> None:
        self._completions = completions
        self.form.set_completions(
            completions.organisations, completions.tags, completions.lists, list(self._data.beats)
        )

    def _data_changed(self, area: str) -> None:
        if area in ("contacts", "organisations", "tags", "lists", "imports"):
            self._completions = None
        if self._editing or self._saving:
            return
        if area in ("contacts", "organisations", "tags", "lists", "imports"):
            self._load(self._shown_id())
        elif area in ("releases", "enquiries") and self._contact_id is not None:
            self.history.refresh()

    def _save_shortcut(self) -> None:
        if self._editing:
            self.save()

    def _cancel_shortcut(self) -> None:
        if self._editing:
            self.cancel()


def load_card_modules() -> None:
    """Import the modules of the contact card's widgets (a worker does, once the window
    shows its rows: the card is built on the GUI thread right after)."""
    import fiac_press_desk.ui.undo_edits
    import fiac_press_desk.ui.views.contact_form
    import fiac_press_desk.ui.views.contact_form_card
    import fiac_press_desk.ui.views.contact_form_widgets
    import fiac_press_desk.ui.views.contact_history
    import fiac_press_desk.ui.views.coverage_contact
    import fiac_press_desk.ui.views.duplicate_warning
    import fiac_press_desk.ui.views.gdpr_register  # noqa: F401


def _areas_touched(before: ContactData, after: ContactData) -> list[str]:
    """What a save changes for the other views: the contacts, and what they are filed under."""
    areas = ["contacts"]
    if fold(before.organization) != fold(after.organization):
        areas.append("organisations")
    if sorted(map(fold, before.tags)) != sorted(map(fold, after.tags)):
        areas.append("tags")
    if sorted(map(fold, before.lists)) != sorted(map(fold, after.lists)):
        areas.append("lists")
    return areas
