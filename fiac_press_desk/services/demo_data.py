"""Fictional but realistic press contacts for demonstrations and benchmarks.

Every person is invented; every address is under a reserved domain (example.org/.fr/.com).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    OrganisationData,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, OrganisationType, SalutationStyle
from fiac_press_desk.domain.text import fold

GIVEN_F = [
    "Éloïse",
    "Camille",
    "Hélène",
    "Chloé",
    "Inès",
    "Léa",
    "Maëlle",
    "Zoé",
    "Céline",
    "Anaïs",
    "Noémie",
    "Françoise",
    "Agnès",
    "Gaëlle",
    "Bérénice",
    "Sophie",
    "Claire",
    "Marie",
    "Juliette",
    "Aurélie",
    "Joëlle",
    "Laëtitia",
    "Ségolène",
    "Amélie",
    "Nadia",
    "Fatima",
    "Yasmine",
    "Ingrid",
    "Małgorzata",
    "Ana",
    "Sofia",
    "Giulia",
    "Zuzana",
]
GIVEN_M = [
    "François",
    "Jérôme",
    "Loïc",
    "Benoît",
    "Gaël",
    "Raphaël",
    "Cédric",
    "Stéphane",
    "Thierry",
    "Hervé",
    "Joël",
    "Mathéo",
    "Noël",
    "Frédéric",
    "Grégoire",
    "Léon",
    "Antoine",
    "Olivier",
    "Nicolas",
    "Julien",
    "Mehdi",
    "Karim",
    "Yanis",
    "Jürgen",
    "Søren",
    "José",
    "Paweł",
    "Luca",
    "Ioannis",
    "Dmitri",
    "Mathieu",
    "Étienne",
]
FAMILY = [
    "Lefèvre",
    "Dupré",
    "Béranger",
    "Garçon",
    "Lemaître",
    "Châtelain",
    "Mercier",
    "Rousseau",
    "Faure",
    "Lacroix",
    "Gauthier",
    "Fontaine",
    "Chevalier",
    "Lœuillet",
    "Delacôte",
    "Bénard",
    "Hébert",
    "Barbier",
    "Perrin",
    "Morel",
    "Girard",
    "André",
    "Lefébure",
    "Noël",
    "Duval",
    "Besnard",
    "Aubépin",
    "Cœurderoy",
    "Brunet",
    "Leroy",
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Moreau",
    "Simon",
    "Laurent",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morin",
    "Ben Saïd",
    "N'Diaye",
    "Nguyễn",
    "Kowalczyk",
    "Müller",
    "Rossi",
    "Papadopoulos",
    "Ivanova",
    "O'Connor",
    "Da Silva",
    "Van der Berg",
    "Šťastný",
]
OUTLETS: list[tuple[str, OrganisationType]] = [
    ("Le Quotidien de la Santé", OrganisationType.DAILY_PRESS),
    ("La Gazette des Sciences", OrganisationType.WEEKLY),
    ("L'Écho Médical", OrganisationType.MAGAZINE),
    ("Radio Hexagone", OrganisationType.RADIO),
    ("Télé Horizon", OrganisationType.TV),
    ("Numérique & Société", OrganisationType.WEB),
    ("Agence Presse Santé", OrganisationType.AGENCY),
    ("Le Courrier de l'Ouest Fictif", OrganisationType.DAILY_PRESS),
    ("Sciences & Avenir Imaginaire", OrganisationType.MAGAZINE),
    ("Décision Santé Hebdo", OrganisationType.WEEKLY),
    ("France Ondes Info", OrganisationType.RADIO),
    ("Onco Actu", OrganisationType.WEB),
    ("Data & IA Magazine", OrganisationType.MAGAZINE),
    ("Le Journal des Hôpitaux", OrganisationType.WEEKLY),
    ("Euro Health Wire", OrganisationType.AGENCY),
]
PARTNERS: list[tuple[str, OrganisationType]] = [
    ("Centre hospitalier universitaire de Fictiville", OrganisationType.HOSPITAL),
    ("Institut de recherche en oncologie numérique", OrganisationType.RESEARCH_INSTITUTE),
    ("Université Paris-Imaginaire", OrganisationType.UNIVERSITY),
    ("Données Santé Solutions", OrganisationType.COMPANY),
    ("Agence régionale de démonstration", OrganisationType.PUBLIC_BODY),
    ("Association Patients & Données", OrganisationType.ASSOCIATION),
    ("BioAlgo SAS", OrganisationType.COMPANY),
]
BEATS = [
    "santé",
    "cancérologie",
    "intelligence artificielle",
    "données de santé",
    "recherche médicale",
    "innovation",
    "politique de santé",
    "numérique",
    "économie",
    "sciences",
    "hôpital",
    "pharmacie",
    "éthique",
    "start-up",
]
JOB_TITLES = [
    "Journaliste",
    "Rédactrice en chef",
    "Rédacteur en chef adjoint",
    "Chef de rubrique santé",
    "Journaliste scientifique",
    "Reporter",
    "Pigiste",
    "Éditorialiste",
    "Présentatrice",
    "Correspondant",
    "Secrétaire de rédaction",
]
PARTNER_TITLES = [
    "Directrice de la communication",
    "Chargé de relations presse",
    "Responsable des partenariats",
    "Chef de projet données",
    "Médecin oncologue",
    "Chercheuse",
    "Directeur scientifique",
]
CITIES = [
    ("75013", "Paris"),
    ("69007", "Lyon"),
    ("13005", "Marseille"),
    ("31000", "Toulouse"),
    ("33000", "Bordeaux"),
    ("59000", "Lille"),
    ("44000", "Nantes"),
    ("67000", "Strasbourg"),
    ("35000", "Rennes"),
    ("06000", "Nice"),
    ("34000", "Montpellier"),
    ("1000", "Bruxelles"),
]
STREETS = [
    "rue de la Santé",
    "boulevard de l'Hôpital",
    "avenue des Sciences",
    "quai de l'Écluse",
    "place de la Rédaction",
    "rue du Château-d'Eau",
    "allée des Tilleuls",
    "rue Pasteur",
]
TAGS = [
    "VIP",
    "santé",
    "IA",
    "presse nationale",
    "presse régionale",
    "international",
    "données de vie réelle",
    "à relancer",
]
LISTS = [
    "Journalistes santé",
    "Presse nationale",
    "Presse régionale",
    "Partenaires fondateurs",
    "Tech & IA",
]
DOMAINS = ["example.fr", "example.org", "example.com"]


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in fold(text)).strip("-").replace("--", "-")


def organisations() -> list[OrganisationData]:
    """The fictional outlets and partners of the demo, with reserved-domain websites."""
    return [
        OrganisationData(name=name, kind=kind, website=f"https://{_slug(name)}.example.org")
        for name, kind in OUTLETS + PARTNERS
    ]


def generate_contacts(count: int, seed: int = 2024) -> Iterator[ContactData]:
    """``count`` fictional contacts: mostly journalists, some partners, a few opted out."""
    rng = random.Random(seed)
    used_locals: set[str] = set()
    for i in range(count):
        female = rng.random() < 0.55
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        family = rng.choice(FAMILY)
        if i >= 200 and rng.random() < 0.5:  # large sets: compound names keep people distinct
            family = f"{family}-{rng.choice(FAMILY)}"
        partner = rng.random() < 0.18
        org_name, _ = rng.choice(PARTNERS if partner else OUTLETS)
        if i >= 1000 and not partner:  # large sets: regional editions of the outlets
            org_name = f"{org_name} ({rng.choice(CITIES)[1]})"
        domain = rng.choice(DOMAINS)
        local = f"{_slug(given)}.{_slug(family)}".replace("-", "")
        if local in used_locals:
            local = f"{local}{i}"
        used_locals.add(local)
        emails = [EmailAddress(f"{local}@{domain}", "work")]
        if rng.random() < 0.35:
            emails.append(
                EmailAddress(f"{local[0]}{_slug(family)}{i}@{rng.choice(DOMAINS)}", "home")
            )
        # Numbers derived from the index: every generated person has numbers of their own.
        work = f"0{'1234589'[i % 7]}{(i * 7919 + 1234567) % 100_000_000:08d}"
        phones = [Phone(" ".join(work[k : k + 2] for k in range(0, 10, 2)), "work")]
        if rng.random() < 0.6:
            mobile = f"{(i * 104729 + 7654321) % 100_000_000:08d}"
            phones.append(
                Phone("+33 6 " + " ".join(mobile[k : k + 2] for k in range(0, 8, 2)), "mobile")
            )
        code, city = rng.choice(CITIES)
        opted_out = rng.random() < 0.03
        yield ContactData(
            kind=ContactKind.PARTNER if partner else ContactKind.JOURNALIST,
            civility="Mme" if female else "M.",
            given_name=given,
            family_name=family,
            job_title=rng.choice(PARTNER_TITLES if partner else JOB_TITLES),
            organization=org_name,
            emails=emails,
            phones=phones,
            addresses=[
                PostalAddress(
                    "work",
                    f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
                    postal_code=code,
                    city=city,
                    country="Belgique" if city == "Bruxelles" else "France",
                )
            ]
            if rng.random() < 0.7
            else [],
            urls=[WebLink(f"https://social.example.org/@{local}", "mastodon")]
            if rng.random() < 0.2
            else [],
            beats=rng.sample(BEATS, rng.randint(1, 3)),
            tags=rng.sample(TAGS, rng.randint(0, 2)),
            lists=rng.sample(LISTS[:2] + LISTS[4:] if not partner else LISTS[3:4], 1)
            if rng.random() < 0.6
            else [],
            notes=rng.choice(
                [
                    "",
                    "",
                    "Préfère être contacté·e par courriel.",
                    "Rencontré·e à la journée FIAC du 31 janvier 2024.",
                    "Suit les sujets données de santé et IA.\nRelancer avant les embargos.",
                ]
            ),
            birthday=f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.1
            else "",
            lawful_basis=LawfulBasis.CONSENT if partner else LawfulBasis.LEGITIMATE_INTEREST,
            data_source="Données de démonstration",
            opted_out=opted_out,
            opted_out_reason="Ne souhaite plus recevoir nos communiqués." if opted_out else "",
            salutation=SalutationStyle.INFORMAL if rng.random() < 0.2 else SalutationStyle.FORMAL,
            language="fr" if rng.random() < 0.9 else "en",
        )
