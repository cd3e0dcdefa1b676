"""Write the exports press officers hold, as their tools write them, for the import tests.

    .venv/bin/python tests/data/exports/make_fixtures.py

Each file follows its tool's documented export (column names, order, encoding, separator,
the tool's own ways: Google's " ::: " between values and ``* myContacts`` system labels,
Outlook's "0/0/00" for no birthday and its bookkeeping columns, Thunderbird's birthday in
three columns and base64 LDIF values, LinkedIn's "Notes:" above the header, Mailchimp's
subscribed/unsubscribed/cleaned files, Brevo's upper-case attributes, a media database's
outlets, beats and social handles, Apple's group cards). Every person is fictional, with
addresses under example.org / example.fr.
"""

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _csv(headers: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        unknown = set(row) - set(headers)
        assert not unknown, unknown
        writer.writerow([row.get(h, "") for h in headers])
    return out.getvalue()


# -- Google Contacts -----------------------------------------------------------------------------

GOOGLE_HEADERS = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "E-mail 2 - Label",
    "E-mail 2 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Phone 2 - Label",
    "Phone 2 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    "Website 1 - Label",
    "Website 1 - Value",
    "Relation 1 - Label",
    "Relation 1 - Value",
]
GOOGLE_ROWS = [
    {
        "First Name": "Élodie",
        "Last Name": "Garnier",
        "Name Prefix": "Dr",
        "File As": "Garnier, Élodie",
        "Organization Name": "Le Quotidien Santé",
        "Organization Title": "Rédactrice en chef",
        "Organization Department": "Rédaction santé",
        "Birthday": "--03-14",
        "Notes": "Préfère être appelée le matin.",
        "Photo": "https://lh3.example.org/contacts/photo-elodie",
        "Labels": "Presse santé ::: * myContacts ::: * starred",
        "E-mail 1 - Label": "Work",
        "E-mail 1 - Value": "elodie.garnier@example.fr",
        "E-mail 2 - Label": "Home",
        "E-mail 2 - Value": "elodie.g@example.org",
        "Phone 1 - Label": "Mobile",
        "Phone 1 - Value": "+33 6 12 34 56 78",
        "Phone 2 - Label": "Work",
        "Phone 2 - Value": "01 40 10 30 30 ::: 01 40 10 30 31",
        "Address 1 - Label": "Work",
        "Address 1 - Formatted": "12 rue de la Paix\n75002 Paris\nFrance",
        "Address 1 - Street": "12 rue de la Paix",
        "Address 1 - City": "Paris",
        "Address 1 - Postal Code": "75002",
        "Address 1 - Country": "France",
        "Website 1 - Label": "Profile",
        "Website 1 - Value": "https://www.example.fr/elodie-garnier",
        "Relation 1 - Label": "Assistant",
        "Relation 1 - Value": "Marc Vidal",
    },
    {
        "First Name": "Thomas",
        "Last Name": "Lefèvre",
        "Organization Name": "Radio Lumière",
        "Organization Title": "Journaliste",
        "Birthday": "1980-11-02",
        "Labels": "* myContacts ::: Radio",
        "E-mail 1 - Label": "Rédaction",
        "E-mail 1 - Value": "thomas.lefevre@example.org",
        "Phone 1 - Label": "Work",
        "Phone 1 - Value": "04 72 00 00 01",
    },
]

