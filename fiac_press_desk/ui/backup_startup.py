"""At start, once the window shows its base: SQLite's quick check of the file, then the day's
backup (only of a sound base: a damaged copy must not push a good one out of the rotation).

The check reads the whole file (2.4-4.2 s for 100 000 contacts, 158 MB, on the loaded
development machine), so it runs off the GUI thread after the first page's query, at a lower
priority: the contacts appear as fast as before. A damaged file gets one French message
offering the latest good backup; the same message answers a file too damaged to open at all
(``ask_damaged``, called by ``database_open``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from fiac_press_desk.config import backup_dir, sqlite_path
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.backups import (
    BackupError,
    BackupFile,
    counts,
    latest_good,
    restore_damaged,
)
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.formatting import format_moment

if TYPE_CHECKING:
    from fiac_press_desk.services.hub import Services
    from fiac_press_desk.ui.main_window import MainWindow

T = TypeVar("T")
RESTORE, CONTINUE, QUIT = "restore", "continue", "quit"
OPEN, NEW = "open", "new"  # the same choices as database_open's


@dataclass(frozen=True)
class StartupCheck:
    """What the start-up check found: the problems (none: sound), the latest good backup
    when there are some, the day's backup when one was taken."""

    problems: list[str]
    good: BackupFile | None = None
    held: dict[str, int] | None = None  # what the good backup holds
    daily: Path | None = None


def check_at_start(window: MainWindow, services: Services) -> operations.Operation[StartupCheck]:
    """Check the base under ``window``, then take the day's backup; says what it found."""
    from fiac_press_desk.ui.dialogs.preferences_dialog import apply_backup_preferences

    apply_backup_preferences(services)  # the folder and rotation of Édition > Préférences
    backups = services.backups

    def work(_progress: operations.Progress) -> StartupCheck:
        problems = backups.quick_check()
        if problems:
            path = services.db.path
            good = latest_good(path, backups.backup_folder()) if path is not None else None
            return StartupCheck(problems, good, counts(good.path) if good else None)
        return StartupCheck([], daily=backups.daily())

    def done(found: StartupCheck) -> None:
        if found.problems:
            answer_damage(window, services, found)

    def failed(error: PressDeskError) -> None:  # the day's backup could not be written
        window.show_message(message_of(error))

    return operations.read(
        window,
        work,
        done,
        key="startup-check",
        priority=-2,
        on_error=failed,
        expected=(BackupError, OSError),
    )


