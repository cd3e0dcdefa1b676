"""vCard export: syntax per version, and the round trip that must lose nothing."""

from __future__ import annotations

import io
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import vobject

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.interchange.exporters import EXPORTERS, ExportOptions, export_contacts
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.vcard_export import CardWriter, write_vcards
from fiac_press_desk.interchange.vcard_import import parse_vcard_file, parse_vcard_stream
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo import fill
from fiac_press_desk.storage.database import Database

VERSIONS = ("2.1", "3.0", "4.0")
PNG = (Path(__file__).parents[2] / "data" / "vcard" / "apple.vcf").read_bytes()


def full_contact() -> ContactData:
    """Every field set, with the characters and shapes that trip writers up."""
    return ContactData(
        kind=ContactKind.PARTNER,
        civility="Mme",
        given_name="Hélène",
        family_name="Lœuillet-Garçon",
        display_name="Pr Hélène Lœuillet-Garçon, directrice",
        additional_names="Marie, Œnone",
        name_prefix="Pr",
        name_suffix="Ph.D.",
        job_title="Directrice scientifique; IA & santé",
        role="Porte-parole",
        organization="Institut Exemple, Paris",
        department="Imagerie; données",
        emails=[
            EmailAddress("helene@example.fr", "work"),
            EmailAddress("h.loeuillet@example.org", "home"),
            EmailAddress("hl@example.com", "other"),
            EmailAddress("presse@example.com", "Attachée de presse"),
        ],
        phones=[
            Phone("+33612345678", "mobile"),
            Phone("+33140000000;ext=12", "work"),
            Phone("+33140000001", "fax"),
            Phone("+33140000002", "home"),
            Phone("+33970000000", "pager"),
            Phone("0800 EXEMPLE", "Standard"),
        ],
        addresses=[
            PostalAddress(
                "work",
                "12, rue de la Santé\nBâtiment B",
                "Aile Est",
                "75013",
                "Paris",
                "",
                "France",
            ),
            PostalAddress("Maison de campagne", "Lieu-dit Les Œillets", "", "", "Gap", "", ""),
        ],
        urls=[
            WebLink("https://exemple.fr/équipe?a=1,b=2", "website"),
            WebLink("https://social.example.org/@helene", "mastodon"),
            WebLink("https://exemple.org", ""),
        ],
        beats=["santé", "IA; imagerie"],
        tags=["VIP", "presse nationale", "à relancer, vite"],
        lists=["Partenaires fondateurs"],
        language="en",
        notes="Ligne 1\nLigne 2 : « guillemets », virgule, point-virgule; barre \\ oblique\n\nFin",
        birthday="--02-29",
        photo=PNG_BYTES,
        photo_mime="image/png",
        lawful_basis=LawfulBasis.CONSENT,
        data_source="Salon FIAC 2024",
        opted_out=True,
        opted_out_at=datetime(2024, 1, 31, 10, 30, tzinfo=UTC),
        opted_out_reason="Ne souhaite plus recevoir de communiqués.",
        archived=True,
        salutation=SalutationStyle.INFORMAL,
        uid="urn:uuid:11111111-2222-3333-4444-555555555555",
        extra_vcard=[
            "X-SOCIALPROFILE;TYPE=twitter:https://x.example.com/helene",
            "item1.X-ABRELATEDNAMES:Jules",
            "item1.X-ABLABEL:_$!<Spouse>!$_",
            "NICKNAME:Léna",
            "X-LONG:" + "é" * 120,
            "X-NOTE-LIKE:deux\\nlignes",
        ],
    )


def _png() -> bytes:
    import base64

    for line in PNG.split(b"\r\n"):
        if line.startswith(b"PHOTO"):
            start = PNG.index(line)
            chunk = PNG[start:].split(b"\r\nEND:VCARD")[0]
            text = b"".join(part.strip() for part in chunk.split(b"\r\n"))
            return base64.b64decode(text.split(b":", 1)[1])
    raise AssertionError("no photo in apple.vcf")


PNG_BYTES = _png()


def comparable(data: ContactData) -> dict[str, Any]:
    values = asdict(data)
    for key in ("id", "created_at", "updated_at"):
        values.pop(key)
    return values


def all_contacts(services: Services) -> list[ContactData]:
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    return services.contacts.get_many(ids)


def import_file(services: Services, path: Path) -> Any:
    plan = build_plan(services, parse_vcard_file(path), sources=[str(path)], format="vcard")
    return plan, apply_plan(services, plan)


def fresh_services(tmp_path: Path, name: str) -> Services:
    return Services(Database(f"sqlite:///{tmp_path / name}"), actor="test")