LEGACY_HEADERS = [
    "Name",
    "Given Name",
    "Additional Name",
    "Family Name",
    "Yomi Name",
    "Given Name Yomi",
    "Additional Name Yomi",
    "Family Name Yomi",
    "Name Prefix",
    "Name Suffix",
    "Initials",
    "Nickname",
    "Short Name",
    "Maiden Name",
    "Birthday",
    "Gender",
    "Location",
    "Billing Information",
    "Directory Server",
    "Mileage",
    "Occupation",
    "Hobby",
    "Sensitivity",
    "Priority",
    "Subject",
    "Notes",
    "Language",
    "Photo",
    "Group Membership",
    "E-mail 1 - Type",
    "E-mail 1 - Value",
    "E-mail 2 - Type",
    "E-mail 2 - Value",
    "Phone 1 - Type",
    "Phone 1 - Value",
    "Address 1 - Type",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    "Organization 1 - Type",
    "Organization 1 - Name",
    "Organization 1 - Yomi Name",
    "Organization 1 - Title",
    "Organization 1 - Department",
    "Organization 1 - Symbol",
    "Organization 1 - Location",
    "Organization 1 - Job Description",
    "Website 1 - Type",
    "Website 1 - Value",
]
LEGACY_ROWS = [
    {
        "Name": "Élodie Garnier",
        "Given Name": "Élodie",
        "Family Name": "Garnier",
        "Birthday": "1978-03-14",
        "Notes": "Préfère être appelée le matin.",
        "Group Membership": "Presse santé ::: * My Contacts",
        "E-mail 1 - Type": "* Work",
        "E-mail 1 - Value": "elodie.garnier@example.fr ::: elodie.redaction@example.fr",
        "E-mail 2 - Type": "Home",
        "E-mail 2 - Value": "elodie.g@example.org",
        "Phone 1 - Type": "Mobile",
        "Phone 1 - Value": "06 12 34 56 78",
        "Address 1 - Type": "Work",
        "Address 1 - Formatted": "12 rue de la Paix 75002 Paris",
        "Address 1 - Street": "12 rue de la Paix",
        "Address 1 - City": "Paris",
        "Address 1 - Postal Code": "75002",
        "Organization 1 - Type": "Work",
        "Organization 1 - Name": "Le Quotidien Santé",
        "Organization 1 - Title": "Rédactrice en chef",
        "Sensitivity": "Normal",
        "Priority": "Normal",
    },
    {
        "Name": "Karim Benali",
        "Given Name": "Karim",
        "Family Name": "Benali",
        "Occupation": "Pigiste",
        "Group Membership": "* My Contacts ::: Pigistes ::: Presse santé",
        "E-mail 1 - Type": "* Home",
        "E-mail 1 - Value": "karim.benali@example.org",
        "Organization 1 - Name": "Hebdo Sciences",
    },
]


# -- Outlook -------------------------------------------------------------------------------------

OUTLOOK_EN_HEADERS = [
    "Title",
    "First Name",
    "Middle Name",
    "Last Name",
    "Suffix",
    "Company",
    "Department",
    "Job Title",
    "Business Street",
    "Business Street 2",
    "Business Street 3",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country/Region",
    "Home Street",
    "Home Street 2",
    "Home Street 3",
    "Home City",
    "Home State",
    "Home Postal Code",
    "Home Country/Region",
    "Other Street",
    "Other Street 2",
    "Other Street 3",
    "Other City",
    "Other State",
    "Other Postal Code",
    "Other Country/Region",
    "Assistant's Phone",
    "Business Fax",
    "Business Phone",
    "Business Phone 2",
    "Callback",
    "Car Phone",
    "Company Main Phone",
    "Home Fax",
    "Home Phone",
    "Home Phone 2",
    "ISDN",
    "Mobile Phone",
    "Other Fax",
    "Other Phone",
    "Pager",
    "Primary Phone",
    "Radio Phone",
    "TTY/TDD Phone",
    "Telex",
    "Account",
    "Anniversary",
    "Assistant's Name",
    "Billing Information",
    "Birthday",
    "Business Address PO Box",
    "Categories",
    "Children",
    "Directory Server",
    "E-mail Address",
    "E-mail Type",
    "E-mail Display Name",
    "E-mail 2 Address",
    "E-mail 2 Type",
    "E-mail 2 Display Name",
    "E-mail 3 Address",
    "E-mail 3 Type",
    "E-mail 3 Display Name",
    "Gender",
    "Government ID Number",
    "Hobby",
    "Home Address PO Box",
    "Initials",
    "Internet Free Busy",
    "Keywords",
    "Language",
    "Location",
    "Manager's Name",
    "Mileage",
    "Notes",
    "Office Location",
    "Organizational ID Number",
    "Other Address PO Box",
    "Priority",
    "Private",
    "Profession",
    "Referred By",
    "Sensitivity",
    "Spouse",
    "User 1",
    "User 2",
    "User 3",
    "User 4",
    "Web Page",
]
_OUTLOOK_EN_DEFAULTS = {
    "Anniversary": "0/0/00",
    "Birthday": "0/0/00",
    "Gender": "Unspecified",
    "Priority": "Normal",
    "Private": "False",
    "Sensitivity": "Normal",
}
OUTLOOK_EN_ROWS = [
    {
        **_OUTLOOK_EN_DEFAULTS,
        "Title": "Dr.",
        "First Name": "Paul",
        "Last Name": "Meyer",
        "Company": "Hebdo Sciences",
        "Department": "Science desk",
        "Job Title": "Science editor",
        "Business Street": "8 avenue des Sciences",
        "Business City": "Lyon",
        "Business Postal Code": "69007",
        "Business Country/Region": "France",
        "Business Phone": "+33 4 78 00 00 01",
        "Mobile Phone": "+33 6 11 22 33 44",
        "E-mail Address": "paul.meyer@example.org",
        "E-mail Type": "SMTP",
        "E-mail Display Name": "Paul Meyer (paul.meyer@example.org)",
        "Categories": "Press;Science",
        "Notes": "Met at the 2024 congress.",
        "Web Page": "https://www.example.org/paul-meyer",
        "Office Location": "Building B",
    },
    {
        **_OUTLOOK_EN_DEFAULTS,
        "Title": "Ms.",
        "First Name": "Anna",
        "Last Name": "Schmidt",
        "Company": "Health Weekly",
        "Job Title": "Reporter",
        "Birthday": "7/21/1985",
        "E-mail Address": "anna.schmidt@example.org",
        "E-mail Type": "SMTP",
        "E-mail Display Name": "Anna Schmidt (anna.schmidt@example.org)",
        "Categories": "Press",
    },
]

