"""Bytes to text: transport encodings, declared charsets, and guesses that always say so."""

from __future__ import annotations

import codecs
import io

import pytest

from fiac_press_desk.interchange.vcard_decode import (
    CharsetGuesser,
    byte_chunks,
    codec_name,
    decode_declared,
    decode_qp,
    display_charset,
    sniff_transport,
)

TEXT = "BEGIN:VCARD\r\nFN:Zoé Œuvre Ελληνικά\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + b"BEGIN:VCARD", (None, 3)),
        (codecs.BOM_UTF16_LE + "BEGIN".encode("utf-16-le"), ("utf-16-le", 2)),
        (codecs.BOM_UTF16_BE + "BEGIN".encode("utf-16-be"), ("utf-16-be", 2)),
        (codecs.BOM_UTF32_LE + "BEGIN".encode("utf-32-le"), ("utf-32-le", 4)),
        ("BEGIN:VCARD".encode("utf-16-le"), ("utf-16-le", 0)),
        ("BEGIN:VCARD".encode("utf-16-be"), ("utf-16-be", 0)),
        (b"BEGIN:VCARD\r\nFN:H\xe9l\xe8ne", (None, 0)),
    ],
)
def test_sniff_transport(data: bytes, expected: tuple[str | None, int]) -> None:
    assert sniff_transport(data) == expected


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-16-le", True),
        ("utf-16-le", False),
        ("utf-16-be", True),
        ("utf-16-be", False),
        ("utf-32-le", True),  # UTF-32 is recognised by its BOM only
    ],
)
def test_byte_chunks_transcode_to_utf8_across_chunk_boundaries(codec: str, bom: bool) -> None:
    data = (("\ufeff" if bom else "") + TEXT * 50).encode(codec)
    out = b"".join(byte_chunks(io.BytesIO(data), chunk_size=7))  # odd size: cuts characters
    assert out.decode("utf-8") == TEXT * 50


def test_byte_chunks_pass_8bit_and_utf8_through_without_bom() -> None:
    raw = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    assert b"".join(byte_chunks(io.BytesIO(raw), chunk_size=5)) == TEXT.encode("utf-8")
    latin = "FN:Hélène\r\n".encode("cp1252")
    assert b"".join(byte_chunks(io.BytesIO(latin))) == latin
    assert list(byte_chunks(io.BytesIO(b""))) == []


def test_codec_name_knows_charsets_and_refuses_the_rest() -> None:
    assert codec_name("Windows-1252") == "cp1252"
    assert codec_name('"SHIFT_JIS"') == "shift_jis"
    assert codec_name("utf-8") == "utf-8"
    for bad in ("BLABLA", "Murks", "invalid-encoding", "base64", "rot13", ""):
        assert codec_name(bad) is None


def test_decode_qp_joins_a_character_split_by_a_soft_break() -> None:
    joined = b"B=C3=A9rang=C3" + b"=A8re"  # the splitter removed "=\r\n" between the halves
    assert decode_qp(joined).decode("utf-8") == "Bérangère"
    assert decode_qp(b"L=E4mmerweg 12=0D=0A98765").decode("cp1252") == "Lämmerweg 12\r\n98765"


def test_decode_declared() -> None:
    assert decode_declared(b"plain", None) == "plain"
    assert decode_declared("Zoé".encode(), "cp1252") == "Zoé"  # valid UTF-8 wins
    assert decode_declared("Zoé".encode("cp1252"), "cp1252") == "Zoé"
    assert decode_declared("Zoé".encode("cp1252"), None) is None  # must be guessed
    assert decode_declared(b"\x81\x8d", "cp1252") is None  # does not fit the declared one
    cut = "Zoé Chloé".encode()[:-1]  # a truncated file: UTF-8 up to the cut
    assert decode_declared(cut, "utf-8") == "Zoé Chlo\ufffd"
    assert decode_declared("Chloé".encode()[:-1], "utf-8") is None  # no evidence: guessed


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Hélène Lefèvre, rédactrice", "cp1252"),
        ("François Garçon", "cp1252"),
        ("Małgorzata Wróblewska, Łódź", "cp1250"),
        ("Анна Смирнова, журналист", "cp1251"),
        ("Βαγγέλης Παπαθανασίου", "cp1253"),
        ("אפרים קישון", "cp1255"),
        ("山田太郎 やまだ たろう", "shift_jis"),
    ],
)
def test_guesser_reads_names_in_their_script(text: str, charset: str) -> None:
    raw = text.encode(charset)
    chosen = CharsetGuesser().choose(raw)
    assert raw.decode(chosen) == text


def test_guesser_prefers_a_charset_the_card_declares_elsewhere() -> None:
    raw = "Βαγγέλης".encode("cp1253")
    assert CharsetGuesser().choose(raw, ["cp1253"]) == "cp1253"
    # ...and a forced one above all
    assert CharsetGuesser("windows-1251").choose(raw, ["cp1253"]) == "cp1251"


def test_guesser_keeps_the_file_habit_when_it_is_plausible() -> None:
    guesser = CharsetGuesser()
    guesser.note_declared("cp1250")
    # "Renée Clément" is as plausible in Windows-1250 as in 1252: the file's habit decides.
    assert guesser.choose("Renée Clément".encode("cp1250")) == "cp1250"
    # but not against clear evidence of another script
    assert guesser.choose("Анна Смирнова, журналист".encode("cp1251")) == "cp1251"


def test_display_charset() -> None:
    assert display_charset("cp1252") == "Windows-1252"
    assert display_charset("shift_jis") == "Shift_JIS"
    assert display_charset("koi8-r") == "KOI8-R"
