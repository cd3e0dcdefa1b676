"""The press report of a period as files for the management: a PDF with its charts (through
the ``Document`` layer) and an xlsx workbook with one sheet per table, both in French.

Both are built from the same ``PressReport`` (``domain.press_report``), so they always agree.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from fiac_press_desk.domain.coverage import TONE_COLOURS, kind_label, label
from fiac_press_desk.domain.press_report import NO_RELEASE, Period, PressReport
from fiac_press_desk.interchange.cell_guard import set_text
from fiac_press_desk.interchange.document import ChartKind, Document, TextStyle
from fiac_press_desk.interchange.document_pdf import write_pdf
from fiac_press_desk.services.mail_composer import MONTHS_FR, french_date

FORMATS = ("pdf", "xlsx")
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
NO_RELEASE_LABEL = "Sans communiqué lié"
_HEADER_FILL = PatternFill("solid", fgColor="E8EDF3")


class ReportFormatError(ValueError):
    """The file name ends neither in .pdf nor in .xlsx."""


def period_label(period: Period) -> str:
    """ "mars 2026", "1er trimestre 2026", "année 2026" or "du 3 mars 2026 au 9 avril 2026"."""
    start, end = period.start, period.end
    if period == Period.year(start.year):
        return f"année {start.year}"
    if (
        start.day == 1
        and start.month % 3 == 1
        and period == Period.quarter(start.year, (start.month + 2) // 3)
    ):
        q = (start.month + 2) // 3
        return f"{'1er' if q == 1 else f'{q}e'} trimestre {start.year}"
    if period == Period.month(start.year, start.month):
        return f"{MONTHS_FR[start.month - 1]} {start.year}"
    return f"du {french_date(start)} au {french_date(end)}"


def write_report(
    report: PressReport, target: Path, *, organisation: str = "", now: datetime | None = None
) -> None:
    """Write the report as ``target``'s suffix says (.pdf or .xlsx)."""
    suffix = target.suffix.lower().lstrip(".")
    if suffix == "pdf":
        write_pdf(report_document(report, organisation=organisation, now=now), target)
    elif suffix == "xlsx":
        write_xlsx(report, target, organisation=organisation, now=now)
    else:
        raise ReportFormatError(
            f"{target.name} : format non reconnu (le nom doit finir par .pdf ou .xlsx)"
        )


def _n(value: float) -> str:
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text.replace(",", "\u202f").replace(".", ",")


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