OUTLOOK_FR_HEADERS = [
    "Titre",
    "Prénom",
    "Deuxième prénom",
    "Nom",
    "Suffixe",
    "Société",
    "Service",
    "Titre",
    "Rue (bureau)",
    "Rue (bureau) 2",
    "Rue (bureau) 3",
    "Ville (bureau)",
    "Dép/Région (bureau)",
    "Code postal (bureau)",
    "Pays/Région (bureau)",
    "Rue (domicile)",
    "Rue (domicile) 2",
    "Rue (domicile) 3",
    "Ville (domicile)",
    "Dép/Région (domicile)",
    "Code postal (domicile)",
    "Pays/Région (domicile)",
    "Rue (autre)",
    "Rue (autre) 2",
    "Rue (autre) 3",
    "Ville (autre)",
    "Dép/Région (autre)",
    "Code postal (autre)",
    "Pays/Région (autre)",
    "Téléphone de l'assistant(e)",
    "Télécopie (bureau)",
    "Téléphone (bureau)",
    "Téléphone 2 (bureau)",
    "Rappel",
    "Téléphone (voiture)",
    "Téléphone société",
    "Télécopie (domicile)",
    "Téléphone (domicile)",
    "Téléphone 2 (domicile)",
    "RNIS",
    "Tél. mobile",
    "Télécopie (autre)",
    "Téléphone (autre)",
    "Récepteur de radiomessagerie",
    "Téléphone principal",
    "Radio téléphone",
    "Téléphone TDD/TTY",
    "Télex",
    "Adresse de messagerie",
    "Type de messagerie",
    "Nom complet de l'adresse de messagerie",
    "Adresse de messagerie 2",
    "Type de messagerie 2",
    "Nom complet de l'adresse de messagerie 2",
    "Adresse de messagerie 3",
    "Type de messagerie 3",
    "Nom complet de l'adresse de messagerie 3",
    "Anniversaire",
    "Anniversaire de mariage ou fête",
    "Autre boîte postale",
    "B.P. professionnelle",
    "Boîte postale du domicile",
    "Bureau",
    "Catégories",
    "Code gouvernement",
    "Compte",
    "Conjoint(e)",
    "Critère de diffusion",
    "Disponibilité Internet",
    "Emplacement",
    "Enfants",
    "Informations facturation",
    "Initiales",
    "Kilométrage",
    "Langue",
    "Mots clés",
    "Nom de l'assistant(e)",
    "Notes",
    "Numéro d'identification de l'organisation",
    "Page Web",
    "Passe-temps",
    "Priorité",
    "Privé",
    "Profession",
    "Recommandé par",
    "Responsable",
    "Serveur d'annuaire",
    "Sexe",
    "Utilisateur 1",
    "Utilisateur 2",
    "Utilisateur 3",
    "Utilisateur 4",
]
_OUTLOOK_FR_DEFAULTS = {
    "Anniversaire": "0/0/00",
    "Anniversaire de mariage ou fête": "0/0/00",
    "Sexe": "Non spécifié",
    "Priorité": "Normale",
    "Privé": "Faux",
    "Critère de diffusion": "Normal",
}


