"""At start, when the desk does not know who works at this workstation (no name in the
Preferences, and the system gives no full name: a shared or administrator account), it asks
at each start until a name is given, so that notes and the history are not signed with an
account or machine name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fiac_press_desk import workstation

if TYPE_CHECKING:
    from fiac_press_desk.ui.dialogs.preferences_dialog import PreferencesDialog
    from fiac_press_desk.ui.main_window import MainWindow


def ask_name_if_unknown(window: MainWindow) -> PreferencesDialog | None:
    """Open the Preferences on the name field when no name is known; None otherwise."""
    if workstation.knows_the_name():
        return None
    from fiac_press_desk.ui.dialogs.preferences_dialog import open_preferences

    dialog = open_preferences(window._services(), window)
    dialog.language_chosen.connect(window.set_language)
    dialog.ask_for_name()
    return dialog
