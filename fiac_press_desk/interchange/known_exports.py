"""The exports press officers hold, recognised by their headers and mapped with no work.

A Google Contacts or Outlook CSV, a Thunderbird address book, LinkedIn's ``Connections.csv``,
a Mailchimp or Brevo audience, a media-database export (Cision, Muck Rack, Meltwater...):
each is known here by the headers its tool writes (its *signature*), with the field every
column goes to. ``recognise`` names the export of a header row; ``export_columns`` maps its
columns (a column the table does not know is left to the automatic mapping, so a custom
field of the tool still finds its way).

Besides columns, an export has rules of its own that the row converter applies
(``finish_row``): every person of an unsubscribed or cleaned audience comes in opted out, with
the date and the reason the file gives, never active. And columns that are the tool's own
bookkeeping (Mailchimp's IP addresses and time zones, Outlook's "Priority") are left out on
purpose and said so, rather than listed as columns nobody mapped.

The column names come from the tools' documented exports (Google's "Export > Google CSV"
current and legacy, Outlook's "Export to a file > CSV" in English and French, Thunderbird's
"Export > CSV", LinkedIn's "Get a copy of your data", Mailchimp's audience export, Brevo's
contact export); the media databases have no one format, so their export is recognised by the
kind of columns they all have (an outlet, and beats, an outlet type or social profiles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.messages import render_in
from fiac_press_desk.interchange.spreadsheet_mapping import Target, header_key

# Names shown in the mapping step and the import summary (French first, English on request).
CATALOGUE: dict[str, dict[str, str]] = {
    "google": {"fr": "Export Google Contacts", "en": "Google Contacts export"},
    "google_legacy": {
        "fr": "Export Google Contacts (ancien format)",
        "en": "Google Contacts export (legacy format)",
    },
    "outlook_en": {"fr": "Export Outlook (anglais)", "en": "Outlook export (English)"},
    "outlook_fr": {"fr": "Export Outlook (français)", "en": "Outlook export (French)"},
    "thunderbird": {"fr": "Export Thunderbird (CSV)", "en": "Thunderbird export (CSV)"},
    "linkedin": {"fr": "Relations LinkedIn", "en": "LinkedIn connections"},
    "mailchimp": {"fr": "Audience Mailchimp (abonnés)", "en": "Mailchimp audience (subscribed)"},
    "mailchimp_unsubscribed": {
        "fr": "Audience Mailchimp (désinscrits)",
        "en": "Mailchimp audience (unsubscribed)",
    },
    "mailchimp_cleaned": {
        "fr": "Audience Mailchimp (adresses nettoyées)",
        "en": "Mailchimp audience (cleaned)",
    },
    "brevo": {"fr": "Contacts Brevo", "en": "Brevo contacts"},
    "brevo_blocklisted": {
        "fr": "Contacts Brevo (liste de blocage)",
        "en": "Brevo contacts (blocklist)",
    },
    "media_database": {
        "fr": "Export de base médias (Cision, Muck Rack, Meltwater…)",
        "en": "Media database export (Cision, Muck Rack, Meltwater…)",
    },
    # Reasons given to a person who comes in opted out with none of their own.
    "reason_mailchimp_unsubscribed": {
        "fr": "Désinscrit de l'audience Mailchimp",
        "en": "Unsubscribed from the Mailchimp audience",
    },
    "reason_mailchimp_cleaned": {
        "fr": "Adresse retirée par Mailchimp (messages non distribués)",
        "en": "Address cleaned by Mailchimp (messages bounced)",
    },
    "reason_brevo": {
        "fr": "Bloqué dans Brevo (désinscription, plainte ou message non distribué)",
        "en": "Blocklisted in Brevo (unsubscribed, complaint or bounce)",
    },
}


def export_name(key: str | None) -> str:
    """The export's name in the current language ("" for no export)."""
    return render_in(CATALOGUE, key) if key else ""


# -- column tables ---------------------------------------------------------------------------------

_IGNORED = Target("notes", "bookkeeping")  # marker: the tool's own data, left out on purpose
_NOTE = Target("column_note")