def outlook_fr_rows() -> list[list[str]]:
    """By position: the French export names two columns "Titre" (civility, job title)."""
    people = [
        {
            **_OUTLOOK_FR_DEFAULTS,
            0: "Mme",
            "Prénom": "Élodie",
            "Nom": "Garnier",
            "Société": "Le Quotidien Santé",
            "Service": "Rédaction",
            7: "Rédactrice en chef",
            "Rue (bureau)": "12 rue de la Paix",
            "Ville (bureau)": "Paris",
            "Code postal (bureau)": "75002",
            "Pays/Région (bureau)": "France",
            "Téléphone (bureau)": "01 40 10 30 30",
            "Tél. mobile": "06 12 34 56 78",
            "Adresse de messagerie": "elodie.garnier@example.fr",
            "Type de messagerie": "SMTP",
            "Nom complet de l'adresse de messagerie": "Élodie Garnier (elodie.garnier@example.fr)",
            "Anniversaire": "14/03/1978",
            "Catégories": "Presse santé;Oncologie",
            "Notes": "Contact du congrès 2024.",
        },
        {
            **_OUTLOOK_FR_DEFAULTS,
            0: "M.",
            "Prénom": "Karim",
            "Nom": "Benali",
            "Société": "Hebdo Sciences",
            7: "Pigiste",
            "Rue (domicile)": "3 place du Marché",
            "Ville (domicile)": "Nantes",
            "Code postal (domicile)": "44000",
            "Téléphone (domicile)": "02 40 00 00 02",
            "Adresse de messagerie": "karim.benali@example.org",
            "Type de messagerie": "SMTP",
            "Catégories": "Pigistes",
            "Bureau": "Open space 2",
        },
    ]
    rows = []
    for person in people:
        row = []
        for index, header in enumerate(OUTLOOK_FR_HEADERS):
            if header == "Titre":
                row.append(str(person.get(index, "")))
            else:
                row.append(str(person.get(header, "")))
        rows.append(row)
    return rows


# -- Thunderbird ---------------------------------------------------------------------------------

