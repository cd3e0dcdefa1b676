"""The keys probable duplicates are found by, and how close two names are: pure functions.

The finder (services/duplicates.py) puts contacts in blocks by these keys and compares only
contacts that share a block, so a base of 100,000 contacts is never compared pair by pair.

* ``mailbox_key``: one key per mailbox. Case never counts. For Gmail addresses only, the dots
  of the local part and a ``+tag`` do not count either, and googlemail.com is gmail.com:
  Google documents both rules for every Gmail account, and Gmail is by far the commonest
  personal mailbox in a press file. Elsewhere the dots are part of the name
  (``jean.dupont@`` and ``jeandupont@`` of one newsroom can be two people) and ``+`` is an
  ordinary character on many newsroom servers, so the address is matched as written.
* ``phone_kind``: a shared identifier is evidence only when it belongs to one person. A mobile
  does; a landline is an office's switchboard or a desk shared by several journalists, and is
  never a reason on its own.
* ``person_tokens`` / ``name_distance``: names folded (accents, case), hyphens and
  apostrophes read as spaces, given and family names compared in both orders.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from rapidfuzz.distance import DamerauLevenshtein

from fiac_press_desk.domain.text import fold

GMAIL_DOMAINS = frozenset({"gmail.com", "googlemail.com"})

# Mailboxes anyone can open: a shared domain here says nothing about where a person works.
# The finder also treats as public any domain whose contacts work at many organisations (a
# webmail or internet provider this list does not know).
PUBLIC_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.fr",
        "ymail.com",
        "hotmail.com",
        "hotmail.fr",
        "outlook.com",
        "outlook.fr",
        "live.com",
        "live.fr",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "aol.fr",
        "gmx.com",
        "gmx.fr",
        "gmx.de",
        "web.de",
        "mail.com",
        "protonmail.com",
        "proton.me",
        "pm.me",
        "tutanota.com",
        "yandex.com",
        "yandex.ru",
        "zoho.com",
        "free.fr",
        "orange.fr",
        "wanadoo.fr",
        "sfr.fr",
        "neuf.fr",
        "laposte.net",
        "bbox.fr",
        "numericable.fr",
        "club-internet.fr",
        "aliceadsl.fr",
        "skynet.be",
        "telenet.be",
        "bluewin.ch",
        "videotron.ca",
        "sympatico.ca",
    }
)

MOBILE_LABELS = frozenset({"mobile", "cell", "cellular", "portable", "gsm", "iphone", "mobil"})
FAX_LABELS = frozenset({"fax", "télécopie", "telecopie"})

# Name particles: too common to put two people in one block on their own.
PARTICLES = frozenset({"de", "la", "le", "du", "des", "d", "l", "van", "von", "der", "den", "di"})

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def mailbox_key(address: str) -> str:
    """The key of the mailbox ``address`` reaches (see the module's note on Gmail)."""
    value = address.strip().lower()
    local, at, domain = value.rpartition("@")
    if not at:
        return value
    if domain in GMAIL_DOMAINS:
        local = local.split("+", 1)[0].replace(".", "")
        return f"{local}@gmail.com"
    return value


def email_domain(address: str) -> str:
    return address.strip().lower().rpartition("@")[2]


def is_public_domain(domain: str) -> bool:
    return domain in PUBLIC_DOMAINS


def phone_kind(value: str, label: str = "") -> str:
    """``"mobile"``, ``"landline"`` (fixed lines, switchboards, special numbers) or ``"fax"``.

    What the number is wins over its label (a "work" number in +336 is a mobile); where the
    number does not say (North American numbers, numbers kept as typed), the label does."""
    words = set(fold(label).replace("-", " ").split())
    if words & FAX_LABELS:
        return "fax"
    if value.startswith("+33") and len(value) == 12 and value[1:].isdigit():
        return "mobile" if value[3] in "67" else "landline"  # the French plan, no parsing
    kind = _number_kind(value.partition(";")[0])
    if kind is None:
        return "mobile" if words & MOBILE_LABELS else "landline"
    return kind


@lru_cache(maxsize=8192)
def _number_kind(e164: str) -> str | None:
    if not e164.startswith("+"):
        return None
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    kind = phonenumbers.number_type(number)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        return "mobile"
    if kind in (
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        phonenumbers.PhoneNumberType.UNKNOWN,
    ):
        return None
    return "landline"


class PersonName:
    """A person's name as the finder compares it: folded word tokens, given then family.

    The texts compared are worked out once (a finder run compares each name many times)."""

    __slots__ = ("family", "given", "key", "swapped_text", "text", "tokens")

    def __init__(self, given: tuple[str, ...], family: tuple[str, ...]) -> None:
        self.given = given
        self.family = family
        self.tokens = given + family
        self.text = " ".join(self.tokens)
        self.swapped_text = " ".join(family + given)
        # The same key for the same words in any order: "Dupont Jean" is "Jean Dupont".
        self.key = " ".join(sorted(self.tokens))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PersonName)
            and self.given == other.given
            and self.family == other.family
        )

    def __hash__(self) -> int:
        return hash((self.given, self.family))

    def __repr__(self) -> str:
        return f"PersonName(given={self.given!r}, family={self.family!r})"

    @property
    def is_full(self) -> bool:
        """Both a given and a family name: enough to tell one person from another."""
        return bool(self.given) and bool(self.family)

    def block_tokens(self) -> set[str]:
        """The words worth a block of their own (not particles, not initials)."""
        return {t for t in self.tokens if len(t) > 1 and t not in PARTICLES}