def _table(*pairs: tuple[str | tuple[str, ...], Target]) -> dict[str, list[Target]]:
    """Header (or headers) -> target, by ``header_key``. A header the tool writes twice (the
    French Outlook's "Titre": the civility, then the job title) lists its targets in order."""
    out: dict[str, list[Target]] = {}
    for names, target in pairs:
        for name in (names,) if isinstance(names, str) else names:
            out.setdefault(header_key(name), []).append(target)
    return out


def _address(slot: int, label: str, *names: str) -> list[tuple[str, Target]]:
    """The seven address columns of one slot, named in the order street, line 2, line 3,
    city, region, postal code, country, PO box."""
    fields: tuple[str, ...] = (
        "street",
        "extended",
        "column_note",
        "city",
        "region",
        "postal_code",
        "country",
        "po_box",
    )
    out = []
    for name, field_name in zip(names, fields, strict=False):
        if not name:
            continue
        if field_name == "column_note":
            out.append((name, _NOTE))
        else:
            out.append((name, Target(field_name, label, slot)))
    return out


_OUTLOOK_EN = _table(
    ("Title", Target("civility")),
    ("First Name", Target("given_name")),
    ("Middle Name", Target("additional_names")),
    ("Last Name", Target("family_name")),
    ("Suffix", Target("name_suffix")),
    ("Company", Target("organization")),
    ("Department", Target("department")),
    ("Job Title", Target("job_title")),
    *_address(
        0,
        "work",
        "Business Street",
        "Business Street 2",
        "Business Street 3",
        "Business City",
        "Business State",
        "Business Postal Code",
        "Business Country/Region",
        "Business Address PO Box",
    ),
    *_address(
        1,
        "home",
        "Home Street",
        "Home Street 2",
        "Home Street 3",
        "Home City",
        "Home State",
        "Home Postal Code",
        "Home Country/Region",
        "Home Address PO Box",
    ),
    *_address(
        2,
        "other",
        "Other Street",
        "Other Street 2",
        "Other Street 3",
        "Other City",
        "Other State",
        "Other Postal Code",
        "Other Country/Region",
        "Other Address PO Box",
    ),
    (("Business Phone", "Business Phone 2", "Company Main Phone"), Target("phone", "work")),
    (("Home Phone", "Home Phone 2"), Target("phone", "home")),
    ("Mobile Phone", Target("phone", "mobile")),
    (("Business Fax", "Home Fax", "Other Fax"), Target("phone", "fax")),
    ("Pager", Target("phone", "pager")),
    ("Primary Phone", Target("phone")),
    ("Assistant's Phone", Target("phone", "assistant")),
    (
        ("Other Phone", "Callback", "Car Phone", "ISDN", "Radio Phone", "TTY/TDD Phone"),
        Target("phone", "other"),
    ),
    (("E-mail Address", "E-mail 2 Address", "E-mail 3 Address"), Target("email")),
    ("Birthday", Target("birthday", "month-first")),  # English Outlook: US dates
    ("Categories", Target("tags")),
    ("Keywords", Target("tags")),
    ("Language", Target("language")),
    ("Notes", Target("notes")),
    ("Web Page", Target("url")),
    (
        (
            "Telex",
            "Account",
            "Anniversary",
            "Assistant's Name",
            "Billing Information",
            "Directory Server",
            "Hobby",
            "Location",
            "Manager's Name",
            "Office Location",
            "Profession",
            "Referred By",
            "User 1",
            "User 2",
            "User 3",
            "User 4",
        ),
        _NOTE,
    ),
    (
        (
            "E-mail Type",
            "E-mail Display Name",
            "E-mail 2 Type",
            "E-mail 2 Display Name",
            "E-mail 3 Type",
            "E-mail 3 Display Name",
            "Gender",
            "Government ID Number",
            "Initials",
            "Internet Free Busy",
            "Mileage",
            "Organizational ID Number",
            "Priority",
            "Private",
            "Sensitivity",
            "Spouse",
            "Children",
        ),
        _IGNORED,
    ),
)

