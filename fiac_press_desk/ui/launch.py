"""Open the window: application object, language, database (explained if it fails), window.

``run_gui(args)`` is what ``fiac-press-desk`` without a command runs. ``args.db`` names the
database (``config.resolve_database_url``), ``args.lang`` forces the language (else the saved
choice, else French), ``args.screenshot DIR`` renders every main view to PNG files and exits.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType

from fiac_press_desk import APP_ID, APP_NAME, ORG_NAME, __version__


def make_application() -> object:
    """The QApplication, set up once: names, icon, style, language."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from fiac_press_desk.ui import icons

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_ID])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icons.app_icon())
    # The platform's own style where it has a modern one; Fusion rather than the dated
    # "Windows" classic look.
    if app.style().name().lower() == "windows" and "Fusion" in QStyleFactory.keys():  # noqa: SIM118
        app.setStyle("Fusion")
    return app


def _report_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Last line of defence: an error nobody caught becomes a dialog, the app goes on."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    traceback.print_exception(kind, exc, tb)  # for whoever reads the terminal
    if QApplication.instance() is None:
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Launch", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "Launch",
            "Something unexpected happened; what you were doing may not have been saved.",
        )
    )
    box.setInformativeText(str(exc) or kind.__name__)
    box.exec()


def run_gui(args: argparse.Namespace) -> int:
    from fiac_press_desk.ui import i18n, settings
    from fiac_press_desk.ui.database_open import database_label, open_database

    app = make_application()
    i18n.install(getattr(args, "lang", None) or settings.language())
    opened = open_database(getattr(args, "db", None))
    if opened is None:
        return 2
    services, url = opened
    try:
        screenshot_dir = getattr(args, "screenshot", None)
        if screenshot_dir:
            from fiac_press_desk.ui.screenshots import render_all

            for path in render_all(services, Path(screenshot_dir), label=database_label(url)):
                print(path)
            return 0
        from fiac_press_desk.ui.main_window import MainWindow

        sys.excepthook = _report_unexpected
        window = MainWindow(services, database_label(url))
        if services.db.backup_path is not None:
            window.announce_backup(services.db.backup_path)
        window.show()
        return int(app.exec())  # type: ignore[attr-defined]
    finally:
        sys.excepthook = sys.__excepthook__
        services.close()
