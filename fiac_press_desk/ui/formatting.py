"""How the window writes dates, durations, sizes and counts, the reader's way.

Stored moments are UTC; the window shows them in local time with the reader's month names
("31 janv. 2024, 09:30"). Text goes through Qt Linguist (context ``Formatting``, in the "core"
.ts). Functions, so that a language switch takes effect at the next call. The names of stored
values (statuses, channels...) are in ``ui.labels``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from fiac_press_desk.domain.enquiry import DeskClock, Urgency

# -- dates and moments ----------------------------------------------------------------------------


def format_moment(value: datetime | None, with_time: bool = True) -> str:
    """A stored UTC moment in local time: "31 janv. 2024, 09:30" (or "31 janv. 2024")."""
    if value is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(local, "d MMM yyyy, HH:mm" if with_time else "d MMM yyyy")


def format_day(value: date | None) -> str:
    """ "31 janv. 2024" (the list) — empty for no date."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def format_date(year: int, month: int, day: int) -> str:
    """ "14 mars 1978"."""
    return QLocale().toString(QDate(year, month, day), "d MMMM yyyy")


def format_birthday(value: str) -> str:
    """ "1978-03-14" -> "14 mars 1978"; "--03-14" -> "14 mars" (year unknown)."""
    if not value:
        return ""
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        return QLocale().toString(QDate(2000, month, day), "d MMMM")
    try:
        year, month, day = (int(p) for p in value.split("-"))
    except ValueError:
        return value
    return format_date(year, month, day)


def qdatetime(local: datetime) -> QDateTime:
    """A wall-clock QDateTime of an aware local datetime (for formatting and editors)."""
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def format_when(
    value: datetime | None, clock: DeskClock, *, weekday: bool = False, short: bool = False
) -> str:
    """An instant as the desk's local date and time: "06/02/2024 14:30", "06/02/24 14:30"
    (short) or "mar. 06/02 14:30" (weekday; "mer. 05/03/2025 14:30" in another year than
    the desk's current one: without the year, a date of last year read as this year's)."""
    if value is None:
        return ""
    local = clock.local(value)
    if weekday:
        pattern = "ddd dd/MM HH:mm" if local.year == clock.today().year else "ddd dd/MM/yyyy HH:mm"
    else:
        pattern = "dd/MM/yy HH:mm" if short else "dd/MM/yyyy HH:mm"
    return QLocale().toString(qdatetime(local), pattern)


def format_long_day(value: datetime, clock: DeskClock) -> str:
    """The desk's local day of an instant, written out: "mardi 6 février 2024"."""
    return QLocale().toString(qdatetime(clock.local(value)).date(), "dddd d MMMM yyyy")


# -- durations and deadlines ----------------------------------------------------------------------


def format_duration(delta: timedelta) -> str:
    """ "45 min", "2 h 10", "3 j 4 h": short, as the desk says it."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("Formatting", "%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return QCoreApplication.translate("Formatting", "%1 h").replace("%1", str(hours))
        return (
            QCoreApplication.translate("Formatting", "%1 h %2")
            .replace("%1", str(hours))
            .replace("%2", f"{minutes:02d}")
        )
    days, hours = divmod(hours, 24)
    if days >= 30:
        return _long_duration(days)
    if hours == 0:
        return QCoreApplication.translate("Formatting", "%1 d").replace("%1", str(days))
    return (
        QCoreApplication.translate("Formatting", "%1 d %2 h")
        .replace("%1", str(days))
        .replace("%2", str(hours))
    )


def _long_duration(days: int) -> str:
    """ "1 an 9 mois", "3 mois", "2 ans": a wait of weeks or years in the units one says
    ("637 j 4 h" made the reader do the sum). Months of 30 days, years of 365: a rough
    figure is what such a wait calls for."""
    years, rest = divmod(days, 365)
    months = rest // 30
    month_text = count_text(
        months,
        QCoreApplication.translate("Formatting", "%1 month"),
        QCoreApplication.translate("Formatting", "%1 months"),
    )
    if years == 0:
        return month_text
    year_text = count_text(
        years,
        QCoreApplication.translate("Formatting", "%1 year"),
        QCoreApplication.translate("Formatting", "%1 years"),
    )
    return f"{year_text} {month_text}" if months else year_text


def deadline_phrase(status: str, deadline: datetime | None, now: datetime, clock: DeskClock) -> str:
    """ "Overdue by 2 h 10", "Due in 45 min", "Due tomorrow 12:00", "" when not open."""
    if deadline is None:
        return QCoreApplication.translate("Formatting", "No deadline")
    urgency = clock.urgency(status, deadline, now)
    if urgency is Urgency.DONE:
        return ""
    if urgency is Urgency.OVERDUE:
        return QCoreApplication.translate("Formatting", "Overdue by %1").replace(
            "%1", format_duration(now - deadline)
        )
    if urgency is Urgency.DUE_SOON:
        return QCoreApplication.translate("Formatting", "Due in %1").replace(
            "%1", format_duration(deadline - now)
        )
    local = clock.local(deadline)
    hour = f"{local.hour:02d}:{local.minute:02d}"
    days = (local.date() - clock.today(now)).days
    if days == 0:
        return QCoreApplication.translate("Formatting", "Due today at %1").replace("%1", hour)
    if days == 1:
        return QCoreApplication.translate("Formatting", "Due tomorrow at %1").replace("%1", hour)
    return QCoreApplication.translate("Formatting", "Due in %1").replace(
        "%1", format_duration(deadline - now)
    )


# -- sizes and counts -----------------------------------------------------------------------------


def format_size(size: int) -> str:
    """ "812 octets", "12 Ko", "1,2 Mo" (the reader's decimal separator)."""
    if size < 1024:
        return QCoreApplication.translate("Formatting", "%1 bytes").replace("%1", str(size))
    if size < 1024 * 1024:
        return QCoreApplication.translate("Formatting", "%1 KB").replace(
            "%1", QLocale().toString(round(size / 1024))
        )
    return QCoreApplication.translate("Formatting", "%1 MB").replace(
        "%1", QLocale().toString(size / (1024 * 1024), "f", 1)
    )


def count_text(n: int, one: str, many: str) -> str:
    """Singular or plural of an already translated "%1 ..." text, French rules (0 and 1 are
    singular) unless the window speaks English."""
    from fiac_press_desk.ui import i18n

    return i18n.plural(n, one, many)


# -- labels inside a sentence --------------------------------------------------------------------


def in_sentence(label: str) -> str:
    """A capitalised label written mid-sentence: "Refusé" -> "refusé", "En main propre" ->
    "en main propre". Only the first letter changes, so a label keeps its one wording everywhere;
    a label that opens with an acronym ("SMS", "UID vCard") is left as it is."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]