_OUTLOOK_FR = _table(
    # The French export writes "Titre" twice: the civility first, the job title further on.
    ("Titre", Target("civility")),
    ("Prénom", Target("given_name")),
    ("Deuxième prénom", Target("additional_names")),
    ("Nom", Target("family_name")),
    ("Suffixe", Target("name_suffix")),
    ("Société", Target("organization")),
    ("Service", Target("department")),
    ("Titre", Target("job_title")),
    *_address(
        0,
        "work",
        "Rue (bureau)",
        "Rue (bureau) 2",
        "Rue (bureau) 3",
        "Ville (bureau)",
        "Dép/Région (bureau)",
        "Code postal (bureau)",
        "Pays/Région (bureau)",
        "B.P. professionnelle",
    ),
    *_address(
        1,
        "home",
        "Rue (domicile)",
        "Rue (domicile) 2",
        "Rue (domicile) 3",
        "Ville (domicile)",
        "Dép/Région (domicile)",
        "Code postal (domicile)",
        "Pays/Région (domicile)",
        "Boîte postale du domicile",
    ),
    *_address(
        2,
        "other",
        "Rue (autre)",
        "Rue (autre) 2",
        "Rue (autre) 3",
        "Ville (autre)",
        "Dép/Région (autre)",
        "Code postal (autre)",
        "Pays/Région (autre)",
        "Autre boîte postale",
    ),
    # Older French exports say "Pays" where newer ones say "Pays/Région".
    ("Pays (bureau)", Target("country", "work", 0)),
    ("Pays (domicile)", Target("country", "home", 1)),
    ("Pays (autre)", Target("country", "other", 2)),
    (
        ("Téléphone (bureau)", "Téléphone 2 (bureau)", "Téléphone société"),
        Target("phone", "work"),
    ),
    (("Téléphone (domicile)", "Téléphone 2 (domicile)"), Target("phone", "home")),
    ("Tél. mobile", Target("phone", "mobile")),
    (
        ("Télécopie (bureau)", "Télécopie (domicile)", "Télécopie (autre)"),
        Target("phone", "fax"),
    ),
    ("Récepteur de radiomessagerie", Target("phone", "pager")),
    ("Téléphone principal", Target("phone")),
    ("Téléphone de l'assistant(e)", Target("phone", "assistant")),
    (
        (
            "Téléphone (autre)",
            "Rappel",
            "Téléphone (voiture)",
            "RNIS",
            "Radio téléphone",
            "Radiotéléphone",
            "Téléphone TDD/TTY",
        ),
        Target("phone", "other"),
    ),
    (
        ("Adresse de messagerie", "Adresse de messagerie 2", "Adresse de messagerie 3"),
        Target("email"),
    ),
    ("Anniversaire", Target("birthday")),
    ("Catégories", Target("tags")),
    ("Mots clés", Target("tags")),
    ("Langue", Target("language")),
    ("Notes", Target("notes")),
    ("Page Web", Target("url")),
    (
        (
            "Télex",
            "Compte",
            "Anniversaire de mariage ou fête",
            "Nom de l'assistant(e)",
            "Informations facturation",
            "Serveur d'annuaire",
            "Passe-temps",
            "Emplacement",
            "Responsable",
            "Bureau",
            "Profession",
            "Recommandé par",
            "Utilisateur 1",
            "Utilisateur 2",
            "Utilisateur 3",
            "Utilisateur 4",
        ),
        _NOTE,
    ),
    (
        (
            "Type de messagerie",
            "Nom complet de l'adresse de messagerie",
            "Type de messagerie 2",
            "Nom complet de l'adresse de messagerie 2",
            "Type de messagerie 3",
            "Nom complet de l'adresse de messagerie 3",
            "Sexe",
            "Code gouvernement",
            "Initiales",
            "Disponibilité Internet",
            "Kilométrage",
            "Numéro d'identification de l'organisation",
            "Priorité",
            "Privé",
            "Critère de diffusion",
            "Conjoint(e)",
            "Enfants",
        ),
        _IGNORED,
    ),
)

