"""vCard files to records, field by field, over the fixtures of tests/data/vcard
(made by make_fixtures.py beside them)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.records import ImportProblem, ImportRecord, ParsedItem
from fiac_press_desk.interchange.vcard_import import parse_vcard_file, parse_vcard_stream


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def read(data_dir: Path, name: str) -> list[ParsedItem]:
    return list(parse_vcard_file(data_dir / "vcard" / name, name=name))


def records(data_dir: Path, name: str) -> list[ImportRecord]:
    items = read(data_dir, name)
    assert all(isinstance(i, ImportRecord) for i in items), items
    return [i for i in items if isinstance(i, ImportRecord)]


def parse_text(text: str) -> list[ParsedItem]:
    return list(parse_vcard_stream(io.BytesIO(text.encode()), "mem.vcf"))


def one(text: str) -> ImportRecord:
    (item,) = parse_text(text)
    assert isinstance(item, ImportRecord)
    return item


def test_outlook_windows_1252_quoted_printable_french_names(data_dir: Path) -> None:
    helene, francois, elodie = records(data_dir, "outlook_fr_cp1252_qp.vcf")
    h = helene.data
    assert (h.civility, h.given_name, h.family_name) == ("Mme", "Hélène", "Lefèvre")
    assert h.display_name == ""  # FN only repeats the names: shown computed
    assert h.computed_display_name() == "Hélène Lefèvre"
    assert (h.organization, h.department) == ("Le Quotidien de l'Économie", "Rédaction Santé")
    assert h.job_title == "Rédactrice en chef"
    assert h.phones == [
        Phone("06 12 34 56 78", "mobile"),  # PREF first
        Phone("01 40 00 00 01", "work"),
        Phone("01 40 00 00 02", "fax"),
    ]
    assert h.emails == [EmailAddress("helene.lefevre@example.fr", "")]
    assert h.addresses == [
        PostalAddress(
            "work", "12 rue de la Santé", "", "75013", "Paris", "Île-de-France", "France"
        ),
        PostalAddress("home", "3 rue Pasteur", "", "59000", "Lille", "", "France"),
    ]
    assert (
        h.notes == "Rencontrée au salon de l'Œuvre.\nPréfère le téléphone, écrit en « français »."
    )
    assert h.photo is not None and h.photo.startswith(b"\xff\xd8") and h.photo_mime == "image/jpeg"
    assert h.extra_vcard == ["X-MS-OL-DEFAULT-POSTAL-ADDRESS:2"]
    assert helene.place.line == 1 and helene.warnings == []
    f = francois.data
    assert (f.civility, f.given_name, f.family_name) == ("M.", "François", "Garçon")
    assert f.organization == "Cœur de Lyon FM"
    assert f.emails == [EmailAddress("francois.garcon@example.org", "home")]
    e = elodie.data
    assert (e.given_name, e.additional_names, e.family_name) == ("Élodie", "Benoîte", "Lœuillet")
    assert e.organization == "Agence Noël & Frères"
    assert e.computed_display_name() == "Élodie Lœuillet"  # no FN: built from N
    assert elodie.place.line == 27


@pytest.mark.parametrize(
    "name", ["utf16le_bom.vcf", "utf16be_bom.vcf", "utf16le_nobom.vcf", "utf16be_nobom.vcf"]
)
def test_utf16_with_and_without_bom(data_dir: Path, name: str) -> None:
    zoe, pawel = records(data_dir, name)
    assert (zoe.data.given_name, zoe.data.family_name) == ("Zoé", "Châtelain")
    assert zoe.data.organization == "Radio Méditerranée"
    assert zoe.data.notes == "Ελληνικά και русский"
    assert (pawel.data.given_name, pawel.data.family_name) == ("Paweł", "Żółć")
    assert (zoe.place.line, pawel.place.line) == (1, 9)
    assert zoe.warnings == pawel.warnings == []


def test_utf8_with_bom(data_dir: Path) -> None:
    (rec,) = records(data_dir, "utf8_bom.vcf")
    assert (rec.data.given_name, rec.data.family_name) == ("Mathéo", "Delacôte")
    assert rec.data.emails == [EmailAddress("matheo.delacote@example.com", "work")]


def test_quoted_printable_soft_break_inside_a_multibyte_character(data_dir: Path) -> None:
    (rec,) = records(data_dir, "qp_split_multibyte.vcf")
    assert (rec.data.given_name, rec.data.family_name) == ("Jérôme", "Bérangère")
    assert rec.data.display_name == ""  # "Jérôme Bérangère" equals the names
    assert rec.data.notes == "Première ligne\nécrite — deuxième"
    assert rec.warnings == []


def test_8bit_without_charset_is_guessed_per_card_and_always_said(data_dir: Path) -> None:
    cecile, malgorzata, anna = records(data_dir, "raw_8bit.vcf")
    assert (cecile.data.given_name, cecile.data.family_name) == ("Cécile", "Hébert")
    assert cecile.data.organization == "Presse régionale de l'Ouest"
    assert cecile.warnings == [
        "8-bit text with a missing or wrong charset (N, FN, ORG): read as Windows-1252, "
        "check the accented letters."
    ]
    # The LABEL declares Windows-1250: the card's other 8-bit values are read with it.
    assert (malgorzata.data.given_name, malgorzata.data.family_name) == (
        "Małgorzata",
        "Wróblewska",
    )
    assert "Windows-1250" in malgorzata.warnings[0]
    assert malgorzata.data.extra_vcard == ["LABEL:Kraków"]  # no ADR: the label is kept
    assert (anna.data.given_name, anna.data.family_name) == ("Анна", "Смирнова")
    assert anna.data.notes == "Журналист, пишет о здравоохранении и медицине"
    assert "Windows-1251" in anna.warnings[0]


def test_forced_charset_is_used_without_guessing(data_dir: Path) -> None:
    path = data_dir / "vcard" / "raw_8bit.vcf"
    first = next(parse_vcard_file(path, charset="cp1252"))
    assert isinstance(first, ImportRecord) and first.data.given_name == "Cécile"


def test_structure_line_ends_glued_missing_end_garbage_and_bad_card(data_dir: Path) -> None:
    items = read(data_dir, "structure.vcf")
    names = [i.data.given_name for i in items if isinstance(i, ImportRecord)]
    assert names == ["Anna", "Bruno", "Chloé", "Denis", "Emma", "Gaelle", "Hugo", "Fabien"]
    by_name = {i.data.given_name: i for i in items if isinstance(i, ImportRecord)}
    assert by_name["Anna"].data.emails == [EmailAddress("anna.cr@example.org")]  # CR only
    assert by_name["Bruno"].data.notes == "Une note pliée sur deux lignes"  # LF, folded
    assert by_name["Chloé"].data.emails == [EmailAddress("chloe@example.org")]  # CR CR LF
    assert by_name["Chloé"].place.line == 14 and by_name["Denis"].place.line == 20  # glued
    assert by_name["Emma"].warnings == ["Lines 25 to 26 are outside any card, ignored."]
    assert by_name["Fabien"].warnings == ["Card without END:VCARD (it stops at line 38)."]
    assert by_name["Hugo"].warnings == ["Card without END:VCARD (it stops at line 47)."]
    (problem,) = [i for i in items if isinstance(i, ImportProblem)]
    assert str(problem.place) == "structure.vcf:32"
    assert problem.message.startswith("Empty card")


def test_names_from_n_org_email_civility_units_title_role(data_dir: Path) -> None:
    ines, karim, hopital, redaction, dupre, loulou = records(data_dir, "names.vcf")
    i = ines.data
    assert (i.civility, i.given_name, i.additional_names, i.family_name) == (
        "Dr",
        "Inès",
        "Marie Claire",
        "Fontaine",
    )
    assert (i.name_prefix, i.name_suffix) == ("", "Ph.D., M.D.")
    assert (i.organization, i.department) == (
        "Institut Curie-Exemple",
        "Département IA, Équipe imagerie",
    )
    assert (i.job_title, i.role) == ("Cheffe de projet données", "Porte-parole")
    assert i.computed_display_name() == "Inès Fontaine"  # no FN: from N
    assert (karim.data.civility, karim.data.computed_display_name()) == ("M.", "Karim Mercier")
    assert hopital.data.computed_display_name() == "Hôpital Exemple"  # from ORG
    assert hopital.data.phones == [Phone("+33 1 45 00 00 00", "work")]
    assert redaction.data.computed_display_name() == "redaction@example.com"  # from EMAIL
    assert dupre.data.display_name == "Maître Dupré, avocat"  # FN differs from N: kept
    assert (dupre.data.civility, dupre.data.family_name) == ("Me", "Dupré")
    assert loulou.data.display_name == "Loulou"  # nothing but a nickname
    assert loulou.warnings == [
        "Card without a name, organisation or email address: recorded as 'Loulou'."
    ]
    assert "civility" in ines.fields and "civility" not in redaction.fields
    assert "notes" not in ines.fields  # no NOTE: an update keeps the stored notes


def test_apple_groups_labels_birthday_categories_note_photo_uid_and_kept_lines(
    data_dir: Path,
) -> None:
    (rec,) = records(data_dir, "apple.vcf")
    d = rec.data
    assert d.emails == [
        EmailAddress("agnes.rousseau@example.fr", "other"),
        EmailAddress("agnes@example.org", "home"),
        EmailAddress("a.rousseau@example.com", "Pigiste"),
    ]
    assert d.phones == [
        Phone("+33 6 11 22 33 44", "mobile"),
        Phone("01 44 00 00 00", "work"),
        Phone("+33 9 70 00 00 00", "Standard"),
    ]
    assert d.addresses == [
        PostalAddress("work", "10 quai de l'Écluse", "", "33000", "Bordeaux", "", "France"),
        PostalAddress("home", "5 allée des Tilleuls", "Bât. B", "44000", "Nantes", "", "France"),
    ]
    assert d.urls == [
        WebLink("https://magazine.example.fr", "website"),
        WebLink("https://social.example.org/@agnes", "mastodon"),
    ]
    assert d.birthday == "--03-11"  # Apple's 1604: no year
    assert d.tags == ["santé", "IA", "presse nationale"]
    assert d.notes == "Première ligne\nDeuxième ligne, avec virgule; et point-virgule"
    assert d.photo is not None and d.photo.startswith(b"\x89PNG") and d.photo_mime == "image/png"
    assert d.uid == "5F2E8C1A-0B7D-4E55-9A1C-3D2B9E6F7A10"
    assert d.organization == "Le Magazine Exemple" and d.department == ""
    assert d.extra_vcard == [
        "item7.X-ABRELATEDNAMES:Jules Rousseau",
        "item7.X-ABLABEL:_$!<Spouse>!$_",
        "X-SOCIALPROFILE;TYPE=twitter:https://x.example.com/agnes",
        "IMPP;X-SERVICE-TYPE=Skype:skype:agnes.rousseau",
    ]
    assert rec.warnings == []


def test_vcard_40(data_dir: Path) -> None:
    (rec,) = records(data_dir, "vcard40.vcf")
    d = rec.data
    assert (d.given_name, d.family_name, d.organization, d.department) == (
        "Noémie",
        "Lacroix",
        "Télé Exemple",
        "Rédaction numérique",
    )
    assert d.emails == [
        EmailAddress("noemie.lacroix@example.fr", "work"),
        EmailAddress("noemie@example.org", "home"),
    ]
    assert d.phones == [Phone("+33-1-40-00-00-03;ext=42", "work"), Phone("+33612345699", "mobile")]
    assert d.addresses == [
        PostalAddress("work", "8 rue Pasteur", "", "69007", "Lyon", "", "France")
    ]
    assert d.birthday == "--02-29"
    assert d.language == "en"
    assert d.tags == ["international", "IA"]
    assert d.notes == "Ligne un\nLigne deux"
    assert d.photo is not None and d.photo_mime == "image/png"
    assert d.uid == "urn:uuid:0e7a3b58-31f1-4f5e-9d64-0c1fb1b0c001"
    assert d.extra_vcard == ["GENDER:F", "X-CUSTOM-FIELD;X-PARAM=a:valeur gardée"]


def test_photos_broken_not_an_image_link_and_good(data_dir: Path) -> None:
    yanis, lea, olivier, sofia = records(data_dir, "photos.vcf")
    assert yanis.data.photo is None and yanis.data.emails  # the contact is kept
    assert yanis.warnings == ["Unreadable photo dropped, the contact is kept (line 4)."]
    assert lea.data.photo is None
    assert lea.warnings == ["Unreadable photo dropped, the contact is kept (line 11)."]
    assert olivier.data.photo is None  # never fetched...
    assert olivier.data.extra_vcard == ["PHOTO;VALUE=uri:https://images.example.com/olivier.jpg"]
    assert olivier.warnings == ["The photo is a link: not downloaded, the link is kept (line 16)."]
    assert sofia.data.photo is not None and sofia.data.photo_mime == "image/png"
    assert "photo" not in yanis.fields and "photo" in sofia.fields


def test_note_with_escaped_newlines_and_backslashes() -> None:
    rec = one("BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:l1\\nl2\\\\n C:\\Temp\nEND:VCARD\n")
    assert rec.data.notes == "l1\nl2\\n C:\\Temp"


@pytest.mark.parametrize(
    ("bday", "expected"),
    [
        ("1978-03-11", "1978-03-11"),
        ("19780311", "1978-03-11"),
        ("--0311", "--03-11"),
        ("--03-11", "--03-11"),
        ("1604-03-11", "--03-11"),
        ("1978-03-11T00:00:00Z", "1978-03-11"),
    ],
)
def test_birthdays_with_and_without_year(bday: str, expected: str) -> None:
    assert one(f"BEGIN:VCARD\nFN:A\nBDAY:{bday}\nEND:VCARD\n").data.birthday == expected


def test_unreadable_birthday_phone_and_email_are_kept_not_fatal() -> None:
    rec = one(
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBDAY:circa 1800\nTEL:Standard\n"
        "EMAIL:not an address\nEMAIL:ok@example.org\nEND:VCARD\n"
    )
    assert rec.data.birthday == "" and rec.data.phones == []
    assert rec.data.emails == [EmailAddress("ok@example.org")]
    assert rec.data.extra_vcard == ["BDAY:circa 1800", "TEL:Standard", "EMAIL:not an address"]
    assert [w.rsplit("(", 1)[1] for w in rec.warnings] == ["line 4).", "line 5).", "line 6)."]


def test_our_own_x_properties_restore_every_field() -> None:
    rec = one(
        "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nN:B;A;;Mme Dr;\nX-FIAC-CIVILITY:Mme\n"
        "X-FIAC-KIND:partner\nX-FIAC-BEAT:santé\nX-FIAC-BEAT:IA\nX-FIAC-LIST:Presse\n"
        "X-FIAC-LANGUAGE:en\nX-FIAC-LAWFUL-BASIS:consent\nX-FIAC-DATA-SOURCE:Salon\n"
        "X-FIAC-OPTED-OUT:true\nX-FIAC-OPTED-OUT-AT:2024-01-31T10:00:00+00:00\n"
        "X-FIAC-OPTED-OUT-REASON:Demande\\, par courriel\nX-FIAC-ARCHIVED:true\n"
        "X-FIAC-SALUTATION:informal\nX-FIAC-KIND:nonsense\nEND:VCARD\n"
    )
    d = rec.data
    assert (d.civility, d.name_prefix) == ("Mme", "Dr")
    assert d.kind is ContactKind.PARTNER and d.beats == ["santé", "IA"] and d.lists == ["Presse"]
    assert d.language == "en" and d.lawful_basis is LawfulBasis.CONSENT
    assert d.data_source == "Salon" and d.opted_out and d.archived
    assert d.opted_out_at is not None and d.opted_out_at.isoformat() == "2024-01-31T10:00:00+00:00"
    assert d.opted_out_reason == "Demande, par courriel"
    assert d.salutation is SalutationStyle.INFORMAL
    assert rec.warnings == ["Unknown value 'nonsense' for X-FIAC-KIND, ignored (line 18)."]


def test_a_broken_card_is_reported_and_the_next_ones_still_come() -> None:
    items = parse_text(
        "BEGIN:VCARD\nFN:Avant\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n"
        "BEGIN:VCARD\n???\nEND:VCARD\nBEGIN:VCARD\nFN:Après\nEND:VCARD\n"
    )
    assert [type(i).__name__ for i in items] == [
        "ImportRecord",
        "ImportProblem",
        "ImportProblem",
        "ImportRecord",
    ]
    problems = [i for i in items if isinstance(i, ImportProblem)]
    assert [str(p.place) for p in problems] == ["mem.vcf:4", "mem.vcf:7"]


def test_unknown_group_labels_stay_with_their_group_and_used_ones_are_consumed() -> None:
    rec = one(
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nitem1.TEL:01 02 03 04 05\nitem1.X-ABLabel:Bureau\n"
        "item2.X-ABDATE:2010-01-01\nitem2.X-ABLabel:_$!<Anniversary>!$_\nEND:VCARD\n"
    )
    assert rec.data.phones == [Phone("01 02 03 04 05", "Bureau")]
    assert rec.data.extra_vcard == [
        "item2.X-ABDATE:2010-01-01",
        "item2.X-ABLABEL:_$!<Anniversary>!$_",
    ]


def test_records_carry_the_fields_the_card_holds() -> None:
    rec = one("BEGIN:VCARD\nVERSION:3.0\nFN:Zed\nEMAIL:z@example.org\nEND:VCARD\n")
    assert rec.fields == frozenset({"display_name", "emails"})


def test_french_messages_by_default() -> None:
    set_language("fr")
    rec = one("BEGIN:VCARD\nFN:A\nPHOTO;ENCODING=b;TYPE=JPEG:@@@@\nEND:VCARD\n")
    assert rec.warnings == ["Photo illisible écartée, le contact est gardé (ligne 3)."]


def test_records_are_plain_contact_data() -> None:
    rec = one("BEGIN:VCARD\nFN:A\nEND:VCARD\n")
    assert isinstance(rec.data, ContactData) and rec.data.display_name == "A"
