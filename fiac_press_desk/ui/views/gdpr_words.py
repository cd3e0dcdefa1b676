"""The GDPR register's vocabularies as the window says them (how a contact came in, what the
last interaction was, how the person was informed), translated at each call like
``ui/labels.py``, in the "gdpr" translation area."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fiac_press_desk.domain.gdpr import CollectedVia, Interaction, NoticeChannel
from fiac_press_desk.ui import formatting

CONTEXT = "GdprWords"

COLLECTED_VIA = {
    CollectedVia.MANUAL: QT_TRANSLATE_NOOP("GdprWords", "Typed in by the press office"),
    CollectedVia.IMPORT: QT_TRANSLATE_NOOP("GdprWords", "Imported from a file"),
    CollectedVia.EMAIL_CAPTURE: QT_TRANSLATE_NOOP("GdprWords", "Wrote to the press office"),
    CollectedVia.ENQUIRY: QT_TRANSLATE_NOOP("GdprWords", "Met through an enquiry"),
}
INTERACTIONS = {
    Interaction.RELEASE: QT_TRANSLATE_NOOP("GdprWords", "press release"),
    Interaction.ENQUIRY: QT_TRANSLATE_NOOP("GdprWords", "enquiry"),
    Interaction.REPLY: QT_TRANSLATE_NOOP("GdprWords", "reply"),
    Interaction.EDIT: QT_TRANSLATE_NOOP("GdprWords", "card edited"),
}
CHANNELS = {
    NoticeChannel.EMAIL: QT_TRANSLATE_NOOP("GdprWords", "by email"),
    NoticeChannel.POST: QT_TRANSLATE_NOOP("GdprWords", "by post"),
    NoticeChannel.PHONE: QT_TRANSLATE_NOOP("GdprWords", "by phone"),
    NoticeChannel.IN_PERSON: QT_TRANSLATE_NOOP("GdprWords", "in person"),
    NoticeChannel.OTHER: QT_TRANSLATE_NOOP("GdprWords", "another way"),
}
# What the erasure deletes, by table, as the confirmation names it.
TABLES = {
    "contacts": QT_TRANSLATE_NOOP("GdprWords", "the contact card"),
    "contact_emails": QT_TRANSLATE_NOOP("GdprWords", "email addresses"),
    "contact_phones": QT_TRANSLATE_NOOP("GdprWords", "phone numbers"),
    "contact_addresses": QT_TRANSLATE_NOOP("GdprWords", "postal addresses"),
    "contact_urls": QT_TRANSLATE_NOOP("GdprWords", "web addresses"),
    "contact_tags": QT_TRANSLATE_NOOP("GdprWords", "tags"),
    "list_members": QT_TRANSLATE_NOOP("GdprWords", "list memberships"),
    "information_notices": QT_TRANSLATE_NOOP("GdprWords", "information notices"),
    "audit_log": QT_TRANSLATE_NOOP("GdprWords", "audit entries"),
    "import_batch_items": QT_TRANSLATE_NOOP("GdprWords", "lines of past imports"),
    "not_duplicates": QT_TRANSLATE_NOOP("GdprWords", "« not a duplicate » marks"),
}


def word(table: Mapping[Any, object], value: object) -> str:
    """The translated word for ``value`` (its stored code when the table has none)."""
    source = table.get(value)
    if source is None:
        return str(value or "")
    return QCoreApplication.translate(CONTEXT, str(source))


def day(moment: datetime | None) -> str:
    """A date as the window writes it, without the time (registers speak in days)."""
    return formatting.format_moment(moment, with_time=False) if moment is not None else ""


# What the erasure did to the database file (storage/dialect.py says it in English words).
STORAGE_STEPS = {
    "secure_delete": QT_TRANSLATE_NOOP("GdprWords", "deleted bytes overwritten (secure_delete)"),
    "search index rebuilt": QT_TRANSLATE_NOOP("GdprWords", "search index rebuilt"),
    "VACUUM": QT_TRANSLATE_NOOP("GdprWords", "file rebuilt (VACUUM)"),
    "WAL truncated": QT_TRANSLATE_NOOP("GdprWords", "write-ahead log emptied"),
}