_THUNDERBIRD = _table(
    ("First Name", Target("given_name")),
    ("Last Name", Target("family_name")),
    ("Display Name", Target("display_name")),
    (("Nickname", "Screen Name", "Custom 1", "Custom 2", "Custom 3", "Custom 4"), _NOTE),
    ("Primary Email", Target("email")),
    ("Secondary Email", Target("email")),
    ("Work Phone", Target("phone", "work")),
    ("Home Phone", Target("phone", "home")),
    ("Fax Number", Target("phone", "fax")),
    ("Pager Number", Target("phone", "pager")),
    ("Mobile Number", Target("phone", "mobile")),
    *_address(
        0,
        "work",
        "Work Address",
        "Work Address 2",
        "",
        "Work City",
        "Work State",
        "Work ZipCode",
        "Work Country",
    ),
    *_address(
        1,
        "home",
        "Home Address",
        "Home Address 2",
        "",
        "Home City",
        "Home State",
        "Home ZipCode",
        "Home Country",
    ),
    ("Job Title", Target("job_title")),
    ("Department", Target("department")),
    ("Organization", Target("organization")),
    ("Web Page 1", Target("url", "work")),
    ("Web Page 2", Target("url", "home")),
    ("Birth Year", Target("birth_year")),
    ("Birth Month", Target("birth_month")),
    ("Birth Day", Target("birth_day")),
    ("Notes", Target("notes")),
)

_LINKEDIN = _table(
    ("First Name", Target("given_name")),
    ("Last Name", Target("family_name")),
    ("URL", Target("url", "linkedin")),
    ("Email Address", Target("email")),
    ("Company", Target("organization")),
    ("Position", Target("job_title")),
    ("Connected On", _NOTE),
)

_MAILCHIMP_BOOKKEEPING = (
    "MEMBER_RATING",
    "OPTIN_TIME",
    "OPTIN_IP",
    "CONFIRM_TIME",
    "CONFIRM_IP",
    "LATITUDE",
    "LONGITUDE",
    "GMTOFF",
    "DSTOFF",
    "TIMEZONE",
    "CC",
    "REGION",
    "LAST_CHANGED",
    "LEID",
    "EUID",
    "UNSUB_CAMPAIGN_TITLE",
    "UNSUB_CAMPAIGN_ID",
    "CLEAN_CAMPAIGN_TITLE",
    "CLEAN_CAMPAIGN_ID",
    "SOURCE",
)
_MAILCHIMP = _table(
    ("Email Address", Target("email")),
    ("First Name", Target("given_name")),
    ("Last Name", Target("family_name")),
    ("Address", Target("street")),
    ("Phone Number", Target("phone")),
    ("Birthday", Target("birthday", "month-first")),  # Mailchimp writes MM/DD
    ("NOTES", Target("notes")),
    ("TAGS", Target("tags")),
    ("UNSUB_TIME", Target("opted_out_at")),
    ("CLEAN_TIME", Target("opted_out_at")),
    (("UNSUB_REASON", "UNSUB_REASON_OTHER"), Target("opted_out_reason")),
    (_MAILCHIMP_BOOKKEEPING, _IGNORED),
)

_BREVO = _table(
    ("EMAIL", Target("email")),
    (("FIRSTNAME", "PRENOM"), Target("given_name")),
    (("LASTNAME", "NOM"), Target("family_name")),
    ("SMS", Target("phone", "mobile")),
    (("LANDLINE_NUMBER", "TELEPHONE"), Target("phone", "work")),
    (
        ("EMAIL_BLACKLISTED", "BLACKLISTED", "EMAIL_BLOCKLISTED", "BLOCKLISTED", "UNSUBSCRIBED"),
        Target("opted_out"),
    ),
    (("UNSUBSCRIBED_AT", "UNSUBSCRIPTION_DATE", "BLOCKLISTED_AT"), Target("opted_out_at")),
    (
        (
            "CONTACT ID",
            "CONTACT_ID",
            "ID",
            "ADDED_TIME",
            "MODIFIED_TIME",
            "SMS_BLACKLISTED",
            "SMS_BLOCKLISTED",
            "DOUBLE_OPT-IN",
            "OPT_IN",
            "_LISTIDS",
            "LIST_IDS",
        ),
        _IGNORED,
    ),
)

