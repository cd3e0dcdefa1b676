"""Cards found on the raw structure of a file, whatever its line ends and its mistakes."""

from __future__ import annotations

from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.vcard_split import (
    RawCard,
    StrayBlock,
    physical_lines,
    split_cards,
)


def cards(data: bytes, chunk: int = 4096) -> list[RawCard | StrayBlock]:
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)]
    return list(split_cards(chunks))


def props(card: RawCard | StrayBlock) -> list[tuple[int, bytes]]:
    assert isinstance(card, RawCard)
    return card.lines


def test_line_ends_cr_lf_crlf_and_crcrlf_count_one_line_each() -> None:
    data = b"a\rb\nc\r\nd\r\r\ne"
    assert list(physical_lines([data])) == [(1, b"a"), (2, b"b"), (3, b"c"), (4, b"d"), (5, b"e")]


def test_a_crlf_cut_between_two_chunks_is_one_line_end() -> None:
    assert list(physical_lines([b"a\r", b"\nb\r\r", b"\nc"])) == [(1, b"a"), (2, b"b"), (3, b"c")]


def test_folded_lines_are_joined_and_keep_their_first_line_number() -> None:
    (card,) = cards(b"BEGIN:VCARD\nNOTE:un\n  deux\n\ttrois\nFN:X\nEND:VCARD\n", chunk=3)
    assert props(card) == [(2, b"NOTE:un deuxtrois"), (5, b"FN:X")]
    assert isinstance(card, RawCard) and (card.first_line, card.last_line) == (1, 6)


def test_quoted_printable_soft_breaks_skip_blank_lines_and_keep_data_spaces() -> None:
    data = (
        b"BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=\r\n\r\n=A9 au=\r\n lait=0D=\r\n"
        b" =0Afin\r\nFN;QUOTED-PRINTABLE:a=\r\n# pas un commentaire\r\nEND:VCARD\r\n"
    )
    (card,) = cards(data)
    assert props(card) == [
        (2, b"NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 au lait=0D=0Afin"),
        (7, b"FN;QUOTED-PRINTABLE:a# pas un commentaire"),
    ]


def test_comment_lines_and_blank_lines_are_skipped() -> None:
    (card,) = cards(b"BEGIN:VCARD\n# note\nFN:A\n\n#x:y\nEND:VCARD\n")
    assert props(card) == [(3, b"FN:A")]


def test_line_without_colon_continues_the_line_before() -> None:
    (card,) = cards(b"BEGIN:VCARD\nPHOTO;BASE64:AAAA\nBBBB\nCC==\nFN:A\nEND:VCARD\n")
    assert props(card) == [(2, b"PHOTO;BASE64:AAAABBBBCC=="), (5, b"FN:A")]


def test_glued_end_and_begin_split_into_two_cards() -> None:
    found = cards(b"BEGIN:VCARD\nFN:A\nEND:VCARDBEGIN:VCARD\nFN:B\nend:vcard\n")
    assert [props(c) for c in found] == [[(2, b"FN:A")], [(4, b"FN:B")]]
    assert all(not c.warnings for c in found if isinstance(c, RawCard))


def test_missing_end_is_closed_by_the_next_card_or_the_end_of_file() -> None:
    set_language("en")
    found = cards(
        b"BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\nBEGIN:VCARD\nFN:C\n"
        b"BEGIN:VCARD\nFN:D\nEND:VCARD\n"
    )
    by_name = {props(c)[0][1]: c for c in found}
    assert set(by_name) == {b"FN:A", b"FN:B", b"FN:C", b"FN:D"}
    assert by_name[b"FN:B"].warnings == [] and by_name[b"FN:D"].warnings == []
    assert by_name[b"FN:C"].warnings == ["Card without END:VCARD (it stops at line 7)."]
    assert by_name[b"FN:A"].warnings == ["Card without END:VCARD (it stops at line 2)."]


def test_nested_card_comes_out_on_its_own_and_the_parent_keeps_its_lines() -> None:
    found = cards(
        b"BEGIN:VCARD\nN:parent\nAGENT:\nBEGIN:VCARD\nN:agent\nEND:VCARD\nTEL:1\nEND:VCARD\n"
    )
    assert [props(c) for c in found] == [
        [(5, b"N:agent")],
        [(2, b"N:parent"), (3, b"AGENT:"), (7, b"TEL:1")],
    ]


def test_garbage_between_cards_is_reported_on_the_next_card() -> None:
    set_language("en")
    found = cards(
        b"BEGIN:VCARD\nFN:A\nEND:VCARD\nhello: world\nmore\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"
    )
    assert len(found) == 2
    assert found[1].warnings == ["Lines 4 to 5 are outside any card, ignored."]


def test_card_without_begin_is_recovered_and_stray_end_reported() -> None:
    set_language("en")
    (card,) = cards(b"\xef\xbb\xbfVERSION:2.1\nFN:Forrest\nEND:VCARD\n")
    assert props(card) == [(1, b"VERSION:2.1"), (2, b"FN:Forrest")]
    assert card.warnings == ["Card without BEGIN:VCARD (it starts at line 1)."]
    (stray,) = cards(b"BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n")[1:]
    assert isinstance(stray, StrayBlock) and stray.first_line == 4


def test_a_file_without_any_card_says_so() -> None:
    set_language("en")
    (block,) = cards(b"name;email\nAnna;anna@example.org\n")
    assert isinstance(block, StrayBlock)
    assert block.message == "No vCard in this file (no BEGIN:VCARD line)."
    # an empty file is said too (issue 11: a zero-byte file said nothing), at its line 1
    (empty,) = cards(b"")
    assert isinstance(empty, StrayBlock) and empty.first_line == 1
    assert empty.message == "Empty file: no vCard in it."
    (bom,) = cards(b"\xef\xbb\xbf\r\n\r\n")
    assert isinstance(bom, StrayBlock) and bom.message.startswith("No vCard in this file")


def test_ten_thousand_cards_stream_without_holding_the_file() -> None:
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n"
    found = split_cards(iter([card] * 10_000))
    first = next(found)
    assert isinstance(first, RawCard) and first.first_line == 1
    assert sum(1 for _ in found) == 9_999
