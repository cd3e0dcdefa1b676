"""Contacts out as .xlsx and .csv, in a form that comes back in unchanged.

One row per contact with an ID column, so a sheet edited in Excel or LibreOffice re-imports as
updates of the same contacts. Several values share one cell ("a@x.fr (pro); b@y.fr (perso)"),
the label in brackets in the interface language; the importer reads the same words back.
Optional columns (display name, department, address complements, a second address, links)
appear only when some exported contact uses them.

Formula injection: a cell whose text starts with ``=`` ``+`` ``-`` ``@``, a tab or a carriage
return would be evaluated by a spreadsheet (OWASP "CSV injection"). In .xlsx such text is
written as a typed string cell (openpyxl would otherwise write a leading ``=`` as a formula)
carrying the ``quotePrefix`` style: the apostrophe Excel and LibreOffice show in the formula
bar, which also keeps the text from turning into a formula when the cell is edited. A CSV has
no cell types, so there the text gets a leading apostrophe, which the importer takes off.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass
from datetime import UTC, date, datetime
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from fiac_press_desk.domain.contact import ContactData, PostalAddress
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.interchange.cell_guard import TRIGGER_CHARS, csv_guard, set_text
from fiac_press_desk.interchange.collector import ASIDE_EVERY, collector_steps, release_in_steps
from fiac_press_desk.interchange.exporters import EXPORTERS, ExportOptions
from fiac_press_desk.interchange.spreadsheet_read import column_letter
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.progress import ProgressSink

_KIND = {
    "fr": {"journalist": "Journaliste", "partner": "Partenaire", "other": "Autre"},
    "en": {"journalist": "Journalist", "partner": "Partner", "other": "Other"},
}
_BASIS = {
    "fr": {
        "legitimate_interest": "Intérêt légitime",
        "consent": "Consentement",
        "contract": "Contrat",
        "public_task": "Mission d'intérêt public",
    },
    "en": {
        "legitimate_interest": "Legitimate interest",
        "consent": "Consent",
        "contract": "Contract",
        "public_task": "Public task",
    },
}
_YES_NO = {"fr": ("Oui", "Non"), "en": ("Yes", "No")}
# Stored labels -> the word written in brackets (the importer's LABEL_WORDS read them back).
_LABELS = {
    "fr": {"work": "pro", "home": "perso", "mobile": "portable", "fax": "fax", "other": "autre"},
    "en": {"work": "work", "home": "home", "mobile": "mobile", "fax": "fax", "other": "other"},
}
_LISTS_SHEET = {"fr": "Listes", "en": "Lists"}
_CONTACTS_SHEET = {"fr": "Contacts", "en": "Contacts"}
_LISTS_HEADERS = {
    "fr": ["Liste", "Description", "Contacts dans cet export", "Membres au total"],
    "en": ["List", "Description", "Contacts in this export", "Members in all"],
}


_OWN_TEXTS = own_fields(ContactData)


class SheetRow:
    """The values of one contact that the sheet shows (``FIELDS``), as plain values and tuples
    (``contact_record.read_values``): emails, phones and links as (value, label), addresses as
    the fields of ``PostalAddress`` in its order, beats, tags and lists as tuples of names.

    A ``ContactData`` and its emails, phones and addresses are some twenty objects that the
    garbage collector walks again and again while 50,000 of them wait to be written; a row
    is one (tuples of plain values drop out of its sight)."""

    FIELDS = (
        "id",
        "kind",
        "civility",
        "given_name",
        "family_name",
        "display_name",
        "organization",
        "department",
        "job_title",
        "role",
        "beats",
        "birthday",
        "language",
        "opted_out",
        "lawful_basis",
        "notes",
        *(own.name for own in _OWN_TEXTS),
        "opted_out_at",
        "opted_out_reason",
        "emails",
        "phones",
        "addresses",
        "urls",
        "tags",
        "lists",
    )
    __slots__ = FIELDS

    # The types of the values (one attribute per field of FIELDS, set by __init__).
    id: int | None
    kind: str
    civility: str
    given_name: str
    family_name: str
    display_name: str
    organization: str
    department: str
    job_title: str
    role: str
    beats: tuple[str, ...]
    birthday: str
    language: str
    opted_out: bool
    opted_out_at: datetime | None
    opted_out_reason: str
    lawful_basis: str
    notes: str
    emails: tuple[tuple[str, str], ...]
    phones: tuple[tuple[str, str], ...]
    addresses: tuple[tuple[str, ...], ...]
    urls: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    lists: tuple[str, ...]

    def __init__(self, values: Sequence[Any]) -> None:
        """``values``: those of ``FIELDS``, in its order."""
        for name, value in zip(self.FIELDS, values, strict=True):
            setattr(self, name, value)

    @classmethod
    def of(cls, data: ContactData) -> SheetRow:
        """The row of a ``ContactData`` (the same values ``read_values`` gives)."""
        parts = {
            "emails": tuple((e.value, e.label) for e in data.emails),
            "phones": tuple((p.value, p.label) for p in data.phones),
            "addresses": tuple(astuple(a) for a in data.addresses),
            "urls": tuple((u.value, u.label) for u in data.urls),
            "beats": tuple(data.beats),
            "tags": tuple(data.tags),
            "lists": tuple(data.lists),
        }
        return cls([parts[n] if n in parts else getattr(data, n) for n in cls.FIELDS])


Contacts = Sequence[SheetRow] | Sequence[ContactData]
_ADDRESS_PARTS = {name: i for i, name in enumerate(PostalAddress.__dataclass_fields__)}


def sheet_rows(contacts: Contacts) -> Sequence[SheetRow]:
    """``contacts`` as rows (``ContactData`` converted, rows as they are)."""
    return [c if isinstance(c, SheetRow) else SheetRow.of(c) for c in contacts]


def read_rows(
    services: Services,
    ids: Sequence[int],
    progress: ProgressSink | None = None,
    aside: Callable[[], None] | None = None,
) -> list[SheetRow]:
    """The rows of the contacts of ``ids`` that exist, in that order: the values the sheet
    shows and nothing else (``services.contacts.read_values``), read a chunk at a time and
    ordered at the end. ``aside`` is called every ``ASIDE_EVERY`` rows
    (``collector.collector_steps``)."""
    found: dict[int, SheetRow] = {}
    for values in services.contacts.read_values(ids, SheetRow.FIELDS, in_order=False):
        if len(found) % ASIDE_EVERY == 0:
            if progress is not None:
                progress.check()
                progress.report(len(found), len(ids) * 2, "")
            if aside is not None:
                aside()
        row = SheetRow(values)
        found[row.id] = row  # type: ignore[index]  # read rows always have their id
    return [found[cid] for cid in ids if cid in found]


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header in each language, width, and cell."""

    key: str
    headers: tuple[str, str]  # French, English
    width: float
    value: Callable[[SheetRow], Any]
    optional: bool = False  # written only when some contact has a value

    def header(self, language: str) -> str:
        """The header in ``language`` (French unless English)."""
        return self.headers[1] if language == "en" else self.headers[0]

    def get(self, contact: SheetRow | ContactData) -> Any:
        """The cell of ``contact`` (a ``ContactData`` is converted first: give rows to call
        this over many contacts)."""
        return self.value(contact if isinstance(contact, SheetRow) else SheetRow.of(contact))


