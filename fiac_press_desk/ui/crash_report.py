"""The report an unexpected error leaves in the data folder, for whoever looks after the desk.

It says where the code failed and on what (versions, platform), never on whose data: the
exception's message is left out (a ValueError names the e-mail address it refused, an
OSError the contact file it could not open), and so are the values of variables; only the
exception's type (and an OSError's errno name), and the program's own source lines with their
file, line and function. File paths are shortened to the package or the library they belong
to, so that the home folder (the login name) is not in them either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import sysconfig
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from fiac_press_desk import APP_NAME, __version__
from fiac_press_desk.config import data_dir

FOLDER = "error-reports"
KEEP = 20  # the newest reports; older ones go (a loop of errors must not fill the disk)
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def reports_dir() -> Path:
    """The folder of error reports (made, owner-only, if missing)."""
    path = data_dir() / FOLDER
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def shown_path(filename: str) -> str:
    """A source file's path without the folders above the package or library it is in."""
    path = Path(filename)
    with contextlib.suppress(ValueError):
        return path.resolve().relative_to(_PACKAGE_ROOT).as_posix()
    parts = path.parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            return "/".join(parts[parts.index(marker) + 1 :])
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    with contextlib.suppress(ValueError):
        return "<python>/" + path.resolve().relative_to(stdlib.resolve()).as_posix()
    if filename.startswith("<"):  # <frozen importlib._bootstrap>, <string>
        return filename
    return "<elsewhere>/" + path.name


def _error_name(exc: BaseException) -> str:
    name = f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins.")
    if isinstance(exc, OSError) and exc.errno is not None:
        name += f" ({errno.errorcode.get(exc.errno, exc.errno)})"
    return name


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{shown_path(frame.filename)}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and those it was raised from or during, the first cause first."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return list(reversed(seen))


def versions() -> list[tuple[str, str]]:
    """What the report says about the program and the machine."""
    import platform  # only when a report is written: not on every start

    found = [
        (APP_NAME, __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Platform", f"{platform.system()} {platform.release()} {platform.machine()}"),
    ]
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        found.append(("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"))
    except ImportError:  # pragma: no cover - the window always has it
        pass
    for module in ("sqlalchemy", "alembic", "vobject", "openpyxl", "python_calamine"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            found.append((module, version(module.replace("_", "-"))))
    return found


def report_text(
    kind: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    thread: str | None = None,
    when: datetime | None = None,
) -> str:
    """The report: when, versions, the thread, and the traceback without any message."""
    moment = (when or datetime.now(UTC)).isoformat(timespec="seconds")
    out = [f"{APP_NAME} error report", f"When: {moment}"]
    out += [f"{name}: {value}" for name, value in versions()]
    out.append(f"Thread: {thread or threading.current_thread().name}")
    out.append("")
    chain = _chain(exc)
    for n, link in enumerate(chain):
        if n:
            out += ["", "During it, or because of it:", ""]
        out.append("Traceback (most recent call last):")
        frames = tb if link is exc and tb is not None else link.__traceback__
        out += _frames(frames)
        out.append(f"Error: {_error_name(link)}")
    del kind  # its name is the exception's; kept in the signature of sys.excepthook
    out += ["", "(The error's message and the data it was about are left out on purpose.)"]
    return "\n".join(out) + "\n"


def write_report(
    kind: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    thread: str | None = None,
) -> Path | None:
    """Write the report (owner-only) and drop the oldest beyond ``KEEP``; None if the data
    folder cannot be written (the dialog then says so, the error is not made worse)."""
    try:
        text = report_text(kind, exc, tb, thread=thread)
        folder = reports_dir()
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"error-{stamp}.txt"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
        for old in sorted(folder.glob("error-*.txt"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return path
    except Exception as failure:  # the report must never raise over the error it reports
        print(f"error report not written: {type(failure).__name__}", file=sys.stderr)
        return None
