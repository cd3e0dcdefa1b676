"""The window at 100 000 contacts, against a bare PySide6 window and the raw search index.

    python -m benchmarks --only ui [--size N]

- launch: time from starting the process to the first paint of the main window (offscreen),
  against the same for a bare ``QMainWindow``; and to the first paint that shows contact rows.
- keystroke: from a search text being applied (the 150 ms typing pause excluded) to the
  table holding the new rows with the visible ones read, against the raw FTS5 query for the
  same words through sqlite3; the raw query with the table's filter and order is shown too.
- memory: resident memory after scrolling the whole list, against a bare shown window.

Each launch and memory figure comes from a fresh subprocess. The database of ``size``
generated contacts is built once and kept in the temporary folder for the next runs.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import Result, best_of

DEFAULT_SIZE = 100_000
ROOT = Path(__file__).resolve().parents[1]
KEYSTROKES = ["l", "le", "lef", "lefe", "lefev", "lefevr", "lefevre", "marie", "agence sante"]


# -- data -------------------------------------------------------------------------------------


def database(size: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"fiac-press-desk-bench-ui-{size}.sqlite3"
    if path.exists():
        try:
            with sqlite3.connect(path) as conn:
                (count,) = conn.execute("SELECT count(*) FROM contacts").fetchone()
            if count >= size:
                return path
        except sqlite3.Error:
            pass
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
    from fiac_press_desk.services import Services
    from fiac_press_desk.services.demo_data import generate_contacts

    services = Services.open(f"sqlite:///{path}")
    try:
        batch: list[object] = []
        for record in generate_contacts(size):
            batch.append(record)
            if len(batch) == 10_000:
                services.contacts.create_many(batch)  # type: ignore[arg-type]
                batch = []
        if batch:
            services.contacts.create_many(batch)  # type: ignore[arg-type]
    finally:
        services.close()
    return path


# -- children (each measurement in a fresh process) -------------------------------------------


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FIAC_PRESS_DESK_CONFIG_DIR"] = str(config)
    env["FIAC_PRESS_DESK_DATA_DIR"] = str(config / "data")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _child(mode: str, db: Path, config: Path) -> dict[str, float]:
    """Run this file as a child in ``mode``; returns its JSON answer plus ``wall`` seconds."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ui", "child", mode, str(db)],
        env=_env(config),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    wall = time.perf_counter() - start
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"child {mode} failed: {proc.stderr[-2000:]}")
    answer: dict[str, float] = json.loads(lines[-1])
    answer.setdefault("wall", wall)
    return answer


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _done(**values: float) -> None:
    print(json.dumps(values), flush=True)
    os._exit(0)  # the figure is taken: skip the teardown


def child(mode: str, db: Path) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def __init__(self, target: QObject, ready: object = None) -> None:
            super().__init__()
            self.target, self.ready = target, ready

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                obj is self.target
                and event.type() == QEvent.Type.Paint
                and (self.ready is None or self.ready())  # type: ignore[operator]
            ):
                _done(painted=1.0)
            return False

    if mode in ("bare", "bare-memory"):
        from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

        app = QApplication([])
        window = QMainWindow()
        window.setCentralWidget(QLabel("FIAC Press Desk"))
        window.resize(1280, 800)
        if mode == "bare":
            watcher = FirstPaint(window)  # kept referenced, or Qt would never call it
            window.installEventFilter(watcher)
            window.show()
            app.exec()
        window.show()
        for _ in range(20):
            app.processEvents()
        _done(rss=_rss_mb())

    import argparse

    from PySide6.QtCore import QCoreApplication, QTimer

    from fiac_press_desk.ui import settings
    from fiac_press_desk.ui.launch import run_gui

    settings.save_value("window/page", "contacts")  # the page that holds the 100 000 rows
    args = argparse.Namespace(db=str(db), lang="fr", screenshot=None, command=None)
    keep: list[object] = []

    def rows_shown() -> bool:
        window = keep[0]
        view = window.pages.get("contacts")  # type: ignore[attr-defined]
        return view is not None and view.model.rowCount() > 0

    class RowsPainted(QObject):
        """The first paint of the table's viewport once it has rows."""

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and obj.objectName() == "qt_scrollarea_viewport"
                and obj.parent() is not None
                and obj.parent().objectName() == "contactsTable"
                and rows_shown()
            ):
                _done(painted=1.0)
            return False

    def scroll_everything() -> None:
        window = keep[0]
        if not window.is_attached() or not rows_shown():  # type: ignore[attr-defined]
            QTimer.singleShot(20, scroll_everything)
            return
        view = window.contacts_view()  # type: ignore[attr-defined]
        bar = view.table.verticalScrollBar()
        step = max(1, bar.pageStep())
        for value in range(0, bar.maximum() + step, step):
            bar.setValue(value)
            QCoreApplication.processEvents()
        assert view.model.cached_pages() > 0
        _done(rss=_rss_mb(), rows=float(view.model.rowCount()))

    def hook(window: object) -> None:
        keep.append(window)
        if mode == "app":
            watcher = FirstPaint(window)  # type: ignore[arg-type]
            keep.append(watcher)
            window.installEventFilter(watcher)  # type: ignore[attr-defined]
        elif mode == "app-rows":
            watcher = RowsPainted()
            keep.append(watcher)
            QCoreApplication.instance().installEventFilter(watcher)  # type: ignore[union-attr]
        elif mode == "app-memory":
            QTimer.singleShot(0, scroll_everything)

    if mode in ("app", "app-rows", "app-memory"):
        run_gui(args, on_window=hook)
    raise SystemExit(f"unknown mode {mode}")


