"""A form being filled in keeps its draft: the contact form, the enquiry capture and the release
form. If the window goes (a crash, a power cut, the window closed over an unsaved form), the
next start offers the draft back ("Reprendre le brouillon ?").

How: ``install(window)`` watches the application for those forms being shown (an event
filter: the forms themselves know nothing of drafts). While one has unsaved changes, what it
holds is written every ``SAVE_EVERY_MS`` to a file of the data folder's ``drafts/`` (owner
only: a draft holds personal data, like the database beside it), written whole (temporary
file, then renamed); it goes when the form is saved or cancelled. ``offer(window)`` at start
asks about the drafts of this database and opens each form again with its values.

What a form holds: the contact form through its own ``data()``/``set_data()`` (its lists of
e-mails and phones grow row by row); the others as the values of their fields, by field
(line edits, texts, choices, boxes, numbers, dates). A release's attachments are not kept
(files on the disk, added again in a click).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from fiac_press_desk.config import data_dir

SAVE_EVERY_MS = 1500
FOLDER = "drafts"


def drafts_dir() -> Path:
    """The drafts folder (made, owner-only, if missing)."""
    path = data_dir() / FOLDER
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def database_key(label: str) -> str:
    """A short key for the database, so that a draft is offered on its own database only."""
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:16]


@dataclass
class Draft:
    """One kept draft: which form, which record (None: a new one), its values."""

    kind: str  # "contact", "enquiry", "release"
    record_id: int | None
    database: str
    values: dict[str, Any]
    saved_at: str = ""
    path: Path | None = None

    def file_name(self) -> str:
        return f"{self.database}-{self.kind}-{self.record_id or 'new'}.json"


def write_draft(draft: Draft) -> Path:
    """Write the draft whole, readable by its owner only."""
    folder = drafts_dir()
    target = folder / draft.file_name()
    draft.saved_at = datetime.now(UTC).isoformat(timespec="seconds")
    text = json.dumps(
        {
            "kind": draft.kind,
            "record_id": draft.record_id,
            "database": draft.database,
            "saved_at": draft.saved_at,
            "values": draft.values,
        },
        ensure_ascii=False,
    )
    fd, temporary = tempfile.mkstemp(prefix=".draft-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def read_drafts(database: str) -> list[Draft]:
    """The drafts of ``database``, oldest first; an unreadable file is left out."""
    found = []
    for path in sorted(drafts_dir().glob(f"{database}-*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            draft = Draft(
                kind=str(raw["kind"]),
                record_id=int(raw["record_id"]) if raw.get("record_id") is not None else None,
                database=str(raw["database"]),
                values=dict(raw["values"]),
                saved_at=str(raw.get("saved_at", "")),
                path=path,
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if draft.kind in FORMS:
            found.append(draft)
    return sorted(found, key=lambda d: d.saved_at)


def discard(draft: Draft) -> None:
    """The draft is not wanted (or was taken back): its file goes."""
    path = draft.path or drafts_dir() / draft.file_name()
    path.unlink(missing_ok=True)


# -- the values of a form's fields ----------------------------------------------------------


def _fields(root: QWidget) -> list[tuple[str, QWidget]]:
    """The fields of ``root`` by a stable key (object name, else class and rank)."""
    kinds = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QCheckBox, QAbstractSpinBox)
    found: list[tuple[str, QWidget]] = []
    ranks: dict[str, int] = {}
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
            continue  # the line inside a choice or a number: the outer widget holds it
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
            continue
        kind = type(widget).__name__
        ranks[kind] = ranks.get(kind, -1) + 1
        found.append((widget.objectName() or f"{kind}{ranks[kind]}", widget))
    return found


def field_values(root: QWidget) -> dict[str, Any]:
    """What the fields of ``root`` hold, as JSON values."""
    values: dict[str, Any] = {}
    for key, widget in _fields(root):
        if isinstance(widget, QLineEdit):
            values[key] = widget.text()
        elif isinstance(widget, QPlainTextEdit):
            values[key] = widget.toPlainText()
        elif isinstance(widget, QTextEdit):
            values[key] = widget.toHtml()
        elif isinstance(widget, QComboBox):
            values[key] = widget.currentText()
        elif isinstance(widget, QCheckBox):
            values[key] = widget.isChecked()
        elif isinstance(widget, QDateTimeEdit):
            values[key] = widget.dateTime().toString(Qt.DateFormat.ISODate)
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            values[key] = widget.value()
    return values


def set_field_values(root: QWidget, values: dict[str, Any]) -> None:
    """Put ``values`` back into the fields of ``root`` (a field gone since is skipped)."""
    for key, widget in _fields(root):
        if key not in values:
            continue
        value = values[key]
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QTextEdit):
            widget.setHtml(str(value))
        elif isinstance(widget, QComboBox):
            index = widget.findText(str(value))
            if index >= 0:
                widget.setCurrentIndex(index)
            elif widget.isEditable():
                widget.setCurrentText(str(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QDateTimeEdit):
            moment = QDateTime.fromString(str(value), Qt.DateFormat.ISODate)
            if moment.isValid():
                widget.setDateTime(moment)
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))


# -- each form: is it being edited, what it holds, how to open it again --------------------


@dataclass(frozen=True)
class FormKind:
    """How drafts deal with one kind of form."""

    class_name: str
    editing: Callable[[Any], bool]  # unsaved changes now
    record_id: Callable[[Any], int | None]
    values: Callable[[Any], dict[str, Any]]


def _contact_values(panel: Any) -> dict[str, Any]:
    from fiac_press_desk.services.contacts import data_to_json

    return data_to_json(panel.form.data())


FORMS: dict[str, FormKind] = {
    "contact": FormKind(
        "ContactDetailPanel",
        lambda panel: bool(panel.has_unsaved_changes()),
        lambda panel: panel.contact_id,
        _contact_values,
    ),
    "enquiry": FormKind(
        "EnquiryCaptureDialog",
        lambda dialog: dialog.isVisible() and dialog.is_loaded() and _changed_since_shown(dialog),
        lambda dialog: dialog.enquiry_id,
        field_values,
    ),
    "release": FormKind(
        "ReleaseForm",
        lambda form: bool(form.has_changes()),
        lambda form: form.release_id(),
        field_values,
    ),
}
_BY_CLASS = {kind.class_name: name for name, kind in FORMS.items()}
_SHOWN_AS = "_draft_values_when_shown"


def _changed_since_shown(dialog: QWidget) -> bool:
    """A dialog without a notion of changes: changed since it was ready."""
    first = dialog.property(_SHOWN_AS)
    now = json.dumps(field_values(dialog), sort_keys=True)
    if first is None:
        dialog.setProperty(_SHOWN_AS, now)
        return False
    return bool(now != first)


class DraftKeeper(QObject):
    """Watches the forms of one window and keeps their drafts."""

    def __init__(self, database: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._forms: dict[int, tuple[str, QWidget]] = {}
        self._written: dict[int, str] = {}  # what was last written for a form, by id
        self._files: dict[int, Path] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(SAVE_EVERY_MS)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def shown(self, widget: QWidget) -> None:
        """A form being shown is watched from then on (other widgets are not forms)."""
        kind = _BY_CLASS.get(type(widget).__name__)
        if kind is not None and id(widget) not in self._forms:
            self.watch(kind, widget)

    def watch(self, kind: str, form: QWidget) -> None:
        """Keep drafts of ``form`` (a form of ``FORMS[kind]``)."""
        key = id(form)
        self._forms[key] = (kind, form)
        form.destroyed.connect(lambda _obj=None, k=key: self._gone(k))
        finished = getattr(form, "finished", None)
        if finished is not None:  # a dialog closed on purpose: its draft is not wanted
            finished.connect(lambda _result, k=key: self._closed(k))

    def adopt(self, kind: str, form: QWidget, draft: Draft) -> None:
        """``form`` holds ``draft`` again (resumed): its file is the form's, rewritten while
        it has unsaved changes, removed once it is saved or cancelled."""
        if id(form) not in self._forms:
            self.watch(kind, form)
        if draft.path is not None:
            self._files[id(form)] = draft.path
        self._written.pop(id(form), None)

    def _gone(self, key: int) -> None:
        self._forms.pop(key, None)
        self._written.pop(key, None)
        self._files.pop(key, None)  # the window went with its form: the draft stays

    def _closed(self, key: int) -> None:
        path = self._files.pop(key, None)
        if path is not None:
            path.unlink(missing_ok=True)
        self._written.pop(key, None)
        self._forms.pop(key, None)

    def save_now(self) -> None:
        """Write the draft of each form with unsaved changes; drop those saved or cancelled."""
        for key, (kind, form) in list(self._forms.items()):
            spec = FORMS[kind]
            try:
                editing = spec.editing(form)
                values = spec.values(form) if editing else None
                record_id = spec.record_id(form)
            except RuntimeError:  # the form's C++ side went first
                self._gone(key)
                continue
            old = self._files.get(key)
            if values is None:
                if old is not None:
                    old.unlink(missing_ok=True)
                    self._files.pop(key, None)
                    self._written.pop(key, None)
                continue
            text = json.dumps(values, sort_keys=True, default=str)
            draft = Draft(kind, record_id, self.database, values)
            target = drafts_dir() / draft.file_name()
            if self._written.get(key) == text and old == target:
                continue
            if old is not None and old != target:  # a new contact saved, then edited again
                old.unlink(missing_ok=True)
            self._files[key] = write_draft(draft)
            self._written[key] = text


_keeper: DraftKeeper | None = None


def install(database_label: str) -> DraftKeeper:
    """Keep the drafts of the forms on screen and of those shown from now on (once per
    database opened; each form says it is shown: ``form_shown``).

    Not an application-wide event filter: that called into Python for every event of the
    application, and each call waited for the interpreter lock while a job ran (part of
    the window's stalls during a sending)."""
    global _keeper
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _keeper is not None:
        _keeper.timer.stop()
        _keeper.deleteLater()
    _keeper = DraftKeeper(database_key(database_label), app)
    app.aboutToQuit.connect(_keeper.save_now)
    for widget in app.allWidgets():
        if type(widget).__name__ in _BY_CLASS and widget.isVisible():
            _keeper.shown(widget)
    return _keeper


def form_shown(form: QWidget) -> None:
    """``form`` (a form of ``FORMS``) is on screen: its drafts are kept from now on."""
    if _keeper is not None:
        _keeper.shown(form)


def is_installed() -> bool:
    """Whether forms' drafts are being kept (the application installs it; tests may not)."""
    return _keeper is not None


def uninstall() -> None:
    """Stop watching (tests; the application's end)."""
    global _keeper
    app = QApplication.instance()
    if _keeper is not None and app is not None:
        _keeper.timer.stop()
        _keeper.deleteLater()
    _keeper = None


# -- next start: offer them back --------------------------------------------------------------


def describe(draft: Draft) -> str:
    """One line for the question: which form, which record."""
    if draft.kind == "contact":
        name = " ".join(
            str(draft.values.get(k) or "") for k in ("given_name", "family_name")
        ).strip() or str(draft.values.get("display_name") or draft.values.get("organization") or "")
        what = (
            QCoreApplication.translate("Drafts", "Contact %1").replace("%1", name)
            if name
            else QCoreApplication.translate("Drafts", "New contact")
        )
    elif draft.kind == "enquiry":
        what = (
            QCoreApplication.translate("Drafts", "Enquiry no. %1").replace(
                "%1", str(draft.record_id)
            )
            if draft.record_id
            else QCoreApplication.translate("Drafts", "New press enquiry")
        )
    else:
        what = (
            QCoreApplication.translate("Drafts", "Press release no. %1").replace(
                "%1", str(draft.record_id)
            )
            if draft.record_id
            else QCoreApplication.translate("Drafts", "New press release")
        )
    return what


def ask(parent: QWidget | None, drafts: list[Draft]) -> QMessageBox:
    """The question, not yet shown: take the drafts back, or throw them away."""
    box = QMessageBox(parent)
    box.setObjectName("draftPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Drafts", "Resume the draft?"))
    box.setText(
        QCoreApplication.translate("Drafts", "<b>Resume the draft?</b>")
        if len(drafts) == 1
        else QCoreApplication.translate("Drafts", "<b>Resume the drafts?</b>")
    )
    lines = "\n".join(f"• {describe(d)}" for d in drafts)
    if len(drafts) == 1:
        text = QCoreApplication.translate(
            "Drafts",
            "The window closed before this form was saved:\n%1\n\nResume opens it again as "
            "you left it; Discard throws the draft away.",
        )
    else:
        text = QCoreApplication.translate(
            "Drafts",
            "The window closed before these forms were saved:\n%1\n\nResume opens them again "
            "as you left them; Discard throws the drafts away.",
        )
    box.setInformativeText(text.replace("%1", lines))
    box.addButton(QCoreApplication.translate("Drafts", "Resume"), QMessageBox.ButtonRole.AcceptRole)
    discard_button = box.addButton(
        QCoreApplication.translate("Drafts", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setProperty("discard_button", discard_button)
    return box


def offer(window: Any, database_label: str) -> QMessageBox | None:
    """At start: the drafts of this database, offered back (None when there are none)."""
    drafts = read_drafts(database_key(database_label))
    if not drafts:
        return None
    box = ask(window, drafts)

    def answered() -> None:
        wanted = box.clickedButton() is not box.property("discard_button")
        for draft in drafts:
            if wanted:
                resume(window, draft)
            else:
                discard(draft)

    box.finished.connect(answered)
    box.open()
    return box


def resume(window: Any, draft: Draft) -> None:
    """Open the draft's form again with its values (its file stays until the form is saved,
    cancelled, or drafted again)."""
    if draft.kind == "contact":
        _resume_contact(window, draft)
    elif draft.kind == "enquiry":
        _resume_enquiry(window, draft)
    else:
        _resume_release(window, draft)


def _when(ready: Callable[[], bool], then: Callable[[], None], patience_s: float = 20) -> None:
    """Run ``then`` once ``ready()`` (the form read what it needs), checked off the loop."""
    deadline = time.monotonic() + patience_s

    def check() -> None:
        try:
            if ready():
                then()
            elif time.monotonic() < deadline:
                QTimer.singleShot(50, check)
        except RuntimeError:  # closed meanwhile
            return

    check()


def _resume_contact(window: Any, draft: Draft) -> None:
    from fiac_press_desk.services.contacts import data_from_json

    data = data_from_json(draft.values)
    window.show_page("contacts")
    panel = window.contacts_view().detail
    if draft.record_id is None:
        panel.start_new(data)
        _mark_unsaved(panel)
        _adopt("contact", panel, draft)
        return
    wanted = draft.record_id

    def fill() -> None:
        panel.form.set_data(data)
        _mark_unsaved(panel)
        _adopt("contact", panel, draft)

    def edit() -> None:
        panel.edit()
        _when(lambda: panel.is_editing() and panel.contact_id == wanted, fill)

    # Shown first (the table may select the contact it remembers meanwhile: same one, or
    # shown again), then edited once it is read.
    panel.show_contact(wanted)
    _when(lambda: panel.contact_id == wanted and panel._pending_id is None, edit)


def _adopt(kind: str, form: QWidget, draft: Draft) -> None:
    if _keeper is not None:
        _keeper.adopt(kind, form, draft)


def _mark_unsaved(panel: Any) -> None:
    """What was typed and never saved is still unsaved: the panel asks before leaving it, and
    its draft is kept again. (The panel's own reaction to an edit in the form.)"""
    panel._form_changed()


def _resume_enquiry(window: Any, draft: Draft) -> None:
    from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog

    dialog = EnquiryCaptureDialog(window.services, window, enquiry_id=draft.record_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()

    def fill() -> None:
        # As it was before the draft's values: they count as changes, kept as a draft again.
        dialog.setProperty(_SHOWN_AS, json.dumps(field_values(dialog), sort_keys=True))
        set_field_values(dialog, draft.values)
        _adopt("enquiry", dialog, draft)

    _when(dialog.is_loaded, fill)


def _resume_release(window: Any, draft: Draft) -> None:
    window.show_page("releases")
    page = window.pages["releases"]
    if draft.record_id is None:
        page.start_new()
    else:
        page.open_release(draft.record_id)
    from fiac_press_desk.ui.views.release_form import ReleaseForm

    form = page.findChild(ReleaseForm)
    if form is None:
        return

    def fill() -> None:
        set_field_values(form, draft.values)
        _adopt("release", form, draft)

    _when(lambda: form._loaded is not None and form.release_id() == draft.record_id, fill)


def offer_dialog_for_test(window: Any) -> QMessageBox:
    """The prompt over a made-up new contact draft (screenshots)."""
    values = {"given_name": "Hélène", "family_name": "Lefèvre"}
    return ask(window, [Draft("contact", None, "x", values), Draft("enquiry", None, "x", {})])
