"""Files of personal data written for the user (exports, import reports) are readable by the
user alone (0600), like the database and its backups: on a shared workstation the umask's
usual 0644 lets every other account read them."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

PRIVATE_MODE = 0o600
_lock = threading.Lock()  # the umask is the process's: one writer changes it at a time
_depth = 0
_saved = 0


@contextlib.contextmanager
def private_output(path: Path | None) -> Iterator[None]:
    """Files created meanwhile (``path`` and its ``.part`` sibling) are 0600 from their
    creation (umask 077, so never readable by others even for a moment); ``path`` is set to
    0600 afterwards too, in case it existed before with a wider mode. ``None``: a stream,
    nothing to do."""
    global _depth, _saved
    if path is None:
        yield
        return
    with _lock:
        if _depth == 0:
            _saved = os.umask(0o077)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                os.umask(_saved)
        with contextlib.suppress(OSError):  # a failed write left no file: nothing to fix
            if path.is_file():
                os.chmod(path, PRIVATE_MODE)