def _lang(language: str) -> str:
    return "en" if language == "en" else "fr"


_FRENCH_E164 = re.compile(r"^\+33([1-9])(\d\d)(\d\d)(\d\d)(\d\d)$")


def phone_text(value: str) -> str:
    """``display_phone`` with a fast path for French numbers (most of them: phonenumbers
    costs about 0.1 ms a number, which counts over 50,000 contacts)."""
    match = _FRENCH_E164.match(value)
    if match:
        return "0" + " ".join(match.groups())
    return display_phone(value)


def _labelled(value: str, label: str, words: dict[str, str]) -> str:
    """``value (label)``, the label in ``words`` (the interface language's)."""
    if not label:
        return value
    return f"{value} ({words.get(label, label)})"


def join_values(values: Sequence[str]) -> str:
    """Several values in one cell, split back by the importer (``;`` wins over ``,``)."""
    if len(values) == 1:  # most cells: no join
        text = values[0] or ""
        # a lone "Santé, IA" must not be read back as two values
        return text + ";" if "," in text else text
    return "; ".join([v for v in values if v])


def _birthday(value: str, style: str) -> Any:
    """``style`` "date": a real date cell when the year is known; "fr": 31/01/1980 and 31/01;
    "iso": as stored (1980-01-31, --01-31)."""
    if not value:
        return ""
    if value.startswith("--"):
        month, day = value[2:4], value[5:7]
        return value if style == "iso" else f"{day}/{month}"
    if style == "date":
        return date.fromisoformat(value)
    if style == "fr":
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    return value


