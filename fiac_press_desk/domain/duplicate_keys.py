"""The keys probable duplicates are found by, and how close two names are: pure functions.

The finder (services/duplicates.py) puts contacts in blocks by these keys and compares only
contacts that share a block, so a base of 100,000 contacts is never compared pair by pair.

* ``mailbox_key``: one key per mailbox. Case never counts. For Gmail addresses only, the dots
  of the local part and a ``+tag`` do not count either, and googlemail.com is gmail.com:
  Google documents both rules for every Gmail account, and Gmail is by far the commonest
  personal mailbox in a press file. Elsewhere the dots are part of the name
  (``jean.dupont@`` and ``jeandupont@`` of one newsroom can be two people) and ``+`` is an
  ordinary character on many newsroom servers, so the address is matched as written.
* ``phone_kind`` / ``is_role_mailbox``: a shared identifier is evidence only when it belongs
  to one person. A mobile does; a landline is an office's switchboard or a desk shared by
  several journalists, and a role address ("redaction@", "presse@") a desk's mailbox: neither
  is ever a reason on its own.
* ``person_name`` / ``slip_edits``: names folded (accents, case), hyphens and apostrophes read
  as spaces, given and family names compared in both orders, each a typing slip apart at
  most.
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


# Local parts of mailboxes that belong to a desk, not a person (RFC 2142's role names and
# their French counterparts): several journalists share them, like a switchboard.
ROLE_MAILBOXES = frozenset(
    {
        "redaction",
        "redac",
        "contact",
        "contacts",
        "info",
        "infos",
        "information",
        "presse",
        "press",
        "accueil",
        "secretariat",
        "standard",
        "newsroom",
        "news",
        "desk",
        "agenda",
        "communication",
        "com",
        "service",
        "web",
        "webmaster",
        "postmaster",
        "admin",
        "direction",
        "bureau",
        "office",
        "hello",
        "bonjour",
        "courrier",
        "mail",
        "team",
        "equipe",
        "rh",
        "jobs",
        "noreply",
        "no-reply",
        "abonnement",
        "abonnements",
        "lecteurs",
        "support",
        "sales",
        "marketing",
    }
)


def is_role_mailbox(address: str) -> bool:
    """A desk's address ("redaction@", "presse@"...), shared by whoever works there."""
    local = address.strip().lower().rpartition("@")[0].split("+", 1)[0]
    return fold(local) in ROLE_MAILBOXES


def email_domain(address: str) -> str:
    """The domain of an address, lower-cased ("" when it has none)."""
    return address.strip().lower().rpartition("@")[2]


def is_public_domain(domain: str) -> bool:
    """Whether anyone may have an address there (gmail.com): no sign of one employer."""
    return domain in PUBLIC_DOMAINS


def phone_kind(value: str, label: str = "") -> str:
    """``"mobile"``, ``"landline"`` (fixed lines, switchboards, special numbers) or ``"fax"``.

    What the number is wins over its label (a "work" number in +336 is a mobile); where the
    number does not say (North American numbers, numbers kept as typed), the label does."""
    if len(value) == 12 and value.startswith("+3") and value[2] == "3" and value[1:].isdigit():
        # The French plan, read without parsing (most numbers of a French press file).
        if value[3] in "67":
            return "mobile"
        return "fax" if _label_words(label) & FAX_LABELS else "landline"
    words = _label_words(label)
    if words & FAX_LABELS:
        return "fax"
    kind = _number_kind(value.partition(";")[0])
    if kind is None:
        return "mobile" if words & MOBILE_LABELS else "landline"
    return kind


