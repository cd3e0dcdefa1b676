"""Is this email a request to receive nothing more? (French and English wording.)

Our releases carry a ``List-Unsubscribe: <mailto:…?subject=désinscription>`` header and a
footer saying "reply to say so", so requests come as a mail with that subject, or as a reply
in the person's own words. Only the words the person wrote count: the quoted release below a
reply (our footer says "Pour ne plus en recevoir…") and their signature are cut off first.
"""

from __future__ import annotations

import re

from fiac_press_desk.domain.text import fold

# Mail text is met once: folded without filling fold's cache with it.
_fold = fold.__wrapped__

# Where the person's own text ends: a quoted block, a reply header, a forwarded message.
_END_OF_OWN_TEXT = re.compile(
    r"^\s*(>|-- ?$|_{5,}|-{3,}\s*(original message|message d.origine|message original)"
    r"|le .{0,120} a ecrit\s*:|on .{0,120} wrote\s*:|de\s*:\s|from\s*:\s|envoye\s*:\s|sent\s*:\s)",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(r"^\s*((re|tr|fw|fwd|aw|wg)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)

# On folded text (lower case, no accents, one space between words).
_REQUESTS = [
    re.compile(p)
    for p in (
        r"\bdesinscri\w*",  # désinscrire, désinscription, désinscrivez-moi
        r"\bdesabonn\w*",  # désabonner, désabonnement
        r"\bdes-?inscri\w*",
        r"\bne (souhaite |veux |desire |voudrais )?plus (recevoir|etre destinataire)\b",
        r"\bne plus (m'|me )(envoyer|adresser|ecrire|contacter)\b",
        r"\b(retirer|retirez|supprimer|supprimez|enlever|enlevez|rayer|rayez)"
        r"(-moi| moi| mon adresse| mes coordonnees)? de (votre|vos|la|cette|ce) "
        r"(liste|fichier|base|diffusion)",
        r"\bme (retirer|supprimer|rayer|desinscrire) de\b",
        r"\bunsubscrib\w*",
        r"\bopt(-| )?out\b",
        r"\bremove me from\b",
        r"\btake me off\b",
        r"\bstop (sending|emailing|mailing)\b",
        r"\bno longer (wish|want) to (receive|get)\b",
    )
]
_SUBJECT_ALONE = {"stop", "desinscription", "unsubscribe", "desabonnement"}
# How much of the person's own text is read: a request is said at the start of a reply.
OWN_TEXT_LINES = 30


def own_text(body: str) -> str:
    """The lines the sender wrote, before any quoted message or signature."""
    kept: list[str] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if _END_OF_OWN_TEXT.match(_fold(line)):
            break
        kept.append(line)
        if len(kept) >= OWN_TEXT_LINES:
            break
    return "\n".join(kept).strip()


def unsubscribe_request(subject: str, body: str) -> str | None:
    """The words that ask to receive nothing more (folded), or None for any other email."""
    topic = " ".join(_fold(_REPLY_PREFIX.sub("", subject)).split())
    if topic.strip(" .!") in _SUBJECT_ALONE:
        return topic.strip(" .!")
    for text in (topic, " ".join(_fold(own_text(body)).split())):
        for pattern in _REQUESTS:
            found = pattern.search(text)
            if found:
                return found.group(0)
    return None
