"""Write the vCard fixture files of this folder, byte for byte.

    python tests/data/vcard/make_fixtures.py

The files are committed; this script is how they were made (line ends, encodings and byte
sequences are exact here, which an editor would not keep). Every person is fictional and every
address under a reserved domain (example.org/.fr/.com).
"""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRLF = b"\r\n"


def tiny_png() -> bytes:
    """A valid 1x1 PNG (red pixel): a real image, small enough to read in a diff."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return len(data).to_bytes(4, "big") + kind + data + crc.to_bytes(4, "big")

    header = chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0]))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + pixels + chunk(b"IEND", b"")


def tiny_jpeg() -> bytes:
    """The first bytes of a JPEG (SOI + APP0): enough for the type to be recognised."""
    return bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def qp(text: str, charset: str) -> bytes:
    """Quoted-printable as Outlook writes it: every byte outside printable ASCII as =XX,
    line breaks included (=0D=0A)."""
    return b"".join(
        bytes([b]) if 32 <= b < 127 and b != 61 else b"=%02X" % b for b in text.encode(charset)
    )


def soft_break(encoded: bytes, at: int) -> tuple[bytes, bytes]:
    """Cut a quoted-printable value near ``at`` with a soft line break, never inside =XX."""
    while encoded[at - 1 : at] == b"=" or encoded[at - 2 : at - 1] == b"=":
        at -= 1
    return encoded[:at] + b"=", encoded[at:]


def lines(*items: bytes | str, end: bytes = CRLF) -> bytes:
    out = b""
    for item in items:
        out += (item.encode("utf-8") if isinstance(item, str) else item) + end
    return out


def fold_b64(prefix: str, data: bytes, width: int = 72) -> list[bytes]:
    text = base64.b64encode(data)
    first = prefix.encode("ascii") + text[: width - len(prefix)]
    rest = text[width - len(prefix) :]
    return [first] + [b" " + rest[i : i + width] for i in range(0, len(rest), width)]


def outlook_fr_cp1252() -> bytes:
    """Outlook-style 2.1: Windows-1252 quoted-printable French names, soft line breaks,
    a multi-line note, bare 2.1 parameters, an empty parameter, a photo ended by a blank line."""
    note = "Rencontrée au salon de l'Œuvre.\r\nPréfère le téléphone, écrit en « français »."
    note_qp = qp(note, "cp1252")
    return lines(
        "BEGIN:VCARD",
        "VERSION:2.1",
        b"N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:" + qp("Lefèvre;Hélène;;Mme;", "cp1252"),
        b"FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:" + qp("Hélène Lefèvre", "cp1252"),
        b"ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:"
        + qp("Le Quotidien de l'Économie;Rédaction Santé", "cp1252"),
        b"TITLE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:"
        + qp("Rédactrice en chef", "cp1252"),
        "TEL;WORK;VOICE:01 40 00 00 01",
        "TEL;CELL;VOICE;PREF:06 12 34 56 78",
        "TEL;WORK;FAX:01 40 00 00 02",
        "EMAIL;PREF;INTERNET:helene.lefevre@example.fr",
        b"ADR;WORK;PREF;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:;;"
        + qp("12 rue de la Santé;Paris;Île-de-France;75013;France", "cp1252"),
        "ADR;HOME;:;;3 rue Pasteur;Lille;;59000;France",
        b"NOTE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:" + soft_break(note_qp, 40)[0],
        soft_break(note_qp, 40)[1],
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
        "PHOTO;TYPE=JPEG;ENCODING=BASE64:",
        b"    " + base64.b64encode(tiny_jpeg()),
        b"",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        b"N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:" + qp("Garçon;François;;M.;", "cp1252"),
        b"FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:" + qp("François Garçon", "cp1252"),
        b"ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:" + qp("Cœur de Lyon FM", "cp1252"),
        "EMAIL;INTERNET;HOME:francois.garcon@example.org",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        b"N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:"
        + qp("Lœuillet;Élodie;Benoîte;;", "cp1252"),
        b"ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:"
        + qp("Agence Noël & Frères", "cp1252"),
        "EMAIL;INTERNET:elodie.loeuillet@example.com",
        "END:VCARD",
    )


def utf16(bom: bool, big_endian: bool) -> bytes:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Châtelain\r\nN:Châtelain;Zoé;;;\r\n"
        "ORG:Radio Méditerranée\r\nEMAIL;TYPE=INTERNET:zoe.chatelain@example.fr\r\n"
        "NOTE:Ελληνικά και русский\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Paweł Żółć\r\nN:Żółć;Paweł;;;\r\n"
        "EMAIL:pawel.zolc@example.org\r\nEND:VCARD\r\n"
    )
    codec = "utf-16-be" if big_endian else "utf-16-le"
    prefix = ("\ufeff" if bom else "").encode(codec)
    return prefix + text.encode(codec)


def utf8_bom() -> bytes:
    return b"\xef\xbb\xbf" + lines(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Mathéo Delacôte".encode(),
        "N:Delacôte;Mathéo;;;".encode(),
        "EMAIL;TYPE=INTERNET,WORK:matheo.delacote@example.com",
        "END:VCARD",
    )


def qp_split_multibyte() -> bytes:
    """2.1 UTF-8 quoted-printable whose soft line breaks cut multi-byte characters in two,
    one followed by a blank line, one by a folded continuation."""
    return lines(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A9rang=C3=",
        "=A8re;J=C3=A9r=C3=B4me;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=A9r=C3=B4me B=C3=A9rang=",
        "",
        "=C3=A8re",
        "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Premi=C3=A8re ligne=0D=0A=",
        " =C3=A9crite =E2=80=94 deuxi=C3=A8me",
        "EMAIL:jerome.berangere@example.fr",
        "END:VCARD",
    )


def raw_8bit() -> bytes:
    """8-bit text that declares no charset: French (guessed Windows-1252), then a Polish card
    whose LABEL declares Windows-1250 for the whole card, then Cyrillic without any hint."""
    return lines(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Hébert;Cécile;;;".encode("cp1252"),
        "FN:Cécile Hébert".encode("cp1252"),
        "ORG:Presse régionale de l'Ouest".encode("cp1252"),
        "EMAIL:cecile.hebert@example.fr",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Wróblewska;Małgorzata;;;".encode("cp1250"),
        "FN:Małgorzata Wróblewska".encode("cp1250"),
        "LABEL;CHARSET=Windows-1250;ENCODING=QUOTED-PRINTABLE:"
        + qp("Kraków", "cp1250").decode("ascii"),
        "EMAIL:m.wroblewska@example.org",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Смирнова;Анна;;;".encode("cp1251"),
        "FN:Анна Смирнова".encode("cp1251"),
        "NOTE:Журналист, пишет о здравоохранении и медицине".encode("cp1251"),
        "EMAIL:anna.smirnova@example.org",
        "END:VCARD",
        end=b"\n",
    )


def structure() -> bytes:
    """Line ends and card structure: CR, LF, CRLF and CR CR LF; folded lines; comment lines;
    glued END:VCARDBEGIN:VCARD; garbage between cards; a card that is not a card; a missing
    END:VCARD before the next card and at the end of the file."""
    out = b""
    anna = [b"BEGIN:VCARD", b"VERSION:3.0", b"FN:Anna Cr", b"N:Cr;Anna;;;"]
    anna += [b"EMAIL:anna.cr@example.org", b"END:VCARD", b""]
    out += b"\r".join(anna)
    bruno = [b"BEGIN:VCARD", b"VERSION:3.0", b"FN:Bruno Lf", b"N:Lf;Bruno;;;"]
    bruno += [b"NOTE:Une note pli", b" \xc3\xa9e sur deux lignes", b"END:VCARD", b""]
    out += b"\n".join(bruno)
    chloe = [b"BEGIN:VCARD", b"VERSION:3.0", b"FN:Chlo\xc3\xa9 Crcrlf", b"N:Crcrlf;Chlo\xc3\xa9;;;"]
    chloe += [b"# un commentaire", b"EMAIL:chloe@example.org", b"END:VCARDBEGIN:VCARD"]
    chloe += [b"VERSION:3.0", b"FN:Denis Glued", b"N:Glued;Denis;;;", b"END:VCARD", b""]
    out += b"\r\r\n".join(chloe)
    out += b"Ceci n'est pas une fiche.\r\nNi ceci.\r\n"
    out += b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Emma Apres\r\nN:Apres;Emma;;;\r\nEND:VCARD\r\n"
    out += b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n"
    out += b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fabien Sansfin\r\nN:Sansfin;Fabien;;;\r\n"
    out += (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gaelle Suivante\r\nN:Suivante;Gaelle;;;\r\nEND:VCARD\r\n"
    )
    out += b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hugo Tronque\r\nN:Tronque;Hugo;;;\r\n"
    return out


def names() -> bytes:
    """Names: FN missing (from N, from ORG, from EMAIL), N with prefix and suffixes, civility
    in the prefix, ORG with units, TITLE and ROLE, a nickname alone."""
    return lines(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Fontaine;Inès;Marie,Claire;Dr;Ph.D.,M.D.",
        "ORG:Institut Curie-Exemple;Département IA;Équipe imagerie".encode(),
        "TITLE:Cheffe de projet données",
        "ROLE:Porte-parole",
        "EMAIL:ines.fontaine@example.org",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Mercier;Karim;;M.;",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "ORG:Hôpital Exemple".encode(),
        "TEL;TYPE=WORK:+33 1 45 00 00 00",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "EMAIL:redaction@example.com",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Maître Dupré, avocat".encode(),
        "N:Dupré;Jean;;Me;".encode(),
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "NICKNAME:Loulou",
        "TEL:0612345678",
        "END:VCARD",
    )


def apple() -> bytes:
    """Apple Contacts 3.0: itemN groups with X-ABLabel (custom and _$!<...>!$_ labels),
    several TEL/EMAIL/ADR/URL with TYPE, BDAY without year (1604), CATEGORIES, a NOTE with
    escaped newlines and commas, a base64 photo, a UID, and unknown properties (grouped and
    not) that must be kept."""
    photo = fold_b64("PHOTO;ENCODING=b;TYPE=PNG:", tiny_png())
    return lines(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//macOS 14.2//EN",
        "N:Rousseau;Agnès;;;".encode(),
        "FN:Agnès Rousseau".encode(),
        "ORG:Le Magazine Exemple;",
        "item1.EMAIL;type=INTERNET;type=pref:agnes.rousseau@example.fr",
        "item1.X-ABLabel:_$!<Other>!$_",
        "EMAIL;type=INTERNET;type=HOME:agnes@example.org",
        "item2.EMAIL;type=INTERNET:a.rousseau@example.com",
        "item2.X-ABLabel:Pigiste",
        "TEL;type=CELL;type=VOICE;type=pref:+33 6 11 22 33 44",
        "TEL;type=WORK;type=VOICE:01 44 00 00 00",
        "item3.TEL:+33 9 70 00 00 00",
        "item3.X-ABLabel:Standard",
        "item4.ADR;type=WORK;type=pref:;;10 quai de l'Écluse;Bordeaux;;33000;France".encode(),
        "item4.X-ABADR:fr",
        "ADR;type=HOME:;Bât. B;5 allée des Tilleuls;Nantes;;44000;France".encode(),
        "item5.URL;type=pref:https\\://magazine.example.fr",
        "item5.X-ABLabel:_$!<HomePage>!$_",
        "item6.URL:https://social.example.org/@agnes",
        "item6.X-ABLabel:mastodon",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-11",
        "CATEGORIES:santé,IA,presse nationale".encode(),
        "NOTE:Première ligne\\nDeuxième ligne\\, avec virgule\\; et point-virgule".encode(),
        "UID:5F2E8C1A-0B7D-4E55-9A1C-3D2B9E6F7A10",
        "item7.X-ABRELATEDNAMES:Jules Rousseau",
        "item7.X-ABLabel:_$!<Spouse>!$_",
        "X-SOCIALPROFILE;type=twitter:https://x.example.com/agnes",
        "IMPP;X-SERVICE-TYPE=Skype:skype:agnes.rousseau",
        *photo,
        "END:VCARD",
    )


def vcard40() -> bytes:
    """vCard 4.0: KIND, PREF=1, TEL as tel: URI with extension, photo as data: URI, BDAY
    without year, LANG, quoted parameter values, X- properties kept."""
    data_uri = "data:image/png;base64," + base64.b64encode(tiny_png()).decode()
    return lines(
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:individual",
        "FN:Noémie Lacroix".encode(),
        "N:Lacroix;Noémie;;;".encode(),
        'ORG;SORT-AS="Lacroix":Télé Exemple;Rédaction numérique'.encode(),
        "TITLE:Journaliste scientifique",
        "EMAIL;TYPE=work;PREF=1:noemie.lacroix@example.fr",
        "EMAIL;TYPE=home:noemie@example.org",
        'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+33-1-40-00-00-03;ext=42',
        "TEL;VALUE=uri;TYPE=cell:tel:+33612345699",
        'ADR;TYPE=work;LABEL="8 rue Pasteur\\n69007 Lyon":;;8 rue Pasteur;Lyon;;69007;France',
        "BDAY:--0229",
        "LANG;PREF=1:en-GB",
        "CATEGORIES:international,IA",
        "NOTE:Ligne un\\nLigne deux",
        f"PHOTO:{data_uri}",
        "UID:urn:uuid:0e7a3b58-31f1-4f5e-9d64-0c1fb1b0c001",
        "GENDER:F",
        "X-CUSTOM-FIELD;X-PARAM=a:valeur gardée".encode(),
        "END:VCARD",
    )


def photos() -> bytes:
    """Photos that cost nothing but themselves: bad base64, base64 of something that is not
    an image, a link (never fetched, kept), and a good one after them."""
    good = fold_b64("PHOTO;ENCODING=BASE64;TYPE=PNG:", tiny_png())
    return lines(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Barbier;Yanis;;;",
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:qgEPAAIAAAAHAAAAugEQ:ASDF==",
        "",
        "EMAIL:yanis.barbier@example.org",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Faure;Lea;;;",
        "PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(b"not an image at all").decode(),
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Gauthier;Olivier;;;",
        "PHOTO;VALUE=uri:https://images.example.com/olivier.jpg",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Hebert;Sofia;;;",
        *good,
        "",
        "END:VCARD",
    )


FIXTURES = {
    "outlook_fr_cp1252_qp.vcf": outlook_fr_cp1252,
    "utf16le_bom.vcf": lambda: utf16(True, False),
    "utf16be_bom.vcf": lambda: utf16(True, True),
    "utf16le_nobom.vcf": lambda: utf16(False, False),
    "utf16be_nobom.vcf": lambda: utf16(False, True),
    "utf8_bom.vcf": utf8_bom,
    "qp_split_multibyte.vcf": qp_split_multibyte,
    "raw_8bit.vcf": raw_8bit,
    "structure.vcf": structure,
    "names.vcf": names,
    "apple.vcf": apple,
    "vcard40.vcf": vcard40,
    "photos.vcf": photos,
}


def main() -> None:
    for name, make in FIXTURES.items():
        (HERE / name).write_bytes(make())
        print(name)


if __name__ == "__main__":
    main()
