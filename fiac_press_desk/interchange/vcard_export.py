"""Contacts to a ``.vcf`` file: vCard 3.0 by default (what Google, Apple and Outlook all read),
4.0 and 2.1 on request; UTF-8; lines folded at 75 octets; tags as CATEGORIES; photos inline;
the unknown properties an import kept, written back; a stable UID per contact, so that reading
the file back updates instead of duplicating. Fields other programs have no property for
travel as ``X-FIAC-*`` lines (they keep and ignore them), so our own round trip loses nothing.

The file is written as it goes, contacts fetched a few hundred at a time, into ``NAME.part``
renamed over the target at the end: a failed export leaves no half file behind.
"""

from __future__ import annotations

import base64
import contextlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.enums import LawfulBasis, SalutationStyle
from fiac_press_desk.interchange import vcard_content as vc
from fiac_press_desk.interchange.exporters import EXPORTERS, ExportOptions
from fiac_press_desk.services.hub import Services

VERSIONS = ("2.1", "3.0", "4.0")
PRODID = "-//FIAC//FIAC Press Desk//FR"
FETCH = 1000
_E164 = re.compile(r"^\+\d{4,15}(?:;ext=\d+)?$")
_PLACE_TYPES = {"work": "WORK", "home": "HOME"}
_PHONE_TYPES = {"work": "WORK", "home": "HOME", "mobile": "CELL", "fax": "FAX", "pager": "PAGER"}
# vCard 2.1 quoted-printable values are written on one line, without the soft line breaks
# ("=" at the end of a line) that RFC 2045 allows: vobject's reader (allowQP off by default)
# and other readers that unfold lines the 3.0 way reject them, and every reader takes a long
# line.
QP_LIMIT = None
# Labels Apple writes in its own wrapping; the importer maps them back.
_APPLE_WRAPPED = {"other": "_$!<Other>!$_", "website": "_$!<HomePage>!$_"}
_OWN_TEXTS = own_fields(ContactData)