_MEDIA = _table(
    (
        ("Outlet", "Outlet Name", "Outlet(s)", "Media Outlet", "Outlet / Publication"),
        Target("organization"),
    ),
    (
        ("Outlet Type", "Media Type", "Outlet Format", "Type de média", "Type de support"),
        _NOTE,
    ),
    (
        ("Beats", "Beat", "Topics", "Subjects", "Coverage", "Coverage Areas", "Thématiques"),
        Target("beats"),
    ),
    (
        ("Twitter", "Twitter Handle", "X Handle", "X (Twitter)", "X/Twitter", "X / Twitter"),
        Target("url", "twitter"),
    ),
    (
        ("LinkedIn", "LinkedIn URL", "LinkedIn Profile", "LinkedIn profile URL"),
        Target("url", "linkedin"),
    ),
    (("Instagram", "Instagram Handle"), Target("url", "instagram")),
    (("Bluesky", "Bluesky Handle"), Target("url", "bluesky")),
    (("Muck Rack URL", "Muck Rack Profile", "Profile URL"), Target("url", "profile")),
    (("Outlet Website", "Outlet URL"), Target("url", "website")),
    (("Name", "Contact Name", "Full Name", "Journalist", "Journalist Name"), Target("full_name")),
    # "Title", "Job Title", "Position": left to the automatic mapping, which tells a title
    # column holding civilities (M., Mme) from one holding functions by its values
    (("Location", "Outlet Location", "Time Zone", "Language(s)", "Languages"), _NOTE),
    (
        ("Cision ID", "Contact ID", "Outlet ID", "Meltwater ID", "Muck Rack ID", "Last Updated"),
        _IGNORED,
    ),
)

# Google's numbered columns: "E-mail 1 - Label", "Phone 2 - Value", "Address 1 - City"...
_NUMBERED = re.compile(r"^(.+?)\s+(\d+)\s+-\s+(.+)$")
_GOOGLE_ADDRESS = {
    "street": "street",
    "city": "city",
    "pobox": "po_box",
    "region": "region",
    "postalcode": "postal_code",
    "country": "country",
    "extendedaddress": "extended",
    "label": "address_label",
    "type": "address_label",
}
_GOOGLE = _table(
    (("First Name", "Given Name"), Target("given_name")),
    (("Middle Name", "Additional Name"), Target("additional_names")),
    (("Last Name", "Family Name"), Target("family_name")),
    ("Name", Target("display_name")),
    ("Name Prefix", Target("civility")),
    ("Name Suffix", Target("name_suffix")),
    ("Organization Name", Target("organization")),
    ("Organization Title", Target("job_title")),
    ("Organization Department", Target("department")),
    ("Birthday", Target("birthday")),
    ("Notes", Target("notes")),
    (("Labels", "Group Membership"), Target("tags")),
    (
        (
            "Nickname",
            "Short Name",
            "Maiden Name",
            "Occupation",
            "Hobby",
            "Location",
            "Language",
            "Billing Information",
            "Directory Server",
            "Subject",
            "Phonetic First Name",
            "Phonetic Middle Name",
            "Phonetic Last Name",
        ),
        _NOTE,
    ),
    (
        (
            "File As",
            "Photo",
            "Initials",
            "Gender",
            "Mileage",
            "Sensitivity",
            "Priority",
            "Yomi Name",
            "Given Name Yomi",
            "Additional Name Yomi",
            "Family Name Yomi",
        ),
        _IGNORED,
    ),
)


