"""Fuzzing the parsers of files from outside (issue 18): the vCard reader, the CSV reader and
the e-mail reader, over generated inputs, a fixed number of cases (derandomized: the same
cases on every run, so CI is reproducible). What holds for every input: no exception but the
parser's own "cannot read this file" error; every text valid Unicode (no lone surrogate: SQLite
refuses them); records that go through validation come out stored or refused, never raising.

hypothesis rather than atheris: pure Python, shrinks a failure to a small input, and runs in
the ordinary test suite.
"""

from __future__ import annotations

import io
import re
from dataclasses import fields
from functools import reduce
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress
from fiac_press_desk.domain.contact_changes import merge_data
from fiac_press_desk.interchange.eml import EmlError, parse_eml
from fiac_press_desk.interchange.pipeline import _validated, merge_all
from fiac_press_desk.interchange.records import (
    ImportGroup,
    ImportNotice,
    ImportProblem,
    ImportRecord,
)
from fiac_press_desk.interchange.spreadsheet_import import parse_spreadsheet
from fiac_press_desk.interchange.spreadsheet_mapping import MappingError
from fiac_press_desk.interchange.spreadsheet_read import SpreadsheetError
from fiac_press_desk.interchange.vcard_import import parse_vcard_stream
from fiac_press_desk.interchange.vcard_split import _LINE_END, physical_lines

CASES = settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_SURROGATE = re.compile("[\ud800-\udfff]")

pytestmark = pytest.mark.fuzz


def _texts(data: ContactData) -> list[str]:
    out: list[str] = []
    for f in fields(ContactData):
        value = getattr(data, f.name)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            for item in value:
                out += [item] if isinstance(item, str) else [str(v) for v in vars_of(item)]
    return out


def vars_of(item: object) -> list[object]:
    return [getattr(item, name) for name in getattr(item, "__slots__", ())]


def _valid(text: str) -> bool:
    return not _SURROGATE.search(text)


# -- vCard ----------------------------------------------------------------------------------------

_VCARD_PIECES = st.sampled_from(
    [
        b"BEGIN:VCARD",
        b"END:VCARD",
        b"VERSION:2.1",
        b"VERSION:3.0",
        b"FN:Anne Exemple",
        b"N:Exemple;Anne;;;",
        b"EMAIL;TYPE=INTERNET:anne@example.org",
        b"EMAIL:not an address",
        b"TEL;WORK:01 40 10 30 30",
        b"TEL:voir standard",
        b"NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9=",
        b"NOTE;CHARSET=unicode-escape:\xe9\\ud800",
        b"N;CHARSET=raw-unicode-escape:\xff\\udcff;x",
        b"FN;CHARSET=shift_jis:\x82\xa0",
        b"ORG:Le Quotidien;R\xe9daction",
        b"PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ",
        b" folded continuation",
        b"\tfolded with a tab",
        b"=C3=A9 soft",
        b"THIS IS NOT A PROPERTY",
        b"UID:urn:uuid:1",
        b"BDAY:31/02/1980",
        b"item1.EMAIL:x@example.org",
        b"item1.X-ABLabel:_$!<Other>!$_",
        b"",
        b"#comment",
        b"END:VCARDBEGIN:VCARD",
    ]
)
_LINE_ENDS = st.sampled_from([b"\r\n", b"\n", b"\r", b"\r\r\n"])


@st.composite
def vcard_files(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.one_of(_VCARD_PIECES, st.binary(max_size=40)), max_size=40))
    end = draw(_LINE_ENDS)
    data = end.join(lines)
    if draw(st.booleans()):
        data = data.decode("utf-8", "replace").encode(
            draw(st.sampled_from(["utf-16", "utf-8-sig"]))
        )
    return data