THUNDERBIRD_HEADERS = [
    "First Name",
    "Last Name",
    "Display Name",
    "Nickname",
    "Primary Email",
    "Secondary Email",
    "Screen Name",
    "Work Phone",
    "Home Phone",
    "Fax Number",
    "Pager Number",
    "Mobile Number",
    "Home Address",
    "Home Address 2",
    "Home City",
    "Home State",
    "Home ZipCode",
    "Home Country",
    "Work Address",
    "Work Address 2",
    "Work City",
    "Work State",
    "Work ZipCode",
    "Work Country",
    "Job Title",
    "Department",
    "Organization",
    "Web Page 1",
    "Web Page 2",
    "Birth Year",
    "Birth Month",
    "Birth Day",
    "Custom 1",
    "Custom 2",
    "Custom 3",
    "Custom 4",
    "Notes",
]
THUNDERBIRD_ROWS = [
    {
        "First Name": "Léa",
        "Last Name": "Martin",
        "Display Name": "Léa Martin",
        "Nickname": "Léa",
        "Primary Email": "lea.martin@example.fr",
        "Secondary Email": "lea@example.org",
        "Work Phone": "01 45 00 00 03",
        "Mobile Number": "06 98 76 54 32",
        "Work Address": "5 quai des Presses",
        "Work Address 2": "Bâtiment C",
        "Work City": "Bordeaux",
        "Work ZipCode": "33000",
        "Work Country": "France",
        "Job Title": "Journaliste santé",
        "Department": "Rédaction",
        "Organization": "Agence Presse Santé",
        "Web Page 1": "https://www.example.fr/lea-martin",
        "Birth Year": "1985",
        "Birth Month": "07",
        "Birth Day": "21",
        "Custom 1": "Vue au salon 2024",
        "Notes": "Suit la cancérologie.",
    },
    {
        "First Name": "Hugo",
        "Last Name": "Petit",
        "Display Name": "Hugo P. (Radio Lumière)",
        "Primary Email": "hugo.petit@example.org",
        "Organization": "Radio Lumière",
        "Birth Month": "5",
        "Birth Day": "2",
    },
]


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def thunderbird_ldif() -> str:
    """Thunderbird's LDIF: non-ASCII values base64 (``attr::``), a long value folded, a
    mailing list (groupOfNames) naming its members by their entries."""
    description = "Suit la cancérologie.\nPréfère les courriels."
    return "\n".join(
        [
            f"dn:: {_b64('cn=Léa Martin,mail=lea.martin@example.fr')}",
            "objectclass: top",
            "objectclass: person",
            "objectclass: organizationalPerson",
            "objectclass: inetOrgPerson",
            "objectclass: mozillaAbPersonAlpha",
            "givenName:: " + _b64("Léa"),
            "sn: Martin",
            "cn:: " + _b64("Léa Martin"),
            "mozillaNickname:: " + _b64("Léa"),
            "mail: lea.martin@example.fr",
            "mozillaSecondEmail: lea@example.org",
            "modifytimestamp: 0Z",
            "telephoneNumber: 01 45 00 00 03",
            "mobile: 06 98 76 54 32",
            "street: 5 quai des Presses",
            "mozillaWorkStreet2:: " + _b64("Bâtiment C"),
            "l: Bordeaux",
            "postalCode: 33000",
            "c: France",
            "title:: " + _b64("Journaliste santé"),
            "department:: " + _b64("Rédaction"),
            "o:: " + _b64("Agence Presse Santé"),
            "mozillaWorkUrl: https://www.example.fr/lea-martin",
            "birthyear: 1985",
            "birthmonth: 07",
            "birthday: 21",
            "mozillaCustom1: Vue au salon 2024",
            "description:: " + _b64(description),
            "",
            "dn: cn=Hugo Petit,mail=hugo.petit@example.org",
            "objectclass: top",
            "objectclass: person",
            "objectclass: mozillaAbPersonAlpha",
            "givenName: Hugo",
            "sn: Petit",
            "cn: Hugo Petit",
            "mail: hugo.petit@example.org",
            "o:: " + _b64("Radio Lumière"),
            "title: Chroniqueur",
            "homePhone: 02 40 00 00 04",
            "mozillaHomeStreet: 9 rue des Ondes",
            "mozillaHomeLocalityName: Nantes",
            "mozillaHomePostalCode: 44000",
            "description: Une note qui continue sur une ligne pliee selon la RFC 2849, lue d",
            " 'un seul tenant.",
            "",
            "dn:: " + _b64("cn=Presse santé"),
            "objectclass: top",
            "objectclass: groupOfNames",
            "cn:: " + _b64("Presse santé"),
            "member:: " + _b64("cn=Léa Martin,mail=lea.martin@example.fr"),
            "member: cn=Hugo Petit,mail=hugo.petit@example.org",
            "member: cn=Karim Benali,mail=karim.benali@example.org",
            "",
        ]
    )


# -- LinkedIn ------------------------------------------------------------------------------------

