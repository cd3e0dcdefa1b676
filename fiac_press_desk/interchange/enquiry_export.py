"""The enquiry log as an Excel workbook, for the annual report.

One row per enquiry with real dates (local time, which Excel shows as the press officer
expects), the time to answer in hours (a number, so that averages work), the outcome and
whether the deadline was met. A second sheet sums it up. Text is never read back as a
formula: a cell starting with ``=``, ``+``, ``-`` or ``@`` is stored as text with Excel's
quote prefix.
"""

from __future__ import annotations

import io
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fiac_press_desk.domain.enquiry import hours, label
from fiac_press_desk.interchange.cell_guard import set_text
from fiac_press_desk.services.enquiries import EnquiryFilter, EnquiryRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.progress import NullProgress, ProgressSink

MAX_CELL = 32_000  # Excel holds 32 767 characters in a cell
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


@dataclass(frozen=True)
class _Column:
    key: str
    fr: str
    en: str
    width: float  # the widest it grows to; narrower when the content is short
    kind: str = "text"  # text | date | number | int


COLUMNS = [
    _Column("id", "N°", "No.", 7, "int"),
    _Column("received_at", "Reçue le", "Received", 17, "date"),
    _Column("channel", "Canal", "Channel", 16),
    _Column("journalist", "Journaliste", "Journalist", 28),
    _Column("outlet", "Média", "Outlet", 28),
    _Column("subject", "Objet", "Subject", 60),
    _Column("request_type", "Type de demande", "Request type", 18),
    _Column("priority", "Priorité", "Priority", 10),
    _Column("assignee", "Attribuée à", "Assigned to", 28),
    _Column("deadline", "Échéance", "Deadline", 17, "date"),
    _Column("status", "Statut", "Status", 12),
    _Column("answered_at", "Répondue le", "Answered", 17, "date"),
    _Column("hours", "Délai de réponse (h)", "Time to answer (h)", 12, "number"),
    _Column("on_time", "Dans les délais", "On time", 10),
    _Column("outcome", "Issue", "Outcome", 40),
    _Column("release", "Communiqué lié", "Related release", 40),
]


def export_enquiries(
    services: Services,
    out: Path | IO[bytes],
    flt: EnquiryFilter | None = None,
    *,
    language: str = "fr",
    now: datetime | None = None,
    progress: ProgressSink | None = None,
) -> int:
    """Write the enquiries matching ``flt`` (all when None); returns how many rows."""
    progress = progress or NullProgress()
    english = language.startswith("en")
    lang = "en" if english else "fr"
    clock = services.enquiries.clock
    now = now or clock.now()
    rows = sorted(services.enquiries.rows(flt, now), key=lambda r: (r.received_at, r.id))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Demandes presse" if not english else "Press enquiries"
    date_format = "yyyy-mm-dd hh:mm" if english else "dd/mm/yyyy hh:mm"
    for col, column in enumerate(COLUMNS, start=1):
        head = sheet.cell(row=1, column=col, value=column.en if english else column.fr)
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
        head.alignment = Alignment(vertical="center", wrap_text=True)

    def local(value: datetime | None) -> datetime | None:
        return clock.local(value).replace(tzinfo=None) if value else None

    widths = [len(c.en if english else c.fr) + 2 for c in COLUMNS]
    for index, row in enumerate(rows, start=2):
        if index % 200 == 0:
            progress.check()
            progress.report(index - 2, len(rows))
        values = _values(row, local, lang)
        for col, column in enumerate(COLUMNS, start=1):
            value = values[column.key]
            cell = sheet.cell(row=index, column=col)
            if column.kind == "text":
                _set_text(cell, value or "")
                widths[col - 1] = max(widths[col - 1], min(len(str(value or "")), 80) + 2)
            else:
                cell.value = value
                if column.kind == "date" and value is not None:
                    cell.number_format = date_format
                elif column.kind == "number":
                    cell.number_format = "0.0"
    for col, column in enumerate(COLUMNS, start=1):
        width = column.width if column.kind != "text" else min(widths[col - 1], column.width)
        sheet.column_dimensions[get_column_letter(col)].width = max(width, 8)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(len(rows) + 1, 2)}"
    _summary(book.create_sheet("Synthèse" if not english else "Summary"), rows, lang, now, clock)
    _save(book, out)
    progress.report(len(rows), len(rows))
    return len(rows)


