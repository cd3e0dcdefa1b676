"""Finding the header row of a press file and guessing what each column holds.

Press files start with a title, a logo or a blank line; headers are French or English with
many spellings ("Tél.", "N° de portable", "Adresse électronique", "E-mail pro"); some headers
are merged over two columns or sit on two rows ("Téléphone" above "Fixe" | "Portable").
Headers are compared folded (case, accents, punctuation ignored); sample values settle what a
header leaves open ("Adresse" full of @ is an email column) and name columns without a header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.text import fold
from fiac_press_desk.interchange.known_exports import recognise
from fiac_press_desk.interchange.spreadsheet_mapping import ColumnMapping, Target, header_key
from fiac_press_desk.interchange.spreadsheet_read import CellValue, MergedRange, is_blank

HEADER_SCAN_ROWS = 30  # a header further down than this is not a header
SAMPLE_ROWS = 50

# Exact headers (folded, alphanumerics only). Our own export's headers are all here, in both
# languages, so an exported sheet maps back without guessing.
_EXACT: dict[str, Target] = {}


def _add(target: Target, *names: str) -> None:
    for name in names:
        _EXACT[header_key(name)] = target


_add(Target("id"), "ID", "Identifiant", "Id contact", "N° de contact", "Contact ID", "Réf.")
_add(Target("kind"), "Type", "Type de contact", "Catégorie de contact", "Kind", "Contact type")
_add(
    Target("civility"), "Civilité", "Civ.", "Salutation", "Titre de civilité", "Mr/Mrs", "Honorific"
)
_add(Target("given_name"), "Prénom", "Prenoms", "First name", "Firstname", "Given name")
_add(
    Target("family_name"),
    "Nom",
    "Nom de famille",
    "Last name",
    "Lastname",
    "Surname",
    "Family name",
    "Nom patronymique",
)
_add(
    Target("full_name"),
    "Nom complet",
    "Prénom Nom",
    "Nom Prénom",
    "Nom et prénom",
    "Prénom et nom",
    "Full name",
    "Name",
    "Contact",
    "Journaliste",
    "Interlocuteur",
)
_add(Target("display_name"), "Nom affiché", "Display name")
_add(
    Target("organization"),
    "Média",
    "Médias",
    "Support",
    "Rédaction",
    "Société",
    "Organisme",
    "Organisation",
    "Entreprise",
    "Structure",
    "Établissement",
    "Journal",
    "Titre de presse",
    "Média / organisme",
    "Media outlet",
    "Outlet",
    "Media",
    "Publication",
    "Company",
    "Organization",
    "Organisation name",
    "Employer",
    "Media / organisation",
)
_add(Target("department"), "Service", "Département interne", "Department", "Desk")
_add(
    Target("job_title"),
    "Fonction",
    "Poste",
    "Titre",
    "Intitulé de poste",
    "Job title",
    "Position",
    "Job",
    "Title",
    "Role in outlet",
)
_add(Target("role"), "Rôle", "Role")
_add(
    Target("email"),
    "Courriel",
    "Courriels",
    "E-mail",
    "E-mails",
    "Email",
    "Mail",
    "Mél",
    "Adresse électronique",
    "Adresse mail",
    "Adresse e-mail",
    "Email address",
    "E-mail address",
    "Emails",
)
_add(Target("email", "work"), "E-mail pro", "Courriel professionnel", "Mail pro", "Work email")
_add(Target("email", "home"), "E-mail perso", "Courriel personnel", "Mail perso", "Home email")
_add(
    Target("phone"),
    "Téléphone",
    "Téléphones",
    "Tél.",
    "Tel",
    "Tél",
    "Phone",
    "Phones",
    "Telephone",
    "Phone number",
    "Numéro de téléphone",
    "N° de téléphone",
)
_add(
    Target("phone", "work"),
    "Fixe",
    "Tél. fixe",
    "Téléphone fixe",
    "Ligne directe",
    "Tél. pro",
    "Téléphone professionnel",
    "Work phone",
    "Office phone",
    "Landline",
    "Direct line",
    "Standard",
)
_add(
    Target("phone", "mobile"),
    "Portable",
    "Mobile",
    "Tél. portable",
    "Téléphone portable",
    "Tél. mobile",
    "GSM",
    "Cellulaire",
    "Mobile phone",
    "Cell",
    "Cell phone",
    "Cellphone",
)
_add(Target("phone", "home"), "Tél. domicile", "Téléphone personnel", "Home phone")
_add(Target("phone", "fax"), "Fax", "Télécopie")
_add(
    Target("url"),
    "Site web",
    "Sites web",
    "Site",
    "Site internet",
    "Web",
    "URL",
    "Website",
    "Websites",
)
_add(Target("url", "linkedin"), "LinkedIn")
_add(Target("url", "twitter"), "Twitter", "X (Twitter)")
_add(Target("url", "mastodon"), "Mastodon")
_add(
    Target("street"),
    "Adresse",
    "Adresse postale",
    "Adresse 1",
    "Rue",
    "Voie",
    "Address",
    "Street",
    "Street address",
    "Address line 1",
    "Postal address",
)
_add(
    Target("extended"),
    "Complément d'adresse",
    "Adresse 2",
    "Complément",
    "Adresse (suite)",
    "Address line 2",
    "Address 2",
    "Extended address",
)
_add(Target("po_box"), "Boîte postale", "BP", "PO Box", "P.O. Box")
_add(
    Target("postal_code"),
    "CP",
    "Code postal",
    "Code Postal",
    "C.P.",
    "Postal code",
    "Postcode",
    "ZIP",
    "Zip code",
)
_add(Target("city"), "Ville", "Commune", "Localité", "City", "Town")
_add(Target("region"), "Région", "Département", "Province", "Region", "State", "County")
_add(Target("country"), "Pays", "Country")
_add(Target("address_label"), "Type d'adresse", "Address type")
_add(
    Target("beats"),
    "Thématiques",
    "Thématique",
    "Thèmes",
    "Rubrique",
    "Rubriques",
    "Centres d'intérêt",
    "Centre d'intérêt",
    "Sujets",
    "Domaines",
    "Spécialité",
    "Spécialités",
    "Beats",
    "Beat",
    "Topics",
    "Interests",
    "Areas of interest",
)
_add(Target("tags"), "Étiquettes", "Étiquette", "Mots-clés", "Tags", "Tag", "Keywords", "Labels")
_add(
    Target("lists"),
    "Listes",
    "Liste",
    "Listes de diffusion",
    "Liste de diffusion",
    "Groupes",
    "Lists",
    "List",
    "Distribution lists",
    "Mailing lists",
)
_add(
    Target("notes"),
    "Commentaire",
    "Commentaires",
    "Notes",
    "Note",
    "Remarques",
    "Remarque",
    "Observations",
    "Comments",
    "Comment",
    "Remarks",
)
_add(
    Target("birthday"),
    "Date de naissance",
    "Anniversaire",
    "Né(e) le",
    "Naissance",
    "Birthday",
    "Date of birth",
    "Birth date",
    "DOB",
)
_add(Target("birth_year"), "Année de naissance", "Birth year", "Year of birth")
_add(Target("birth_month"), "Mois de naissance", "Birth month", "Month of birth")
_add(Target("birth_day"), "Jour de naissance", "Day of birth")  # "Birth day" folds as "Birthday"
_add(Target("language"), "Langue", "Language")
_add(
    Target("opted_out"),
    "Désinscrit",
    "Désinscrite",
    "Désinscription",
    "Désabonné",
    "Opt-out",
    "Opted out",
    "Unsubscribed",
)
_add(
    Target("opted_out_at"),
    "Date de désinscription",
    "Désinscrit le",
    "Opt-out date",
    "Opted out on",
    "Unsubscribed on",
)
_add(
    Target("opted_out_reason"),
    "Motif de désinscription",
    "Raison de la désinscription",
    "Opt-out reason",
    "Unsubscribe reason",
)
_add(Target("lawful_basis"), "Base légale", "Lawful basis", "Legal basis")
for _own in own_fields(ContactData):  # the desk's own texts (domain.contact_fields)
    _add(Target(_own.name), *_own.aliases, *_own.headers)
_add(Target("uid"), "UID", "vCard UID")

# Words that make a header mean something even among other words ("N° de portable pro").
_WORD_RULES: tuple[tuple[frozenset[str], Target], ...] = (
    (frozenset({"fax", "telecopie"}), Target("phone", "fax")),
    (frozenset({"portable", "mobile", "gsm", "cellulaire", "cell"}), Target("phone", "mobile")),
    (frozenset({"fixe", "landline"}), Target("phone", "work")),
    (frozenset({"tel", "telephone", "phone", "standard"}), Target("phone")),
    (frozenset({"courriel", "email", "mail", "mel", "e-mail", "electronique"}), Target("email")),
    (frozenset({"prenom", "prenoms", "firstname"}), Target("given_name")),
    (frozenset({"cp", "postal", "zip", "postcode"}), Target("postal_code")),
    (frozenset({"ville", "city", "commune", "localite"}), Target("city")),
    (frozenset({"pays", "country"}), Target("country")),
    (frozenset({"civilite", "salutation"}), Target("civility")),
    (frozenset({"fonction", "poste", "job"}), Target("job_title")),
    (
        frozenset(
            {
                "media",
                "medias",
                "support",
                "redaction",
                "societe",
                "organisme",
                "organisation",
                "organization",
                "entreprise",
                "structure",
                "journal",
                "outlet",
                "company",
            }
        ),
        Target("organization"),
    ),
    (
        frozenset({"thematique", "thematiques", "rubrique", "rubriques", "interet", "topics"}),
        Target("beats"),
    ),
    (frozenset({"etiquette", "etiquettes", "tags", "tag"}), Target("tags")),
    (frozenset({"liste", "listes", "lists"}), Target("lists")),
    (frozenset({"commentaire", "commentaires", "notes", "remarques", "comments"}), Target("notes")),
    (frozenset({"naissance", "anniversaire", "birthday", "birth"}), Target("birthday")),
    (frozenset({"site", "web", "url", "linkedin", "twitter"}), Target("url")),
    (frozenset({"adresse", "address", "rue", "street"}), Target("street")),
    (frozenset({"nom", "name", "surname", "lastname"}), Target("family_name")),
)
_HOME_WORDS = frozenset(
    {"perso", "personnel", "personnelle", "domicile", "home", "prive", "privee"}
)
_WORK_WORDS = frozenset({"pro", "professionnel", "professionnelle", "bureau", "work", "office"})
_WORD = re.compile(r"[^\W_]+")
_SLOT = re.compile(r"\s*(?:#\s*(\d)|\((\d)\))\s*$")


# Longer cells are text, never a header nor a typed value: the header search and the sample
# kinds stop there (a 10 MiB cell in the first rows cost half a minute, issue 18).
LONGEST_HEADER = 500


def header_words(text: str) -> list[str]:
    """The folded words of a header (what the header rules compare)."""
    return _WORD.findall(fold(text))


def target_from_header(text: str) -> Target | None:
    """The target a header names by itself, or None when it says nothing we know."""
    if len(text) > LONGEST_HEADER:
        return None  # a paragraph is no header (and folding 10 MiB cells took seconds each)
    key = header_key(text)
    if not key:
        return None
    # "Ville #2", "Code postal (2)": the same column for a second postal address (our export
    # writes "#2"; "Adresse 2" alone is the usual second line of an address).
    slot_match = _SLOT.search(text)
    if slot_match:
        base = _EXACT.get(header_key(text[: slot_match.start()]))
        if base is not None and base.spec.addressed:
            number = int(slot_match.group(1) or slot_match.group(2))
            return Target(base.field, base.label, max(number - 1, 0))
    exact = _EXACT.get(key)
    if exact is not None:
        return exact
    words = set(header_words(text))
    for keywords, target in _WORD_RULES:
        if not words & keywords:
            continue
        qualifier = "home" if words & _HOME_WORDS else "work" if words & _WORK_WORDS else ""
        if target.field == "street" and words & {"mail", "electronique", "email"}:
            return Target("email", qualifier)
        if target.field == "family_name" and words & {"media", "organisme", "structure"}:
            return Target("organization")
        if target.field == "family_name" and words & {"complet", "full", "prenom"}:
            return Target("full_name")
        if target.spec.labelled:
            return Target(target.field, target.label or qualifier)
        if target.spec.addressed:
            return Target(target.field, qualifier)
        return target
    return None


# -- what sample values look like ---------------------------------------------------------------

# An address, not a link that contains "@" (https://social.example.org/@name).
_EMAIL_LIKE = re.compile(r"(?<![/\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE_CHARS = re.compile(r"^[+()\d\s./-]{8,}$")
_POSTCODE = re.compile(r"^(?:\d{4,5}|\d{2}\s\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$")
_CIVILITIES = frozenset(
    {"m", "mme", "mlle", "mr", "mrs", "ms", "miss", "dr", "pr", "monsieur", "madame", "me"}
)


def _text(value: CellValue | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def value_kind(value: CellValue | None) -> str | None:
    """'email', 'phone', 'postcode', 'date', 'civility', 'number' or 'text' for one value."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "text"
    if hasattr(value, "isoformat"):
        return "date"
    if isinstance(value, str) and len(value) > LONGEST_HEADER:
        return "text"  # no email, phone, postcode or civility is this long: not scanned
    text = _text(value)
    if _EMAIL_LIKE.search(text):
        return "email"
    digits = sum(ch.isdigit() for ch in text)
    if isinstance(value, int | float):
        if 8 <= digits <= 12:
            return "phone"
        if 4 <= digits <= 5:
            return "postcode"
        return "number"
    if _PHONE_CHARS.match(text) and 8 <= digits <= 15:
        return "phone"
    if _POSTCODE.match(text):
        return "postcode"
    if fold(text).strip(".") in _CIVILITIES:
        return "civility"
    if text.isdigit():
        return "number"
    return "text"


