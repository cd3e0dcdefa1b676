"""No English left in the French window.

Two checks: every French ``<translation>`` of every area's .ts is finished (and compiled), and
the window itself, page after page, shows no text that stays the same when the language
switches to English, unless it is data from the database or a word the translator confirmed
is the same in French ("Contacts", "Type"...).
"""

from __future__ import annotations

import html
import importlib.util
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTreeView,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fiac_press_desk import APP_NAME
from fiac_press_desk.config import resources_dir
from fiac_press_desk.domain import enums
from fiac_press_desk.services import Services
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.views.contacts_view import ContactsView
from tests.ui.conftest import settle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = resources_dir() / "translations"
# Names of things, the same in every language.
PROPER_NAMES = {APP_NAME, "Français", "English", "Qt", "FIAC", "vCard", "Excel", "CSV", "JSON"}
LETTERS = re.compile(r"[^\W\d_]{2,}")
TAGS = re.compile(r"<[^>]+>")
ADDRESSES = re.compile(r"\b[a-z]+://\S*|\S+@\S+")  # URLs and email addresses are data


def _update_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("fiac_press_desk_*.ts"))


def test_every_translation_of_every_area_is_finished() -> None:
    files = ts_files()
    assert any(f.name == "fiac_press_desk_fr_core.ts" for f in files)
    unfinished = _update_script().unfinished  # type: ignore[attr-defined]
    missing = {ts.name: unfinished(ts) for ts in files}
    assert {name: sources for name, sources in missing.items() if sources} == {}


def test_every_ts_is_compiled() -> None:
    for ts in ts_files():
        assert ts.with_suffix(".qm").exists(), f"{ts.name}: run scripts/update_translations.py"


# -- the window, French against English ----------------------------------------------------------


def same_in_both_languages() -> list[re.Pattern[str]]:
    """Texts whose French translation is, by the translator's choice, the English source."""
    patterns = []
    for ts in ts_files():
        for message in ET.parse(ts).iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            if text and _norm(text) == _norm(source):
                pattern = re.escape(_norm(source))
                pattern = re.sub(r"%(\d|n)", ".+", pattern)
                patterns.append(re.compile(f"^{pattern}$"))
    return patterns


def _norm(text: str) -> str:
    text = TAGS.sub(" ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


CODES = {
    member.value
    for enum in vars(enums).values()
    if isinstance(enum, type) and issubclass(enum, StrEnum) and enum is not StrEnum
    for member in enum
} | {"work", "home", "mobile", "fax", "other", "website", "mastodon", "fr", "en"}


def database_strings(db_path: Path) -> list[str]:
    """Every text value stored in the database: names, titles, notes... Not the codes of
    closed vocabularies ("journalist", "work"): those must show through a translated label."""
    found: set[str] = set()
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table.startswith(("sqlite_", "contacts_fts", "alembic")):
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
            for column in columns:
                for (value,) in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}"'):
                    if isinstance(value, str) and value not in CODES:
                        found.update(p.strip() for p in value.split("\n") if len(p.strip()) >= 2)
    return sorted(found, key=len, reverse=True)


def strip_data(text: str, data: list[str]) -> str:
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [("tooltip", widget.toolTip())]
    if isinstance(widget, QLabel | QAbstractButton):
        out.append(("text", widget.text()))
    elif isinstance(widget, QLineEdit):
        out.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        out += [(f"item{i}", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QGroupBox):
        out.append(("title", widget.title()))
    elif isinstance(widget, QTabBar):
        out += [(f"tab{i}", widget.tabText(i)) for i in range(widget.count())]
    if isinstance(widget, QTreeWidget):
        for i in range(widget.topLevelItemCount()):
            out.append((f"top{i}", widget.topLevelItem(i).text(0)))
    elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        if not header.isHidden():
            model = widget.model()
            out += [
                (f"header{c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(header.count())
                if not header.isSectionHidden(c)
            ]
    return [(name, text) for name, text in out if text]


def _path(widget: QWidget, top: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not top:
        parent = current.parentWidget()
        siblings = (
            [c for c in parent.children() if type(c) is type(current)] if parent else [current]
        )
        parts.append(f"{type(current).__name__}[{siblings.index(current)}]{current.objectName()}")
        current = parent
    return "/".join(reversed(parts))


def snapshot(window: MainWindow, page: str) -> dict[str, str]:
    """What the press officer can read on ``page``: visible widgets, menus and their actions."""
    texts: dict[str, str] = {}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu) or not widget.isVisibleTo(window):
            continue
        for name, text in widget_texts(widget):
            texts[f"{page}:{_path(widget, window)}:{name}"] = text
    for menu in window.menuBar().findChildren(QMenu):
        texts[f"menu:{menu.objectName()}:title"] = menu.title()
    for action in window.findChildren(QAction):
        if action.associatedObjects() and action.text():
            key = f"action:{action.objectName() or action.text()}"
            texts[f"{key}:text"] = action.text()
            if action.toolTip() != action.text().replace("&", ""):
                texts[f"{key}:tooltip"] = action.toolTip()
    return texts


def visit_every_page(
    qtbot: QtBot, window: MainWindow, pick_contact: Callable[[ContactsView], None]
) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name in window.page_names:
        window.show_page(name)
        page = window.pages[name]
        if isinstance(page, ContactsView):
            wait_loaded(qtbot, page)
            pick_contact(page)
        settle(qtbot)
        qtbot.wait(50)
        texts.update(snapshot(window, name))
    return texts


def untranslated(
    french: dict[str, str], english: dict[str, str], data: list[str]
) -> list[tuple[str, str]]:
    confirmed = same_in_both_languages()
    offenders = []
    for key, fr_text in french.items():
        en_text = english.get(key)
        if en_text is None or _norm(fr_text) != _norm(en_text):
            continue
        text = _norm(fr_text)
        if text in PROPER_NAMES or any(p.match(text) for p in confirmed):
            continue
        rest = strip_data(html.unescape(TAGS.sub(" ", fr_text)), data)
        for name in PROPER_NAMES:
            rest = rest.replace(name, " ")
        rest = ADDRESSES.sub(" ", rest)
        if LETTERS.search(rest.replace("&", "")):
            offenders.append((key, text))
    return offenders


def test_french_window_shows_no_untranslated_text(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_services: Services,
    db_path: Path,
    french: str,
) -> None:
    window = make_window(demo_services)

    def pick_contact(view: ContactsView) -> None:
        # The contact card beside the list is part of the page: show one with a history.
        row = next(
            (
                r
                for r in range(view.model.rowCount())
                if (item := view.model.contact_row(r)) is not None and item.last_release
            ),
            0,
        )
        view.select_ids([view.model.contact_id(row)])

    in_french = visit_every_page(qtbot, window, pick_contact)
    window.set_language("en")
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    in_english = visit_every_page(qtbot, window, pick_contact)
    window.set_language("fr")

    assert len(in_french) > 100  # the walk did see the window
    shared = set(in_french) & set(in_english)
    assert len(shared) > 0.9 * len(in_french), "both walks should meet the same widgets"
    data = [window.database_status.text(), *database_strings(db_path)]
    offenders = untranslated(in_french, in_english, data)
    assert offenders == [], "\n".join(f"{key}: {text!r}" for key, text in offenders)