def _google_numbered(header: str, has_parts: Callable[[int], bool]) -> Target | None:
    """A numbered Google column, or None when it is not one."""
    match = _NUMBERED.match(header.strip())
    if match is None:
        return None
    kind, number, part = header_key(match[1]), int(match[2]), header_key(match[3])
    slot = max(number - 1, 0)
    if kind in ("email", "phone", "website"):
        field_name = {"email": "email", "phone": "phone", "website": "url"}[kind]
        if part == "value":
            return Target(field_name, "", slot)
        if part in ("label", "type"):
            return Target(f"{field_name}_label", "", slot)
        return _NOTE
    if kind == "address":
        if part == "formatted":
            # The parts hold the same address; the formatted text is the address only when
            # the export has no parts for it.
            return _IGNORED if has_parts(number) else Target("street", "", slot)
        name = _GOOGLE_ADDRESS.get(part)
        return Target(name, "", slot) if name else _NOTE
    if kind == "organization":
        if number == 1:
            return {
                "name": Target("organization"),
                "title": Target("job_title"),
                "department": Target("department"),
                "type": _IGNORED,
                "yominame": _IGNORED,
                "symbol": _IGNORED,
            }.get(part, _NOTE)
        return _NOTE
    return _NOTE  # Relation, Event, IM, Custom Field, External ID...