def dominant_kind(samples: Sequence[CellValue | None]) -> tuple[str | None, float]:
    """The most frequent kind among non-blank samples and its share."""
    kinds = [k for k in (value_kind(v) for v in samples) if k is not None]
    if not kinds:
        return None, 0.0
    best = max(set(kinds), key=kinds.count)
    return best, kinds.count(best) / len(kinds)


def guess_target(header: str, samples: Sequence[CellValue | None]) -> Target | None:
    """Header first; sample values confirm, correct, or decide alone when the header is silent."""
    target = target_from_header(header)
    kind, share = dominant_kind(samples)
    strong = share >= 0.6
    if target is not None:
        if strong and kind == "email" and target.field not in ("email", "notes", "url"):
            return Target("email", target.label if target.spec.labelled else "")
        if target.field in ("job_title", "kind") and strong and kind == "civility":
            return Target("civility")  # "Titre" / "Title" holding M., Mme...
        if target.field == "id" and strong and kind not in ("number", "postcode", "phone"):
            return None  # "Réf." holding text is not our ID
        if target.field == "street" and strong and kind == "phone":
            return Target("phone")
        return target
    if not strong:
        return None
    return {
        "email": Target("email"),
        "phone": Target("phone"),
        "postcode": Target("postal_code"),
        "civility": Target("civility"),
    }.get(kind or "")


