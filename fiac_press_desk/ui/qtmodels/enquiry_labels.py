"""What the window shows for an enquiry's stored values, dates and urgency, translated.

Enum values are stable English words in the database; the press officer reads "En cours",
"Réseau social", "En retard de 2 h 10". Every string goes through Qt Linguist (context
``EnquiryLabels``) so that the French lives in the "enquiries" .ts like the rest of the area.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor

from fiac_press_desk.domain.enquiry import DeskClock, Urgency
from fiac_press_desk.domain.enums import EnquiryChannel, EnquiryStatus, Priority, RequestType

CONTEXT = "EnquiryLabels"


def status_label(value: str) -> str:
    return {
        EnquiryStatus.NEW: QCoreApplication.translate("EnquiryLabels", "New"),
        EnquiryStatus.IN_PROGRESS: QCoreApplication.translate("EnquiryLabels", "In progress"),
        EnquiryStatus.ANSWERED: QCoreApplication.translate("EnquiryLabels", "Answered"),
        EnquiryStatus.DECLINED: QCoreApplication.translate("EnquiryLabels", "Declined"),
        EnquiryStatus.CLOSED: QCoreApplication.translate("EnquiryLabels", "Closed"),
    }.get(EnquiryStatus(value), value)


def channel_label(value: str) -> str:
    return {
        EnquiryChannel.PHONE: QCoreApplication.translate("EnquiryLabels", "Phone"),
        EnquiryChannel.EMAIL: QCoreApplication.translate("EnquiryLabels", "Email"),
        EnquiryChannel.SOCIAL: QCoreApplication.translate("EnquiryLabels", "Social network"),
        EnquiryChannel.IN_PERSON: QCoreApplication.translate("EnquiryLabels", "In person"),
        EnquiryChannel.WEB_FORM: QCoreApplication.translate("EnquiryLabels", "Web form"),
    }.get(EnquiryChannel(value), value)


def request_type_label(value: str) -> str:
    return {
        RequestType.INTERVIEW: QCoreApplication.translate("EnquiryLabels", "Interview"),
        RequestType.INFORMATION: QCoreApplication.translate("EnquiryLabels", "Information"),
        RequestType.FIGURES: QCoreApplication.translate("EnquiryLabels", "Figures, data"),
        RequestType.VISUALS: QCoreApplication.translate("EnquiryLabels", "Visuals"),
        RequestType.INVITATION: QCoreApplication.translate("EnquiryLabels", "Invitation"),
        RequestType.FACT_CHECK: QCoreApplication.translate("EnquiryLabels", "Fact-check"),
        RequestType.OTHER: QCoreApplication.translate("EnquiryLabels", "Other"),
    }.get(RequestType(value), value)


def priority_label(value: str) -> str:
    return {
        Priority.LOW: QCoreApplication.translate("EnquiryLabels", "Low"),
        Priority.NORMAL: QCoreApplication.translate("EnquiryLabels", "Normal"),
        Priority.HIGH: QCoreApplication.translate("EnquiryLabels", "High"),
        Priority.URGENT: QCoreApplication.translate("EnquiryLabels", "Urgent"),
    }.get(Priority(value), value)


def request_and_priority(request_type: str, priority: str) -> str:
    """ "Interview · urgent priority" ("Interview · priorité urgente")."""
    return (
        QCoreApplication.translate("EnquiryLabels", "%1 · %2 priority")
        .replace("%1", request_type_label(request_type))
        .replace("%2", priority_label(priority).lower())
    )


def urgency_label(value: Urgency) -> str:
    return {
        Urgency.OVERDUE: QCoreApplication.translate("EnquiryLabels", "Overdue"),
        Urgency.DUE_SOON: QCoreApplication.translate("EnquiryLabels", "Due within hours"),
        Urgency.DUE_TODAY: QCoreApplication.translate("EnquiryLabels", "Due today"),
        Urgency.LATER: QCoreApplication.translate("EnquiryLabels", "Later"),
        Urgency.NO_DEADLINE: QCoreApplication.translate("EnquiryLabels", "No deadline"),
        Urgency.DONE: QCoreApplication.translate("EnquiryLabels", "Done"),
    }[value]


# Colours that stand out on a light palette and keep a 4.5:1 contrast for their text.
URGENCY_BACKGROUND = {
    Urgency.OVERDUE: QColor("#FBE3E1"),
    Urgency.DUE_SOON: QColor("#FFF0CC"),
}
URGENCY_FOREGROUND = {
    Urgency.OVERDUE: QColor("#A4161A"),
    Urgency.DUE_SOON: QColor("#7A4A00"),
    Urgency.DUE_TODAY: QColor("#1F4E8C"),
}


def qdatetime(local: datetime) -> QDateTime:
    """A wall-clock QDateTime of an aware local datetime (for formatting and editors)."""
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def format_when(
    value: datetime | None, clock: DeskClock, *, weekday: bool = False, short: bool = False
) -> str:
    """An instant as local date and time: "06/02/2024 14:30", "06/02/24 14:30" (short) or
    "mar. 06/02 14:30" (weekday)."""
    if value is None:
        return ""
    local = clock.local(value)
    pattern = "ddd dd/MM HH:mm" if weekday else "dd/MM/yy HH:mm" if short else "dd/MM/yyyy HH:mm"
    return QLocale().toString(qdatetime(local), pattern)


def format_day(value: datetime, clock: DeskClock) -> str:
    return QLocale().toString(qdatetime(clock.local(value)).date(), "dddd d MMMM yyyy")


def format_duration(delta: timedelta) -> str:
    """ "45 min", "2 h 10", "3 j 4 h": short, as the desk says it."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("EnquiryLabels", "%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return QCoreApplication.translate("EnquiryLabels", "%1 h").replace("%1", str(hours))
        return (
            QCoreApplication.translate("EnquiryLabels", "%1 h %2")
            .replace("%1", str(hours))
            .replace("%2", f"{minutes:02d}")
        )
    days, hours = divmod(hours, 24)
    if hours == 0:
        return QCoreApplication.translate("EnquiryLabels", "%1 d").replace("%1", str(days))
    return (
        QCoreApplication.translate("EnquiryLabels", "%1 d %2 h")
        .replace("%1", str(days))
        .replace("%2", str(hours))
    )


def deadline_phrase(status: str, deadline: datetime | None, now: datetime, clock: DeskClock) -> str:
    """ "Overdue by 2 h 10", "Due in 45 min", "Due tomorrow 12:00", "" when not open."""
    if deadline is None:
        return QCoreApplication.translate("EnquiryLabels", "No deadline")
    urgency = clock.urgency(status, deadline, now)
    if urgency is Urgency.DONE:
        return ""
    if urgency is Urgency.OVERDUE:
        return QCoreApplication.translate("EnquiryLabels", "Overdue by %1").replace(
            "%1", format_duration(now - deadline)
        )
    if urgency is Urgency.DUE_SOON:
        return QCoreApplication.translate("EnquiryLabels", "Due in %1").replace(
            "%1", format_duration(deadline - now)
        )
    local = clock.local(deadline)
    hour = f"{local.hour:02d}:{local.minute:02d}"
    days = (local.date() - clock.today(now)).days
    if days == 0:
        return QCoreApplication.translate("EnquiryLabels", "Due today at %1").replace("%1", hour)
    if days == 1:
        return QCoreApplication.translate("EnquiryLabels", "Due tomorrow at %1").replace("%1", hour)
    return QCoreApplication.translate("EnquiryLabels", "Due in %1").replace(
        "%1", format_duration(deadline - now)
    )
