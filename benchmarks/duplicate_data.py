"""A press file with planted duplicates, for the duplicate finder's benchmark: the generator
knows which records are one person, so every pair the finder reports is known true or false.

People: given names from a weighted pool (a few very common, a long tail), family names from
a weighted pool of common French names and a long tail of made-up ones built from syllables
(some of them one letter apart, as real names are: Bertin/Bertain), one in twenty compound
(Lefèvre-Dupré). Outlets: a few very large ones (national groups, up to 1,500 people), many
small ones, each with its own domain, a switchboard shared by its journalists and, for some, a
desk address ("redaction@") given to several of them. One in ten people is a freelancer with
no outlet. Personal addresses at public providers (Gmail, Orange, Free, Yahoo...), mobiles of
their own. One in twenty archived.

Planted duplicates (``rate`` of the file, 2% by default), each a second record of a person,
of one of these kinds (evenly):

* ``typo``: a slip in the family name (a letter changed for a neighbour on the keyboard,
  dropped, doubled, or two swapped), same outlet, no address copied;
* ``swapped``: given and family names swapped, same outlet;
* ``moved_email``: a new outlet, the same name, the same personal address;
* ``moved_mobile``: a new outlet, the same name, the same mobile;
* ``gmail``: the Gmail address written with other dots or a ``+tag``, same name, new outlet
  or none;
* ``accents``: accents dropped (Hélène -> Helene), same outlet;
* ``hyphen``: the hyphen of a compound name dropped (Jean-Pierre -> Jean Pierre or Jeanpierre),
  same outlet.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone


def _words(text: str) -> list[str]:
    """Words of a literal; "_" joins the words of one name ("Le_Gall")."""
    return [w.replace("_", " ") for w in text.split()]


KINDS = ("typo", "swapped", "moved_email", "moved_mobile", "gmail", "accents", "hyphen")

GIVEN = _words(
    "Marie Jean Pierre Michel Philippe Nathalie Isabelle Sylvie Catherine Françoise Alain "
    "Nicolas Christophe Patrick Sandrine Stéphane Valérie Christine Frédéric Laurent Éric "
    "Céline Julien Sébastien Aurélie Émilie Thomas Camille Julie Antoine Hélène Élodie Jérôme "
    "Sophie Caroline Laure Anne Claire Olivier David Vincent Guillaume Benoît Mathilde Chloé "
    "Léa Manon Inès Zoé Lucas Hugo Louis Gabriel Arthur Jules Maël Noé Raphaël Théo Maxime "
    "Romain Clément Quentin Pauline Margaux Agnès Béatrice Brigitte Danièle Ghislaine Gérard "
    "René André Régis Rémi Loïc Gaëlle Maëlle Anaïs Noémie Joël Yannick Hervé Thierry Didier "
    "Pascal Bruno Fabrice Cédric Grégoire Amélie Mélanie Laetitia Virginie Séverine Karine "
    "Samia Karim Nadia Mehdi Youssef Fatima Leïla Sarah Ahmed Rachid Mohamed Yasmine Ines "
    "Wei Li Mei Chen Linh Minh Thanh Kofi Aminata Moussa Fatou Ibrahima Awa Oumar Mariam "
    "Anna Elena Sofia Lucia Giulia Marco Luca Paolo Carlos Javier Diego Ana Pilar "
    "Jean-Pierre Jean-Marc Jean-Luc Jean-François Jean-Claude Marie-Claire Marie-Hélène "
    "Anne-Sophie Anne-Laure Pierre-Yves Marie-France Jean-Baptiste Paul-Henri Marie-Christine"
)
FAMILY_COMMON = _words(
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel "
    "Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine "
    "Rousseau Vincent Muller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier "
    "François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu "
    "Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun "
    "Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche "
    "Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud "
    "Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq "
    "Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis "
    "Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris "
    "Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin "
    "Bailly Hervé Schneider Fernandez Le_Gall Collet Léger Bouvier Julien Prévost Millet "
    "Perrot Daniel Le_Roux Cousin Germain Breton Besson Langlois Rémy Le_Goff Pelletier Lévêque "
    "Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud "
    "Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin Chauvin "
    "Da_Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret "
    "Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte Nguyen "
    "Tran Benali Haddad Diallo Traoré Diop Ndiaye Cissé Kone Rossi Ferrari Silva Santos"
)
ONSETS = _words("b bl br c ch cl cr d dr f fl fr g gr gu j l m n p pl pr qu r s t tr v")
VOWELS = _words("a e i o u ou au ai eau é è")
CODAS = [*_words("rd rt n l r s t ll nd rn c x"), ""]
ENDINGS = _words(
    "ier in on ot et ard aud ault eau oux ais ès as el elle ac ec ic uc anne ange oix y ouin"
)
ADJECTIVES = _words(
    "Nouvel Grand Petit Libre Vrai Quotidien Hebdo Matin Soir Républicain Populaire Progrès "
    "Indépendant Écho Courrier Journal Dépêche Provence Midi Est Ouest Nord Centre Sud"
)
NOUNS = _words(
    "Santé Sciences Médecine Info Actu Observateur Magazine Radio Télé Presse Revue Tribune "
    "Gazette Voix Semaine Lettre Dossier Décision Recherche Numérique Data Onco Bio"
)
CITIES = _words(
    "Paris Lyon Marseille Toulouse Bordeaux Lille Nantes Strasbourg Rennes Nice Montpellier "
    "Grenoble Dijon Angers Nîmes Brest Limoges Tours Amiens Metz Besançon Caen Rouen Nancy"
)
PUBLIC = (
    ["gmail.com"] * 6
    + ["orange.fr"] * 2
    + ["free.fr", "yahoo.fr", "hotmail.fr", "laposte.net", "outlook.fr", "sfr.fr", "icloud.com"]
)
KEYBOARD = {
    "a": "zqs",
    "z": "aes",
    "e": "zrd",
    "r": "etf",
    "t": "ryg",
    "y": "tuh",
    "u": "yij",
    "i": "uok",
    "o": "ipl",
    "p": "om",
    "q": "asw",
    "s": "qdz",
    "d": "sfe",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "j": "hku",
    "k": "jli",
    "l": "kmo",
    "m": "lp",
    "w": "qx",
    "x": "wc",
    "c": "xv",
    "v": "cb",
    "b": "vn",
    "n": "bm",
}


@dataclass
class Outlet:
    name: str
    domain: str
    switchboard: str
    desk: str  # "" when it has no shared desk address


@dataclass
class Planted:
    """What the generator wrote: the records, and which of them are one person."""

    records: list[ContactData]
    person: list[int]  # person of each record
    pairs: list[tuple[int, int, str]]  # (original index, duplicate index, kind)
    by_kind: dict[str, int] = field(default_factory=dict)


def _zipf_weights(count: int, exponent: float) -> list[float]:
    return [1.0 / (rank**exponent) for rank in range(1, count + 1)]


def _family_names(rng: random.Random, count: int) -> list[str]:
    """The common names, then made-up ones of one or two syllables and an ending."""
    names = dict.fromkeys(FAMILY_COMMON)
    while len(names) < count:
        name = rng.choice(ONSETS) + rng.choice(VOWELS)
        if rng.random() < 0.5:
            name += rng.choice(CODAS)
        if rng.random() < 0.3:
            name += rng.choice(ONSETS) + rng.choice(VOWELS)
        name += rng.choice(ENDINGS)
        names[name[0].upper() + name[1:]] = None
    return list(names)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch if ch.isalnum() else "-" for ch in plain).strip("-").replace("--", "-")


def _outlets(rng: random.Random, count: int) -> tuple[list[Outlet], list[float]]:
    outlets: list[Outlet] = []
    seen: set[str] = set()
    while len(outlets) < count:
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        if rng.random() < 0.6:
            name += f" {rng.choice(CITIES)}"
        if name in seen:
            continue
        seen.add(name)
        domain = f"{_slug(name)}.example.fr"
        switchboard = f"+33{rng.choice('1234559')}{rng.randrange(10**8):08d}"
        desk = f"redaction@{domain}" if rng.random() < 0.3 else ""
        outlets.append(Outlet(name, domain, switchboard, desk))
    return outlets, _zipf_weights(count, 0.6)


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        number = f"+33{rng.choice('67')}{rng.randrange(10**8):08d}"
        if number not in used:
            used.add(number)
            return number


def generate(size: int, rate: float = 0.02, seed: int = 12) -> Planted:
    """``size`` records, ``rate`` of them second records of people among the others."""
    rng = random.Random(seed)
    planted_count = round(size * rate)
    people = size - planted_count
    given_weights = _zipf_weights(len(GIVEN), 0.5)
    families = _family_names(rng, 40_000)
    family_weights = _zipf_weights(len(families), 0.6)
    outlets, outlet_weights = _outlets(rng, max(20, people // 40))
    used_mobiles: set[str] = set()
    used_locals: set[tuple[str, str]] = set()
    records: list[ContactData] = []
    home: list[Outlet | None] = []
    givens = rng.choices(GIVEN, given_weights, k=people)
    family_draw = rng.choices(families, family_weights, k=people * 2)
    outlet_draw = rng.choices(outlets, outlet_weights, k=people)
    for i in range(people):
        given = givens[i]
        family = family_draw[2 * i]
        if rng.random() < 0.05:
            family = f"{family}-{family_draw[2 * i + 1]}"
        outlet = outlet_draw[i] if rng.random() < 0.9 else None
        emails: list[EmailAddress] = []
        phones: list[Phone] = []
        if outlet is not None:
            local = f"{_slug(given)}.{_slug(family)}".replace("-", "")
            if (local, outlet.domain) in used_locals:
                local = f"{local}{i}"
            used_locals.add((local, outlet.domain))
            if rng.random() < 0.8:
                emails.append(EmailAddress(f"{local}@{outlet.domain}", "work"))
            if outlet.desk and rng.random() < 0.15:
                emails.append(EmailAddress(outlet.desk, "work"))
            if rng.random() < 0.5:
                phones.append(Phone(outlet.switchboard, "work"))
        if outlet is None or rng.random() < 0.3:
            emails.append(EmailAddress(_personal(rng, given, family, i), "home"))
        if rng.random() < 0.6:
            phones.append(Phone(_mobile(rng, used_mobiles), "mobile"))
        records.append(
            ContactData(
                given_name=given,
                family_name=family,
                organization=outlet.name if outlet else "",
                job_title="Journaliste",
                emails=emails,
                phones=phones,
                archived=rng.random() < 0.05,
            )
        )
        home.append(outlet)
    person = list(range(people))
    pairs: list[tuple[int, int, str]] = []
    by_kind: dict[str, int] = {}
    taken: set[int] = set()
    for n in range(planted_count):
        kind = KINDS[n % len(KINDS)]
        original = _pick(rng, kind, records, home, taken)  # among the first records
        taken.add(original)
        duplicate = _duplicate(rng, kind, records[original], home[original], outlets, used_mobiles)
        pairs.append((original, len(records), kind))
        by_kind[kind] = by_kind.get(kind, 0) + 1
        records.append(duplicate)
        person.append(original)
    return Planted(records, person, pairs, by_kind)


def _pick(
    rng: random.Random,
    kind: str,
    records: list[ContactData],
    home: list[Outlet | None],
    taken: set[int],
) -> int:
    """A person this kind of duplicate can be made of: one with an outlet for the kinds that
    stay at the same outlet (a slip in the name of a freelancer nobody shares anything with
    is out of any finder's reach), with an accent or a hyphen to drop for those kinds."""
    while True:
        i = rng.randrange(len(home))  # one of the people, never a planted record
        if i in taken:
            continue
        record = records[i]
        name = record.given_name + record.family_name
        if kind in ("typo", "swapped", "accents", "hyphen") and home[i] is None:
            continue
        if kind == "accents" and _strip_accents(name) == name:
            continue
        if kind == "hyphen" and "-" not in name:
            continue
        return i


def _personal(rng: random.Random, given: str, family: str, i: int) -> str:
    domain = rng.choice(PUBLIC)
    local = f"{_slug(given)}.{_slug(family)}".replace("-", "")
    if rng.random() < 0.5:
        local = f"{local}{rng.randrange(1, 99)}"
    return f"{local}{i}@{domain}" if rng.random() < 0.3 else f"{local}.{i}@{domain}"


def _other_outlet(rng: random.Random, outlets: list[Outlet], current: Outlet | None) -> Outlet:
    while True:
        choice = rng.choice(outlets)
        if choice is not current:
            return choice


def _duplicate(
    rng: random.Random,
    kind: str,
    original: ContactData,
    outlet: Outlet | None,
    outlets: list[Outlet],
    used_mobiles: set[str],
) -> ContactData:
    given, family = original.given_name, original.family_name
    same_outlet = original.organization
    if kind == "typo":
        return ContactData(
            given_name=given, family_name=_typo(rng, family), organization=same_outlet
        )
    if kind == "swapped":
        emails = list(original.emails[:1]) if rng.random() < 0.5 else []
        return ContactData(
            given_name=family, family_name=given, organization=same_outlet, emails=emails
        )
    if kind == "moved_email":
        personal = next((e for e in original.emails if e.label == "home"), None)
        if personal is None:
            personal = EmailAddress(_personal(rng, given, family, rng.randrange(10**6)), "home")
            original.emails.append(personal)
        new = _other_outlet(rng, outlets, outlet)
        return ContactData(
            given_name=given,
            family_name=family,
            organization=new.name,
            emails=[EmailAddress(f"{_slug(given)}@{new.domain}", "work"), personal],
        )
    if kind == "moved_mobile":
        mobile = next((p for p in original.phones if p.label == "mobile"), None)
        if mobile is None:
            mobile = Phone(_mobile(rng, used_mobiles), "mobile")
            original.phones.append(mobile)
        new = _other_outlet(rng, outlets, outlet)
        return ContactData(
            given_name=given, family_name=family, organization=new.name, phones=[mobile]
        )
    if kind == "gmail":
        gmail = next((e for e in original.emails if e.value.endswith("@gmail.com")), None)
        if gmail is None:
            local = f"{_slug(given)}.{_slug(family)}.{rng.randrange(10**6)}".replace("-", "")
            gmail = EmailAddress(f"{local}@gmail.com", "home")
            original.emails.append(gmail)
        local = gmail.value.split("@")[0]
        if rng.random() < 0.5:
            variant = local.replace(".", "") + "@gmail.com"
        else:
            variant = f"{local}+{rng.choice(['presse', 'pro', 'cp', 'newsletter'])}@googlemail.com"
        new = _other_outlet(rng, outlets, outlet).name if rng.random() < 0.5 else ""
        return ContactData(
            given_name=given, family_name=family, organization=new, emails=[EmailAddress(variant)]
        )
    if kind == "accents":
        plain = (_strip_accents(given), _strip_accents(family))
        return ContactData(given_name=plain[0], family_name=plain[1], organization=same_outlet)
    if kind == "hyphen":
        joiner = " " if rng.random() < 0.5 else ""
        return ContactData(
            given_name=given.replace("-", joiner),
            family_name=family.replace("-", joiner),
            organization=same_outlet,
        )
    raise ValueError(kind)


def _strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _typo(rng: random.Random, name: str) -> str:
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    i = rng.choice(letters[1:] or letters)  # a slip rarely touches the capital
    ch = name[i].lower()
    how = rng.choice(("neighbour", "drop", "double", "swap"))
    if how == "neighbour" and ch in KEYBOARD:
        return name[:i] + rng.choice(KEYBOARD[ch]) + name[i + 1 :]
    if how == "drop" and len(letters) > 3:
        return name[:i] + name[i + 1 :]
    if how == "swap" and i + 1 < len(name) and name[i + 1].isalpha() and name[i + 1] != name[i]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + name[i] + name[i:]  # a letter doubled


def iter_chunks(records: list[ContactData], size: int = 10_000) -> Iterator[list[ContactData]]:
    for start in range(0, len(records), size):
        yield records[start : start + size]
