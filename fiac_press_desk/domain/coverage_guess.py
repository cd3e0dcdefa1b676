"""Quick capture of coverage: what a pasted link or text says of itself, read locally.

Nothing here touches the network: the link's host names the outlet when an organisation of
the base has that website, its path often holds the date (/2026/03/04/) and the title's words
(/l-ia-au-chevet-des-patients); a pasted text gives its first line as the title and the first
date written in it. Fetching the page itself is a separate step the press officer asks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from fiac_press_desk.domain.coverage import Medium

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_PATH_DATE = re.compile(r"/(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_TEXT_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](20\d\d)\b")
_FR_DATE = re.compile(
    r"\b(1er|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
    r"septembre|octobre|novembre|décembre|decembre)\s+(20\d\d)\b",
    re.IGNORECASE,
)
_MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
SOCIAL_HOSTS = (
    "twitter.com",
    "x.com",
    "facebook.com",
    "linkedin.com",
    "instagram.com",
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "threads.net",
    "bsky.app",
    "mastodon.social",
)
_SLUG_NOISE = re.compile(r"(?:[-_](?:\d{5,}|[a-z0-9]{20,})|\.s?html?|\.php)$", re.IGNORECASE)


@dataclass
class Guess:
    """What the paste told; empty strings and None for what it did not."""

    link: str = ""
    title: str = ""
    outlet: str = ""
    published_on: date | None = None
    medium: Medium | None = None


def host_of(url_or_site: str) -> str:
    """ "www.lequotidien.example.org" -> "lequotidien.example.org" ("" when none)."""
    text = url_or_site.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "http://" + text
    host = (urlsplit(text).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def guess(text: str, outlets: Sequence[tuple[str, str]] = ()) -> Guess:
    """Read ``text`` (a link, or an article's text with or without one); ``outlets`` are the
    base's (name, website) pairs that name the outlet of a link."""
    out = Guess()
    found = _URL.search(text)
    if found:
        out.link = found.group(0).rstrip(".,;:)»")
        host = host_of(out.link)
        sites = {host_of(site): name for name, site in outlets if host_of(site)}
        for candidate in _parents(host):
            if candidate in sites:
                out.outlet = sites[candidate]
                break
        out.medium = (
            Medium.SOCIAL
            if any(host == s or host.endswith("." + s) for s in SOCIAL_HOSTS)
            else Medium.WEB
        )
        path = urlsplit(out.link).path
        m = _PATH_DATE.search(path)
        if m:
            out.published_on = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    words = [ln for ln in lines if not _URL.fullmatch(ln)]
    if words:
        out.title = _URL.sub("", words[0]).strip(" -–—|:")[:500]
    elif out.link:
        out.title = _title_from_path(urlsplit(out.link).path)
    if out.published_on is None:
        out.published_on = _date_in(text)
    return out


def _parents(host: str) -> list[str]:
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(max(len(parts) - 1, 1))]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_in(text: str) -> date | None:
    m = _TEXT_DATE.search(text)
    if m:
        return _safe_date(int(m[3]), int(m[2]), int(m[1]))
    m = _FR_DATE.search(text)
    if m:
        day = 1 if m[1].lower() == "1er" else int(m[1])
        return _safe_date(int(m[3]), _MONTHS[m[2].lower()], day)
    return None


def _title_from_path(path: str) -> str:
    """The last meaningful part of a path, as words: "l-ia-au-chevet-des-patients_123456.html"
    -> "L ia au chevet des patients"."""
    parts = [p for p in unquote(path).split("/") if p and not p.isdigit()]
    if not parts:
        return ""
    slug = _SLUG_NOISE.sub("", parts[-1])
    slug = _SLUG_NOISE.sub("", slug)
    words = re.sub(r"[-_+]+", " ", slug).strip()
    if len(words) < 8 or " " not in words:
        return ""
    return words[:1].upper() + words[1:]
