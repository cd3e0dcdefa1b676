"""Content lines read (fast path and vobject) and written (escaping, folding)."""

from __future__ import annotations

import pytest

from fiac_press_desk.interchange import vcard_content as vc


def test_fast_path_reads_group_name_parameters_and_value_bytes() -> None:
    prop = vc.parse_content_line(b"item1.EMAIL;type=INTERNET;type=pref:a@example.org", 7)
    assert prop is not None
    assert (prop.group, prop.name, prop.raw, prop.line) == ("item1", "EMAIL", b"a@example.org", 7)
    assert prop.params == {"TYPE": ["INTERNET", "pref"]}
    assert prop.types == {"INTERNET", "PREF"}


def test_bare_21_parameters_become_types_and_encodings() -> None:
    prop = vc.parse_content_line(b"TEL;WORK;VOICE;QUOTED-PRINTABLE:01 40", 1)
    assert prop is not None
    assert prop.params == {"TYPE": ["WORK", "VOICE"], "ENCODING": ["QUOTED-PRINTABLE"]}
    assert prop.encoding == "QUOTED-PRINTABLE"


def test_quoted_parameter_values_go_through_vobject() -> None:
    line = b'ADR;TYPE="work,voice";LABEL="1 rue A\\n75000 Paris; France":;;1 rue A;Paris'
    prop = vc.parse_content_line(line, 3)
    assert prop is not None
    assert prop.name == "ADR"
    assert prop.types == {"WORK", "VOICE"}
    assert prop.param("LABEL") == "1 rue A\\n75000 Paris; France"
    assert prop.raw == b";;1 rue A;Paris"


def test_empty_parameters_are_tolerated() -> None:
    prop = vc.parse_content_line(b"ADR;HOME;PREF;:;;Street;City", 1)
    assert prop is not None and prop.types == {"HOME", "PREF"} and prop.raw == b";;Street;City"


@pytest.mark.parametrize("line", [b"no colon here", b":value without name", b"A B:c"])
def test_lines_that_are_not_properties(line: bytes) -> None:
    assert vc.parse_content_line(line, 1) is None


def test_unescape_and_split() -> None:
    assert vc.unescape(r"a\nb\, c\; d\\e\Nf C:\Users") == "a\nb, c; d\\e\nf C:\\Users"
    assert vc.split_escaped(r"a\;b;c\\;d", ";") == [r"a\;b", "c\\\\", "d"]
    assert vc.structured(r"Doe;John;Philip,Paul;Dr.;Jr.\, M.D.") == [
        ["Doe"],
        ["John"],
        ["Philip", "Paul"],
        ["Dr."],
        ["Jr., M.D."],
    ]
    assert vc.structured("Gump;Forrest, Jr.", lists=False) == [["Gump"], ["Forrest, Jr."]]
    assert vc.text_list(r"santé,IA\, données, ,x") == ["santé", "IA, données", "x"]


def test_escape_per_version() -> None:
    assert vc.escape("a,b;c\\d\ne", "3.0") == "a\\,b\\;c\\\\d\\ne"
    assert vc.escape("a,b;c\\d\ne", "2.1") == "a,b\\;c\\\\d\ne"


def test_fold_keeps_75_octets_and_never_cuts_a_character() -> None:
    text = "NOTE:" + "é" * 100 + "x" * 50
    folded = vc.fold(text)
    lines = folded.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    for line in lines[:-1]:
        line.decode("utf-8")  # each physical line is whole UTF-8
    assert b"".join(line[1:] if i else line for i, line in enumerate(lines[:-1])) == text.encode()
    assert vc.fold("FN:short") == b"FN:short\r\n"


def test_fold_qp_soft_breaks_never_split_escapes_nor_start_with_space() -> None:
    value = ("Crème brûlée " * 12).encode("utf-8")
    out = vc.fold_qp("NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", value)
    lines = out.split(b"\r\n")[:-1]
    assert all(len(line) <= 76 for line in lines)
    assert all(line.endswith(b"=") for line in lines[:-1])
    assert not any(line[:1] in (b" ", b"\t") for line in lines[1:])
    import binascii

    joined = b"".join(line[:-1] for line in lines[:-1]) + lines[-1]
    assert binascii.a2b_qp(joined.split(b":", 1)[1]) == value
    assert vc.fold_qp("N:", b"a ").endswith(b"a=20\r\n")  # a last space is encoded


def test_quote_param() -> None:
    assert vc.quote_param("work") == "work"
    assert vc.quote_param("a;b") == '"a;b"'
