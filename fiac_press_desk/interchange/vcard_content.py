"""Content lines of a vCard (``[group.]NAME;PARAM=VALUE:value``), read and written.

Reading: a compiled pattern takes the simple well-formed lines that make up nearly every card
(an order of magnitude faster than vobject per line, see ``benchmarks/bench_vcard.py``); the
rest (quoted parameter values holding ``;`` ``:`` or ``,``, odd spacing, parameters without a
name) goes through vobject's content-line parser, after empty parameters (``ADR;HOME;:``) are
dropped. Values stay bytes here: their characters are decided afterwards, property by property
(``vcard_decode``). Writing: escaping per version and folding at 75 octets without ever cutting
a UTF-8 character in two.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

# 2.1 bare parameters that are encodings rather than types ("TEL;WORK;VOICE", "PHOTO;BASE64").
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_CHARSET_NAMES = {"CHARSET"}
_FAST = re.compile(
    rb"(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9_-]+)((?:;[A-Za-z0-9_-]+(?:=[^;:,\"]*(?:,[^;:,\"]*)*)?)*):"
)
_EMPTY_PARAM = re.compile(r";+(?=;|$)")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}

# Our own fields, so that an export read back loses nothing (other programs keep X- lines).
X_KIND = "X-FIAC-KIND"
X_CIVILITY = "X-FIAC-CIVILITY"
X_BEAT = "X-FIAC-BEAT"
X_LIST = "X-FIAC-LIST"
X_LANGUAGE = "X-FIAC-LANGUAGE"
X_LAWFUL_BASIS = "X-FIAC-LAWFUL-BASIS"
X_OPTED_OUT = "X-FIAC-OPTED-OUT"
X_OPTED_OUT_AT = "X-FIAC-OPTED-OUT-AT"
X_OPTED_OUT_REASON = "X-FIAC-OPTED-OUT-REASON"
X_ARCHIVED = "X-FIAC-ARCHIVED"
X_SALUTATION = "X-FIAC-SALUTATION"
X_LABEL = "X-ABLABEL"  # Apple's label of a grouped property (item1.EMAIL + item1.X-ABLabel)


@dataclass
class Prop:
    """One property of a card. ``params`` has upper-case names; 2.1 bare parameters are filed
    under TYPE or ENCODING; ``raw`` is the value's bytes as found (before quoted-printable and
    charset decoding), ``text`` its characters once decided (escapes still in)."""

    name: str
    group: str
    params: dict[str, list[str]]
    raw: bytes
    line: int
    text: str = ""
    charset_guessed: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def param(self, name: str) -> str:
        """The first value of parameter ``name`` ("" when absent)."""
        values = self.params.get(name)
        return values[0] if values else ""

    @property
    def types(self) -> set[str]:
        """Every TYPE of the property, upper-cased (2.1's bare parameters included)."""
        return {t.upper() for t in self.params.get("TYPE", ())}

    @property
    def encoding(self) -> str:
        """Its ENCODING, upper-cased ("" when none)."""
        return self.param("ENCODING").upper()


def _add_param(params: dict[str, list[str]], name: str, values: list[str]) -> None:
    key = name.upper()
    if not values:
        bare = key
        key = "ENCODING" if bare in _ENCODINGS else "TYPE"
        values = [bare]
    if key == "TYPE":
        values = [v.strip() for value in values for v in value.split(",") if v.strip()]
    params.setdefault(key, []).extend(values)


def parse_content_line(line: bytes, number: int) -> Prop | None:
    """The property of one logical line, or None when it is not a content line at all."""
    match = _FAST.match(line)
    if match is not None:
        group, name, param_text = match.groups()
        return Prop(
            _name(name),
            group.decode("ascii") if group else "",
            _params(param_text) if param_text else {},
            line[match.end() :],
            number,
        )
    return _parse_with_vobject(line, number)


@functools.lru_cache(maxsize=512)
def _name(raw: bytes) -> str:
    return raw.decode("ascii").upper().replace("_", "-")


def _params(text: bytes) -> dict[str, list[str]]:
    """Parameters of the fast path. A file repeats a handful of parameter strings thousands
    of times (";TYPE=INTERNET,WORK"): they are parsed once each; the cached dict is shared,
    so nobody may change a Prop's ``params``."""
    cached = _PARAM_CACHE.get(text)
    if cached is None:
        cached = {}
        for part in text[1:].decode("ascii", "replace").split(";"):
            key, eq, values = part.partition("=")
            _add_param(cached, key, values.split(",") if eq else [])
        if len(_PARAM_CACHE) < 2048:
            _PARAM_CACHE[text] = cached
    return cached


_PARAM_CACHE: dict[bytes, dict[str, list[str]]] = {}


def _split_head(line: bytes) -> tuple[bytes, bytes] | None:
    """Head (group, name, parameters) and value, cut at the first colon outside quotes."""
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x3A and not quoted:  # :
            return line[:index], line[index + 1 :]
    return None


def _parse_with_vobject(line: bytes, number: int) -> Prop | None:
    from vobject.base import ParseError, parseLine

    parts = _split_head(line)
    if parts is None:
        return None
    head_bytes, value = parts
    head = _EMPTY_PARAM.sub("", head_bytes.decode("utf-8", "replace").strip())
    try:
        name, param_list, _, group = parseLine(head + ":", number)
    except ParseError:
        return None
    params: dict[str, list[str]] = {}
    for entry in param_list:
        _add_param(params, entry[0], list(entry[1:]))
    return Prop(name.upper(), group or "", params, value, number)


# -- values -------------------------------------------------------------------------------------


def unescape(text: str) -> str:
    r"""Text value without its backslash escapes (``\n \, \; \\``; a backslash before anything
    else is kept, as Windows paths in notes need)."""
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(0)), text)