# -- header row -----------------------------------------------------------------------------------


def _row_score(cells: Sequence[CellValue | None]) -> tuple[int, int]:
    """(recognised headers - data-looking cells, non-blank text cells)."""
    recognised = data_like = texts = 0
    for value in cells:
        if is_blank(value):
            continue
        if not isinstance(value, str):
            data_like += 1
            continue
        texts += 1
        kind = value_kind(value)
        if kind in ("email", "phone", "date"):
            data_like += 1
        elif target_from_header(value) is not None:
            recognised += 1
    return recognised - data_like, texts


def find_header_row(rows: Sequence[Sequence[CellValue | None]]) -> int | None:
    """Index (into ``rows``) of the header row, or None when the sheet has none.

    The row naming the most known fields wins; a title row ("Fichier presse – mars 2024")
    names none and is passed over. Without two recognised headers, the first row of two or
    more text cells above a row of data is taken, unless it looks like data itself.
    """
    best, best_score = None, (1, 0)
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = _row_score(cells)
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        filled = [v for v in cells if not is_blank(v)]
        if len(filled) < 2:
            continue
        if all(isinstance(v, str) and value_kind(v) in ("text", "civility") for v in filled):
            following = [r for r in rows[index + 1 : index + 6] if any(not is_blank(v) for v in r)]
            if following and any(
                value_kind(v) in ("email", "phone", "date", "postcode", "number")
                for r in following
                for v in r
            ):
                return index
        return None
    return None


