"""Opening the database at start-up, and saying clearly why it failed when it does.

A file may be damaged, made by a newer version of the desk, locked by another program, read
only, or not a press desk database at all. Each case gets a French sentence that says what
happened and what to do, the technical reason tucked under "Details", never a traceback; the
press officer can then pick another file, create a new one, or quit.

Opening (and migrating, which can take a while on a big file) runs off the GUI thread through
``ui.operations``; meanwhile a local event loop keeps the window painting, as a modal dialog
would, and ``open_database`` returns once the database is open or refused.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fiac_press_desk.config import resolve_database_url, sqlite_path
from fiac_press_desk.domain.errors import DatabaseError, DatabaseTooNewError, PressDeskError
from fiac_press_desk.ui import operations

if TYPE_CHECKING:
    from fiac_press_desk.services.hub import Services

OPEN, NEW, QUIT = "open", "new", "quit"
FILE_FILTER = "*.sqlite3 *.sqlite *.db"


@dataclass(frozen=True)
class OpenProblem:
    """Why a database could not be opened, in the press officer's words."""

    kind: str  # too_new, locked, read_only, corrupt, foreign, unreadable, other
    title: str
    text: str
    hint: str
    details: str


class ReadOnlyDatabase(DatabaseError):
    """The file (or its folder) cannot be written: the desk needs to write to work."""


def is_writable(path: Path) -> bool:
    """SQLite in WAL mode writes the file and two companions beside it."""
    if path.exists() and not os.access(path, os.W_OK):
        return False
    folder = path.parent
    return not (folder.exists() and not os.access(folder, os.W_OK))


def open_services(url: str) -> Services:
    """Open (and migrate) the database at ``url``; raises on any problem. The services and
    the database layers are imported here, in the worker: a second or two at start-up the
    window spends painting rather than frozen."""
    from fiac_press_desk.services.hub import Services

    path = sqlite_path(url)
    if path is not None and (path.exists() or path.parent.exists()) and not is_writable(path):
        raise ReadOnlyDatabase(f"{path}: read-only")
    return Services.open(url)


def open_off_thread(url: str, prepare: Callable[[], object] | None = None) -> Services:
    """``open_services(url)`` in a worker thread, then ``prepare()`` there too (the window's
    first page's modules, say); the event loop turns meanwhile (the window repaints). Raises
    what opening raised."""
    found: list[Services] = []

    def work(_progress: operations.Progress) -> Services:
        services = open_services(url)
        if prepare is not None:
            prepare()
        return services

    failed: list[BaseException] = []

    def refused(error: PressDeskError) -> None:
        failed.append(error.error if isinstance(error, operations.Refused) else error)

    loop = QEventLoop()
    opening = operations.read(None, work, found.append, on_error=refused, expected=(Exception,))
    opening.finished.connect(loop.quit)
    if opening.is_running():
        loop.exec()
    if failed:
        raise failed[0]
    return found[0]