LINKEDIN_NOTE = (
    "When exporting your connection data, you may notice that some of the email addresses "
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261"
)
LINKEDIN_HEADERS = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
LINKEDIN_ROWS = [
    {
        "First Name": "Camille",
        "Last Name": "Durand",
        "URL": "https://www.linkedin.com/in/camille-durand-example",
        "Email Address": "camille.durand@example.org",
        "Company": "Hebdo Sciences",
        "Position": "Journaliste scientifique",
        "Connected On": "12 Mar 2024",
    },
    {
        "First Name": "Hugo",
        "Last Name": "Petit",
        "URL": "https://www.linkedin.com/in/hugo-petit-example",
        "Company": "Radio Lumière",
        "Position": "Chroniqueur santé",
        "Connected On": "03 Jan 2023",
    },
]


def linkedin_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Notes:"])
    writer.writerow([LINKEDIN_NOTE])
    writer.writerow([])
    return out.getvalue() + _csv(LINKEDIN_HEADERS, LINKEDIN_ROWS).replace("\r\n", "\n")


# -- Mailchimp -----------------------------------------------------------------------------------

_MC_BEFORE = ["Email Address", "First Name", "Last Name", "Address", "Phone Number", "Birthday"]
_MC_CUSTOM = ["Média"]  # a merge field of the audience
_MC_STATS = [
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
]
_MC_AFTER = ["LAST_CHANGED", "LEID", "EUID", "NOTES", "TAGS"]
MAILCHIMP_SUBSCRIBED = _MC_BEFORE + _MC_CUSTOM + _MC_STATS + _MC_AFTER
MAILCHIMP_UNSUBSCRIBED = (
    _MC_BEFORE
    + _MC_CUSTOM
    + _MC_STATS
    + ["UNSUB_TIME", "UNSUB_CAMPAIGN_TITLE", "UNSUB_CAMPAIGN_ID", "UNSUB_REASON"]
    + ["UNSUB_REASON_OTHER", "LEID", "EUID", "NOTES", "TAGS"]
)
MAILCHIMP_CLEANED = (
    _MC_BEFORE
    + _MC_CUSTOM
    + _MC_STATS
    + ["CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE", "CLEAN_CAMPAIGN_ID", "LEID", "EUID", "NOTES", "TAGS"]
)
_MC_STATS_VALUES = {
    "MEMBER_RATING": "3",
    "OPTIN_TIME": "2023-09-01 08:00:00",
    "OPTIN_IP": "192.0.2.10",
    "CONFIRM_TIME": "2023-09-01 08:05:00",
    "CONFIRM_IP": "192.0.2.11",
    "GMTOFF": "1",
    "DSTOFF": "2",
    "TIMEZONE": "Europe/Paris",
    "CC": "FR",
    "REGION": "IDF",
    "LEID": "123456789",
    "EUID": "a1b2c3d4e5",
}
MAILCHIMP_SUBSCRIBED_ROWS = [
    {
        **_MC_STATS_VALUES,
        "Email Address": "nina.rossi@example.org",
        "First Name": "Nina",
        "Last Name": "Rossi",
        "Phone Number": "06 55 44 33 22",
        "Birthday": "07/21",
        "Média": "Le Quotidien Santé",
        "LAST_CHANGED": "2024-01-10 12:00:00",
        "NOTES": "Inscrite via le site.",
        "TAGS": '"Presse","Santé publique"',
    }
]
MAILCHIMP_UNSUBSCRIBED_ROWS = [
    {
        **_MC_STATS_VALUES,
        "Email Address": "sophie.roux@example.fr",
        "First Name": "Sophie",
        "Last Name": "Roux",
        "Média": "Radio Lumière",
        "UNSUB_TIME": "2024-02-14 10:22:05",
        "UNSUB_CAMPAIGN_TITLE": "Communiqué IA et cancers",
        "UNSUB_CAMPAIGN_ID": "c0ffee1234",
        "UNSUB_REASON": "I no longer want to receive these emails",
        "TAGS": '"Presse"',
    },
    {
        **_MC_STATS_VALUES,
        "Email Address": "marc.vidal@example.org",
        "First Name": "Marc",
        "Last Name": "Vidal",
    },
]
MAILCHIMP_CLEANED_ROWS = [
    {
        **_MC_STATS_VALUES,
        "Email Address": "ancienne.adresse@example.org",
        "First Name": "Claire",
        "Last Name": "Fontaine",
        "CLEAN_TIME": "2023-12-01 08:00:00",
        "CLEAN_CAMPAIGN_TITLE": "Lettre de décembre",
        "CLEAN_CAMPAIGN_ID": "d3adb33f",
    }
]