def _hours(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 48:
        return f"{_n(round(value, 1))} h"
    return f"{_n(round(value / 24, 1))} j"


def _plural(n: int, one: str, many: str) -> str:
    return f"{_n(n)} {one if n <= 1 else many}"


def headline(report: PressReport) -> list[tuple[str, str]]:
    """The key figures, label and value, as the first table of both files says them."""
    r = report
    return [
        ("Communiqués envoyés", _n(r.releases_sent)),
        ("Destinataires (envois)", _n(r.recipients)),
        ("Personnes touchées", _n(r.people_reached)),
        ("Demandes presse reçues", _n(r.enquiries_received)),
        (
            "Demandes répondues",
            f"{_n(r.enquiries_answered)} ({_pct(r.enquiries_answered, r.enquiries_received)})",
        ),
        ("Demandes déclinées", _n(r.enquiries_declined)),
        (
            "Répondues dans les délais",
            f"{_n(r.enquiries_on_time)} sur {_n(r.enquiries_with_deadline_answered)} "
            f"avec échéance ({_pct(r.enquiries_on_time, r.enquiries_with_deadline_answered)})",
        ),
        ("Délai médian de réponse", _hours(r.median_hours_to_answer)),
        ("Retombées presse", _n(r.coverage_total)),
        ("Audience cumulée déclarée", _n(r.audience_total) if r.audience_total else "—"),
    ]


def _month_label(ym: tuple[int, int], many_years: bool) -> str:
    year, month = ym
    return f"{MONTHS_SHORT[month - 1]} {str(year)[2:]}" if many_years else MONTHS_SHORT[month - 1]


def _release_title(title: str) -> str:
    return NO_RELEASE_LABEL if title == NO_RELEASE else title


def report_document(
    report: PressReport, *, organisation: str = "", now: datetime | None = None
) -> Document:
    """The report as a ``Document`` (PDF): key figures, charts, then the tables."""
    r = report
    when = now or datetime.now()
    doc = Document(
        title="Bilan des relations presse",
        subtitle=f"{period_label(r.period).capitalize()}"
        + (f" · {organisation}" if organisation else "")
        + f" · établi le {french_date(when.date())}",
        author=organisation,
        footer=f"Bilan presse · {period_label(r.period)}",
        created_at=when,
    )
    doc.heading("Chiffres clés")
    doc.key_values(headline(r))
    doc.heading("Retombées presse")
    if not r.coverage_total:
        doc.paragraph("Aucune retombée sur la période.", TextStyle.MUTED)
    else:
        _coverage_charts(doc, r)
    doc.heading("Les dix médias les plus actifs")
    doc.table(
        ["Média", "Retombées", "Demandes", "Audience déclarée"],
        [
            [o.outlet, _n(o.coverage), _n(o.enquiries), _n(o.audience) if o.audience else "—"]
            for o in r.top_outlets
        ],
        widths=[4, 1.3, 1.3, 1.8],
        align_right=(1, 2, 3),
        empty="Aucun média n'a publié ni sollicité le service de presse sur la période.",
    )
    doc.heading("Communiqués envoyés")
    doc.table(
        ["Communiqué", "Premier envoi", "Destinataires", "Demandes", "Retombées"],
        [
            [
                x.title,
                f"{x.first_sent:%d/%m/%Y}",
                _n(x.recipients),
                _n(x.enquiries),
                _n(x.coverage),
            ]
            for x in r.releases
        ],
        widths=[4.2, 1.4, 1.4, 1.2, 1.2],
        align_right=(2, 3, 4),
        empty="Aucun communiqué envoyé sur la période.",
    )
    doc.heading("Définitions", level=2)
    doc.paragraph(
        "Un communiqué compte dans la période de son premier envoi (courriel, ou remise "
        "enregistrée) ; ses destinataires sont les personnes distinctes qui l'ont reçu jusqu'à "
        "la fin de la période. Une demande compte à sa date de réception ; elle est dans les "
        "délais si elle a été répondue au plus tard à son échéance (les demandes sans échéance "
        "ne sont pas jugées). Le délai médian porte sur les demandes répondues. Les médias les "
        "plus actifs sont classés par retombées et demandes de la période.",
        TextStyle.SMALL,
    )
    return doc


def _coverage_charts(doc: Document, r: PressReport) -> None:
    """By month (when the period has more than one), medium, outlet type, tone, release."""
    years = {y for y, _ in r.period.months()}
    if len(r.by_month) > 1:
        doc.chart(
            ChartKind.COLUMNS,
            "Retombées par mois",
            [_month_label(m, len(years) > 1) for m, _ in r.by_month],
            [v for _, v in r.by_month],
            height_mm=60,
        )
    doc.chart(
        ChartKind.PIE,
        "Par support",
        [label(k) for k, _ in r.by_medium],
        [v for _, v in r.by_medium],
        height_mm=45,
    )
    doc.chart(
        ChartKind.BARS,
        "Par type de média",
        [kind_label(k) for k, _ in r.by_kind],
        [v for _, v in r.by_kind],
    )
    tones = dict(r.by_tone)
    doc.chart(
        ChartKind.PIE,
        "Tonalité",
        [label(t) for t in TONE_COLOURS],
        [tones.get(t, 0) for t in TONE_COLOURS],
        height_mm=35,
        colours=list(TONE_COLOURS.values()),
    )
    doc.chart(
        ChartKind.BARS,
        "Par communiqué",
        [_release_title(k) for k, _ in r.by_release],
        [v for _, v in r.by_release],
    )


# -- xlsx ---------------------------------------------------------------------------------------


def write_xlsx(
    report: PressReport,
    out: Path | IO[bytes],
    *,
    organisation: str = "",
    now: datetime | None = None,
) -> None:
    """The report as a workbook: a summary sheet, then one sheet per table (figures as
    numbers, so the management can chart them again)."""
    r = report
    when = now or datetime.now()
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Synthèse"
    summary["A1"] = "Bilan des relations presse"
    summary["A1"].font = Font(bold=True, size=14)
    set_text(
        summary["A2"],
        period_label(r.period).capitalize() + (f" · {organisation}" if organisation else ""),
    )
    summary["A3"] = "Période"
    summary["B3"] = r.period.start
    summary["C3"] = r.period.end
    for cell in (summary["B3"], summary["C3"]):
        cell.number_format = "dd/mm/yyyy"
    summary["A4"] = "Établi le"
    summary["B4"] = when.replace(tzinfo=None)
    summary["B4"].number_format = "dd/mm/yyyy hh:mm"
    rows: list[tuple[str, Any]] = [
        ("Communiqués envoyés", r.releases_sent),
        ("Destinataires (envois)", r.recipients),
        ("Personnes touchées", r.people_reached),
        ("Demandes presse reçues", r.enquiries_received),
        ("Demandes répondues", r.enquiries_answered),
        ("Demandes déclinées", r.enquiries_declined),
        ("Répondues avec échéance", r.enquiries_with_deadline_answered),
        ("dont dans les délais", r.enquiries_on_time),
        ("Taux dans les délais", r.on_time_rate),
        ("Délai médian de réponse (heures)", r.median_hours_to_answer),
        ("Retombées presse", r.coverage_total),
        ("Audience cumulée déclarée", r.audience_total),
    ]
    _table(summary, 6, ("Indicateur", "Valeur"), rows, percent_rows={"Taux dans les délais"})
    summary.column_dimensions["A"].width = 36
    summary.column_dimensions["B"].width = 16
    summary.column_dimensions["C"].width = 14
    _sheet(book, "Par support", ("Support", "Retombées"), [(label(k), v) for k, v in r.by_medium])
    _sheet(
        book,
        "Par type de média",
        ("Type de média", "Retombées"),
        [(kind_label(k), v) for k, v in r.by_kind],
    )
    _sheet(book, "Par tonalité", ("Tonalité", "Retombées"), [(label(k), v) for k, v in r.by_tone])
    _sheet(
        book,
        "Par communiqué",
        ("Communiqué", "Retombées"),
        [(_release_title(k), v) for k, v in r.by_release],
    )
    _sheet(
        book,
        "Par mois",
        ("Mois", "Retombées"),
        [(f"{MONTHS_FR[m - 1]} {y}", v) for (y, m), v in r.by_month],
    )
    _sheet(
        book,
        "Médias les plus actifs",
        ("Média", "Retombées", "Demandes", "Audience"),
        [(o.outlet, o.coverage, o.enquiries, o.audience) for o in r.top_outlets],
    )
    _sheet(
        book,
        "Communiqués",
        ("Communiqué", "Premier envoi", "Destinataires", "Demandes", "Retombées"),
        [(x.title, x.first_sent, x.recipients, x.enquiries, x.coverage) for x in r.releases],
    )
    _save(book, out)


def _sheet(
    book: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    sheet = book.create_sheet(title)
    _table(sheet, 1, headers, rows)
    sheet.column_dimensions["A"].width = 48
    for col in range(2, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 15
    sheet.freeze_panes = "A2"


def _table(
    sheet: Any,
    first_row: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    percent_rows: set[str] | None = None,
) -> None:
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(row=first_row, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for i, row in enumerate(rows, start=first_row + 1):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=i, column=col)
            if isinstance(value, str):
                set_text(cell, value)  # a title stays text, never a formula
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "dd/mm/yyyy"
                elif percent_rows and row[0] in percent_rows:
                    cell.number_format = "0%"


def _save(book: Workbook, out: Path | IO[bytes]) -> None:
    if isinstance(out, Path):
        tmp = out.with_name(out.name + ".part")
        try:
            book.save(tmp)
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
    else:
        buffer = io.BytesIO()
        book.save(buffer)
        out.write(buffer.getvalue())
