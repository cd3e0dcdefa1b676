"""What an incoming enquiry suggests about itself, before the press officer looks at it.

Two hints, both proposals the press officer may change (the capture form shows them, the
.eml import and the review list of several messages use them):

- the outlet: the sender's e-mail domain is one where contacts of a known organisation have
  their addresses ("@radio-hexagone.fr" is Radio Hexagone's); never a public domain such as
  gmail.com, where anyone may have an address;
- the kind of request and its priority, from words of the subject: "urgent", "interview",
  "tournage" (filming), "direct" (live)... read accent- and case-blind, as whole words.

Pure functions: the services give the organisations found at a domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fiac_press_desk.domain.duplicate_keys import email_domain, is_public_domain
from fiac_press_desk.domain.enums import Priority, RequestType
from fiac_press_desk.domain.text import fold

# Words (folded: no accents, lower case) and phrases of a subject, with what they propose.
# The first rule that matches decides the type; the highest priority found wins.
TYPE_WORDS: tuple[tuple[RequestType, tuple[str, ...]], ...] = (
    (
        RequestType.INTERVIEW,
        (
            "interview",
            "interviews",
            "interviewer",
            "itw",
            "entretien",
            "entrevue",
            "direct",
            "en direct",
            "duplex",
            "plateau",
            "live",
            "portrait",
            "temoignage",
            "reaction",
        ),
    ),
    (
        RequestType.VISUALS,
        (
            "tournage",
            "tourner",
            "filmer",
            "images",
            "photo",
            "photos",
            "visuel",
            "visuels",
            "video",
            "b-roll",
        ),
    ),
    (
        RequestType.FIGURES,
        ("chiffres", "chiffre", "statistiques", "stats", "donnees", "figures", "data"),
    ),
    (RequestType.INVITATION, ("invitation", "accreditation", "conference de presse")),
    (
        RequestType.FACT_CHECK,
        ("verification", "fact-check", "fact check", "factcheck", "confirmer", "dementi"),
    ),
)
PRIORITY_WORDS: tuple[tuple[Priority, tuple[str, ...]], ...] = (
    (
        Priority.URGENT,
        (
            "urgent",
            "urgente",
            "urgence",
            "tres urgent",
            "asap",
            "direct",
            "en direct",
            "duplex",
            "immediat",
            "immediatement",
            "au plus vite",
            "derniere minute",
            "ce soir",
            "aujourd hui",
            "bouclage",
        ),
    ),
    (Priority.HIGH, ("rapide", "rapidement", "vite", "demain", "tournage", "important")),
)
_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.URGENT: 3}


@dataclass(frozen=True)
class EnquiryHints:
    """What the sender and the subject propose; empty values propose nothing."""

    outlet: str = ""
    request_type: RequestType | None = None
    priority: Priority | None = None
    words: tuple[str, ...] = ()  # the subject's words that proposed them, as found


def _words_of(subject: str) -> str:
    # Folded, punctuation as spaces (the hyphen kept inside words; the apostrophe a space, so
    # "d'entretien" holds "entretien"), padded so that a phrase matches as whole words only.
    return " " + " ".join(re.sub(r"[^\w\-]+", " ", fold(subject)).split()) + " "


def _found(text: str, words: Iterable[str]) -> list[str]:
    return [w for w in words if f" {w} " in text]


def from_subject(subject: str) -> EnquiryHints:
    """The request type and the priority that the subject's words propose."""
    text = _words_of(subject)
    request_type: RequestType | None = None
    found: list[str] = []
    for kind, words in TYPE_WORDS:
        hits = _found(text, words)
        if hits and request_type is None:
            request_type = kind
            found += hits
    priority: Priority | None = None
    for level, words in PRIORITY_WORDS:
        hits = _found(text, words)
        if hits:
            if priority is None or _RANK[level] > _RANK[priority]:
                priority = level
            found += [w for w in hits if w not in found]
    return EnquiryHints(request_type=request_type, priority=priority, words=tuple(found))


def sender_domain(address: str) -> str:
    """The domain whose organisation may be the sender's outlet; "" for a public one."""
    domain = email_domain(address) if "@" in address else ""
    return "" if not domain or is_public_domain(domain) else domain


def outlet_at_domain(organisations: Iterable[tuple[str, int]]) -> str:
    """The organisation whose contacts have addresses at the sender's domain, given as
    (name, number of its contacts there), when it holds more than half of them; "" when no
    organisation does (a shared host, a group of titles: the press officer chooses)."""
    counts: dict[str, int] = {}
    for name, count in organisations:
        if name.strip():
            counts[name] = counts.get(name, 0) + count
    if not counts:
        return ""
    name, most = max(counts.items(), key=lambda item: item[1])
    return name if most * 2 > sum(counts.values()) else ""


def propose(subject: str, organisations_at_domain: Iterable[tuple[str, int]] = ()) -> EnquiryHints:
    """Both hints: the subject's, and the outlet found at the sender's domain."""
    hints = from_subject(subject)
    return EnquiryHints(
        outlet=outlet_at_domain(organisations_at_domain),
        request_type=hints.request_type,
        priority=hints.priority,
        words=hints.words,
    )