def damaged_box(
    where: str,
    problems: list[str],
    good: BackupFile | None,
    held: dict[str, int] | None,
    parent: QWidget | None,
    *,
    can_choose_file: bool,
) -> tuple[QMessageBox, dict[str, QPushButton]]:
    """The message for a damaged database, its buttons by choice (RESTORE only when a good
    backup exists; OPEN and NEW when the base could not be opened at all, CONTINUE when it
    could)."""
    box = QMessageBox(parent)
    box.setObjectName("DamagedDatabaseBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("BackupStartup", "The database is damaged"))
    box.setText(
        QCoreApplication.translate("BackupStartup", "The database “%1” is damaged.").replace(
            "%1", where
        )
    )
    if good is not None:
        held = held or {}
        hint = (
            QCoreApplication.translate(
                "BackupStartup",
                "The latest sound backup is from %1 (contacts: %2, releases: %3, "
                "enquiries: %4). Restoring it puts the database back as it was then: what was "
                "changed since is lost. The damaged file is kept beside it, renamed.",
            )
            .replace("%1", format_moment(good.taken_at))
            .replace("%2", QLocale().toString(held.get("contacts", 0)))
            .replace("%3", QLocale().toString(held.get("releases", 0)))
            .replace("%4", QLocale().toString(held.get("enquiries", 0)))
        )
    else:
        hint = QCoreApplication.translate(
            "BackupStartup",
            "No sound backup of it was found. Copy the file somewhere safe before anything "
            "else, then export what can still be read, or ask for help.",
        )
    box.setInformativeText(hint)
    box.setDetailedText("\n".join(problems[:20]))
    buttons: dict[str, QPushButton] = {}
    if good is not None:
        buttons[RESTORE] = box.addButton(
            QCoreApplication.translate("BackupStartup", "Restore the backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    if can_choose_file:
        buttons[OPEN] = box.addButton(
            QCoreApplication.translate("DatabaseOpening", "Open another database…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        buttons[NEW] = box.addButton(
            QCoreApplication.translate("DatabaseOpening", "Create a new database…"),
            QMessageBox.ButtonRole.ActionRole,
        )
    else:
        buttons[CONTINUE] = box.addButton(
            QCoreApplication.translate("BackupStartup", "Continue anyway"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
    buttons[QUIT] = box.addButton(
        QCoreApplication.translate("DatabaseOpening", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(buttons.get(RESTORE, buttons[QUIT]))
    box.setEscapeButton(buttons[QUIT])
    for name, button in buttons.items():
        button.setObjectName(f"damaged_{name}")
    return box, buttons


def _choice(box: QMessageBox, buttons: dict[str, QPushButton]) -> str:
    clicked = box.clickedButton()
    for name, button in buttons.items():
        if clicked is button:
            return name
    return QUIT


# Tests answer the box themselves: a function that shows it and returns when it is answered.
Answer = Callable[[QMessageBox], object]


def answer_damage(
    window: MainWindow, services: Services, found: StartupCheck, answer: Answer | None = None
) -> str:
    """The base under the window was found damaged: offer its latest good backup."""
    box, buttons = damaged_box(
        window.database_label, found.problems, found.good, found.held, window, can_choose_file=False
    )
    (answer or QMessageBox.exec)(box)
    choice = _choice(box, buttons)
    if choice == RESTORE and found.good is not None:
        backups, path = services.backups, found.good.path

        def restored(aside: Path) -> None:
            from fiac_press_desk.ui.dialogs.backup_restore import reopen

            reopen(window, aside)

        def refused(error: PressDeskError) -> None:
            QMessageBox.warning(
                window,
                QCoreApplication.translate("BackupStartup", "The database is damaged"),
                message_of(error),
            )

        operations.write(
            window, lambda _p: backups.replace_damaged(path), restored, on_error=refused
        )
    elif choice == QUIT:
        window.close()
    return choice


def ask_damaged(
    kind: str, details: str, url: str, parent: QWidget | None, answer: Answer | None = None
) -> str | None:
    """A file too damaged to open (``database_open``'s "corrupt"): when it has a good backup,
    offer it (RESTORE: done, open the file again), else None (the usual question)."""
    path = sqlite_path(url)
    if kind != "corrupt" or path is None or not path.is_file():
        return None
    folder = backup_dir()
    good, held = _off_thread(lambda: _good_and_counts(path, folder))
    if good is None:
        return None
    box, buttons = damaged_box(str(path), [details], good, held, parent, can_choose_file=True)
    (answer or QMessageBox.exec)(box)
    choice = _choice(box, buttons)
    if choice != RESTORE:
        return choice
    try:
        _off_thread(lambda: restore_damaged(path, good.path))
    except (OSError, BackupError) as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("BackupStartup", "The database is damaged"), str(exc)
        )
        return QUIT
    return RESTORE


def _good_and_counts(path: Path, folder: Path) -> tuple[BackupFile | None, dict[str, int] | None]:
    good = latest_good(path, folder)
    return good, counts(good.path) if good is not None else None


def _off_thread(work: Callable[[], T]) -> T:
    """``work()`` in a worker while the event loop turns (the window keeps painting);
    returns its value or raises what it raised."""
    result: list[T] = []
    failed: list[BaseException] = []

    def refused(error: PressDeskError) -> None:
        failed.append(error.error if isinstance(error, operations.Refused) else error)

    loop = QEventLoop()
    job = operations.read(
        None, lambda _p: work(), result.append, on_error=refused, expected=(Exception,)
    )
    job.finished.connect(loop.quit)
    if job.is_running():
        loop.exec()
    if failed:
        raise failed[0]
    return result[0]