def _address(slot: int, part: str) -> Callable[[SheetRow], str]:
    index = _ADDRESS_PARTS[part]

    def get(c: SheetRow) -> str:
        if slot >= len(c.addresses):
            return ""
        return c.addresses[slot][index]

    return get


def _address_label(slot: int, language: str) -> Callable[[SheetRow], str]:
    def get(c: SheetRow) -> str:
        if slot >= len(c.addresses):
            return ""
        label = c.addresses[slot][0]
        return _LABELS[_lang(language)].get(label, label)

    return get


def _utc_text(when: datetime | None) -> str:
    """An opt-out time as text in UTC ("2024-02-14 10:22:05"), what the import reads back."""
    if when is None:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%d %H:%M:%S")


def columns_for(contacts: Contacts, language: str, dates: str = "date") -> list[Column]:
    """The columns of this export: the fixed ones, and optional ones some contact needs.

    ``dates``: how birthdays are written (see ``_birthday``)."""
    contacts = sheet_rows(contacts)
    lang = _lang(language)
    birthday_style = dates
    kind, basis, (yes, no) = _KIND[lang], _BASIS[lang], _YES_NO[lang]
    words = _LABELS[lang]
    slots = max((len(c.addresses) for c in contacts), default=0)
    columns = [
        Column("id", ("ID", "ID"), 8, attrgetter("id")),
        Column("kind", ("Type", "Type"), 13, lambda c: kind[c.kind]),
        Column("civility", ("Civilité", "Honorific"), 10, attrgetter("civility")),
        Column("given_name", ("Prénom", "First name"), 16, attrgetter("given_name")),
        Column("family_name", ("Nom", "Last name"), 18, attrgetter("family_name")),
        Column(
            "display_name", ("Nom affiché", "Display name"), 22, attrgetter("display_name"), True
        ),
        Column(
            "organization",
            ("Média / organisme", "Media / organisation"),
            28,
            attrgetter("organization"),
        ),
        Column("department", ("Service", "Department"), 18, attrgetter("department"), True),
        Column("job_title", ("Fonction", "Job title"), 24, attrgetter("job_title")),
        Column("role", ("Rôle", "Role"), 16, attrgetter("role"), True),
        Column(
            "email",
            ("Courriels", "Emails"),
            34,
            lambda c: join_values([_labelled(v, label, words) for v, label in c.emails]),
        ),
        Column(
            "phone",
            ("Téléphones", "Phones"),
            26,
            lambda c: join_values(
                [_labelled(phone_text(v), label, words) for v, label in c.phones]
            ),
        ),
    ]
    for slot in range(max(slots, 1)):
        suffix = f" #{slot + 1}" if slot else ""  # "Adresse 2" would read as a second line
        optional = slot > 0
        columns += [
            Column(
                f"street{suffix}",
                (f"Adresse{suffix}", f"Address{suffix}"),
                28,
                _address(slot, "street"),
                optional,
            ),
            Column(
                f"extended{suffix}",
                (f"Complément d'adresse{suffix}", f"Address line 2{suffix}"),
                20,
                _address(slot, "extended"),
                True,
            ),
            Column(
                f"po_box{suffix}",
                (f"Boîte postale{suffix}", f"PO Box{suffix}"),
                12,
                _address(slot, "po_box"),
                True,
            ),
            Column(
                f"postal_code{suffix}",
                (f"Code postal{suffix}", f"Postal code{suffix}"),
                11,
                _address(slot, "postal_code"),
                optional,
            ),
            Column(
                f"city{suffix}",
                (f"Ville{suffix}", f"City{suffix}"),
                16,
                _address(slot, "city"),
                optional,
            ),
            Column(
                f"region{suffix}",
                (f"Région{suffix}", f"Region{suffix}"),
                14,
                _address(slot, "region"),
                True,
            ),
            Column(
                f"country{suffix}",
                (f"Pays{suffix}", f"Country{suffix}"),
                12,
                _address(slot, "country"),
                optional,
            ),
        ]
        if any(_needs_address_label(c, slot) for c in contacts):
            columns.append(
                Column(
                    f"address_label{suffix}",
                    (f"Type d'adresse{suffix}", f"Address type{suffix}"),
                    12,
                    _address_label(slot, lang),
                )
            )
    columns += [
        Column(
            "url",
            ("Sites web", "Websites"),
            30,
            lambda c: join_values([_labelled(v, label, words) for v, label in c.urls]),
            True,
        ),
        Column("beats", ("Thématiques", "Beats"), 26, lambda c: join_values(c.beats)),
        Column("tags", ("Étiquettes", "Tags"), 20, lambda c: join_values(c.tags)),
        Column("lists", ("Listes", "Lists"), 24, lambda c: join_values(c.lists)),
        Column(
            "birthday",
            ("Date de naissance", "Birthday"),
            14,
            lambda c: _birthday(c.birthday, birthday_style) if c.birthday else "",
        ),
        Column("language", ("Langue", "Language"), 8, attrgetter("language")),
        Column("opted_out", ("Désinscrit", "Opted out"), 11, lambda c: yes if c.opted_out else no),
        Column(
            "opted_out_at",
            ("Date de désinscription", "Opt-out date"),
            19,
            lambda c: _utc_text(c.opted_out_at) if c.opted_out else "",
            True,
        ),
        Column(
            "opted_out_reason",
            ("Motif de désinscription", "Opt-out reason"),
            30,
            lambda c: c.opted_out_reason if c.opted_out else "",
            True,
        ),
        Column(
            "lawful_basis",
            ("Base légale", "Lawful basis"),
            18,
            lambda c: basis[c.lawful_basis],
        ),
        *(
            Column(own.name, own.headers, own.width, attrgetter(own.name), own.optional)
            for own in _OWN_TEXTS
        ),
        Column("notes", ("Notes", "Notes"), 50, attrgetter("notes")),
    ]
    return [col for col in columns if not col.optional or any(col.value(c) for c in contacts)]