def _values(
    row: EnquiryRow, local: Callable[[datetime | None], datetime | None], lang: str
) -> dict[str, Any]:
    answered = row.answered_at
    on_time = ""
    if answered is not None and row.deadline is not None:
        met = answered <= row.deadline
        on_time = ("Oui" if met else "Non") if lang == "fr" else ("Yes" if met else "No")
    return {
        "id": row.id,
        "received_at": local(row.received_at),
        "channel": label(row.channel, lang),
        "journalist": row.contact_name,
        "outlet": row.outlet,
        "subject": row.subject,
        "request_type": label(row.request_type, lang),
        "priority": label(row.priority, lang),
        "assignee": row.assignee,
        "deadline": local(row.deadline),
        "status": label(row.status, lang),
        "answered_at": local(answered),
        "hours": hours(row.time_to_answer),
        "on_time": on_time,
        "outcome": row.outcome,
        "release": row.release_title,
    }


def _set_text(cell: Cell | MergedCell, value: object) -> None:
    """Text stays text: never a formula, never an error code, never a number."""
    set_text(cell, str(value)[:MAX_CELL])


def _summary(
    sheet: Worksheet, rows: list[EnquiryRow], lang: str, now: datetime, clock: Any
) -> None:
    fr = lang == "fr"
    durations = [h for h in (hours(r.time_to_answer) for r in rows) if h is not None]
    with_deadline = [r for r in rows if r.answered_at is not None and r.deadline is not None]
    met = sum(
        1 for r in with_deadline if r.answered_at and r.deadline and r.answered_at <= r.deadline
    )
    generated = clock.local(now).replace(tzinfo=None)
    lines: list[tuple[str, Any]] = [
        ("Exporté le" if fr else "Exported on", generated),
        ("Fuseau horaire" if fr else "Time zone", clock.timezone.key),
        ("Demandes" if fr else "Enquiries", len(rows)),
        ("Répondues" if fr else "Answered", sum(1 for r in rows if r.answered_at)),
        (
            "Délai de réponse médian (h)" if fr else "Median time to answer (h)",
            round(statistics.median(durations), 1) if durations else None,
        ),
        (
            "Délai de réponse moyen (h)" if fr else "Mean time to answer (h)",
            round(statistics.fmean(durations), 1) if durations else None,
        ),
        (
            "Réponses dans les délais" if fr else "Answered on time",
            f"{met} / {len(with_deadline)}" if with_deadline else "",
        ),
    ]
    for number, (name, value) in enumerate(lines, start=1):
        sheet.cell(row=number, column=1, value=name).font = Font(bold=True)
        cell = sheet.cell(row=number, column=2)
        if isinstance(value, str):
            _set_text(cell, value)
        else:
            cell.value = value
            if isinstance(value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm" if fr else "yyyy-mm-dd hh:mm"
    at = len(lines) + 2
    for title_fr, title_en, key in (
        ("Par statut", "By status", "status"),
        ("Par type de demande", "By request type", "request_type"),
        ("Par canal", "By channel", "channel"),
    ):
        sheet.cell(row=at, column=1, value=title_fr if fr else title_en).font = Font(bold=True)
        at += 1
        for value, n in Counter(str(getattr(r, key)) for r in rows).most_common():
            _set_text(sheet.cell(row=at, column=1), label(value, lang))
            sheet.cell(row=at, column=2, value=n)
            at += 1
        at += 1
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 20


def _save(book: Workbook, out: Path | IO[bytes]) -> None:
    if isinstance(out, Path):
        from fiac_press_desk.interchange.private_files import private_output

        tmp = out.with_name(out.name + ".part")
        try:
            with private_output(out):
                book.save(tmp)
                tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
    else:
        buffer = io.BytesIO()
        book.save(buffer)
        out.write(buffer.getvalue())
