"""How a message to a contact opens: the one rule for the card, the form, the recipients
table, the message preview and the message sent.

Before it lived in two places (the window's card and the mail composer) and they disagreed:
a contact without civility was « Madame, Monsieur, » on the card and "Bonjour Hélène
Lefèvre," in the e-mail. This is text sent to the contact, not interface text: it follows the
language of the message (a release's, or the contact's own where no message is at hand), not
the window's.
"""

from __future__ import annotations

from fiac_press_desk.domain.enums import SalutationStyle

# Civility as typed (folded, without the dot) -> (French form of address, English title).
CIVILITIES: dict[str, tuple[str, str]] = {
    "mme": ("Madame", "Ms"),
    "madame": ("Madame", "Ms"),
    "mlle": ("Madame", "Ms"),  # "Mademoiselle" is no longer used in official French usage
    "mademoiselle": ("Madame", "Ms"),
    "ms": ("Madame", "Ms"),
    "mrs": ("Madame", "Mrs"),
    "miss": ("Madame", "Ms"),
    "m": ("Monsieur", "Mr"),
    "mr": ("Monsieur", "Mr"),
    "monsieur": ("Monsieur", "Mr"),
    "dr": ("Docteur", "Dr"),
    "docteur": ("Docteur", "Dr"),
    "docteure": ("Docteure", "Dr"),
    "pr": ("Professeur", "Professor"),
    "prof": ("Professeur", "Professor"),
    "professeur": ("Professeur", "Professor"),
    "professeure": ("Professeure", "Professor"),
    "professor": ("Professeur", "Professor"),
    "me": ("Maître", "Mr"),
    "maitre": ("Maître", "Mr"),
    "maître": ("Maître", "Mr"),
}


def salutation_line(
    style: SalutationStyle | str,
    civility: str,
    given_name: str,
    family_name: str,
    language: str = "fr",
) -> str:
    """The opening line: "Madame Dupont," / "Bonjour Camille," / "Dear Ms Dupont,".

    Informal with a first name: "Bonjour Camille,". Formal with a known civility: "Madame
    Dupont," (the civility alone without a family name). No known civility: the full name
    ("Bonjour Alex Durand,"), or « Madame, Monsieur, » when the name is incomplete. English
    ("en..." languages) follows the same steps ("Dear Jane,", "Dear Ms Smith,", "Dear Sir or
    Madam,").
    """
    english = language.strip().lower().startswith("en")
    given, family = given_name.strip(), family_name.strip()
    if str(style) == SalutationStyle.INFORMAL.value and given:
        return f"Dear {given}," if english else f"Bonjour {given},"
    forms = CIVILITIES.get(civility.strip().rstrip(".").strip().lower())
    if forms is None:
        if english:
            return f"Dear {given} {family}," if given and family else "Dear Sir or Madam,"
        return f"Bonjour {given} {family}," if given and family else "Madame, Monsieur,"
    french, title = forms
    if english:
        return f"Dear {title} {family}," if family else "Dear Sir or Madam,"
    return f"{french} {family}," if family else f"{french},"
