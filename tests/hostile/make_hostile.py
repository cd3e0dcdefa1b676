"""Hostile and broken files for the import command line (issue 18), made at test time.

Each ``Case`` writes its file(s) into a folder and says which exit codes are a clean outcome.
Nothing here is committed as data: ``python tests/hostile/make_hostile.py OUT_DIR [NAME...]``
writes the files to look at or to time by hand; ``test_hostile_files.py`` runs each through
``fiac-press-desk import`` in a child process under a memory and a time limit.

Sizes are those at which the faults of the issue showed (quadratic time, allocator aborts),
scaled where the fault shows already smaller, so that the whole suite stays within a minute or
two; ``--full`` writes the issue's own sizes.
"""

from __future__ import annotations

import base64
import io
import os
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

CRLF = "\r\n"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, bool], list[str]]  # (folder, full size) -> import arguments
    exits: frozenset[int] = frozenset({0, 1, 2})
    # Optional check of the outcome: (exit code, stdout, stderr, database path) -> problem or "".
    check: Callable[[int, str, str, Path], str] | None = None
    extra: tuple[str, ...] = ()  # options before the files
    tags: tuple[str, ...] = field(default_factory=tuple)


CASES: list[Case] = []


def case(
    name: str,
    exits: set[int] | None = None,
    check: Callable[[int, str, str, Path], str] | None = None,
    extra: tuple[str, ...] = (),
) -> Callable[[Callable[[Path, bool], list[str]]], Callable[[Path, bool], list[str]]]:
    def register(fn: Callable[[Path, bool], list[str]]) -> Callable[[Path, bool], list[str]]:
        CASES.append(Case(name, fn, frozenset(exits or {0, 1, 2}), check, extra))
        return fn

    return register


def then(check: Callable[[int, str, str, Path], str], extra: tuple[str, ...] | None = None) -> None:
    """Gives the case just registered its check (written after it, beside what it makes)."""
    last = CASES[-1]
    CASES[-1] = replace(last, check=check, extra=last.extra if extra is None else extra)


def card(*lines: str, version: str = "3.0") -> str:
    return CRLF.join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]) + CRLF


def write(folder: Path, name: str, data: bytes | str) -> list[str]:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return [str(path)]


def contacts(db: Path) -> list[tuple[str, str, list[str]]]:
    """(given, family, emails) of every contact of the database, read with sqlite3 alone."""
    import sqlite3

    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, given_name, family_name FROM contacts").fetchall()
        mails: dict[int, list[str]] = {}
        for cid, value in conn.execute("SELECT contact_id, value FROM contact_emails"):
            mails.setdefault(cid, []).append(value)
    return [(g, f, mails.get(cid, [])) for cid, g, f in rows]


def counts(expected: int) -> Callable[[int, str, str, Path], str]:
    def check(code: int, out: str, err: str, db: Path) -> str:
        found = len(contacts(db))
        return "" if found == expected else f"{found} contacts, expected {expected}"

    return check


# -- vCard --------------------------------------------------------------------------------------