def split_escaped(text: str, separator: str) -> list[str]:
    """``text`` cut at each ``separator`` that no backslash escapes (escapes kept)."""
    if "\\" not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def structured(text: str, *, lists: bool = True) -> list[list[str]]:
    """Components of a structured value (N, ADR, ORG), each a list of its comma-separated
    values, unescaped. vCard 2.1 has no comma lists: ``lists=False`` keeps commas as text."""
    out = []
    for component in split_escaped(text, ";"):
        values = split_escaped(component, ",") if lists else [component]
        out.append([unescape(v) for v in values])
    return out


def text_list(text: str) -> list[str]:
    """Values of a list property (CATEGORIES, NICKNAME), unescaped, blanks dropped."""
    return [v.strip() for v in map(unescape, split_escaped(text, ",")) if v.strip()]


# -- writing ------------------------------------------------------------------------------------


def escape(text: str, version: str) -> str:
    """A text value escaped for ``version``. 2.1 escapes only ``;`` (and ``\\``); its newlines
    are written quoted-printable by the caller."""
    text = text.replace("\\", "\\\\").replace(";", "\\;")
    if version != "2.1":
        text = text.replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    return text


def quote_param(value: str) -> str:
    """A parameter value quoted when it holds characters that would end it."""
    if any(c in value for c in ';:,"'):
        return '"' + value.replace('"', "'") + '"'
    return value


def fold(line: str, limit: int = 75) -> bytes:
    """One content line as UTF-8 with CRLF, folded so that no line exceeds ``limit`` octets
    and no character is cut in two."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return data + b"\r\n"
    out = bytearray()
    start = 0
    width = limit
    while start < len(data):
        end = min(start + width, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a UTF-8 sequence
            end -= 1
        if out:
            out += b"\r\n "
        out += data[start:end]
        start = end
        width = limit - 1
    return bytes(out) + b"\r\n"


def fold_qp(head: str, value: bytes, limit: int | None = 75) -> bytes:
    """A 2.1 quoted-printable line (``head`` ends with ':'), cut with soft line breaks that
    never split an ``=XX`` escape. Spaces stay literal except the last one (RFC 2045).
    ``limit`` None: one line, no soft break (what vobject's default reader and others that
    only unfold vCard 3.0 style can read)."""
    last = len(value) - 1
    encoded = "".join(
        chr(b) if (32 < b < 127 and b != 61) or (b == 32 and i != last) else f"={b:02X}"
        for i, b in enumerate(value)
    )
    line = head + encoded
    out: list[str] = []
    while limit is not None and len(line) > limit:
        cut = limit - 1
        while True:
            if line[cut - 1] == "=":
                cut -= 1
            elif line[cut - 2] == "=":
                cut -= 2
            elif line[cut] in " \t":
                cut -= 1  # a continuation never starts with white space: it reads as folding
            else:
                break
        out.append(line[:cut] + "=")
        line = line[cut:]
    out.append(line)
    return ("\r\n".join(out) + "\r\n").encode("ascii")