@CASES
@given(vcard_files(), st.integers(min_value=1, max_value=64))
def test_vcard_reader_never_raises_and_gives_valid_text(data: bytes, chunk: int) -> None:
    class Chunked(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            return super().read(min(chunk, size) if size and size > 0 else chunk)

    for index, item in enumerate(parse_vcard_stream(Chunked(data), "fuzz.vcf")):
        assert isinstance(item, ImportRecord | ImportProblem | ImportGroup)
        if isinstance(item, ImportProblem):
            assert item.message and _valid(item.message)
            continue
        if isinstance(item, ImportGroup):  # a group card: a list's name and its members
            assert _valid(item.name)
            continue
        assert all(_valid(t) for t in _texts(item.data)), item.data
        assert all(_valid(w) for w in item.warnings)
        planned = _validated(index, item)  # validation with salvage: never raises
        assert planned.data is not None or planned.message


@CASES
@given(st.lists(st.binary(max_size=12), max_size=30))
def test_line_reader_matches_one_split_of_the_whole_file(chunks: list[bytes]) -> None:
    """The streaming line reader gives the lines of one regular-expression split of the
    whole file, wherever the chunks cut it (CR LF across two chunks included)."""
    whole = b"".join(chunks)
    expected = _LINE_END.split(whole) if whole else []
    if expected and expected[-1] == b"":
        expected.pop()
    assert [line for _, line in physical_lines(chunks)] == expected


# -- CSV ------------------------------------------------------------------------------------------

_CELLS = st.sampled_from(
    [
        "Nom",
        "Prénom",
        "Email",
        "Téléphone",
        "Organisme",
        "Durand",
        "Alice",
        "alice@example.org",
        "pas une adresse",
        "01 40 10 30 30",
        "voir standard",
        '"quoted; cell"',
        '"unclosed',
        "=cmd|' /C calc'!A0",
        "\x00",
        "",
        "x" * 300,
    ]
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    sep = draw(st.sampled_from([";", ",", "\t"]))
    rows = draw(st.lists(st.lists(_CELLS, max_size=8), max_size=12))
    text = "\r\n".join(sep.join(row) for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = text.encode(encoding, "replace")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=30))
    return data


@CASES
@given(data=csv_files())
def test_csv_reader_never_raises_but_its_own_errors(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        items = list(parse_spreadsheet(path))
    except (SpreadsheetError, MappingError) as exc:
        assert str(exc)
        return
    for index, item in enumerate(items):
        assert isinstance(item, ImportRecord | ImportProblem | ImportNotice)
        if isinstance(item, ImportNotice):  # what the sheet says as a whole
            assert item.message and _valid(item.message)
        if isinstance(item, ImportRecord):
            assert all(_valid(t) for t in _texts(item.data))
            _validated(index, item)


# -- e-mail ---------------------------------------------------------------------------------------

_HEADERS = st.sampled_from(
    [
        b"From: Ren\xe9e L\xe9vy <renee@example.org>",
        b"From: =?utf-8?q?Ren=E9e?= <r@example.org>",
        b"From: \x1b[2JEvil <evil@example.org>",
        b"From: nobody",
        b"Subject: =?utf-8?b?" + b"w6k=" + b"?=",
        b"Subject: " + b"=?utf-8?q?caf=C3=A9?= " * 50,
        b"Subject: =?unknown-8bit?q?=E9?=",
        b"Subject: =?utf-7?q?+AOk-?=",
        b"Date: 31 Dec 9999 23:59:59 -2359",
        b"Date: 1 Jan 0001 00:00:00 +2359",
        b"Date: garbage",
        b"Message-ID: <x@example.org>",
        b"Content-Type: text/plain; charset=unicode-escape",
        b"Content-Type: text/plain; charset=nonsense",
        b"Content-Type: multipart/mixed; boundary=b",
        b"Content-Transfer-Encoding: base64",
        b"Received: from x; 31 Dec 9999 23:59:59 -2359",
    ]
)


@st.composite
def eml_files(draw: st.DrawFn) -> bytes:
    headers = draw(st.lists(st.one_of(_HEADERS, st.binary(max_size=30)), max_size=10))
    body = draw(st.one_of(st.binary(max_size=80), st.just(b"--b\r\n\r\nhello\r\n--b--\r\n")))
    return b"\r\n".join(headers) + b"\r\n\r\n" + body


@CASES
@given(eml_files())
def test_email_reader_never_raises_but_its_own_error(data: bytes) -> None:
    try:
        parsed = parse_eml(data)
    except EmlError as exc:
        assert str(exc)
        return
    texts = [parsed.sender_name, parsed.sender_address, parsed.subject, parsed.body]
    texts += [parsed.message_id, *parsed.to, *parsed.attachments]
    assert all(_valid(t) for t in texts)


# -- merging many records into one ----------------------------------------------------------------

_NAMES = st.sampled_from(["", "Anne", "Bruno", "Chloé"])
_MAILS = st.sampled_from(["a@example.org", "B@example.org", "b@example.org", "c@example.org"])
_NOTES = st.sampled_from(["", "une note", "note", "autre"])


@st.composite
def contacts(draw: st.DrawFn) -> ContactData:
    return ContactData(
        given_name=draw(_NAMES),
        family_name=draw(_NAMES),
        organization=draw(st.sampled_from(["", "Le Quotidien"])),
        emails=[EmailAddress(m) for m in draw(st.lists(_MAILS, max_size=3))],
        phones=[Phone(p) for p in draw(st.lists(st.sampled_from(["+331", "+332"]), max_size=2))],
        addresses=[PostalAddress(city=c) for c in draw(st.lists(_NAMES, max_size=2))],
        tags=draw(st.lists(st.sampled_from(["Santé", "sante", "Tech"]), max_size=3)),
        notes=draw(_NOTES),
        opted_out=draw(st.booleans()),
    )


@CASES
@given(contacts(), st.lists(contacts(), max_size=6))
def test_merge_all_is_merge_data_one_after_the_other(
    keep: ContactData, others: list[ContactData]
) -> None:
    assert merge_all(keep, others) == reduce(merge_data, others, keep)