# -- Brevo ---------------------------------------------------------------------------------------

BREVO_HEADERS = [
    "CONTACT ID",
    "EMAIL",
    "FIRSTNAME",
    "LASTNAME",
    "SMS",
    "JOB_TITLE",
    "EMAIL_BLACKLISTED",
    "SMS_BLACKLISTED",
    "ADDED_TIME",
    "MODIFIED_TIME",
]
BREVO_ROWS = [
    {
        "CONTACT ID": "101",
        "EMAIL": "julie.moreau@example.fr",
        "FIRSTNAME": "Julie",
        "LASTNAME": "Moreau",
        "SMS": "+33611223344",
        "JOB_TITLE": "Journaliste",
        "EMAIL_BLACKLISTED": "No",
        "SMS_BLACKLISTED": "No",
        "ADDED_TIME": "2023-05-02 09:00:00",
        "MODIFIED_TIME": "2024-01-02 09:00:00",
    },
    {
        "CONTACT ID": "102",
        "EMAIL": "yann.leroy@example.org",
        "FIRSTNAME": "Yann",
        "LASTNAME": "Leroy",
        "EMAIL_BLACKLISTED": "Yes",
        "SMS_BLACKLISTED": "No",
        "ADDED_TIME": "2023-05-02 09:00:00",
        "MODIFIED_TIME": "2024-03-02 09:00:00",
    },
]
BREVO_BLOCKLIST_ROWS = [
    {
        "CONTACT ID": "103",
        "EMAIL": "ines.garcia@example.org",
        "FIRSTNAME": "Inès",
        "LASTNAME": "Garcia",
        "ADDED_TIME": "2023-05-02 09:00:00",
        "MODIFIED_TIME": "2024-03-02 09:00:00",
    }
]

# -- media databases -----------------------------------------------------------------------------

CISION_HEADERS = [
    "First Name",
    "Last Name",
    "Job Title",
    "Outlet Name",
    "Outlet Type",
    "Email",
    "Phone",
    "Twitter Handle",
    "LinkedIn URL",
    "Beats",
    "City",
    "Country",
    "Cision ID",
]
CISION_ROWS: list[list[object]] = [
    [
        "Léa",
        "Martin",
        "Journaliste santé",
        "Agence Presse Santé",
        "News Agency",
        "lea.martin@example.fr",
        "01 45 00 00 03",
        "@lea_martin_sante",
        "https://www.linkedin.com/in/lea-martin-example",
        "Health; Oncology; Artificial intelligence",
        "Bordeaux",
        "France",
        "CX-0042",
    ],
    [
        "Omar",
        "Haddad",
        "Reporter",
        "Tech & Santé",
        "Online",
        "omar.haddad@example.org",
        "",
        "https://x.com/omar_h_example",
        "",
        "Technology",
        "Paris",
        "France",
        "CX-0043",
    ],
]
MUCKRACK_HEADERS = ["Name", "Title", "Outlet(s)", "Email", "Twitter", "LinkedIn", "Beats"]
MUCKRACK_ROWS = [
    {
        "Name": "Sarah Cohen",
        "Title": "Health reporter",
        "Outlet(s)": "Health Weekly",
        "Email": "sarah.cohen@example.org",
        "Twitter": "sarahcohen_example",
        "LinkedIn": "https://www.linkedin.com/in/sarah-cohen-example",
        "Beats": "Health, Science",
    }
]


# -- Apple / iCloud groups ---------------------------------------------------------------------