def assert_round_trip(services: Services, tmp_path: Path) -> None:
    """Export every contact in each version, read it into an empty database: same contacts,
    field for field; read it again into the first database: nothing new."""
    before = {c.uid: comparable(c) for c in all_contacts(services)}
    assert before
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    for version in VERSIONS:
        out = tmp_path / f"export-{version}.vcf"
        count = export_contacts(services, ids, "vcard", out, ExportOptions(vcard_version=version))
        assert count == len(before)
        target = fresh_services(tmp_path, f"target-{version}.sqlite3")
        try:
            plan, result = import_file(target, out)
            assert result.refused == [] and result.created == len(before), plan.counts()
            after = {c.uid: comparable(c) for c in all_contacts(target)}
        finally:
            target.close()
        assert after.keys() == before.keys()
        for uid, fields in before.items():
            assert after[uid] == fields, (version, uid)
        again = build_plan(services, parse_vcard_file(out), sources=[str(out)], format="vcard")
        assert again.counts()["new"] == 0 and again.counts()["duplicate"] == 0, version
        assert again.counts()["unchanged"] == len(before), version
        result = apply_plan(services, again)
        assert (result.created, result.updated) == (0, 0)


def test_round_trip_of_every_field(services: Services, tmp_path: Path) -> None:
    services.contacts.create(full_contact())
    services.contacts.create(ContactData(emails=[EmailAddress("seul@example.org")]))
    services.contacts.create(ContactData(organization="Radio Exemple", department="Info"))
    services.contacts.create(ContactData(family_name="Dupré", name_prefix="Dr"))  # no civility
    assert_round_trip(services, tmp_path)


def test_round_trip_of_the_demo_data(services: Services, tmp_path: Path) -> None:
    fill(services, 60)
    assert_round_trip(services, tmp_path)


FIXTURES = (
    "outlook_fr_cp1252_qp.vcf",
    "utf16le_bom.vcf",
    "utf8_bom.vcf",
    "qp_split_multibyte.vcf",
    "raw_8bit.vcf",
    "structure.vcf",
    "names.vcf",
    "apple.vcf",
    "vcard40.vcf",
    "photos.vcf",
)


def test_round_trip_of_the_fixtures(services: Services, tmp_path: Path, data_dir: Path) -> None:
    created = 0
    for name in FIXTURES:
        plan, result = import_file(services, data_dir / "vcard" / name)
        assert result.created == plan.counts()["new"], name
        created += result.created
    # 30 cards; "Loulou" has Hélène's mobile number: a shared phone is no duplicate (issue 11)
    assert len(all_contacts(services)) == created == 30
    assert_round_trip(services, tmp_path)


def test_version_syntax_read_back_by_vobject() -> None:
    data = full_contact()
    for version in ("3.0", "4.0"):
        text = CardWriter(version).card(data).decode("utf-8")
        card = vobject.readOne(text)
        assert card.version.value == version
        assert card.fn.value == data.display_name
        assert card.n.value.family == "Lœuillet-Garçon"
        assert [e.value for e in card.contents["email"]][:2] == [
            "helene@example.fr",
            "h.loeuillet@example.org",
        ]
        assert card.categories.value == ["VIP", "presse nationale", "à relancer, vite"]
        assert card.note.value == data.notes
    v4 = CardWriter("4.0").card(data).decode()
    assert "KIND:individual" in v4 and "TEL;VALUE=uri;TYPE=cell;PREF=1:tel:+33612345678" in v4
    assert "BDAY:--0229" in v4 and "PHOTO:data:image/png;base64," in v4
    v3 = CardWriter("3.0").card(data).decode()
    assert "EMAIL;TYPE=INTERNET,WORK,PREF:helene@example.fr" in v3
    # item1 is taken by a kept line: our labels take the next groups
    assert "item2.EMAIL;TYPE=INTERNET:hl@example.com\r\nitem2.X-ABLabel:_$!<Other>!$_" in v3
    assert "item3.EMAIL;TYPE=INTERNET:presse@example.com" in v3
    assert "TEL;TYPE=WORK:+33140000000;ext=12\r\n" in v3  # not text: no escaping
    assert "item6.URL:https://exemple.fr/équipe?a=1,b=2\r\n" in v3
    assert "PHOTO;ENCODING=b;TYPE=PNG:" in v3 and "BDAY:--02-29" in v3


def test_21_writes_quoted_printable_utf8_and_bare_parameters() -> None:
    text = CardWriter("2.1").card(full_contact()).decode("ascii")  # 2.1 output is 7-bit
    assert "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:L=C5=93uillet-Gar=C3=A7on;" in text
    assert "EMAIL;INTERNET;WORK;PREF:helene@example.fr" in text
    assert "TEL;CELL;PREF:+33612345678" in text
    assert "=0D=0A" in text  # newlines of the note, as Windows programs read them
    assert "PHOTO;ENCODING=BASE64;TYPE=PNG:" in text


