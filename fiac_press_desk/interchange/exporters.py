"""Contact exports by format, shared by the command line and the window.

A format registers ``fn(services, contact_ids, out, options) -> count`` in ``EXPORTERS``; ``out``
is a path (written atomically by the exporter) or a binary stream (standard output).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.progress import NullProgress, ProgressSink


@dataclass
class ExportOptions:
    """How a contacts export is written (the format's own choices, and its progress)."""

    vcard_version: str = "3.0"
    csv_dialect: str = "excel-fr"  # "excel-fr": UTF-8 with BOM and ';'  |  "plain": UTF-8, ','
    language: str = "fr"  # header row language for spreadsheets
    progress: ProgressSink = field(default_factory=NullProgress)


ExportFn = Callable[[Services, list[int], "IO[bytes] | Path", ExportOptions], int]
EXPORTERS: dict[str, ExportFn] = {}
# File name extension of each format, for save dialogs.
EXTENSIONS: dict[str, str] = {"json": ".json", "vcard": ".vcf", "xlsx": ".xlsx", "csv": ".csv"}


def _load_formats() -> None:
    """Import the modules that register formats (kept lazy: the CLI starts fast)."""
    from fiac_press_desk.interchange import spreadsheet_export, vcard_export  # noqa: F401


def available_formats() -> list[str]:
    """The export formats, in the order the window offers them."""
    _load_formats()
    return [f for f in ("vcard", "xlsx", "csv", "json") if f in EXPORTERS]


def export_contacts(
    services: Services,
    contact_ids: list[int],
    fmt: str,
    out: IO[bytes] | Path,
    options: ExportOptions | None = None,
) -> int:
    """Write the contacts of ``contact_ids`` in ``fmt``; how many were written."""
    _load_formats()
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise KeyError(fmt)
    from fiac_press_desk.interchange.private_files import private_output

    with private_output(out if isinstance(out, Path) else None):
        return exporter(services, contact_ids, out, options or ExportOptions())


def _export_json(
    services: Services, ids: list[int], out: IO[bytes] | Path, options: ExportOptions
) -> int:
    from fiac_press_desk.interchange.collector import release_in_steps
    from fiac_press_desk.interchange.json_export import write_json

    contacts = services.contacts.get_many(ids)
    try:
        if isinstance(out, Path):
            return write_json(services, contacts, out)
        text = io.StringIO()
        count = write_json(services, contacts, text)
        out.write(text.getvalue().encode("utf-8"))
        return count
    finally:
        release_in_steps(contacts)  # freed at once, the window's freeze at the end


EXPORTERS["json"] = _export_json