def fill_merged(
    rows: list[list[CellValue]], merged: Sequence[MergedRange], first_row: int = 0
) -> None:
    """Copy each merged block's value into every cell it covers (rows are 0-based from
    ``first_row``), so "Téléphone" merged over two columns names both."""
    for block in merged:
        top = block.first_row - first_row
        if top < 0 or top >= len(rows):
            continue
        row = rows[top]
        value = row[block.first_col] if block.first_col < len(row) else ""
        if is_blank(value):
            continue
        for r in range(top, min(block.last_row - first_row, len(rows) - 1) + 1):
            target = rows[r]
            if len(target) <= block.last_col:
                target.extend([""] * (block.last_col + 1 - len(target)))
            for c in range(block.first_col, block.last_col + 1):
                if is_blank(target[c]):
                    target[c] = value


@dataclass
class HeaderLayout:
    """Where the data start and what each column is called."""

    header_index: int | None  # index into the scanned rows of the (last) header row
    headers: list[str]
    data_start: int  # index of the first data row


def read_headers(rows: list[list[CellValue]], merged: Sequence[MergedRange] = ()) -> HeaderLayout:
    """Header row (two rows when a merged header has sub-headers below it) and names."""
    spanning = [m for m in merged if m.last_col > m.first_col or m.last_row > m.first_row]
    filled = [list(r) for r in rows]
    fill_merged(filled, spanning)
    index = find_header_row(filled)
    if index is None:
        return HeaderLayout(None, [], 0)
    width = max((len(r) for r in filled[: index + 2]), default=0)
    top = [_text(v) for v in filled[index]] + [""] * (width - len(filled[index]))
    headers, data_start = top, index + 1
    below = filled[index + 1] if index + 1 < len(filled) else []
    merged_here = [m for m in spanning if m.first_row == index and m.last_col > m.first_col]
    if below and _looks_like_subheaders(below, top, merged_here):
        sub = [_text(v) for v in below] + [""] * (width - len(below))
        headers = [
            _combine(top[col], sub[col]) if sub[col] and sub[col] != top[col] else top[col]
            for col in range(width)
        ]
        data_start = index + 2
        index += 1
    return HeaderLayout(index, headers, data_start)


