"""The title of a web page, fetched only when the press officer asks for it (one item at a
time, from the coverage capture): the page's og:title, else its <title>.

Plain ``urllib`` and ``html.parser`` (standard library): one GET, at most 512 KB read, a
10-second timeout, HTTP and HTTPS only; nothing is kept but the title.
"""

from __future__ import annotations

import html
import urllib.request
from html.parser import HTMLParser

MAX_BYTES = 512 * 1024
TIMEOUT_S = 10.0
USER_AGENT = "FIAC-Press-Desk (coverage capture)"


class WebTitleError(Exception):
    """The page could not be read (its address, the network, or no title in it)."""


class _TitleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.og = ""
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = dict(attrs)
            if (values.get("property") or values.get("name") or "").lower() == "og:title":
                self.og = self.og or (values.get("content") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def title_of_html(text: str) -> str:
    """The title an HTML page gives itself ("" when none)."""
    parser = _TitleParser()
    parser.feed(text)
    parser.close()
    found = parser.og or parser.title
    return " ".join(html.unescape(found).split())[:500]


def fetch_title(url: str) -> str:
    """GET ``url`` and return its title; WebTitleError with a reason the officer can read."""
    if not url.lower().startswith(("http://", "https://")):
        raise WebTitleError(f"{url} : adresse non web (http:// ou https:// attendu)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            raw = response.read(MAX_BYTES)
            charset = response.headers.get_content_charset() or "utf-8"
    except (OSError, ValueError) as exc:
        raise WebTitleError(f"{url} : page inaccessible ({exc})") from None
    title = title_of_html(raw.decode(charset, errors="replace"))
    if not title:
        raise WebTitleError(f"{url} : la page ne donne pas de titre")
    return title
