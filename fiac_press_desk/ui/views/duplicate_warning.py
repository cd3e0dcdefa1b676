"""The contact form's warning: "another contact already has this e-mail address (or mobile)".

While the press officer types a contact's e-mail addresses and phone numbers (a new contact or
an edit), ``services.duplicates.conflicts`` is asked, off the GUI thread and once typing pauses
(``DEBOUNCE_MS``), whether another contact holds the same mailbox (case, and for Gmail dots and
``+tag``, ignored) or the same mobile. Each such contact is named in a band at the top of the
form with two buttons: "Open" shows that contact (the edits are offered for saving first), and
"Merge" saves this one, then opens the merge dialog on the two.

``attach_duplicate_warning(panel)`` puts the band in a ``ContactDetailPanel``'s form: the panel
itself only calls it (one line), so the form's module stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.operations import Progress

if TYPE_CHECKING:  # the duplicate finder (rapidfuzz) is not imported to build the card
    from fiac_press_desk.services.duplicates import ContactConflict
    from fiac_press_desk.services.hub import Services
    from fiac_press_desk.ui.views.contact_detail import ContactDetailPanel
    from fiac_press_desk.ui.views.contact_form import ContactForm

DEBOUNCE_MS = 400
MAX_SHOWN = 2  # contacts named; more are counted
STYLE = (
    "QFrame#duplicateWarning { background: #fff4e0; border: 1px solid #f0c36d;"
    " border-radius: 4px; } QFrame#duplicateWarning QLabel { color: #5c3b00; }"
)


class DuplicateWarning(QFrame):
    """The band naming the other contacts that hold an address or mobile of the form."""

    open_requested = Signal(int)
    merge_requested = Signal(int)
    checked = Signal()  # an answer arrived and is shown (tests wait for it)

    def __init__(
        self,
        services: Services,
        form: ContactForm,
        contact_id: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setStyleSheet(STYLE)
        self._services = services  # its duplicate finder made in the worker, when first asked
        self._form = form
        self._contact_id = contact_id
        self._asked: tuple[tuple[str, ...], tuple[str, ...], int | None] | None = None
        self.conflicts: list[ContactConflict] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(9, 6, 9, 6)
        self._layout.setSpacing(4)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        form.changed.connect(self._timer.start)
        self.hide()

    def check_now(self) -> None:
        """Ask the services about the addresses and mobiles on the form (off the GUI thread)."""
        self._timer.stop()
        emails = tuple(e.value.strip() for e in self._form.emails.items() if e.value.strip())
        phones = tuple(p.value.strip() for p in self._form.phones.items() if p.value.strip())
        exclude = self._contact_id()
        asked = (emails, phones, exclude)
        if asked == self._asked:
            return
        self._asked = asked
        if not emails and not phones:
            self._show([])
            return
        services = self._services

        def work(_progress: Progress) -> list[ContactConflict]:
            return services.duplicates.conflicts(emails, phones, exclude_id=exclude)

        operations.read(self, work, self._show, key="conflicts")

    def reset(self) -> None:
        """The form shows another contact (or none): forget what was asked, hide."""
        self._timer.stop()
        self._asked = None
        operations.forget_key(self, "conflicts")
        self._show([])

    def _show(self, conflicts: list[ContactConflict]) -> None:
        self.conflicts = conflicts
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        by_contact: dict[int, list[ContactConflict]] = {}
        for conflict in conflicts:
            by_contact.setdefault(conflict.contact_id, []).append(conflict)
        for contact_id, found in list(by_contact.items())[:MAX_SHOWN]:
            self._layout.addWidget(self._line(contact_id, found))
        if len(by_contact) > MAX_SHOWN:
            more = QLabel(
                self.tr("…and %1 other contact(s).").replace("%1", str(len(by_contact) - MAX_SHOWN))
            )
            self._layout.addWidget(more)
        self.setVisible(bool(by_contact))
        self.checked.emit()

    def _line(self, contact_id: int, found: list[ContactConflict]) -> QWidget:
        """The sentence on a line of its own (an address does not break: beside the buttons
        it was cut in a narrow panel), the buttons under it on the right."""
        line = QWidget()
        outer = QVBoxLayout(line)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        first = found[0]
        who = first.name or self.tr("Unnamed contact")
        if first.organisation:
            who = self.tr("%1 (%2)").replace("%1", who).replace("%2", first.organisation)
        if first.archived:
            who += " — " + self.tr("archived")
        values = [c.value if c.field == "email" else display_phone(c.value) for c in found]
        text = (
            self.tr("%1 already has the e-mail address %2.")
            if first.field == "email"
            else self.tr("%1 already has the mobile %2.")
        )
        label = QLabel(text.replace("%1", who).replace("%2", ", ".join(values)))
        label.setWordWrap(True)
        label.setObjectName(f"duplicateWarning_{contact_id}")
        outer.addWidget(label)
        outer.addLayout(layout)
        layout.addStretch(1)
        open_button = QPushButton(self.tr("Open"))
        open_button.setToolTip(self.tr("Show that contact"))
        open_button.clicked.connect(lambda: self.open_requested.emit(contact_id))
        layout.addWidget(open_button)
        merge_button = QPushButton(self.tr("Merge…"))
        merge_button.setToolTip(self.tr("Save this contact, then merge the two into one"))
        merge_button.clicked.connect(lambda: self.merge_requested.emit(contact_id))
        layout.addWidget(merge_button)
        return line


def undo_stack_for(widget: QWidget) -> QUndoStack:
    """The undo stack of the window ``widget`` is in (the contacts page's, the main
    window's); a stack of its own when it is in neither (a test's lone panel)."""
    node: QWidget | None = widget
    while node is not None:
        for name in ("undo_stack", "_undo_stack"):
            stack = getattr(node, name, None)
            if isinstance(stack, QUndoStack):
                return stack
        node = node.parentWidget()
    top = widget.window()
    stack = top.findChild(QUndoStack, "duplicateWarningStack")
    if stack is None:
        stack = QUndoStack(top)
        stack.setObjectName("duplicateWarningStack")
    return stack


def attach_duplicate_warning(panel: ContactDetailPanel) -> DuplicateWarning:
    """Put the warning at the top of ``panel``'s form and wire it to the panel."""
    form = panel.form
    warning = DuplicateWarning(panel.services, form, lambda: panel.contact_id, form)
    outer = form.layout()
    if isinstance(outer, QVBoxLayout):
        holder = QVBoxLayout()
        holder.setContentsMargins(8, 4, 8, 2)
        holder.addWidget(warning)
        outer.insertLayout(1, holder)

    def editing(on: bool) -> None:
        warning.reset()
        if on:
            warning.check_now()

    def open_other(contact_id: int) -> None:
        def go() -> None:
            if panel.is_editing():  # saved or discarded by now: back to the card first
                panel.cancel()
            view = panel.parentWidget()
            while view is not None and not hasattr(view, "open_contact"):
                view = view.parentWidget()
            if view is not None:
                view.open_contact(contact_id)
            else:
                panel.show_contact(contact_id)

        panel.maybe_leave(go)  # edits in progress: save, discard or stay, as on leaving

    def merge_with(contact_id: int) -> None:
        def open_dialog() -> None:
            own = panel.contact_id
            if own is None or own == contact_id:
                return
            from fiac_press_desk.ui.dialogs.duplicate_merge_dialog import open_merge

            open_merge(panel.services, [own, contact_id], undo_stack_for(panel), panel)

        if panel.has_unsaved_changes() or panel.contact_id is None:
            panel.save(open_dialog)
        else:
            panel.cancel()
            open_dialog()

    panel.editing_changed.connect(editing)
    warning.open_requested.connect(open_other)
    warning.merge_requested.connect(merge_with)
    return warning