@case("vcard-charset-unicode-escape", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    # 8-bit bytes (not UTF-8) so that the declared charset is used: the escapes then decode
    # to lone surrogates, which SQLite refuses.
    data = card(
        "N;CHARSET=unicode-escape:Esc\xe9\\ud800ape;Anne",
        "FN;CHARSET=raw-unicode-escape:Anne \xe9\\udcff",
        "EMAIL:anne@example.org",
    ) + card("FN:Bruno Suivant", "EMAIL:bruno@example.org")
    return write(folder, "unicode-escape.vcf", data.encode("latin-1"))


def _check_escape(code: int, out: str, err: str, db: Path) -> str:
    people = contacts(db)
    if len(people) != 2:
        return f"{len(people)} contacts, expected 2 (no card lost)"
    if "unicode-escape" not in err:
        return "the refused charset is not named"
    return ""


then(_check_escape)


@case("vcard-zero-bytes", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "empty.vcf", b"")


@case("vcard-no-card", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "nocard.vcf", "Hello,\r\nthis is a letter, not a vCard.\r\n")


@case("vcard-binary-garbage", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "garbage.vcf", bytes(range(256)) * 4096)


@case("vcard-folded-lines", {0, 1}, counts(1))
def _(folder: Path, full: bool) -> list[str]:
    n = 100_000 if full else 50_000
    note = "NOTE:start" + "".join(f"{CRLF} folded text {i}" for i in range(n))
    return write(folder, "folded.vcf", card("FN:Folded Notes", note))


@case("vcard-qp-continuations", {0, 1}, counts(1))
def _(folder: Path, full: bool) -> list[str]:
    n = 100_000 if full else 50_000
    note = "NOTE;ENCODING=QUOTED-PRINTABLE:start=" + "".join(
        f"{CRLF}=C3=A9t=C3=A9 {i}=" for i in range(n)
    )
    return write(folder, "qp.vcf", card("FN:QP Notes", note + CRLF + "end", version="2.1"))


@case("vcard-long-line", {0, 1}, counts(1))
def _(folder: Path, full: bool) -> list[str]:
    size = 16 << 20
    return write(folder, "longline.vcf", card("FN:Long Line", "NOTE:" + "x" * size))


@case("vcard-huge-photo", {0, 1}, counts(1))
def _(folder: Path, full: bool) -> list[str]:
    size = (60 if full else 24) << 20
    raw = base64.b64encode(b"\xff\xd8\xff" + os.urandom(size * 3 // 4)).decode("ascii")
    folded = CRLF.join(" " + raw[i : i + 74] for i in range(0, len(raw), 74))
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + CRLF + folded
    return write(folder, "photo.vcf", card("FN:Big Photo", "EMAIL:photo@example.org", photo))


def _one_uid(count: int) -> str:
    return "".join(
        card(
            "UID:urn:uuid:00000000-0000-0000-0000-000000000001",
            f"N:Person{i};Given{i};;;",
            f"FN:Given{i} Person{i}",
            f"EMAIL:person{i}@example.org",
        )
        for i in range(count)
    )


@case("vcard-one-uid-update", {0, 1}, extra=("--on-duplicate", "update"))
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "uid-update.vcf", _one_uid(100_000 if full else 20_000))


def _check_uid(expected: int) -> Callable[[int, str, str, Path], str]:
    def check(code: int, out: str, err: str, db: Path) -> str:
        people = contacts(db)
        if len(people) != expected:
            return f"{len(people)} contacts, expected {expected}: a shared UID is not identity"
        most = max(len(mails) for _, _, mails in people)
        return "" if most == 1 else f"one contact holds {most} e-mails"

    return check


then(_check_uid(20_000))


@case("vcard-one-uid-skip", {0, 1}, _check_uid(5_000))
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "uid-skip.vcf", _one_uid(5_000))


@case("vcard-not-a-property-line", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "notprop.vcf",
        card(
            "N:Martin;Julie;;;", "FN:Julie Martin", "THIS IS NOT A PROPERTY", "EMAIL:j@example.org"
        ),
    )


def _check_notprop(code: int, out: str, err: str, db: Path) -> str:
    people = contacts(db)
    if [(g, f) for g, f, _ in people] != [("Julie", "Martin")]:
        return f"names {people!r}: the stray line joined a value"
    return "" if "THIS IS NOT A PROPERTY" in err else "the stray line is not reported"


then(_check_notprop)


@case("vcard-escape-sequences-in-name", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "escapes.vcf",
        card("FN:Evil\x1b]0;pwned\x07\x1b[2J Name", "EMAIL:bad address\x1b[31m")
        + card("FN:\x1b[31mRed", "EMAIL:red@example.org", "TEL:voir standard"),
    )


def _check_escapes(code: int, out: str, err: str, db: Path) -> str:
    if "\x1b" in out or "\x1b" in err or "\x07" in err:
        return "a raw escape sequence reached the terminal"
    return ""


then(_check_escapes)


@case("vcard-many-cards-nested", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    begin = "BEGIN:VCARD" + CRLF + "VERSION:2.1" + CRLF
    return write(folder, "nested.vcf", begin * 50_000 + "FN:Deep" + CRLF)


@case("vcard-name-not-utf8", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    raw = os.path.join(os.fsencode(folder), b"caf\xe9-\xff.vcf")
    with open(raw, "wb") as handle:
        handle.write(card("FN:Anne Nomfichier", "EMAIL:anne.nom@example.org").encode())
    return [os.fsdecode(raw)]  # surrogate-escaped: the child gets the same bytes


@case("vcard-dash-name", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    (folder / "-x.vcf").write_text(card("FN:Dash Name", "EMAIL:dash@example.org"))
    return ["--", "-x.vcf"]  # the command runs in the case's folder


def _check_refused_as(word: str) -> Callable[[int, str, str, Path], str]:
    def check(code: int, out: str, err: str, db: Path) -> str:
        return "" if word in err else f"not refused as a {word}: {err!r}"

    return check


@case("folder-named-vcf", {2}, _check_refused_as("is a folder"))
def _(folder: Path, full: bool) -> list[str]:
    (folder / "dir.vcf").mkdir()
    return [str(folder / "dir.vcf")]


@case("fifo-named-vcf", {2}, _check_refused_as("is a named pipe"))
def _(folder: Path, full: bool) -> list[str]:
    os.mkfifo(folder / "pipe.vcf")
    return [str(folder / "pipe.vcf")]


@case("vcard-three-journalists-one-switchboard", {0}, counts(3))
def _(folder: Path, full: bool) -> list[str]:
    people = [("Alice", "Durand"), ("Bruno", "Petit"), ("Chloé", "Roux")]
    data = "".join(
        card(
            f"N:{family};{given};;;",
            f"FN:{given} {family}",
            "ORG:Le Quotidien",
            f"EMAIL:{given.lower()}@quotidien.example.fr",
            "TEL;TYPE=WORK:01 40 10 30 30",
        )
        for given, family in people
    )
    return write(folder, "switchboard.vcf", data)


# -- spreadsheets: workbooks --------------------------------------------------------------------

_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet_xml(rows: str, dimension: str = "A1:C3") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


def shared_xml(strings: list[str], count: int | None = None, unique: int | None = None) -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    c = len(strings) if count is None else count
    u = len(strings) if unique is None else unique
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{c}" uniqueCount="{u}">'
    return f"{head}{items}</sst>"


_HEADER_ROW = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="s"><v>2</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>'
    '<c r="C2" t="s"><v>5</v></c></row>'
)
_STRINGS = ["Nom", "Prénom", "Email", "Durand", "Alice", "alice@example.org"]


def xlsx(sheet: str, shared: str, chunks: list[tuple[str, bytes]] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in chunks or []:
            z.writestr(name, data)
    return out.getvalue()


@case("xlsx-lying-dimension")
def _(folder: Path, full: bool) -> list[str]:
    data = xlsx(sheet_xml(_HEADER_ROW, "A1:XFD1048576"), shared_xml(_STRINGS))
    return write(folder, "dimension.xlsx", data)


@case("xlsx-far-cell", {2})
def _(folder: Path, full: bool) -> list[str]:
    # A dense block of 17 billion cells for calamine, in 2 KB.
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    data = xlsx(sheet_xml(_HEADER_ROW + far, "A1:C2"), shared_xml(_STRINGS))
    return write(folder, "farcell.xlsx", data)


@case("xlsx-lying-shared-count")
def _(folder: Path, full: bool) -> list[str]:
    data = xlsx(sheet_xml(_HEADER_ROW), shared_xml(_STRINGS, 2_000_000_000, 2_000_000_000))
    return write(folder, "sstcount.xlsx", data)


@case("xlsx-zip-bomb-rows", {2})
def _(folder: Path, full: bool) -> list[str]:
    # Streamed into the archive: a few MB on disk, gigabytes of sheet XML once inflated with
    # --full (12 GB: minutes to write); 40 MB by default, refused by its compression ratio.
    path = folder / "bomb.xlsx"
    rows = 4_000_000 if full else 9_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/sharedStrings.xml", shared_xml(_STRINGS))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet {_NS}><sheetData>'.encode())
            cells = "".join(f'<c t="s"><v>{i % 6}</v></c>' for i in range(200)).encode()
            block = b"".join(b"<row>" + cells + b"</row>" for _ in range(1000))
            for _ in range(rows // 1000):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return [str(path)]


@case("xlsx-huge-shared-string")
def _(folder: Path, full: bool) -> list[str]:
    # random letters: the archive stays small by its size, not by a suspicious ratio
    big = base64.b64encode(os.urandom(48 << 20)).decode("ascii").replace("+", "x").replace("/", "y")
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>6</v></c></row>' for r in range(3, 67))
    data = xlsx(sheet_xml(_HEADER_ROW + cells, "A1:C66"), shared_xml([*_STRINGS, big]))
    return write(folder, "bigstring.xlsx", data)


@case("xlsx-million-columns")
def _(folder: Path, full: bool) -> list[str]:
    rows = "".join(
        "<row>"
        + "".join(f"<c><v>{int.from_bytes(os.urandom(3))}</v></c>" for _ in range(16_384))
        + "</row>"
        for _ in range(64)
    )
    return write(folder, "wide.xlsx", xlsx(sheet_xml(rows, "A1:XFD64"), shared_xml(_STRINGS)))


@case("xlsx-not-a-zip", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "notzip.xlsx", b"PK\x03\x04" + os.urandom(4000))


@case("xlsx-truncated", {1, 2})
def _(folder: Path, full: bool) -> list[str]:
    data = xlsx(sheet_xml(_HEADER_ROW), shared_xml(_STRINGS))
    return write(folder, "truncated.xlsx", data[: len(data) // 2])


@case("xlsx-zero-bytes", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "zero.xlsx", b"")


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


@case("ods-zip-bomb", {2})
def _(folder: Path, full: bool) -> list[str]:
    path = folder / "bomb.ods"
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        with z.open("content.xml", "w", force_zip64=True) as content:
            content.write(
                f'<?xml version="1.0"?><office:document-content {ns}><office:body>'
                '<office:spreadsheet><table:table table:name="S">'.encode()
            )
            row = (
                b"<table:table-row>"
                + b"<table:table-cell><text:p>x</text:p></table:table-cell>" * 100
                + b"</table:table-row>"
            )
            block = row * 1000
            for _ in range(2000 if full else 10):  # 10 GB with --full, else 50 MB
                content.write(block)
            content.write(
                b"</table:table></office:spreadsheet></office:body></office:document-content>"
            )
    return [str(path)]


@case("ods-repeated-cells-bomb")
def _(folder: Path, full: bool) -> list[str]:
    # One cell repeated a billion times: tiny on disk, a lying "dimension" of its own kind.
    path = folder / "repeat.ods"
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        z.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:spreadsheet>'
            '<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000">'
            '<table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p>'
            "</table:table-cell></table:table-row></table:table></office:spreadsheet>"
            "</office:body></office:document-content>",
        )
    return [str(path)]


# -- spreadsheets: text and markup --------------------------------------------------------------


@case("csv-huge-cell-then-row", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    size = (50 if full else 20) << 20
    data = (
        "Nom;Prénom;Email\r\n"
        "Durand;Alice;alice@example.org\r\n"
        f"Grand;{'x' * size};grand@example.org\r\n"
        "Petit;Bruno;bruno@example.org\r\n"
    )
    return write(folder, "hugecell.csv", data)


def _check_after_huge(code: int, out: str, err: str, db: Path) -> str:
    names = sorted(f for _, f, _ in contacts(db))
    if "Petit" not in names or "Durand" not in names:
        return f"names {names}: a row around the refused cell was lost"
    return ""


then(_check_after_huge)


@case("csv-one-huge-line", {1, 2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "oneline.csv", "a;" * (5 << 20))


@case("csv-huge-header-cells", {0, 1, 2})
def _(folder: Path, full: bool) -> list[str]:
    big = "y" * (10 << 20)
    data = f'"{big}";"{big}"\r\n' * 3 + "Nom;Prénom;Email\r\nDurand;Alice;alice@example.org\r\n"
    return write(folder, "bigheader.csv", data)


@case("csv-nul-bytes", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "nul.csv", b"Nom;Email\r\n\x00\x00\x00Durand;d@example.org\r\n" * 10)


@case("csv-zero-bytes", {2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "zero.csv", b"")


@case("csv-bad-values-kept", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "badvalues.csv",
        "Nom;Prénom;Email;Téléphone\r\n"
        "Durand;Alice;alice@example.org;voir standard\r\n"
        "Petit;Bruno;pas une adresse;01 40 10 30 30\r\n",
    )


def _check_bad_values(code: int, out: str, err: str, db: Path) -> str:
    people = contacts(db)
    if len(people) != 2:
        return f"{len(people)} contacts, expected 2: a bad value cost a person"
    return ""


then(_check_bad_values)


@case("html-huge-header-cells", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    # HTML cells have no length limit: three rows of 10 MiB cells above the header.
    big = "y" * (10 << 20)
    rows = f"<tr><td>{big}</td><td>{big}</td></tr>" * 3
    data = (
        f"<html><body><table>{rows}<tr><td>Nom</td><td>Prénom</td><td>Email</td></tr>"
        "<tr><td>Durand</td><td>Alice</td><td>alice@example.org</td></tr></table></body></html>"
    )
    return write(folder, "bigheader.html", data)


@case("html-nested-tables", {0, 1, 2})
def _(folder: Path, full: bool) -> list[str]:
    n = 100_000 if full else 30_000
    data = (
        "<html><body>" + "<table><tr><td>" * n + "x" + "</td></tr></table>" * n + "</body></html>"
    )
    return write(folder, "nested.xls", data)


@case("html-many-tables", {0, 1, 2})
def _(folder: Path, full: bool) -> list[str]:
    n = 100_000 if full else 30_000
    data = "<html><body>" + "<table><tr><td>a</td></tr></table>" * n + "</body></html>"
    return write(folder, "tables.html", data)


# -- e-mail -------------------------------------------------------------------------------------


def eml(headers: bytes, body: bytes = b"Bonjour,\r\nune question.\r\n") -> bytes:
    return headers + b"\r\n" + body


@case("eml-latin1-sender-name", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "latin1.eml",
        eml(
            b"From: Ren\xe9e L\xe9vy <renee@example.org>\r\nSubject: Caf\xe9\r\n"
            b"Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nMessage-ID: <l1@example.org>\r\n"
        ),
    ) + _second_eml(folder)


def _second_eml(folder: Path) -> list[str]:
    return write(
        folder,
        "zz-second.eml",
        eml(
            b"From: Second Sender <second@example.org>\r\nSubject: ok\r\n"
            b"Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nMessage-ID: <second@example.org>\r\n"
        ),
    )


def _check_both_eml(code: int, out: str, err: str, db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        n = conn.execute("SELECT count(*) FROM enquiries").fetchone()[0]
    return "" if n == 2 else f"{n} enquiries, expected 2"


then(_check_both_eml)


@case("eml-misdeclared-encoded-word", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "misdeclared.eml",
        eml(
            b"From: =?utf-8?q?Ren=E9e_L=E9vy?= <renee2@example.org>\r\n"
            b"Subject: =?utf-8?b?" + base64.b64encode(b"Caf\xe9 \xed\xa0\x80") + b"?=\r\n"
            b"Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nMessage-ID: <m1@example.org>\r\n"
        ),
    ) + _second_eml(folder)


then(_check_both_eml)


@case("eml-date-overflow", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "overflow.eml",
        eml(
            b"From: Far Future <future@example.org>\r\nSubject: later\r\n"
            b"Date: 31 Dec 9999 23:59:59 -2359\r\nMessage-ID: <f1@example.org>\r\n"
        ),
    ) + _second_eml(folder)


then(_check_both_eml)


@case("eml-many-encoded-words", {0, 1})
def _(folder: Path, full: bool) -> list[str]:
    size = 4 << 20
    word = b"=?utf-8?q?caf=C3=A9?= "
    subject = b"Subject: " + word * (size // len(word)) + b"\r\n"
    return write(
        folder,
        "words.eml",
        eml(
            b"From: Words <words@example.org>\r\n"
            + subject
            + b"Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nMessage-ID: <w1@example.org>\r\n"
        ),
    )


@case("eml-escape-sequences", {0, 1, 2})
def _(folder: Path, full: bool) -> list[str]:
    return write(
        folder,
        "escape.eml",
        eml(
            b"From: \x1b[2JEvil <evil@example.org>\r\nSubject: \x1b]0;title\x07x\r\n"
            b"Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nMessage-ID: <e1@example.org>\r\n"
        ),
    )


then(_check_escapes, extra=("--dry-run",))


@case("eml-zero-bytes", {1, 2})
def _(folder: Path, full: bool) -> list[str]:
    return write(folder, "zero.eml", b"")


@dataclass
class Outcome:
    code: int | None  # None: killed by the time limit
    out: str
    err: str
    seconds: float
    max_rss_mb: float
    signal: int | None = None


def run_case(
    c: Case, folder: Path, *, full: bool = False, memory_mb: int = 2048, timeout: float = 60.0
) -> Outcome:
    """``fiac-press-desk import`` of the case's files in a child process whose address space
    is limited to ``memory_mb`` and whose time to ``timeout`` seconds."""
    import resource
    import subprocess
    import time

    folder.mkdir(parents=True, exist_ok=True)
    files = c.make(folder, full)
    db = folder / "desk.sqlite3"

    def limit() -> None:
        size = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    env = dict(os.environ)
    env.update(
        FIAC_PRESS_DESK_DATA_DIR=str(folder / "userdata"),
        XDG_CONFIG_HOME=str(folder / "config"),
        PYTHONFAULTHANDLER="",
    )
    env.pop("FIAC_PRESS_DESK_DB", None)
    argv = [sys.executable, "-m", "fiac_press_desk", "--lang", "en", "--db", str(db), "import"]
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        proc = subprocess.run(
            [*argv, *c.extra, *files],
            cwd=folder,
            env=env,
            preexec_fn=limit,
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return Outcome(
            None,
            (exc.stdout or b"").decode("utf-8", "replace"),
            (exc.stderr or b"").decode("utf-8", "replace"),
            time.perf_counter() - start,
            0.0,
        )
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    code = proc.returncode
    return Outcome(
        code if code >= 0 else None,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        seconds,
        max(rss, before) / 1024,
        -code if code < 0 else None,
    )


def problems(c: Case, outcome: Outcome, db: Path) -> list[str]:
    """What is not clean about an outcome: exit code, traceback, reason lines, the case's
    own check."""
    found = []
    if outcome.code is None:
        what = f"signal {outcome.signal}" if outcome.signal else "time limit"
        found.append(f"killed ({what}) after {outcome.seconds:.1f} s")
        return found
    if outcome.code not in c.exits:
        found.append(f"exit {outcome.code}, expected one of {sorted(c.exits)}")
    if "Traceback" in outcome.err or "Traceback" in outcome.out:
        found.append("traceback: " + outcome.err[-600:])
    if outcome.code == 2:
        lines = [line for line in outcome.err.splitlines() if line.strip()]
        if len(lines) != 1:
            found.append(f"exit 2 with {len(lines)} lines on stderr, expected one reason")
    if c.check is not None and not found:
        problem = c.check(outcome.code, outcome.out, outcome.err, db)
        if problem:
            found.append(problem)
    return found


def main(argv: list[str]) -> int:
    full = "--full" in argv
    args = [a for a in argv if a != "--full"]
    if not args:
        print(__doc__)
        print("cases:", ", ".join(c.name for c in CASES))
        return 2
    run = "--run" in args
    args = [a for a in args if a != "--run"]
    out = Path(args[0])
    wanted = set(args[1:])
    for c in CASES:
        if wanted and c.name not in wanted:
            continue
        folder = out / c.name
        folder.mkdir(parents=True, exist_ok=True)
        if not run:
            print(c.name, *c.extra, *c.make(folder, full))
            continue
        outcome = run_case(c, folder, full=full)
        found = problems(c, outcome, folder / "desk.sqlite3")
        last = (outcome.err.strip().splitlines() or [""])[-1][:140]
        verdict = "OK" if not found else "FAIL: " + "; ".join(found)[:300]
        print(
            f"{c.name:42} exit {outcome.code!s:4} {outcome.seconds:6.1f} s "
            f"{outcome.max_rss_mb:7.0f} MB  {verdict}"
            f"\n{'':42} {last!r}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