# -- the exports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownExport:
    """A tool's export the desk recognises by its headers, and how its columns map."""

    key: str
    table: dict[str, list[Target]]
    # Whether every person of the file is opted out (an unsubscribed audience), and the
    # reason they get when the file gives none (a ``CATALOGUE`` code).
    opted_out: bool = False
    reason: str = ""
    # Reason for a person the file marks opted out (Brevo's blocklist column).
    reason_when_marked: str = ""
    numbered: bool = False  # Google's numbered columns
    extra: tuple[str, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        """The export's name in the current language."""
        return export_name(self.key)

    def columns(self, headers: Sequence[str]) -> dict[int, Target | None]:
        """Column index -> target for the columns this export knows (None: left out on
        purpose, the tool's own bookkeeping); columns it does not know are absent."""
        keys = [header_key(h) for h in headers]
        used: dict[str, int] = {}
        out: dict[int, Target | None] = {}
        address_parts = {
            int(m[2])
            for h in headers
            if (m := _NUMBERED.match(h.strip())) is not None
            and header_key(m[1]) == "address"
            and header_key(m[3]) in ("street", "city", "postalcode")
        }
        for index, key in enumerate(keys):
            if not key:
                continue
            targets = self.table.get(key)
            target: Target | None
            if targets:
                nth = used.get(key, 0)
                used[key] = nth + 1
                target = targets[min(nth, len(targets) - 1)]
            elif self.numbered:
                found = _google_numbered(headers[index], lambda n: n in address_parts)
                if found is None:
                    continue
                target = found
            else:
                continue
            out[index] = None if target is _IGNORED else target
        return out

    def finish(self, data: ContactData, fields: set[str] | None) -> None:
        """The export's rules that are not columns, on one converted row: a person of an
        unsubscribed or cleaned audience is opted out, with a reason."""
        if self.opted_out and not data.opted_out:
            data.opted_out = True
        if data.opted_out and not data.opted_out_reason:
            code = self.reason if self.opted_out else self.reason_when_marked
            if code:
                data.opted_out_reason = render_in(CATALOGUE, code)
        if fields is not None and data.opted_out:
            fields |= {"opted_out", "opted_out_at", "opted_out_reason"}


def _keys(headers: Sequence[str]) -> set[str]:
    return {header_key(h) for h in headers if h}


def _has(keys: set[str], *names: str) -> bool:
    return all(header_key(n) in keys for n in names)


def _any(keys: set[str], *names: str) -> bool:
    return any(header_key(n) in keys for n in names)


def _file_says(file_name: str, *words: str) -> bool:
    name = file_name.lower().replace("-", "_")
    return any(name.startswith(w) or f"_{w}" in name for w in words)


GOOGLE = KnownExport("google", _GOOGLE, numbered=True)
GOOGLE_LEGACY = KnownExport("google_legacy", _GOOGLE, numbered=True)
OUTLOOK_EN = KnownExport("outlook_en", _OUTLOOK_EN)
OUTLOOK_FR = KnownExport("outlook_fr", _OUTLOOK_FR)
THUNDERBIRD = KnownExport("thunderbird", _THUNDERBIRD)
LINKEDIN = KnownExport("linkedin", _LINKEDIN)
MAILCHIMP = KnownExport("mailchimp", _MAILCHIMP)
MAILCHIMP_UNSUBSCRIBED = KnownExport(
    "mailchimp_unsubscribed", _MAILCHIMP, True, "reason_mailchimp_unsubscribed"
)
MAILCHIMP_CLEANED = KnownExport("mailchimp_cleaned", _MAILCHIMP, True, "reason_mailchimp_cleaned")
BREVO = KnownExport("brevo", _BREVO, reason_when_marked="reason_brevo")
BREVO_BLOCKLISTED = KnownExport("brevo_blocklisted", _BREVO, True, "reason_brevo")
MEDIA_DATABASE = KnownExport("media_database", _MEDIA)

EXPORTS: dict[str, KnownExport] = {
    e.key: e
    for e in (
        GOOGLE,
        GOOGLE_LEGACY,
        OUTLOOK_EN,
        OUTLOOK_FR,
        THUNDERBIRD,
        LINKEDIN,
        MAILCHIMP,
        MAILCHIMP_UNSUBSCRIBED,
        MAILCHIMP_CLEANED,
        BREVO,
        BREVO_BLOCKLISTED,
        MEDIA_DATABASE,
    )
}


def recognise(headers: Sequence[str], file_name: str = "") -> KnownExport | None:
    """The export whose signature ``headers`` carry (``file_name`` tells Mailchimp's and
    Brevo's unsubscribed files apart when their columns do not), or None."""
    keys = _keys(headers)
    if not keys:
        return None
    if _has(keys, "First Name", "Last Name", "Organization Name") and _any(
        keys, "E-mail 1 - Value", "Phone 1 - Value", "Labels", "File As"
    ):
        return GOOGLE
    if _has(keys, "Given Name", "Family Name") and _any(
        keys, "E-mail 1 - Value", "Group Membership", "Organization 1 - Name"
    ):
        return GOOGLE_LEGACY
    if _has(keys, "First Name", "Last Name", "Job Title", "Business Street") and _any(
        keys, "E-mail Address", "Mobile Phone", "Categories"
    ):
        return OUTLOOK_EN
    if _has(keys, "Prénom", "Nom", "Rue (bureau)") and _any(
        keys, "Adresse de messagerie", "Tél. mobile", "Catégories"
    ):
        return OUTLOOK_FR
    if _has(keys, "Primary Email", "Display Name") and _any(keys, "Birth Year", "Work ZipCode"):
        return THUNDERBIRD
    if _has(keys, "First Name", "Last Name", "Connected On") and _any(keys, "Company", "URL"):
        return LINKEDIN
    if _has(keys, "Email Address") and _any(keys, "MEMBER_RATING", "LEID", "EUID", "OPTIN_TIME"):
        if _any(keys, "CLEAN_TIME") or _file_says(file_name, "cleaned"):
            return MAILCHIMP_CLEANED
        if _any(keys, "UNSUB_TIME") or _file_says(file_name, "unsubscribed"):
            return MAILCHIMP_UNSUBSCRIBED
        return MAILCHIMP
    raw = [h.strip() for h in headers if h and h.strip()]
    if (
        _has(keys, "EMAIL")
        and all(h.upper() == h for h in raw)
        and _any(keys, "ADDED_TIME", "MODIFIED_TIME", "EMAIL_BLACKLISTED", "EMAIL_BLOCKLISTED")
    ):
        if _file_says(file_name, "blocklist", "blacklist", "unsubscribed", "desinscrit"):
            return BREVO_BLOCKLISTED
        return BREVO
    outlet = _any(keys, "Outlet", "Outlet Name", "Outlet(s)", "Media Outlet")
    media = _any(keys, "Beats", "Beat", "Topics", "Subjects", "Outlet Type", "Media Type")
    social = _any(keys, "Twitter", "Twitter Handle", "X Handle", "LinkedIn", "LinkedIn URL")
    if outlet and (media or social):
        return MEDIA_DATABASE
    return None


def parse_timestamp(text: str) -> datetime | None:
    """A date and time as the tools write them ("2024-03-12 09:15:02", ISO 8601 with or
    without a zone, "12/03/2024 09:15"), aware, in UTC; None when it is not one."""
    value = text.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
            try:
                parsed = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    # The tools write UTC; the database wants aware times.
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
