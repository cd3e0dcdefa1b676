"""Helpers for the backup tests: a database file damaged the way a disk or a crash damages
one (a b-tree page overwritten), which still opens but fails SQLite's checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage(path: Path, table: str = "contacts") -> None:
    """Overwrite the root page of ``table``'s b-tree with garbage (the file's first page,
    the schema, stays sound: the file opens, the check finds the damage)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(bytes([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x07]) + b"\xa5" * (page_size - 8))