def _looks_like_subheaders(
    row: Sequence[CellValue | None], top: Sequence[str], blocks: Sequence[MergedRange]
) -> bool:
    """A second header row: under a merged header, or (a CSV keeps no merges) only known
    header words, at least one of them under an empty top header ("Téléphone" | "" above
    "Fixe" | "Portable")."""
    filled = [(c, v) for c, v in enumerate(row) if not is_blank(v)]
    if not filled or not all(
        isinstance(v, str) and value_kind(v) in ("text", "civility") for _, v in filled
    ):
        return False
    if any(m.first_col <= c <= m.last_col for m in blocks for c, _ in filled):
        return True
    return all(target_from_header(str(v)) is not None for _, v in filled) and any(
        c >= len(top) or not top[c] for c, _ in filled
    )


def _combine(top: str, sub: str) -> str:
    """The name of a sub-header column: the sub-header alone if it says enough."""
    if target_from_header(sub) is not None:
        return sub
    return f"{top} {sub}".strip()


def automatic_mapping(
    headers: Sequence[str], samples: Sequence[Sequence[CellValue | None]]
) -> dict[int, Target]:
    """Column index -> Target for every column the headers or the values explain.

    A single-valued field claimed twice keeps its first column (the second address column
    becomes its complement); an ambiguous "Nom" next to "Prénom" stays the family name.
    """
    width = max([len(headers)] + [len(r) for r in samples])
    out: dict[int, Target] = {}
    taken: set[tuple[str, int]] = set()
    for col in range(width):
        header = headers[col] if col < len(headers) else ""
        column = [r[col] if col < len(r) else None for r in samples]
        target = guess_target(header, column)
        if target is None:
            continue
        key = (target.field, target.slot)
        if not target.spec.multi and key in taken:
            if target.field == "street" and ("extended", target.slot) not in taken:
                target = Target("extended", target.label, target.slot)
                key = ("extended", target.slot)
            else:
                continue
        taken.add(key)
        out[col] = target
    if ("full_name", 0) in taken and (("given_name", 0) in taken or ("family_name", 0) in taken):
        for col, target in list(out.items()):
            if target.field == "full_name":
                del out[col]  # "Contact" beside real name columns is not a name
    return out


def mapping_for(
    rows: list[list[CellValue]],
    merged: Sequence[MergedRange] = (),
    sheet: str | None = None,
    source_name: str = "",
) -> tuple[ColumnMapping, HeaderLayout]:
    """Automatic mapping of the first rows of a sheet (0-based rows from row 1): the mapping
    of a known tool export (``known_exports``) when the headers are one, completed by the
    guess from headers and values for the columns it does not know. ``source_name`` (the
    file's name) tells apart the exports whose columns alone do not."""
    layout = read_headers(rows, merged)
    samples = [
        r
        for r in rows[layout.data_start : layout.data_start + SAMPLE_ROWS]
        if any(not is_blank(v) for v in r)
    ]
    header_row = layout.header_index + 1 if layout.header_index is not None else None
    export = recognise(layout.headers, source_name) if layout.headers else None
    if export is None:
        columns = automatic_mapping(layout.headers, samples)
        return ColumnMapping(columns, header_row, layout.headers, sheet), layout
    known = export.columns(layout.headers)
    # The columns the export does not know are guessed as usual (a custom field of the tool),
    # without claiming a field the export's own columns already fill.
    rest = [h if i not in known else "" for i, h in enumerate(layout.headers)]
    guessed = automatic_mapping(
        rest, [[v if i not in known else None for i, v in enumerate(r)] for r in samples]
    )
    taken = {(t.field, t.slot) for t in known.values() if t is not None}
    columns = {i: t for i, t in known.items() if t is not None}
    for index, target in guessed.items():
        if index in known or (not target.spec.multi and (target.field, target.slot) in taken):
            continue
        columns[index] = target
    mapping = ColumnMapping(columns, header_row, layout.headers, sheet, export.key)
    return mapping, layout