APPLE_GROUPS = (
    # A member before the group card, the group (members: this one, one after it, one that
    # is already in the desk, one nowhere), the member after it.
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iOS 17.0//EN\r\n"
    "N:Garnier;Élodie;;;\r\nFN:Élodie Garnier\r\nORG:Le Quotidien Santé;\r\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:elodie.garnier@example.fr\r\n"
    "UID:6B29FC40-CA47-1067-B31D-00DD010662DA\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//AddressBook 14.0//EN\r\n"
    "N:Presse santé\r\nFN:Presse santé\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n"
    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:6B29FC40-CA47-1067-B31D-00DD010662DA\r\n"
    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:0E1B5B54-7C3A-4B3A-9C1E-2F6C0F7A1B22\r\n"
    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:A1B2C3D4-0000-4000-8000-000000000001\r\n"
    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:FFFFFFFF-0000-4000-8000-00000000DEAD\r\n"
    "UID:4F0B1C2D-1111-4222-8333-944455556666\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iOS 17.0//EN\r\n"
    "N:Lefèvre;Thomas;;;\r\nFN:Thomas Lefèvre\r\nORG:Radio Lumière;\r\n"
    "EMAIL;type=INTERNET;type=WORK:thomas.lefevre@example.org\r\n"
    "UID:0E1B5B54-7C3A-4B3A-9C1E-2F6C0F7A1B22\r\nEND:VCARD\r\n"
)
GROUP_40 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Pigistes\r\n"
    "UID:urn:uuid:7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\r\n"
    "MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\r\n"
    "MEMBER:mailto:karim.benali@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:Camille Durand\r\n"
    "N:Durand;Camille;;;\r\nEMAIL:camille.durand@example.org\r\n"
    "UID:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\r\nEND:VCARD\r\n"
)


def write_all(folder: Path = HERE) -> list[Path]:
    files: dict[str, bytes] = {
        # Google: the current export is UTF-8, the legacy one UTF-16 with its BOM.
        "google_contacts.csv": _csv(GOOGLE_HEADERS, GOOGLE_ROWS).encode("utf-8"),
        "google_contacts_legacy.csv": _csv(LEGACY_HEADERS, LEGACY_ROWS).encode("utf-16"),
        # Outlook writes the Windows code page, commas in both languages.
        "outlook_en.csv": _csv(OUTLOOK_EN_HEADERS, OUTLOOK_EN_ROWS).encode("cp1252"),
        "outlook_fr.csv": _outlook_fr().encode("cp1252"),
        "thunderbird.csv": _csv(THUNDERBIRD_HEADERS, THUNDERBIRD_ROWS).encode("utf-8"),
        "thunderbird.ldif": thunderbird_ldif().encode("utf-8"),
        "Connections.csv": linkedin_csv().encode("utf-8"),
        "subscribed_members_export_9f8e7d6c5b.csv": _csv(
            MAILCHIMP_SUBSCRIBED, MAILCHIMP_SUBSCRIBED_ROWS
        ).encode("utf-8"),
        "unsubscribed_members_export_9f8e7d6c5b.csv": _csv(
            MAILCHIMP_UNSUBSCRIBED, MAILCHIMP_UNSUBSCRIBED_ROWS
        ).encode("utf-8"),
        "cleaned_members_export_9f8e7d6c5b.csv": _csv(
            MAILCHIMP_CLEANED, MAILCHIMP_CLEANED_ROWS
        ).encode("utf-8"),
        "brevo_contacts.csv": _csv(BREVO_HEADERS, BREVO_ROWS, ";").encode("utf-8"),
        "brevo_blocklist_contacts.csv": _csv(BREVO_HEADERS, BREVO_BLOCKLIST_ROWS, ";").encode(
            "utf-8"
        ),
        "muckrack_export.csv": _csv(MUCKRACK_HEADERS, MUCKRACK_ROWS).encode("utf-8"),
        "apple_groups.vcf": APPLE_GROUPS.encode("utf-8"),
        "group_40.vcf": GROUP_40.encode("utf-8"),
    }
    written = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    cision = folder / "cision_export.xlsx"
    _write_xlsx(cision, CISION_HEADERS, CISION_ROWS)
    written.append(cision)
    return written


def _outlook_fr() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(OUTLOOK_FR_HEADERS)
    writer.writerows(outlook_fr_rows())
    return out.getvalue()


def _write_xlsx(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Contacts"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(HERE.parents[2]))
