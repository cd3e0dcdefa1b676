"""Open the window: application object, language, database (explained if it fails), window.

``run_gui(args)`` is what ``fiac-press-desk`` without a command runs. ``args.db`` names the
database (``config.resolve_database_url``), ``args.lang`` forces the language (else the saved
choice, else French), ``args.screenshot DIR`` renders every main view to PNG files and exits.
The window's frame is shown first; the database is opened off the GUI thread once it is on
screen (``database_open``), so a long migration never freezes a blank window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fiac_press_desk import APP_ID, APP_NAME, ORG_NAME, __version__

SWITCH_INTERVAL = 0.0002  # seconds a thread keeps the interpreter lock when another asks

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from fiac_press_desk.services.hub import Services
    from fiac_press_desk.ui.main_window import MainWindow


def make_application() -> QApplication:
    """The QApplication, set up once: names, icon, style, language."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from fiac_press_desk.ui import icons

    # Every call Qt makes into a Python object while painting (data, index, rowCount, each
    # virtual method it looks up) takes the interpreter lock, which a background job holds
    # for the switch interval (5 ms by default) before handing it over: a table repaint of a
    # few thousand such calls stalled the window 2 s during an import. 0.2 ms brings that
    # under 0.15 s; the job loses nothing measurable, since the lock changes hands only when
    # the window asks for it (benchmarks/bench_ui.py, stalls).
    sys.setswitchinterval(SWITCH_INTERVAL)
    spare_source_scan()
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


def spare_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    To know whether a module may use ``from __feature__ import snake_case``, PySide6 calls
    ``inspect.getsource`` on each module imported once it is loaded: the 500 modules of the
    database layers and the pages, read line by line and kept in memory, 0.15-0.2 s of every
    start (measured; napari found the same, napari/napari#8584). The desk uses no such
    feature, so every module is answered "does not use them", which is what PySide6 assumes
    of a module it could not read. A PySide6 without that hook is left as it is.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]


def _uses_no_feature(_module: object) -> bool:
    return False


def run_gui(args: argparse.Namespace, on_window: Callable[[MainWindow], None] | None = None) -> int:
    """The window frame is shown first, the database opened once it is on screen.

    ``on_window`` is called with the main window before it is shown (benchmarks, tests).
    """
    import gc

    from PySide6.QtCore import QCoreApplication, QTimer

    from fiac_press_desk.ui import i18n, settings

    app = make_application()
    i18n.install(args.lang or settings.language())
    if args.screenshot:
        return _screenshots(args)
    from fiac_press_desk.config import resolve_database_url
    from fiac_press_desk.ui import single_instance

    # One window per database: a second launch hands its files to the first and ends.
    # Without --db, the shared database chosen in File > Shared database… (else the file).
    start_url = resolve_database_url(args.db, chosen=settings.shared_database() or None)
    files = [Path(name) for name in getattr(args, "open_files", None) or []]
    listener = single_instance.claim(start_url, files)
    if listener is None:
        return 0
    # Starting up makes some 140 000 objects that live as long as the window (modules,
    # mappers, widgets): the collector walking them again and again meanwhile cost 6 % of
    # the start. It runs again once the first page is attached, over a frozen heap (or, at
    # the latest, when the window's loop ends).
    gc.disable()
    from fiac_press_desk.ui.main_window import MainWindow

    window = MainWindow()
    single_instance.serve(listener, window)
    if on_window is not None:
        on_window(window)
    probe = getattr(args, "startup_probe", False)  # not in the tests' hand-made arguments
    if probe:
        window.first_painted.connect(lambda: print("painted", flush=True))
    opened: list[Services] = []

    def open_database_now() -> None:
        from fiac_press_desk.ui.database_open import database_label, open_database
        from fiac_press_desk.ui.pages import preload

        # The first page's modules are imported in the worker too: building the page on the
        # GUI thread then costs its widgets only.
        first = window.first_page()
        result = open_database(start_url, parent=window, prepare=lambda: preload(first))
        if result is None:
            QCoreApplication.exit(2)
            return
        services, url = result
        opened.append(services)
        try:
            window.attach(services, database_label(url))
        finally:
            gc.freeze()  # what starting up made lives on: never walked again
            gc.enable()
        from fiac_press_desk.ui import operations

        # Left out of the start (90 ms before the rows), imported once the rows are shown.
        operations.read(None, lambda _progress: _load_the_rest(), priority=-1)
        # The rest waits for the first rows on screen: done here, it held the interpreter
        # while they were read and painted (50-100 ms later, measured).
        operations.when_settled(window, lambda: after_first_rows(services, url))

    def after_first_rows(services: Services, url: str) -> None:
        from fiac_press_desk.ui.backup_startup import check_at_start

        check = check_at_start(window, services)  # quick_check, then the day's backup (issue 15)
        if probe:
            check.finished.connect(lambda: print("checked", flush=True) or QCoreApplication.exit(0))
        if services.db.backup_path is not None:
            window.announce_backup(services.db.backup_path)
        from fiac_press_desk.ui import drafts

        drafts.install(url)  # forms being filled in keep their drafts
        drafts.offer(window, url)  # those a crash or a close left: "Reprendre le brouillon ?"
        from fiac_press_desk.ui.first_run import ask_name_if_unknown

        ask_name_if_unknown(window)  # no name known: asked for, rather than "root"
        single_instance.window_ready(listener, window)  # the files of this launch, of others

    window.first_painted.connect(lambda: QTimer.singleShot(0, open_database_now))
    window.show()
    from fiac_press_desk.ui import crash_dialog

    crash_dialog.install_hooks()  # an error nobody caught: the dialog and a report
    try:
        code = int(app.exec())
    finally:
        gc.enable()  # whichever way the start ended
        from fiac_press_desk.ui import operations

        operations.forget(window)  # the start's last steps, if the loop ended before them
        crash_dialog.uninstall_hooks()
        listener.close()
        from fiac_press_desk.ui import drafts

        drafts.uninstall()  # the drafts of forms left unsaved are on disk (aboutToQuit)
        window.close()
        for services in opened:
            services.close()
    return code


def _load_the_rest() -> None:
    """What the first rows do not need and the first card does: the checking libraries
    (email-validator, phonenumbers) and the card's modules (run in a worker)."""
    from fiac_press_desk.domain.normalize import load_libraries
    from fiac_press_desk.ui.views.contact_detail import load_card_modules

    load_libraries()
    load_card_modules()


def _screenshots(args: argparse.Namespace) -> int:
    from fiac_press_desk.ui.database_open import database_label, open_database
    from fiac_press_desk.ui.screenshots import render_all

    opened = open_database(args.db)
    if opened is None:
        return 2
    services, url = opened
    try:
        for path in render_all(services, Path(args.screenshot), label=database_label(url)):
            print(path)
    finally:
        services.close()
    return 0
