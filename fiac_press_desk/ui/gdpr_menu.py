"""The « Données personnelles (RGPD) » submenu of the main window's File menu: the GDPR
dialog (who is to be informed, retention review) and its settings. A module of its own so the
main window only calls ``add_menu`` (one line in a file everyone edits)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from fiac_press_desk.ui import icons


def add_menu(window: Any, file_menu: QMenu, before: QAction) -> None:
    """Add the submenu to ``file_menu`` above ``before`` (disabled while no database is open)."""
    # The menus are built again for a new language or a newly opened database: a dialog of
    # the old ones would speak the old language or hold the old database's services.
    old = getattr(window, "_gdpr_dialog", None)
    if old is not None:
        window._gdpr_dialog = None
        old.close()
        old.deleteLater()
    menu = QMenu(QCoreApplication.translate("GdprMenu", "&Personal data (GDPR)"), file_menu)
    menu.setIcon(icons.icon("contacts"))
    file_menu.insertMenu(before, menu)
    file_menu.insertSeparator(before)
    menu.setObjectName("menu_gdpr")
    services = getattr(window, "services", None)
    entries = (
        (
            "gdpr",
            QCoreApplication.translate("GdprMenu", "&Who is to be informed…"),
            lambda: open_dialog(window, 0),
            "contacts",
        ),
        (
            "gdpr_retention",
            QCoreApplication.translate("GdprMenu", "&Retention review…"),
            lambda: open_dialog(window, 1),
            "archive",
        ),
        (
            "gdpr_settings",
            QCoreApplication.translate("GdprMenu", "GDPR &settings…"),
            lambda: open_settings(window),
            "edit",
        ),
    )
    for name, text, slot, icon_name in entries:
        action = QAction(icons.icon(icon_name), text, window)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(slot)
        action.setEnabled(services is not None)
        menu.addAction(action)


def open_dialog(window: Any, tab: int = 0) -> Any:
    """Show the personal data dialog (one per window, brought to the front), on ``tab``."""
    from fiac_press_desk.ui.dialogs.gdpr_dialog import GdprDialog

    dialog = getattr(window, "_gdpr_dialog", None)
    if dialog is None:
        dialog = GdprDialog(window.services, window)
        window._gdpr_dialog = dialog
    dialog.tabs.setCurrentIndex(tab)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def open_settings(window: Any) -> Any:
    """Open the GDPR settings on their own."""
    from fiac_press_desk.ui.dialogs.gdpr_settings_dialog import GdprSettingsDialog

    dialog = GdprSettingsDialog(window.services, window)
    dialog.open()
    return dialog
