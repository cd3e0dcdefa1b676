"""Bytes of a vCard file to text: the file's transport encoding first, then each value's charset.

Files in the wild mix encodings: UTF-16 from Windows tools (with or without a byte-order mark),
UTF-8 with or without BOM, vCard 2.1 values that declare ``CHARSET=`` (Windows-1252,
Shift_JIS...) and are often quoted-printable, and 8-bit text that declares nothing at all.
Cards and lines are split on ASCII-compatible bytes (UTF-16/32 are transcoded to UTF-8 on the
fly, so the file is streamed, never read whole); the characters of each value are decided here,
value by value. A guess is never silent: it comes back with the text, and the record carries a
warning that names the properties and the charset chosen.
"""

from __future__ import annotations

import binascii
import codecs
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import BinaryIO

CHUNK = 1 << 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# 8-bit charsets a contact file plausibly uses, the French desk's own first. chardet is asked to
# choose among these only: left to itself it answers exotic code pages for short names.
CANDIDATES = (
    "windows-1252",
    "windows-1250",
    "windows-1251",
    "windows-1253",
    "windows-1254",
    "windows-1255",
    "windows-1256",
    "windows-1257",
    "koi8-r",
    "shift_jis",
    "euc-jp",
    "gb18030",
    "big5",
    "euc-kr",
    "mac-roman",
)
HOME_CHARSET = "cp1252"
# The home charset wins unless another is clearly likelier: French names ("Hélène Lefèvre")
# are valid Windows-1250 as well, and chardet's confidence on a dozen letters is thin.
HOME_MARGIN = 0.75


def sniff_transport(head: bytes) -> tuple[str | None, int]:
    """(encoding, BOM length) of a file whose text is not ASCII-compatible (UTF-16/32), or
    (None, BOM length) when it is (UTF-8 or 8-bit; a UTF-8 BOM is only skipped)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return (None if name == "utf-8" else name), len(bom)
    sample = head[:400]
    if len(sample) >= 4:
        even = sample[0::2]
        odd = sample[1::2]
        zeros_even = even.count(0) / len(even)
        zeros_odd = odd.count(0) / len(odd)
        # ASCII text in UTF-16 has a zero in every other byte; 8-bit text has none.
        if zeros_odd > 0.4 and zeros_even < 0.05:
            return "utf-16-le", 0
        if zeros_even > 0.4 and zeros_odd < 0.05:
            return "utf-16-be", 0
    return None, 0


def byte_chunks(stream: BinaryIO, chunk_size: int = CHUNK) -> Iterator[bytes]:
    """The file's content as ASCII-compatible bytes (UTF-16/32 transcoded to UTF-8, BOM
    dropped), in chunks: a 100 MB export never sits in memory whole."""
    head = stream.read(chunk_size)
    encoding, bom = sniff_transport(head)
    if encoding is None:
        if head[bom:]:
            yield head[bom:]
        while chunk := stream.read(chunk_size):
            yield chunk
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    data = head[bom:]
    while True:
        text = decoder.decode(data, final=not data)
        if text:
            yield text.encode("utf-8")
        if not data:
            return
        data = stream.read(chunk_size)


def codec_name(charset: str) -> str | None:
    """Python's codec for a ``CHARSET=`` value, None when unknown or not a text encoding."""
    name = charset.strip().strip('"').strip()
    if not name:
        return None
    try:
        info = codecs.lookup(name)
        b"a".decode(info.name)  # "base64", "rot13"... are codecs, not charsets
    except (LookupError, TypeError, ValueError):
        return None
    if info.name in REFUSED_CODECS:
        return None
    return info.name


# Codecs Python decodes text with that are no charset a file can declare: the escape codecs
# turn "\ud800" into a lone surrogate (SQLite refuses it, the file was lost whole), the others
# are transforms of domain names or of nothing.
REFUSED_CODECS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "unicode_escape", "raw_unicode_escape"}
    | {"punycode", "idna", "undefined", "unicode-internal", "unicode_internal"}
)


