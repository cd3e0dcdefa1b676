"""Headless commands (DESIGN.md contract): demo, import, export, backup, check.

Exit status: 0 done; 1 done but some records were refused; 2 nothing done (one-line reason
on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from fiac_press_desk import APP_NAME, __version__
from fiac_press_desk.config import resolve_database_url
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.hub import Services

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
EXPORT_FORMATS = ("vcard", "xlsx", "csv", "json")


class UsageError(Exception):
    """Bad arguments or unreadable input: nothing was done."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fiac-press-desk", description=f"{APP_NAME}: press relations desk.")
    parser.add_argument(
        "--db",
        help="database file path or SQLAlchemy URL "
        "(default: $FIAC_PRESS_DESK_DB, else the user data directory)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    parser.add_argument("--screenshot", metavar="DIR", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = sub.add_parser("demo", help="fill the database with fictional demo data")
    demo.add_argument("--contacts", type=int, default=60, metavar="N")

    imp = sub.add_parser("import", help="import contacts (vCard, spreadsheets) or enquiries (.eml)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="show the plan, write nothing")
    imp.add_argument("--on-duplicate", choices=("skip", "update", "create"), default="skip")
    imp.add_argument("--report", metavar="OUT", help="write the import report to this file")
    imp.add_argument("--sheet", metavar="NAME", help="spreadsheet sheet to read")
    imp.add_argument("--mapping", metavar="FILE", help="column mapping (JSON) for spreadsheets")

    exp = sub.add_parser("export", help="export contacts")
    exp.add_argument(
        "format", choices=EXPORT_FORMATS, metavar="FORMAT", help="vcard | xlsx | csv | json"
    )
    exp.add_argument("out", metavar="OUT", help="output file, or - for standard output")
    exp.add_argument("--list", dest="list_name", metavar="NAME")
    exp.add_argument("--tag", metavar="TAG")
    exp.add_argument("--vcard-version", choices=("2.1", "3.0", "4.0"), default="3.0")
    exp.add_argument(
        "--csv-dialect",
        choices=("excel-fr", "plain"),
        default="excel-fr",
        help="csv: French Excel (UTF-8 BOM, ';') or plain (UTF-8, ',')",
    )

    backup = sub.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("out", metavar="OUT")

    sub.add_parser("check", help="integrity and schema version")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except UsageError as exc:
        print(f"fiac-press-desk: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    if args.command is None:
        print(
            "fiac-press-desk: no command given (the window opens with `fiac-press-desk` alone)",
            file=sys.stderr,
        )
        return EXIT_NOTHING
    return run(args)


def run(args: argparse.Namespace) -> int:
    from fiac_press_desk.domain.messages import set_language

    set_language(args.lang or "en")  # the command line speaks English unless asked
    handler = _COMMANDS[args.command]
    try:
        return handler(args)
    except UsageError as exc:
        print(f"fiac-press-desk: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except PressDeskError as exc:
        print(f"fiac-press-desk: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except OSError as exc:
        print(f"fiac-press-desk: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_NOTHING


def open_services(args: argparse.Namespace) -> Services:
    return Services.open(resolve_database_url(args.db))


def cmd_demo(args: argparse.Namespace) -> int:
    if args.contacts < 0:
        raise UsageError("--contacts must be zero or more")
    from fiac_press_desk.services.demo import fill

    services = open_services(args)
    try:
        summary = fill(services, args.contacts)
    finally:
        services.close()
    if summary.already_present:
        print("demo: the demonstration data are already in this database; nothing added")
        return EXIT_OK
    print(
        f"demo: {summary.contacts} contacts, {summary.organisations} organisations, "
        f"{summary.lists} lists, {summary.releases} releases, "
        f"{summary.distributions} distributions, {summary.enquiries} enquiries"
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    for name in args.files:
        if not Path(name).is_file():
            raise UsageError(f"{name}: no such file")
    raise UsageError("import is not available yet")


def selection_filter(services: Services, args: argparse.Namespace) -> ContactFilter:
    flt = ContactFilter(archived=None)
    if args.list_name:
        list_id = services.lists.id_for(args.list_name)
        if list_id is None:
            raise UsageError(f"no distribution list named {args.list_name!r}")
        flt.list_id = list_id
    if args.tag:
        tag_id = next(
            (t.id for t in services.tags.all() if t.name.casefold() == args.tag.casefold()), None
        )
        if tag_id is None:
            raise UsageError(f"no tag named {args.tag!r}")
        flt.tag_id = tag_id
    return flt


def cmd_export(args: argparse.Namespace) -> int:
    from fiac_press_desk.interchange.exporters import (
        ExportOptions,
        available_formats,
        export_contacts,
    )

    if args.format not in available_formats():
        raise UsageError(f"export {args.format} is not available yet")
    out: IO[bytes] | Path
    if args.out == "-":
        out = sys.stdout.buffer
    else:
        out = Path(args.out)
        if not out.parent.is_dir():
            raise UsageError(f"{out.parent}: no such directory")
    services = open_services(args)
    try:
        ids = services.contact_queries.ids(selection_filter(services, args))
        options = ExportOptions(
            vcard_version=args.vcard_version,
            csv_dialect=args.csv_dialect,
            language=args.lang or "fr",
        )
        count = export_contacts(services, ids, args.format, out, options)
    finally:
        services.close()
    if args.out != "-":
        print(f"export {args.format}: {count} contacts written to {args.out}")
    else:
        sys.stdout.flush()
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    target = Path(args.out)
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such directory")
    services = open_services(args)
    try:
        services.db.backup_to(target)
    finally:
        services.close()
    print(f"backup written to {target}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from fiac_press_desk.config import sqlite_path
    from fiac_press_desk.storage.database import Database, head_revision

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UsageError(f"{path}: no such database")
    db = Database(url, migrate=False)
    try:
        current = db.current_revision()
        head = head_revision()
        with db.engine.connect() as conn:
            problems = db.adapter.integrity_check(conn)
    finally:
        db.dispose()
    print(f"schema: {current or 'empty'} (application: {head})")
    if current != head:
        problems.append(
            f"schema {current or 'empty'} differs from the application's {head}"
            " (opening the database migrates it)"
        )
    for problem in problems:
        print(f"problem: {problem}")
    print("integrity: ok" if not problems else f"integrity: {len(problems)} problem(s)")
    return EXIT_OK if not problems else EXIT_PARTIAL


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "backup": cmd_backup,
    "check": cmd_check,
}