@lru_cache(maxsize=1024)
def _label_words(label: str) -> frozenset[str]:
    return frozenset(fold(label).replace("-", " ").split())


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

    The texts compared are worked out once per name part and cached (a finder run reads
    100,000 names, and the same given and family names recur)."""

    __slots__ = ("_key", "blocks", "family", "family_text", "given", "given_text", "text")

    def __init__(self, given: tuple[str, ...], family: tuple[str, ...]) -> None:
        self._set(_Part(given), _Part(family))

    def _set(self, given: _Part, family: _Part) -> None:
        self.given, self.given_text = given.words, given.text
        self.family, self.family_text = family.words, family.text
        if given.text and family.text:
            self.text = f"{given.text} {family.text}"
        else:
            self.text = given.text or family.text
        # Only a full name is compared by name: the others need no block. A word in both
        # parts ("Martin Martin") is listed twice: a block takes a contact once anyway.
        self.blocks = given.blocks + family.blocks if given.words and family.words else ()
        self._key: str | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        """Every word of the name, given names first."""
        return self.given + self.family

    @property
    def key(self) -> str:
        """The same key for the same words in any order: "Dupont Jean" is "Jean Dupont"."""
        if self._key is None:
            self._key = " ".join(sorted(self.given + self.family))
        return self._key

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


class _Part:
    """One part of a name (the given names, or the family name): its folded words, their
    text, and the words worth a block of their own in the finder (not particles, not
    initials), with the words run together ("Anne-Sophie" meets "AnneSophie")."""

    __slots__ = ("blocks", "text", "words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.text = " ".join(words)
        blocks = [w for w in words if len(w) > 1 and w not in PARTICLES]
        if len(words) > 1:
            blocks.append("".join(words))
        self.blocks = tuple(blocks)


_NO_PART = _Part(())


def person_name(given: str, family: str, display: str = "") -> PersonName:
    """Folded tokens of the name; a contact known only by a display name ("Jean Dupont") is
    read as given names then a family name (its last word)."""
    name = PersonName.__new__(PersonName)
    if given or family:
        name._set(_part(given), _part(family))
        return name
    words = _words(display)
    if len(words) < 2:
        name._set(_NO_PART, _Part(words))
    else:
        name._set(_Part(words[:-1]), _Part(words[-1:]))
    return name


@lru_cache(maxsize=131072)
def _part(text: str) -> _Part:
    """A name part from its text: cached, the same given and family names recur."""
    return _Part(_words(text)) if text else _NO_PART


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text))) if text else ()


def name_distance(a: PersonName, b: PersonName, limit: int = 2) -> int:
    """Typing edits (Damerau-Levenshtein: a letter in, out, changed, two swapped) between the
    whole names, given and family names taken in either order; ``limit + 1`` when beyond."""
    text = a.text
    direct = DamerauLevenshtein.distance(text, b.text, score_cutoff=limit)
    if direct == 0:
        return 0
    swapped = " ".join(b.family + b.given)
    return min(direct, DamerauLevenshtein.distance(text, swapped, score_cutoff=limit))


def slip_edits(a: PersonName, b: PersonName) -> int | None:
    """The typing edits between two full names when each part (given names, family name) is a
    slip apart at most, None otherwise; the parts are compared in both orders. A slip is one
    edit in a part of up to nine letters, two in a longer one: two edits in a short name make
    another name ("Marc" and "Marie", "Bertin" and "Berlier"). A dropped hyphen
    ("Jean-Pierre" / "Jeanpierre") is one edit, a hyphen for a space none."""
    best: int | None = None
    for given, family in ((b.given_text, b.family_text), (b.family_text, b.given_text)):
        edits = 0
        for mine, theirs in ((a.given_text, given), (a.family_text, family)):
            allowed = 1 if min(len(mine), len(theirs)) < 10 else 2
            found = DamerauLevenshtein.distance(mine, theirs, score_cutoff=allowed)
            if found > allowed:
                break
            edits += found
        else:
            if best is None or edits < best:
                best = edits
    return best


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
    edits = slip_edits(a, b)
    if edits is None:
        if not initial_matches(a, b):
            return None
        edits = 1
    score = (70 if edits <= 1 else 60) - (0 if same_organisation else 10)
    return (CLOSE_NAME_ORGANISATION if same_organisation else CLOSE_NAME_DOMAIN), score


REASON_MESSAGES: dict[str, dict[str, str]] = {
    EMAIL: {"fr": "même adresse électronique {value}", "en": "same e-mail address {value}"},
    MOBILE: {"fr": "même portable {value}", "en": "same mobile {value}"},
    NAME_ORGANISATION: {"fr": "même nom, même organisme ({value})", "en": "same name at {value}"},
    CLOSE_NAME_ORGANISATION: {
        "fr": "noms très proches, même organisme ({value})",
        "en": "nearly the same name at {value}",
    },
    NAME_DOMAIN: {
        "fr": "même nom, adresses chez {value}",
        "en": "same name, addresses at {value}",
    },
    CLOSE_NAME_DOMAIN: {
        "fr": "noms très proches, adresses chez {value}",
        "en": "nearly the same name, addresses at {value}",
    },
}


def describe_reason(code: str, value: str) -> str:
    """A reason in the press officer's words, in the language of the messages."""
    from fiac_press_desk.domain.messages import render_in
    from fiac_press_desk.domain.normalize import display_phone

    shown = display_phone(value) if code == MOBILE else value
    return render_in(REASON_MESSAGES, code, value=shown)