def refused_codec(charset: str) -> bool:
    """Whether ``charset`` names a codec Python knows but the desk refuses (see above)."""
    try:
        return codecs.lookup(charset.strip().strip('"').strip()).name in REFUSED_CODECS
    except (LookupError, TypeError, ValueError):
        return False


def decode_qp(raw: bytes) -> bytes:
    """Quoted-printable to bytes. Soft line breaks were joined when lines were read, so a
    multi-byte character split across two lines ("=C3=" / "=A9") is whole again here."""
    return binascii.a2b_qp(raw)


def decode_declared(raw: bytes, charset: str | None) -> str | None:
    """Text of ``raw`` when it can be told for sure: ASCII, valid UTF-8 (a declared 8-bit
    charset loses to bytes that are valid multi-byte UTF-8: editors re-save files as UTF-8 and
    leave the old ``CHARSET`` behind), else the declared charset if the bytes fit it."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (
            exc.reason == "unexpected end of data"
            and charset in (None, "utf-8")
            and not raw[: exc.start].isascii()
        ):
            # UTF-8 up to a character cut at the very end (a truncated file): still UTF-8.
            # (A lone accented last letter is no evidence: "Zoé" in Windows-1252 ends so.)
            return raw.decode("utf-8", "replace")
    if charset:
        try:
            return raw.decode(charset)
        except UnicodeDecodeError:
            return None
    return None


class CharsetGuesser:
    """Chooses the charset of 8-bit text that declares none, remembering the file's habits.

    Evidence, strongest first: a charset the user chose; a charset declared by other
    properties of the same card (Outlook declares it on LABEL only); then chardet over the
    card's undeclared bytes, among ``CANDIDATES``, where a charset the file used before, then
    Windows-1252, wins unless another is clearly likelier (a dozen letters of a name are thin
    evidence: "Hélène" is valid Windows-1250 too).
    """

    def __init__(self, forced: str | None = None) -> None:
        self.forced = codec_name(forced) if forced else None
        self.file_votes: Counter[str] = Counter()

    def note_declared(self, charset: str) -> None:
        """A charset a card of the file declared: the best guess for the others."""
        if charset not in ("utf-8", "ascii"):
            self.file_votes[charset] += 1

    def choose(self, sample: bytes, card_declared: Iterable[str] = ()) -> str:
        """The charset to read undeclared 8-bit ``sample`` with."""
        if self.forced:
            return self.forced
        declared = Counter(c for c in card_declared if c not in ("utf-8", "ascii"))
        for charset, _ in declared.most_common():
            if _fits(sample, charset):
                return charset
        scores = detect_scores(sample)
        if not scores:
            return HOME_CHARSET
        best = max(scores.values())
        habits = [c for c, _ in self.file_votes.most_common(3)] + [HOME_CHARSET]
        for charset in habits:
            if scores.get(charset, -1.0) >= HOME_MARGIN * best:
                chosen = charset
                break
        else:
            chosen = max(scores, key=lambda c: scores[c])
        self.file_votes[chosen] += 1
        return chosen


def _fits(sample: bytes, charset: str) -> bool:
    try:
        sample.decode(charset)
    except UnicodeDecodeError:
        return False
    return True


def detect_scores(sample: bytes) -> dict[str, float]:
    """chardet's confidence for each of ``CANDIDATES`` the sample decodes in (codec names)."""
    import chardet

    results = chardet.detect_all(sample, include_encodings=CANDIDATES, ignore_threshold=True)
    scores: dict[str, float] = {}
    for result in results:
        name = codec_name(str(result.get("encoding") or ""))
        if name and name not in scores and _fits(sample, name):
            scores[name] = float(result.get("confidence") or 0.0)
    return scores


def display_charset(codec: str) -> str:
    """The name people know a codec by: "cp1252" -> "Windows-1252"."""
    if codec.startswith("cp125"):
        return "Windows-" + codec[2:]
    return {"shift_jis": "Shift_JIS", "mac-roman": "Mac Roman", "koi8-r": "KOI8-R"}.get(
        codec, codec.upper()
    )