def test_lines_are_folded_at_75_octets_with_crlf() -> None:
    raw = CardWriter("3.0").card(full_contact())
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_kept_lines_are_written_back_in_each_version() -> None:
    data = full_contact()
    for version in VERSIONS:
        (rec,) = parse_vcard_stream(io.BytesIO(CardWriter(version).card(data)), "x.vcf")
        assert rec.data.extra_vcard == data.extra_vcard, version  # type: ignore[union-attr]


def test_exporter_is_registered_and_streams_to_a_binary_stream(services: Services) -> None:
    assert "vcard" in EXPORTERS
    ids = [services.contacts.create(full_contact())]
    buffer = io.BytesIO()
    assert export_contacts(services, ids, "vcard", buffer, ExportOptions()) == 1
    assert buffer.getvalue().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")


def test_export_to_a_file_is_atomic(services: Services, tmp_path: Path) -> None:
    ids = [services.contacts.create(full_contact())]
    out = tmp_path / "out.vcf"
    out.write_bytes(b"previous content")

    class Boom:
        def report(self, done: int, total: int, text: str = "") -> None:
            raise RuntimeError("disk full")

        def check(self) -> None:
            pass

    with pytest.raises(RuntimeError):
        export_contacts(services, ids, "vcard", out, ExportOptions(progress=Boom()))
    assert out.read_bytes() == b"previous content"
    assert list(tmp_path.glob("*.part")) == []
    export_contacts(services, ids, "vcard", out, ExportOptions(vcard_version="4.0"))
    assert out.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:4.0")


def test_a_stable_uid_per_contact(services: Services) -> None:
    cid = services.contacts.create(ContactData(given_name="Sans", family_name="Uid"))
    uid = services.contacts.get(cid).uid
    assert uid.startswith("urn:uuid:")
    for version in VERSIONS:
        buffer = io.BytesIO()
        write_vcards(services.contacts.get_many([cid]), buffer, version)
        assert f"UID:{uid}\r\n".encode() in buffer.getvalue()


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"5\.0"):
        CardWriter("5.0")


OTHER_READERS = [
    ContactData(
        civility="Mme",
        given_name="Élodie",
        family_name="Garnier-Lefèvre de la Tour d'Auvergne",
        organization="Le Quotidien du Médecin et de la Santé publique européenne",
        job_title="Rédactrice en chef adjointe chargée des questions de santé publique",
        notes="Une note très longue, accentuée é è à ù, sur plusieurs lignes\nDeuxième ligne",
        emails=[EmailAddress("elodie@example.fr", "work"), EmailAddress("e.g@example.org")],
        phones=[Phone("+33140103030", "work"), Phone("+33612345678", "mobile")],
        tags=["Santé publique", "Oncologie"],
    ),
    ContactData(
        given_name="Zoë",
        # a semicolon escaped; no comma: vobject reads 2.1 with 3.0's rules, where a comma
        # splits a value that 2.1 leaves whole (an escaped one shows its backslash in 2.1
        # readers)
        family_name="Ødegård; Müller",
        emails=[EmailAddress("zoe@example.org", "Rédaction")],
        phones=[Phone("01 40 10 30 30 poste 12", "Standard")],
    ),
]


def _vobject_view(text: str) -> list[tuple[str, str, str, list[str], list[str]]]:
    out = []
    for card in vobject.readComponents(text):
        name = card.n.value
        phones = [t.value.removeprefix("tel:") for t in card.contents.get("tel", [])]
        emails = [e.value for e in card.contents.get("email", [])]
        out.append((card.fn.value, name.given, name.family, emails, phones))
    return out


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
def test_every_version_we_write_reads_the_same_in_vobject_and_in_the_desk(version: str) -> None:
    """The reported fault: vobject refused our 2.1 cards at the first quoted-printable soft
    line break ("Failed to parse line"); every version is now read by both the same."""
    stream = io.BytesIO()
    write_vcards(OTHER_READERS, stream, version)
    text = stream.getvalue().decode("utf-8")
    expected = [
        (
            c.computed_display_name(),
            c.given_name,
            c.family_name,
            [e.value for e in c.emails],
            [p.value for p in c.phones],
        )
        for c in OTHER_READERS
    ]
    assert _vobject_view(text) == expected
    ours = [i.data for i in parse_vcard_stream(io.BytesIO(stream.getvalue()), "out.vcf")]
    assert [
        (
            d.computed_display_name(),
            d.given_name,
            d.family_name,
            [e.value for e in d.emails],
            [p.value for p in d.phones],
        )
        for d in ours  # type: ignore[union-attr]
    ] == expected
