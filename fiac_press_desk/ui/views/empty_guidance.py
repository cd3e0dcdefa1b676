"""What the releases and enquiries pages say when there is nothing in them yet.

They were blank tables (and "Choisissez une demande…" below an empty list): a press officer
opening them for the first time did not know what to do there (issue 19). Each says what the
page is for and has the button that starts it; the enquiries' thread says when no enquiry
matches the filters, rather than ask to choose one among none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fiac_press_desk.ui import icons
from fiac_press_desk.ui.views.contacts_view import EmptyState


def releases_guidance(parent: QWidget, new_release: Callable[[], None]) -> EmptyState:
    """No release yet: what a release is here, and the button to write the first."""
    empty = EmptyState("release", parent)
    empty.setObjectName("releasesEmptyState")
    empty.title.setText(QCoreApplication.translate("EmptyGuidance", "No press release yet"))
    empty.text.setText(
        QCoreApplication.translate(
            "EmptyGuidance",
            "Write a press release here, choose its recipients among your contacts and lists, "
            "then send it by e-mail or record a distribution made elsewhere. The desk keeps "
            "who received which release.",
        )
    )
    empty.add_button(
        QCoreApplication.translate("EmptyGuidance", "New release"),
        icons.icon("add"),
        new_release,
        True,
    )
    empty.finish()
    return empty


def enquiries_guidance(
    parent: QWidget, capture: Callable[[], None], import_emails: Callable[[], None]
) -> EmptyState:
    """No enquiry yet: what to log here, and the two ways to log one."""
    empty = EmptyState("enquiry", parent)
    empty.setObjectName("enquiriesEmptyState")
    empty.title.setText(QCoreApplication.translate("EmptyGuidance", "No press enquiry yet"))
    empty.text.setText(
        QCoreApplication.translate(
            "EmptyGuidance",
            "When a journalist calls or writes, log the request here with its deadline: the "
            "desk shows what is due and keeps the thread until it is answered. An e-mail "
            "saved as .eml can be imported as it is.",
        )
    )
    empty.add_button(
        QCoreApplication.translate("EmptyGuidance", "New enquiry"),
        icons.icon("capture"),
        capture,
        True,
    )
    empty.add_button(
        QCoreApplication.translate("EmptyGuidance", "Import e-mails…"),
        icons.icon("import"),
        import_emails,
    )
    empty.finish()
    return empty


def no_match_text() -> str:
    """The thread's place when the filters leave no enquiry to choose."""
    return QCoreApplication.translate("EmptyGuidance", "No enquiry matches these filters.")
