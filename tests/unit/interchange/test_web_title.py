"""A page's title, fetched on request: og:title first, <title> else, clear refusals."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from fiac_press_desk.interchange.web_title import WebTitleError, fetch_title, title_of_html

PAGE = (
    "<html><head><title>Site | Article</title>"
    '<meta property="og:title" content="L&#39;IA au chevet des patients"></head></html>'
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = PAGE.encode() if self.path == "/a" else b"<html><body>rien</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_title_of_html() -> None:
    assert title_of_html(PAGE) == "L'IA au chevet des patients"
    assert title_of_html("<title>\n  Un   titre \n</title>") == "Un titre"
    assert title_of_html("<p>rien</p>") == ""


def test_fetch_title_from_a_local_server(server: str) -> None:
    assert fetch_title(f"{server}/a") == "L'IA au chevet des patients"
    with pytest.raises(WebTitleError, match="ne donne pas de titre"):
        fetch_title(f"{server}/b")
    with pytest.raises(WebTitleError, match="adresse non web"):
        fetch_title("file:///etc/passwd")
    with pytest.raises(WebTitleError, match="page inaccessible"):
        fetch_title("http://127.0.0.1:9/none")