def _needs_address_label(contact: SheetRow, slot: int) -> bool:
    return slot < len(contact.addresses) and contact.addresses[slot][0] != "work"


# -- xlsx -----------------------------------------------------------------------------------------


def write_xlsx(
    contacts: Contacts,
    out: IO[bytes] | Path,
    options: ExportOptions,
    lists: Iterable[tuple[str, str, int]] = (),
) -> int:
    """Write the workbook (contacts sheet + lists sheet); ``lists``: name, description, total."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    lang = _lang(options.language)
    contacts = sheet_rows(contacts)
    columns = columns_for(contacts, lang)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_CONTACTS_SHEET[lang])
    sheet.freeze_panes = "A2"
    last = column_letter(len(columns) - 1)
    sheet.auto_filter.ref = f"A1:{last}{len(contacts) + 1}"
    for index, column in enumerate(columns):
        sheet.column_dimensions[column_letter(index)].width = max(
            column.width, len(column.header(lang)) + 3
        )
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header(lang))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    getters = [c.value for c in columns]
    date_format = "DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD"
    total = len(contacts)
    for done, contact in enumerate(contacts):
        if done % 1000 == 0:
            options.progress.check()
            options.progress.report(total + done, total * 2, "")
        row: list[Any] = [get(contact) for get in getters]
        for i, value in enumerate(row):
            if value.__class__ is str:
                if not value:
                    row[i] = None  # no cell at all rather than an empty string cell
                elif value[0] in TRIGGER_CHARS:
                    row[i] = _text_cell(sheet, value)
            elif value.__class__ is date:
                cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
                cell.number_format = date_format
                row[i] = cell
        sheet.append(row)
    _lists_sheet(book, lang, contacts, lists)
    _save(book, out)
    options.progress.report(total * 2, total * 2, "")
    return total


def _text_cell(sheet: Any, value: str) -> Any:
    """A write-only cell that no spreadsheet evaluates (see ``cell_guard``)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    set_text(cell, value)
    return cell