# -- in-process: keystroke to filtered model ---------------------------------------------------


def keystrokes(db: Path) -> tuple[float, float, float]:
    """Seconds for the whole typed sequence: window, raw FTS query, raw sorted query.

    A keystroke is timed from the search being applied to the table model holding the new
    ids with the rows of its first screen read (what the next paint shows); painting itself
    is the view's business and is left out, as the typing pause is.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop

    from fiac_press_desk.services import Services
    from fiac_press_desk.storage.dialect import fts_match_expression
    from fiac_press_desk.ui.launch import make_application
    from fiac_press_desk.ui.main_window import MainWindow

    app = make_application()
    services = Services.open(f"sqlite:///{db}")
    window = MainWindow(services, str(db))
    window.resize(1280, 800)
    window.show_page("contacts")
    window.show()
    view = window.contacts_view()
    model = view.model
    loop = QEventLoop()
    model.loaded.connect(lambda _rows: loop.quit())
    if not model.is_loaded():
        loop.exec()
    screen = max(
        1, view.table.viewport().height() // view.table.verticalHeader().defaultSectionSize()
    )

    def type_one(text: str) -> None:
        view.filters.search.setText(text)
        view.filters.apply_now()  # what the 150 ms typing pause then does
        while not model.is_loaded():
            loop.exec()
        for row in range(min(screen, model.rowCount())):
            model.contact_row(row)

    def typed() -> None:
        for text in KEYSTROKES:
            type_one(text)
        type_one("")

    typed()  # warm the statement caches, as a session of typing does
    measured = best_of(typed, repeat=3)
    window.close()
    services.close()
    del app

    conn = sqlite3.connect(db)
    matches = [fts_match_expression(t) for t in KEYSTROKES]

    def raw_fts() -> None:
        for match in matches:
            conn.execute(
                "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?", (match,)
            ).fetchall()
        conn.execute("SELECT id FROM contacts").fetchall()  # the empty search

    def raw_sorted() -> None:
        for match in matches:
            conn.execute(
                "SELECT id FROM contacts WHERE id IN (SELECT rowid FROM contacts_fts "
                "WHERE contacts_fts MATCH ?) AND archived = 0 ORDER BY sort_name, id",
                (match,),
            ).fetchall()
        conn.execute("SELECT id FROM contacts WHERE archived = 0 ORDER BY sort_name, id").fetchall()

    raw_fts()
    floor = best_of(raw_fts, repeat=3)
    sorted_floor = best_of(raw_sorted, repeat=3)
    conn.close()
    return measured, floor, sorted_floor


# -- entry point ---------------------------------------------------------------------------------


def run(size: int | None = None) -> list[Result]:
    size = size or DEFAULT_SIZE
    db = database(size)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        config = Path(tmp)
        _child("bare", db, config)  # warm the disk cache for both
        # bare window and application in turns, best of five each: a slow spell of the
        # machine touches both rather than one
        bare = app = float("inf")
        for _ in range(5):
            bare = min(bare, _child("bare", db, config)["wall"])
            app = min(app, _child("app", db, config)["wall"])
        rows = min(_child("app-rows", db, config)["wall"] for _ in range(3))
        results.append(Result(f"ui: launch to first paint ({size} contacts)", app, bare, goal=1.5))
        results.append(
            Result(
                f"ui: launch to contact rows painted ({size})",
                rows,
                bare,
                note="(the table fills in after the first paint)",
            )
        )
        measured, floor, sorted_floor = keystrokes(db)
        results.append(
            Result(
                f"ui: keystroke to filtered model ({len(KEYSTROKES) + 1} keys)",
                measured,
                floor,
                goal=3,
                note="floor: raw FTS5 MATCH",
            )
        )
        results.append(
            Result(
                "ui: keystroke vs raw sorted query",
                measured,
                sorted_floor,
                note="floor: same filter + ORDER BY sort_name in raw sqlite3",
            )
        )
        bare_rss = _child("bare-memory", db, config)["rss"]
        scrolled = _child("app-memory", db, config)
        results.append(
            Result(
                f"ui: RSS after scrolling {int(scrolled['rows'])} rows",
                scrolled["rss"],
                bare_rss,
                unit="MB",
                note=f"+{scrolled['rss'] - bare_rss:.0f} MB over a bare window (goal < +150 MB)",
            )
        )
    return results


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "child":
        child(sys.argv[2], Path(sys.argv[3]))
    else:
        for result in run(int(sys.argv[1]) if len(sys.argv) > 1 else None):
            print(result.line())