class CardWriter:
    """The lines of one card in one version, as bytes ready to write."""

    def __init__(self, version: str) -> None:
        if version not in VERSIONS:
            raise ValueError(f"vCard version {version!r} (2.1, 3.0 or 4.0)")
        self.version = version
        self.v21 = version == "2.1"
        self.v4 = version == "4.0"

    def card(self, data: ContactData) -> bytes:
        """The lines of one card, as bytes."""
        self.out: list[bytes] = []
        self.items = 0
        self.taken = {_group_of(line) for line in data.extra_vcard} - {""}
        self.line("BEGIN:VCARD")
        self.line(f"VERSION:{self.version}")
        if not self.v21:
            self.line(f"PRODID:{PRODID}")
        if data.uid:
            self.text("UID", data.uid)
        if self.v4 and not any(_name_of(x) == "KIND" for x in data.extra_vcard):
            self.line("KIND:individual")
        self.text("FN", data.computed_display_name())
        prefix = " ".join(p for p in (data.civility, data.name_prefix) if p)
        self.structured(
            "N",
            [data.family_name, data.given_name, data.additional_names, prefix, data.name_suffix],
        )
        if data.civility or data.name_prefix:
            self.text(vc.X_CIVILITY, data.civility)
        if data.organization or data.department:
            parts = [data.organization] + ([data.department] if data.department else [])
            self.structured("ORG", parts)
        if data.job_title:
            self.text("TITLE", data.job_title)
        if data.role:
            self.text("ROLE", data.role)
        for i, email in enumerate(data.emails):
            types = ["INTERNET"] if not self.v4 else []
            self.labelled("EMAIL", email.value, email.label, _PLACE_TYPES, types, i == 0)
        for i, phone in enumerate(data.phones):
            self.phone(phone.value, phone.label, i == 0)
        for i, address in enumerate(data.addresses):
            parts = [
                address.po_box,
                address.extended,
                address.street,
                address.city,
                address.region,
                address.postal_code,
                address.country,
            ]
            self.labelled("ADR", parts, address.label, _PLACE_TYPES, [], i == 0)
        for url in data.urls:
            self.labelled("URL", url.value, url.label, _PLACE_TYPES, [], False)
        if data.tags:
            self.categories(data.tags)
        if data.notes:
            self.text("NOTE", data.notes)
        if data.birthday:
            self.line(f"BDAY:{self.birthday(data.birthday)}")
        if data.photo:
            self.photo(data.photo, data.photo_mime)
        self.own_fields(data)
        for line in data.extra_vcard:
            self.extra(line)
        self.line("END:VCARD")
        return b"".join(self.out)

    # -- line kinds ---------------------------------------------------------------------------

    def line(self, text: str) -> None:
        """A line as it is, folded."""
        self.out.append(vc.fold(text))

    def text(self, name: str, value: str, params: str = "", *, escape: bool = True) -> None:
        """A text value; ``escape=False`` for values that are not text (a phone number, a
        URL: a backslash before their ``;`` or ``,`` would show in other programs)."""
        if not escape:
            value = " ".join(value.split())
        if self.v21 and _needs_qp(value):
            written = vc.escape(value, "2.1") if escape else value
            head = f"{name}{params};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
            self.out.append(vc.fold_qp(head, _crlf(written).encode("utf-8"), QP_LIMIT))
        else:
            written = vc.escape(value, self.version) if escape else value
            self.line(f"{name}{params}:{written}")

    def structured(self, name: str, parts: list[str], params: str = "") -> None:
        """A value of parts separated by ``;`` (N, ORG, ADR), each escaped."""
        value = ";".join(vc.escape(p, self.version) for p in parts)
        if self.v21 and any(_needs_qp(p) for p in parts):
            head = f"{name}{params};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
            self.out.append(vc.fold_qp(head, _crlf(value).encode("utf-8"), QP_LIMIT))
        else:
            self.line(f"{name}{params}:{value}")

    def params(self, types: list[str], pref: bool) -> str:
        """TYPE parameters as this version writes them."""
        if self.v21:
            return "".join(f";{t}" for t in types + (["PREF"] if pref else []))
        if self.v4:
            out = f";TYPE={','.join(t.lower() for t in types)}" if types else ""
            return out + (";PREF=1" if pref else "")
        types = types + (["PREF"] if pref else [])
        return f";TYPE={','.join(types)}" if types else ""

    def labelled(
        self,
        name: str,
        value: str | list[str],
        label: str,
        known: dict[str, str],
        base_types: list[str],
        pref: bool,
    ) -> None:
        """A property with its label: a standard TYPE when there is one, else Apple's
        ``itemN.X-ABLabel`` (read by Apple, Google and this desk)."""
        group = ""
        types = list(base_types)
        if label in known:
            types.append(known[label])
        elif label:
            group = self.next_group()
        params = self.params(types, pref)
        full = f"{group}.{name}" if group else name
        if isinstance(value, list):
            self.structured(full, value, params)
        else:
            self.text(full, value, params, escape=name not in ("TEL", "URL"))
        if group:
            self.text(f"{group}.X-ABLabel", _APPLE_WRAPPED.get(label, label))

    def phone(self, value: str, label: str, pref: bool) -> None:
        """A TEL line (4.0: a tel: URI when the number is E.164)."""
        if not self.v4:
            self.labelled("TEL", value, label, _PHONE_TYPES, [], pref)
        elif _E164.match(value):
            self.labelled_tel("tel:" + value, label, pref, ";VALUE=uri")
        else:  # a number kept as typed is text, not a tel: URI
            self.labelled_tel(vc.escape(value, "4.0"), label, pref, ";VALUE=text")

    def labelled_tel(self, value: str, label: str, pref: bool, value_param: str) -> None:
        """A 4.0 TEL line with its label."""
        group = ""
        types = []
        if label in _PHONE_TYPES:
            types.append(_PHONE_TYPES[label])
        elif label:
            group = self.next_group()
        full = f"{group}.TEL" if group else "TEL"
        self.line(f"{full}{value_param}{self.params(types, pref)}:{value}")
        if group:
            self.text(f"{group}.X-ABLabel", _APPLE_WRAPPED.get(label, label))

    def next_group(self) -> str:
        """A property group name no kept line of the card uses."""
        while True:
            self.items += 1
            group = f"item{self.items}"
            if group not in self.taken:
                return group

    def categories(self, tags: list[str]) -> None:
        """The tags, as CATEGORIES."""
        value = ",".join(vc.escape(t, "3.0") for t in tags)
        if self.v21 and any(_needs_qp(t) for t in tags):
            head = "CATEGORIES;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
            self.out.append(vc.fold_qp(head, value.encode("utf-8"), QP_LIMIT))
        else:
            self.line(f"CATEGORIES:{value}")

    def birthday(self, value: str) -> str:
        """ISO ("1978-03-11", "--03-11"); vCard 4.0 writes the basic form ("19780311", "--0311")."""
        if not self.v4:
            return value
        if value.startswith("--"):
            return "--" + value[2:].replace("-", "")
        return value.replace("-", "")

    def photo(self, photo: bytes, mime: str) -> None:
        """The photo inline, in the version's syntax."""
        encoded = base64.b64encode(photo).decode("ascii")
        kind = (mime.split("/")[-1] or "jpeg").upper()
        if self.v4:
            self.line(f"PHOTO:data:{mime or 'image/jpeg'};base64,{encoded}")
        elif self.v21:
            self.line(f"PHOTO;ENCODING=BASE64;TYPE={kind}:{encoded}")
            self.out.append(b"\r\n")  # 2.1 ends base64 data with a blank line
        else:
            self.line(f"PHOTO;ENCODING=b;TYPE={kind}:{encoded}")

    def own_fields(self, data: ContactData) -> None:
        """The desk's fields no standard property holds, as ``X-FIAC-*`` lines."""
        self.text(vc.X_KIND, data.kind.value)
        for beat in data.beats:
            self.text(vc.X_BEAT, beat)
        for name in data.lists:
            self.text(vc.X_LIST, name)
        if data.language and data.language != "fr":
            if self.v4:
                self.text("LANG", data.language)
            self.text(vc.X_LANGUAGE, data.language)
        if data.lawful_basis is not LawfulBasis.LEGITIMATE_INTEREST:
            self.text(vc.X_LAWFUL_BASIS, data.lawful_basis.value)
        for spec in _OWN_TEXTS:  # the desk's own texts (domain.contact_fields)
            value = getattr(data, spec.name)
            if value:
                self.text(spec.vcard_property, value)
        if data.opted_out:
            self.text(vc.X_OPTED_OUT, "true")
            if data.opted_out_at:
                self.text(vc.X_OPTED_OUT_AT, data.opted_out_at.isoformat())
            if data.opted_out_reason:
                self.text(vc.X_OPTED_OUT_REASON, data.opted_out_reason)
        if data.archived:
            self.text(vc.X_ARCHIVED, "true")
        if data.salutation is not SalutationStyle.FORMAL:
            self.text(vc.X_SALUTATION, data.salutation.value)

    def extra(self, line: str) -> None:
        """A property kept from an import, written back as it came (stored in 3.0 syntax;
        2.1 gets real newlines and non-ASCII text quoted-printable, as 2.1 readers expect)."""
        if not self.v21:
            self.line(line)
            return
        prop = vc.parse_content_line(line.encode("utf-8"), 0)
        if prop is None:
            return
        text = prop.raw.decode("utf-8").replace("\\n", "\n")
        if not _needs_qp(text) or prop.encoding in ("B", "BASE64"):
            self.line(line)
            return
        encoded = line.encode("utf-8")
        head = encoded[: len(encoded) - len(prop.raw) - 1].decode("utf-8")
        qp_head = f"{head};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
        self.out.append(vc.fold_qp(qp_head, _crlf(text).encode("utf-8"), QP_LIMIT))


