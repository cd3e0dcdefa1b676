"""Translated labels of the releases area: statuses, channels, skip reasons, dates.

Functions rather than constants so that a language switch takes effect at the next call; the
stable English values stay in the database and never reach the screen raw.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale
from PySide6.QtGui import QColor

from fiac_press_desk.domain.enums import DistributionChannel, DistributionStatus, ReleaseStatus
from fiac_press_desk.services.distribution import SkipReason

GREEN = QColor("#1b7a3a")
BLUE = QColor("#2f6db5")
ORANGE = QColor("#b26a00")
RED = QColor("#b3261e")
GREY = QColor("#5f6b76")


def release_statuses() -> dict[str, str]:
    return {
        ReleaseStatus.DRAFT: QCoreApplication.translate("ReleaseLabels", "Draft"),
        ReleaseStatus.READY: QCoreApplication.translate("ReleaseLabels", "Ready"),
        ReleaseStatus.SENT: QCoreApplication.translate("ReleaseLabels", "Sent"),
    }


def release_status_color(status: str) -> QColor:
    return {"draft": GREY, "ready": BLUE, "sent": GREEN}.get(status, GREY)


def distribution_statuses() -> dict[str, str]:
    s = DistributionStatus
    return {
        s.PENDING: QCoreApplication.translate("ReleaseLabels", "Waiting"),
        s.SENDING: QCoreApplication.translate("ReleaseLabels", "To check"),
        s.SENT: QCoreApplication.translate("ReleaseLabels", "Sent"),
        s.FAILED: QCoreApplication.translate("ReleaseLabels", "Refused"),
        s.RECORDED: QCoreApplication.translate("ReleaseLabels", "Recorded"),
    }


def distribution_status_color(status: str) -> QColor:
    return {
        "pending": ORANGE,
        "sending": ORANGE,
        "sent": GREEN,
        "failed": RED,
        "recorded": GREEN,
    }.get(status, GREY)


def channels() -> dict[str, str]:
    c = DistributionChannel
    return {
        c.EMAIL: QCoreApplication.translate("ReleaseLabels", "Email"),
        c.POST: QCoreApplication.translate("ReleaseLabels", "Post"),
        c.HAND: QCoreApplication.translate("ReleaseLabels", "By hand"),
        c.PRESS_KIT: QCoreApplication.translate("ReleaseLabels", "Press kit at an event"),
        c.OTHER: QCoreApplication.translate("ReleaseLabels", "Other"),
    }


def skip_reasons() -> dict[str, str]:
    r = SkipReason
    return {
        r.OPTED_OUT: QCoreApplication.translate("ReleaseLabels", "Skipped: opted out"),
        r.ARCHIVED: QCoreApplication.translate("ReleaseLabels", "Skipped: archived"),
        r.ALREADY_RECEIVED: QCoreApplication.translate(
            "ReleaseLabels", "Skipped: already received"
        ),
        r.UNCERTAIN: QCoreApplication.translate(
            "ReleaseLabels", "Skipped: interrupted sending, to check"
        ),
        r.NO_ADDRESS: QCoreApplication.translate("ReleaseLabels", "Skipped: no address"),
        r.DUPLICATE_ADDRESS: QCoreApplication.translate(
            "ReleaseLabels", "Skipped: same address as another recipient"
        ),
    }


def skip_reasons_short() -> dict[str, tuple[str, str]]:
    """For summaries, singular and plural: "1 désinscrit", "2 désinscrits"."""
    r = SkipReason

    def pair(one: str, many: str) -> tuple[str, str]:
        return one, many

    return {
        r.OPTED_OUT: pair(
            QCoreApplication.translate("ReleaseLabels", "%1 opted out", "one"),
            QCoreApplication.translate("ReleaseLabels", "%1 opted out", "many"),
        ),
        r.ARCHIVED: pair(
            QCoreApplication.translate("ReleaseLabels", "%1 archived", "one"),
            QCoreApplication.translate("ReleaseLabels", "%1 archived", "many"),
        ),
        r.ALREADY_RECEIVED: pair(
            QCoreApplication.translate("ReleaseLabels", "%1 already received", "one"),
            QCoreApplication.translate("ReleaseLabels", "%1 already received", "many"),
        ),
        r.UNCERTAIN: pair(
            QCoreApplication.translate("ReleaseLabels", "%1 to check", "one"),
            QCoreApplication.translate("ReleaseLabels", "%1 to check", "many"),
        ),
        r.NO_ADDRESS: pair(
            QCoreApplication.translate("ReleaseLabels", "%1 without address", "one"),
            QCoreApplication.translate("ReleaseLabels", "%1 without address", "many"),
        ),
        r.DUPLICATE_ADDRESS: pair(
            QCoreApplication.translate("ReleaseLabels", "%1 duplicate address", "one"),
            QCoreApplication.translate("ReleaseLabels", "%1 duplicate address", "many"),
        ),
    }


def will_receive() -> str:
    return QCoreApplication.translate("ReleaseLabels", "Will receive")


def languages() -> dict[str, str]:
    return {
        "fr": QCoreApplication.translate("ReleaseLabels", "French"),
        "en": QCoreApplication.translate("ReleaseLabels", "English"),
    }


def format_size(size: int) -> str:
    """ "812 octets", "12 Ko", "1,2 Mo" (the reader's decimal separator)."""
    if size < 1024:
        return QCoreApplication.translate("ReleaseLabels", "%1 bytes").replace("%1", str(size))
    if size < 1024 * 1024:
        return QCoreApplication.translate("ReleaseLabels", "%1 KB").replace(
            "%1", QLocale().toString(round(size / 1024))
        )
    return QCoreApplication.translate("ReleaseLabels", "%1 MB").replace(
        "%1", QLocale().toString(size / (1024 * 1024), "f", 1)
    )


def format_day(value: date | None) -> str:
    """ "31 janv. 2024" (the list) — empty for no date."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def format_moment(value: datetime | None) -> str:
    """A stored UTC moment in local time: "31 janv. 2024, 09:30"."""
    if value is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(local, "d MMM yyyy, HH:mm")


def count_text(n: int, one: str, many: str) -> str:
    """Singular or plural of an already translated "%1 ..." text, French rules (0 and 1 are
    singular) unless the window speaks English."""
    from fiac_press_desk.ui import i18n

    return i18n.plural(n, one, many)