def person_name(given: str, family: str, display: str = "") -> PersonName:
    """Folded tokens of the name; a contact known only by a display name ("Jean Dupont") is
    read as given names then a family name (its last word)."""
    if given or family:
        return PersonName(_words(given), _words(family))
    words = _words(display)
    if len(words) < 2:
        return PersonName((), words)
    return PersonName(words[:-1], words[-1:])


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    """Folded words of one name part: cached, the same given and family names recur."""
    return tuple(_WORD.findall(fold(text))) if text else ()


def name_distance(a: PersonName, b: PersonName, limit: int = 2) -> int:
    """Typing edits (Damerau-Levenshtein: a letter in, out, changed, two swapped) between the
    names, given and family names taken in either order; ``limit + 1`` when beyond ``limit``.
    A dropped hyphen ("Jean-Pierre" / "Jeanpierre") is one edit, a hyphen for a space none."""
    text = a.text
    direct = DamerauLevenshtein.distance(text, b.text, score_cutoff=limit)
    if direct == 0:
        return 0
    swapped = DamerauLevenshtein.distance(text, b.swapped_text, score_cutoff=limit)
    return min(direct, swapped)


def allowed_edits(a: PersonName, b: PersonName) -> int:
    """How many typing edits two names may differ by and still be one person's: one for
    names of up to eleven letters, two beyond (a slip is more likely in a long name, and two
    edits between short names make another name: "Marc" and "Marie")."""
    shortest = min(len(a.text), len(b.text))
    return 1 if shortest < 12 else 2


def initial_matches(a: PersonName, b: PersonName) -> bool:
    """ "J. Dupont" and "Jean Dupont": same family name, one given name an initial of the other."""
    if not (a.is_full and b.is_full) or a.family != b.family:
        return False
    short, long_ = (a.given, b.given) if len(a.given[0]) <= len(b.given[0]) else (b.given, a.given)
    return len(short[0]) == 1 and long_[0].startswith(short[0]) and len(long_[0]) > 1


def names_conflict(a: PersonName, b: PersonName) -> bool:
    """Two full names with nothing in common (no shared word, not two typing slips apart):
    two people sharing one mailbox or number (a couple, a desk), not one person twice."""
    if not (a.is_full and b.is_full):
        return False
    if set(a.tokens) & set(b.tokens):
        return False
    # More lenient than a name reason: vetoing a shared mailbox takes names clearly apart.
    return name_distance(a, b, 2) > 2 and not initial_matches(a, b)


def combined_score(scores: list[int]) -> int:
    """Several independent reasons make a pair surer than its best one: 1 - prod(1 - s)."""
    doubt = 1.0
    for score in scores:
        doubt *= 1.0 - score / 100.0
    return min(100, round(100 * (1.0 - doubt)))


# -- reasons and their scores (0-100: how sure the finder is that two records are one person) --

EMAIL = "email"  # the same mailbox
MOBILE = "mobile"  # the same mobile number
NAME_ORGANISATION = "name_organisation"  # the same name (in any order) at the same organisation
CLOSE_NAME_ORGANISATION = "close_name_organisation"  # a typing slip apart, same organisation
NAME_DOMAIN = "name_domain"  # the same name, addresses at the same (non-public) domain
CLOSE_NAME_DOMAIN = "close_name_domain"  # a typing slip apart, same (non-public) domain

REASON_CODES = (
    EMAIL,
    MOBILE,
    NAME_ORGANISATION,
    CLOSE_NAME_ORGANISATION,
    NAME_DOMAIN,
    CLOSE_NAME_DOMAIN,
)
# Reasons that say the same thing (the names agree) count once in a pair's score.
NAME_REASONS = frozenset(
    {NAME_ORGANISATION, CLOSE_NAME_ORGANISATION, NAME_DOMAIN, CLOSE_NAME_DOMAIN}
)


def identifier_score(code: str, a: PersonName, b: PersonName) -> int:
    """A shared mailbox or mobile: surest when both records name the person the same way,
    a little less when one of them has no full name to compare."""
    base = 95 if code == EMAIL else 90
    if a.is_full and b.is_full and a.key == b.key:
        return base
    return base - 5


def name_score(a: PersonName, b: PersonName, *, same_organisation: bool) -> tuple[str, int] | None:
    """The name reason two full names give at one organisation (or, ``same_organisation``
    false, at one e-mail domain), with its score; None when the names are not close."""
    if not (a.is_full and b.is_full):
        return None
    if a.key == b.key:
        return (NAME_ORGANISATION, 85) if same_organisation else (NAME_DOMAIN, 75)
    limit = allowed_edits(a, b)
    edits = name_distance(a, b, limit)
    if edits > limit:
        if not initial_matches(a, b):
            return None
        edits = 1
    score = (70 if edits <= 1 else 60) - (0 if same_organisation else 10)
    return (CLOSE_NAME_ORGANISATION if same_organisation else CLOSE_NAME_DOMAIN), score