def _crlf(text: str) -> str:
    """Newlines as Windows programs read them in a 2.1 quoted-printable value."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _needs_qp(text: str) -> bool:
    return not text.isascii() or "\n" in text or "\r" in text


def _group_of(line: str) -> str:
    head = line.split(":", 1)[0].split(";", 1)[0]
    return head.split(".", 1)[0].lower() if "." in head else ""


def _name_of(line: str) -> str:
    head = line.split(":", 1)[0].split(";", 1)[0]
    return head.rsplit(".", 1)[-1].upper()


def write_vcards(contacts: Iterable[ContactData], out: IO[bytes], version: str = "3.0") -> int:
    """Write each contact as one card to ``out``; the number of cards written."""
    writer = CardWriter(version)
    count = 0
    for data in contacts:
        out.write(writer.card(data))
        count += 1
    return count


def _contacts(services: Services, ids: list[int], options: ExportOptions) -> Iterator[ContactData]:
    """The contacts in the order of ``ids``, a chunk at a time, each with its photo; memory
    holds one chunk, not the whole export."""
    progress = options.progress
    total = len(ids)
    for start in range(0, total, FETCH):
        progress.check()
        yield from services.contacts.read_many(ids[start : start + FETCH], photo=True)
        progress.report(min(start + FETCH, total), total, "")


def export_vcard(
    services: Services, ids: list[int], out: IO[bytes] | Path, options: ExportOptions
) -> int:
    """``EXPORTERS["vcard"]``: the contacts ``ids`` in ``options.vcard_version``."""
    version = options.vcard_version or "3.0"
    if not isinstance(out, Path):
        return write_vcards(_contacts(services, ids, options), out, version)
    part = out.with_name(out.name + ".part")
    try:
        with part.open("wb") as stream:
            count = write_vcards(_contacts(services, ids, options), stream, version)
        part.replace(out)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    return count


EXPORTERS["vcard"] = export_vcard
