"""One window per database: a second launch brings the first forward with its files (issue 15)."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from fiac_press_desk.app import split_files
from fiac_press_desk.config import resolve_database_url
from fiac_press_desk.services import Services
from fiac_press_desk.ui import single_instance
from fiac_press_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


@pytest.fixture
def url(db_path: Path) -> str:
    return resolve_database_url(str(db_path))


@pytest.fixture
def listener(qtbot: QtBot, url: str) -> Iterator[single_instance.Listener]:
    made = single_instance.Listener(url)
    assert made.listen()
    yield made
    made.close()


def test_the_name_is_per_database_and_stable(tmp_path: Path) -> None:
    a = single_instance.server_name(resolve_database_url(str(tmp_path / "a.sqlite3")))
    b = single_instance.server_name(resolve_database_url(str(tmp_path / "b.sqlite3")))
    assert a != b
    assert a == single_instance.server_name(resolve_database_url(str(tmp_path / "a.sqlite3")))
    assert len(a) < 60  # a Unix socket's path is short


def test_nobody_listening_means_this_launch_is_the_first(qtbot: QtBot, url: str) -> None:
    assert single_instance.forward(url, []) is False
    listener = single_instance.claim(url, [Path("x.vcf")])
    assert listener is not None and listener.pending == [Path("x.vcf")]
    listener.close()


def test_a_second_launch_hands_its_files_over(
    qtbot: QtBot, listener: single_instance.Listener, url: str, tmp_path: Path
) -> None:
    card = tmp_path / "cartes.vcf"
    card.write_text("BEGIN:VCARD\r\nEND:VCARD\r\n", encoding="utf-8")
    with qtbot.waitSignal(listener.activated, timeout=5000) as got:
        assert single_instance.forward(url, [card]) is True
    assert got.args == [[card.resolve()]]
    # another database's launch does not reach this window
    assert single_instance.forward(resolve_database_url(str(tmp_path / "other.db")), []) is False


def test_a_real_second_process_exits_at_once_and_the_first_gets_its_file(
    qtbot: QtBot, listener: single_instance.Listener, db_path: Path, tmp_path: Path
) -> None:
    card = tmp_path / "journalistes.vcf"
    card.write_text("BEGIN:VCARD\r\nEND:VCARD\r\n", encoding="utf-8")
    code = (
        "import sys; from fiac_press_desk.app import main; "
        f"sys.exit(main(['--db', {str(db_path)!r}, {str(card)!r}]))"
    )
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as stderr, qtbot.waitSignal(listener.activated, timeout=60_000) as got:
        second = subprocess.Popen([sys.executable, "-c", code], stderr=stderr)
    assert second.wait(timeout=60) == 0, errors.read_text(encoding="utf-8")
    assert got.args == [[card.resolve()]]
    assert not db_path.exists()  # it never opened the database: the first window has it


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind")
def test_a_socket_left_by_a_crashed_window_is_taken_over(qtbot: QtBot, url: str) -> None:
    name = single_instance.server_name(url)
    path = Path(QDir.tempPath()) / name
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens: what a killed window leaves
    assert path.exists()
    listener = single_instance.Listener(url)
    try:
        assert listener.listen()
        with qtbot.waitSignal(listener.activated, timeout=5000):
            assert single_instance.forward(url, [])
    finally:
        listener.close()


def test_the_window_comes_forward_and_opens_the_import(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    services: Services,
    listener: single_instance.Listener,
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(services)
    opened: list[tuple[str, list[Path]]] = []
    monkeypatch.setattr(window, "run_import", lambda paths: opened.append(("import", paths)))
    monkeypatch.setattr(window, "open_capture", lambda paths: opened.append(("capture", paths)))
    single_instance.serve(listener, window)
    window.showMinimized()
    card, mail = tmp_path / "a.vcf", tmp_path / "demande.eml"
    with qtbot.waitSignal(listener.activated, timeout=5000):
        single_instance.forward(url, [card, mail, tmp_path / "notes.txt.bak"])
    assert opened == [("import", [card.resolve()]), ("capture", [mail.resolve()])]
    assert not window.isMinimized()


def test_files_on_the_command_line_open_the_window_with_them(tmp_path: Path) -> None:
    card = tmp_path / "a.vcf"
    card.write_text("", encoding="utf-8")
    assert split_files(["--db", "x.db", str(card)]) == (["--db", "x.db"], [str(card)])
    assert split_files(["--lang", "fr", "import", str(card)]) == (
        ["--lang", "fr", "import", str(card)],
        [],
    )
    assert split_files(["demoo"]) == (["demoo"], [])  # a slip: argparse says so
    assert split_files(["--", "-odd.vcf"]) == ([], ["-odd.vcf"])
