"""What the import windows call things: match kinds, decisions, contact fields, batch states.

Values of the pipeline (``MatchKind``, ``Decision``, field names) are stable English words; the
window never shows them raw.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fiac_press_desk.domain.enums import ImportBatchStatus
from fiac_press_desk.interchange.pipeline import Decision, MatchKind


def match_kinds() -> dict[MatchKind, str]:
    return {
        MatchKind.NEW: QCoreApplication.translate("ImportLabels", "New"),
        MatchKind.UPDATE: QCoreApplication.translate("ImportLabels", "Update"),
        MatchKind.UNCHANGED: QCoreApplication.translate("ImportLabels", "Unchanged"),
        MatchKind.DUPLICATE: QCoreApplication.translate("ImportLabels", "Possible duplicate"),
        MatchKind.ERROR: QCoreApplication.translate("ImportLabels", "Error"),
    }


def decisions() -> dict[Decision, str]:
    return {
        Decision.CREATE: QCoreApplication.translate("ImportLabels", "Create"),
        Decision.UPDATE: QCoreApplication.translate("ImportLabels", "Update"),
        Decision.SKIP: QCoreApplication.translate("ImportLabels", "Skip"),
    }


def batch_statuses() -> dict[ImportBatchStatus, str]:
    return {
        ImportBatchStatus.APPLIED: QCoreApplication.translate("ImportLabels", "Applied"),
        ImportBatchStatus.UNDONE: QCoreApplication.translate("ImportLabels", "Undone"),
    }


def field_labels() -> dict[str, str]:
    return {
        "kind": QCoreApplication.translate("ImportLabels", "Kind"),
        "civility": QCoreApplication.translate("ImportLabels", "Civility"),
        "given_name": QCoreApplication.translate("ImportLabels", "Given name"),
        "family_name": QCoreApplication.translate("ImportLabels", "Family name"),
        "display_name": QCoreApplication.translate("ImportLabels", "Display name"),
        "additional_names": QCoreApplication.translate("ImportLabels", "Middle names"),
        "name_prefix": QCoreApplication.translate("ImportLabels", "Name prefix"),
        "name_suffix": QCoreApplication.translate("ImportLabels", "Name suffix"),
        "job_title": QCoreApplication.translate("ImportLabels", "Job title"),
        "role": QCoreApplication.translate("ImportLabels", "Role"),
        "organization": QCoreApplication.translate("ImportLabels", "Organisation"),
        "department": QCoreApplication.translate("ImportLabels", "Department"),
        "emails": QCoreApplication.translate("ImportLabels", "Emails"),
        "phones": QCoreApplication.translate("ImportLabels", "Phones"),
        "addresses": QCoreApplication.translate("ImportLabels", "Addresses"),
        "urls": QCoreApplication.translate("ImportLabels", "Web links"),
        "beats": QCoreApplication.translate("ImportLabels", "Beats"),
        "tags": QCoreApplication.translate("ImportLabels", "Tags"),
        "lists": QCoreApplication.translate("ImportLabels", "Lists"),
        "language": QCoreApplication.translate("ImportLabels", "Language"),
        "notes": QCoreApplication.translate("ImportLabels", "Notes"),
        "birthday": QCoreApplication.translate("ImportLabels", "Birthday"),
        "photo_mime": QCoreApplication.translate("ImportLabels", "Photo"),
        "lawful_basis": QCoreApplication.translate("ImportLabels", "Lawful basis"),
        "data_source": QCoreApplication.translate("ImportLabels", "Data source"),
        "opted_out": QCoreApplication.translate("ImportLabels", "Opt-out"),
        "opted_out_at": QCoreApplication.translate("ImportLabels", "Opt-out date"),
        "opted_out_reason": QCoreApplication.translate("ImportLabels", "Opt-out reason"),
        "archived": QCoreApplication.translate("ImportLabels", "Archived"),
        "salutation": QCoreApplication.translate("ImportLabels", "Salutation"),
        "uid": QCoreApplication.translate("ImportLabels", "vCard UID"),
        "extra_vcard": QCoreApplication.translate("ImportLabels", "Other vCard properties"),
    }


def fields_text(names: list[str]) -> str:
    labels = field_labels()
    return ", ".join(labels.get(name, name) for name in names)