def explain(exc: BaseException, url: str) -> OpenProblem:
    """The press officer's version of what went wrong."""
    path = sqlite_path(url)
    where = str(path) if path is not None else url
    details = str(exc) or type(exc).__name__
    title = QCoreApplication.translate("DatabaseOpening", "The database cannot be opened")
    message = details.lower()
    if isinstance(exc, DatabaseTooNewError):
        return OpenProblem(
            "too_new",
            title,
            QCoreApplication.translate(
                "DatabaseOpening",
                "The database “%1” was made by a newer version of FIAC Press Desk.",
            ).replace("%1", where),
            QCoreApplication.translate(
                "DatabaseOpening",
                "Install the latest version of the application to open it; it was not changed.",
            ),
            details,
        )
    if isinstance(exc, ReadOnlyDatabase):
        return OpenProblem(
            "read_only",
            title,
            QCoreApplication.translate(
                "DatabaseOpening", "The database “%1” is read-only."
            ).replace("%1", where),
            QCoreApplication.translate(
                "DatabaseOpening",
                "The desk needs to write to its database. Check the rights on the file and "
                "its folder, or copy it to a folder of yours.",
            ),
            details,
        )
    if "locked" in message or "busy" in message:
        return OpenProblem(
            "locked",
            title,
            QCoreApplication.translate(
                "DatabaseOpening", "The database “%1” is in use by another program."
            ).replace("%1", where),
            QCoreApplication.translate(
                "DatabaseOpening",
                "Close the other FIAC Press Desk window or the program using the file, "
                "then try again.",
            ),
            details,
        )
    if "not a fiac press desk database" in message:
        return OpenProblem(
            "foreign",
            title,
            QCoreApplication.translate(
                "DatabaseOpening", "“%1” is a database, but not a FIAC Press Desk one."
            ).replace("%1", where),
            QCoreApplication.translate(
                "DatabaseOpening", "Choose the desk's own database file, or create a new one."
            ),
            details,
        )
    if "permission denied" in message or isinstance(exc, PermissionError):
        return OpenProblem(
            "unreadable",
            title,
            QCoreApplication.translate(
                "DatabaseOpening", "You are not allowed to read “%1”."
            ).replace("%1", where),
            QCoreApplication.translate(
                "DatabaseOpening",
                "Check the rights on the file, or ask whoever manages this workstation.",
            ),
            details,
        )
    if (
        "not a database" in message
        or "malformed" in message
        or "not a readable database" in message
        or "is a directory" in message
    ):
        return OpenProblem(
            "corrupt",
            title,
            QCoreApplication.translate(
                "DatabaseOpening", "“%1” is damaged or is not a database file."
            ).replace("%1", where),
            QCoreApplication.translate(
                "DatabaseOpening",
                "Restore a backup copy (the desk keeps one before each update, in its "
                "backups folder), or create a new database.",
            ),
            details,
        )
    return OpenProblem(
        "other",
        title,
        QCoreApplication.translate(
            "DatabaseOpening", "The database “%1” could not be opened."
        ).replace("%1", where),
        QCoreApplication.translate(
            "DatabaseOpening", "Check that the file or server is reachable, then try again."
        ),
        details,
    )


def ask_what_next(problem: OpenProblem, parent: QWidget | None = None) -> str:
    """Show the problem; returns OPEN (pick another file), NEW (create one) or QUIT."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(problem.title)
    box.setText(problem.text)
    box.setInformativeText(problem.hint)
    box.setDetailedText(problem.details)
    other = box.addButton(
        QCoreApplication.translate("DatabaseOpening", "Open another database…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    new = box.addButton(
        QCoreApplication.translate("DatabaseOpening", "Create a new database…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    quit_button = box.addButton(
        QCoreApplication.translate("DatabaseOpening", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(other)
    box.setEscapeButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        return OPEN
    if clicked is new:
        return NEW
    return QUIT


def choose_file(choice: str, parent: QWidget | None = None) -> str | None:
    filters = QCoreApplication.translate(
        "DatabaseOpening", "Press desk databases (%1);;All files (*)"
    ).replace("%1", FILE_FILTER)
    if choice == NEW:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("DatabaseOpening", "Create a new database"),
            "press-desk.sqlite3",
            filters,
        )
    else:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("DatabaseOpening", "Open a database"), "", filters
        )
    return path or None


def open_database(
    db: str | None,
    ask: Callable[[OpenProblem], str] | None = None,
    choose: Callable[[str], str | None] | None = None,
    parent: QWidget | None = None,
    prepare: Callable[[], object] | None = None,
) -> tuple[Services, str] | None:
    """Open ``--db`` (or the default); on failure ask, and try the file chosen next.

    Returns the services and the URL finally opened, or None when the press officer quits.
    ``prepare`` runs in the worker once the database is open (see ``open_off_thread``).
    """
    ask = ask or (lambda problem: ask_what_next(problem, parent))
    choose = choose or (lambda choice: choose_file(choice, parent))
    url = resolve_database_url(db)
    while True:
        try:
            return open_off_thread(url, prepare), url
        except Exception as exc:  # every failure becomes a sentence, never a traceback
            problem = explain(exc, url)
            choice = _offer_backup(problem, url, parent) or ask(problem)
        if choice == QUIT:
            return None
        if choice == "restore":  # a damaged file was replaced by its latest good backup
            continue
        path = choose(choice)
        if path is None:
            continue  # back to the same explanation: cancelling a file dialog is not quitting
        url = resolve_database_url(path)


def _offer_backup(problem: OpenProblem, url: str, parent: QWidget | None) -> str | None:
    """A damaged file with a good backup: the damaged-database message (ui/backup_startup)."""
    from fiac_press_desk.ui.backup_startup import ask_damaged

    return ask_damaged(problem.kind, problem.details, url, parent)


def database_label(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path is not None else url.split("@")[-1]