def _guarded_cell(sheet: Any, value: str) -> Any:
    return _text_cell(sheet, value) if value and value[0] in TRIGGER_CHARS else value


def _lists_sheet(
    book: Any, lang: str, contacts: Sequence[SheetRow], lists: Iterable[tuple[str, str, int]]
) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    in_export: dict[str, int] = {}
    for contact in contacts:
        for name in contact.lists:
            in_export[name] = in_export.get(name, 0) + 1
    sheet = book.create_sheet(_LISTS_SHEET[lang])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCD", (36, 50, 24, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    bold = Font(bold=True)
    header = []
    for text in _LISTS_HEADERS[lang]:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for name, description, total in lists:
        sheet.append(
            [
                _guarded_cell(sheet, name),
                _guarded_cell(sheet, description),
                in_export.get(name, 0),
                total,
            ]
        )


def _save(book: Any, out: IO[bytes] | Path) -> None:
    if isinstance(out, Path):
        tmp = out.with_name(out.name + ".part")
        try:
            book.save(tmp)
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
        return
    buffer = io.BytesIO()
    book.save(buffer)
    out.write(buffer.getvalue())


# -- csv ------------------------------------------------------------------------------------------


def write_csv(contacts: Contacts, out: IO[bytes] | Path, options: ExportOptions) -> int:
    """``excel-fr``: UTF-8 with BOM and ``;`` (French Excel opens it as is); ``plain``:
    UTF-8 and ``,``. Dates as the dialect's readers expect them."""
    lang = _lang(options.language)
    french_excel = options.csv_dialect != "plain"
    delimiter = ";" if french_excel else ","
    encoding = "utf-8-sig" if french_excel else "utf-8"
    contacts = sheet_rows(contacts)
    columns = columns_for(contacts, lang, dates="fr" if french_excel else "iso")
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.header(lang) for c in columns])
    getters = [c.value for c in columns]
    total = len(contacts)
    for done, contact in enumerate(contacts):
        if done % 1000 == 0:
            options.progress.check()
            options.progress.report(total + done, total * 2, "")
        writer.writerow(
            [csv_guard("" if v is None else str(v)) for v in (get(contact) for get in getters)]
        )
    data = text.getvalue().encode(encoding)
    if isinstance(out, Path):
        tmp = out.with_name(out.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
    else:
        out.write(data)
    options.progress.report(total * 2, total * 2, "")
    return total


# -- registration ---------------------------------------------------------------------------------


def _list_rows(services: Services) -> list[tuple[str, str, int]]:
    return [(g.name, g.description, g.count) for g in services.lists.all()]


def export_xlsx(
    services: Services, ids: list[int], out: IO[bytes] | Path, options: ExportOptions
) -> int:
    """``EXPORTERS["xlsx"]``: the contacts sheet and a sheet of the lists."""
    with collector_steps(options.progress) as aside:
        contacts = read_rows(services, ids, options.progress, aside)
        try:
            return write_xlsx(contacts, out, options, _list_rows(services))
        finally:
            release_in_steps(contacts)


def export_csv(
    services: Services, ids: list[int], out: IO[bytes] | Path, options: ExportOptions
) -> int:
    """``EXPORTERS["csv"]``: the contacts sheet as CSV in the chosen dialect."""
    with collector_steps(options.progress) as aside:
        contacts = read_rows(services, ids, options.progress, aside)
        try:
            return write_csv(contacts, out, options)
        finally:
            release_in_steps(contacts)


EXPORTERS["xlsx"] = export_xlsx
EXPORTERS["csv"] = export_csv
