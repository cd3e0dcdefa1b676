"""Headless commands (DESIGN.md contract): demo, import, export, backup, check.

Exit status: 0 done; 1 done but some records were refused; 2 nothing done (one-line reason
on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

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
    imp.add_argument(
        "--charset",
        metavar="NAME",
        help="vCard: charset of 8-bit text that declares none (default: guessed, with a warning)",
    )

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
    _gdpr_parser(sub)
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


def open_services(args: argparse.Namespace, *, must_exist: bool = False) -> Services:
    """Open (and migrate) the database; ``must_exist`` refuses to create an empty one."""
    url = resolve_database_url(args.db)
    if must_exist:
        from fiac_press_desk.config import sqlite_path

        path = sqlite_path(url)
        if path is not None and not path.exists():
            raise UsageError(f"{path}: no such database")
    return Services.open(url)


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
    """Contacts files through the pipeline (one batch); .eml files become enquiries."""
    from fiac_press_desk.interchange.import_sources import kind_of

    paths = [Path(name) for name in args.files]
    for path in paths:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        if kind_of(path) is None:
            raise UsageError(
                f"{path}: not a file this desk imports (.vcf .vcard .xlsx .xls .ods .csv .txt .eml)"
            )
    if args.charset:
        from fiac_press_desk.interchange.vcard_decode import codec_name

        if codec_name(args.charset) is None:
            raise UsageError(f"--charset {args.charset}: unknown charset")
    contact_files = [p for p in paths if kind_of(p) != "eml"]
    eml_files = [p for p in paths if kind_of(p) == "eml"]
    sources = _contact_sources(contact_files, args)  # every file checked before any write
    eml_import = _eml_importer() if eml_files else None
    services = open_services(args)
    try:
        status = EXIT_OK
        if contact_files:
            status = _import_contacts(services, contact_files, sources, args)
        if eml_import is not None:
            result = eml_import(services, eml_files, dry_run=args.dry_run, apply_opt_outs=True)
            _print_opt_outs(result, args.dry_run)
            if args.dry_run:
                for file, subject, sender, new in result.planned:
                    who = f"{sender} (new contact)" if new else sender
                    print(f"{file}: would record enquiry {subject!r} from {who}")
                print(
                    f"import eml (dry run): {len(result.planned)} enquiries would be recorded, "
                    "nothing written"
                )
            else:
                print(
                    f"import eml: {len(result.enquiry_ids)} enquiries recorded, "
                    f"{len(result.contact_ids)} contacts created"
                )
            for file, message in result.problems:
                print(f"{file}: {message}", file=sys.stderr)
            if result.problems:
                status = EXIT_PARTIAL
    finally:
        services.close()
    return status


def _contact_sources(paths: list[Path], args: argparse.Namespace) -> list[Any]:
    from fiac_press_desk.interchange.import_sources import SourceUnavailable, contact_items

    mapping = None
    out = []
    try:
        if args.mapping and any(p.suffix.lower() not in (".vcf", ".vcard") for p in paths):
            from fiac_press_desk.interchange.spreadsheet_mapping import load_mapping

            mapping = load_mapping(Path(args.mapping))
        for path in paths:
            out.append(contact_items(path, sheet=args.sheet, mapping=mapping, charset=args.charset))
    except SourceUnavailable as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # a mapping that does not fit the sheet
        raise UsageError(str(exc)) from None
    except Exception as exc:  # an unreadable spreadsheet: nothing done
        message = getattr(exc, "message", None)
        if message is None:
            raise
        raise UsageError(str(exc)) from None
    return out


def _eml_importer() -> Callable[..., Any]:
    try:
        from fiac_press_desk.interchange.eml_import import import_eml_files
    except ModuleNotFoundError as exc:
        if exc.name != "fiac_press_desk.interchange.eml_import":
            raise
        raise UsageError("import of .eml files is not available yet") from None
    return import_eml_files


def _import_contacts(
    services: Services, paths: list[Path], sources: list[Any], args: argparse.Namespace
) -> int:
    import itertools

    from fiac_press_desk.interchange.import_sources import import_format
    from fiac_press_desk.interchange.pipeline import (
        Decision,
        MatchKind,
        apply_plan,
        build_plan,
        write_report,
    )

    plan = build_plan(
        services,
        itertools.chain.from_iterable(sources),
        sources=[str(p) for p in paths],
        format=import_format(paths),
        on_duplicate=args.on_duplicate,
    )
    if args.dry_run:
        for item in plan.items:
            if item.kind is MatchKind.ERROR:
                continue
            what = item.kind.value
            if item.kind is MatchKind.UPDATE and item.changes:
                what += f" ({', '.join(item.changes)})"
            elif item.kind is MatchKind.DUPLICATE:
                what += f" of #{item.existing_id or item.duplicate_of} ({item.match_reason})"
            decision = "" if item.decision is Decision.SKIP else f" -> {item.decision.value}"
            print(f"{_place(item.place)}: {item.name}: {what}{decision}")
    for item in plan.items:
        for warning in item.warnings:
            print(f"{_place(item.place)}: warning: {warning}", file=sys.stderr)
    result = None if args.dry_run else apply_plan(services, plan)
    for item in plan.errors:
        print(f"{_place(item.place)}: {item.message}", file=sys.stderr)
    counts = plan.counts()
    if result is None:
        print(
            f"import (dry run, nothing written): {counts['new']} new, {counts['update']} "
            f"updates, {counts['unchanged']} unchanged, {counts['duplicate']} possible "
            f"duplicates, {counts['error']} refused"
        )
    else:
        print(
            f"import: {result.created} created, {result.updated} updated, {result.unchanged} "
            f"unchanged, {result.skipped} skipped, {len(result.refused)} refused "
            + (f"(batch {result.batch_id})" if result.batch_id else "(nothing written)")
        )
    if args.report:
        write_report(plan, result, Path(args.report))
        print(f"report written to {args.report}")
    return EXIT_PARTIAL if plan.errors else EXIT_OK


def _place(place: Any) -> str:
    """``file:line`` for text files, ``file [sheet], row N`` for spreadsheets."""
    return str(place)


def selection_filter(services: Services, args: argparse.Namespace) -> ContactFilter:
    flt = ContactFilter(archived=None)
    if args.list_name:
        list_id = services.lists.id_for(args.list_name)
        if list_id is None:
            raise UsageError(f"no distribution list named {args.list_name!r}")
        flt.list_id = list_id
    if args.tag:
        tag_id = services.tags.id_for(args.tag)
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
    services = open_services(args, must_exist=True)
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
    services = open_services(args, must_exist=True)
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


# -- gdpr (issue 13) ----------------------------------------------------------------------------


def _gdpr_parser(sub: Any) -> None:
    gdpr = sub.add_parser("gdpr", help="personal data: access, erasure, review, register")
    actions = gdpr.add_subparsers(
        dest="gdpr_command", parser_class=_Parser, required=True, metavar="ACTION"
    )
    access = actions.add_parser("access", help="one person's data, as OUT.json or OUT.pdf")
    access.add_argument("id", type=int, metavar="ID", help="the contact's id")
    access.add_argument("out", metavar="OUT")
    erase = actions.add_parser("erase", help="erase a person everywhere (asks nothing)")
    erase.add_argument("id", type=int, metavar="ID", help="the contact's id")
    actions.add_parser("review", help="contacts with no interaction for the retention period")
    register = actions.add_parser("register", help="the record of processing, as OUT.pdf")
    register.add_argument("out", metavar="OUT")


def cmd_gdpr(args: argparse.Namespace) -> int:
    if args.gdpr_command in ("access", "register"):
        out = Path(args.out)
        if not out.parent.is_dir():
            raise UsageError(f"{out.parent}: no such directory")
    services = open_services(args, must_exist=True)
    try:
        if args.gdpr_command == "access":
            return _gdpr_access(services, args.id, Path(args.out))
        if args.gdpr_command == "erase":
            return _gdpr_erase(services, args.id)
        if args.gdpr_command == "review":
            return _gdpr_review(services)
        services.gdpr.record.write(Path(args.out))
        print(f"gdpr register: record of processing written to {args.out}")
        return EXIT_OK
    finally:
        services.close()


def _gdpr_access(services: Services, contact_id: int, out: Path) -> int:
    from fiac_press_desk.services.gdpr_access import FORMATS

    if out.suffix.lower() not in FORMATS:
        raise UsageError(f"{out}: choose a .json or .pdf file")
    services.gdpr.access.write(contact_id, out)
    dossier = services.gdpr.access.dossier(contact_id)
    rows = sum(len(r) for r in dossier.tables.values())
    print(
        f"gdpr access: dossier of {dossier.name} (#{contact_id}) written to {out} "
        f"({rows} rows from {len(dossier.tables)} tables)"
    )
    return EXIT_OK


def _gdpr_erase(services: Services, contact_id: int) -> int:
    report = services.gdpr.erasure.erase(contact_id)
    print(f"gdpr erase: {report.name} (#{contact_id}) erased")
    deleted = ", ".join(f"{table} {n}" for table, n in report.deleted.items() if n)
    print(f"  deleted: {deleted}")
    print(
        f"  kept anonymised: {report.enquiries_anonymised} enquiries, "
        f"{report.lines_anonymised} distribution lines ({report.lines_dropped} queued dropped)"
    )
    print(f"  audit log: {report.audit_entries_scrubbed} entries about them scrubbed")
    print(
        f"  suppression list: {report.suppressed} email(s)/phone(s) added; an import or a "
        "captured email of them is refused"
    )
    for value in report.shared_addresses:
        print(f"  not on the list (another contact holds it too): {value}")
    for mention in report.mentions:
        print(f"  to read: {mention.table} #{mention.row_id} {mention.column} names them")
    print(f"  database file: {', '.join(report.storage) or 'not cleaned (not SQLite)'}")
    if not report.backups:
        print("backups: none of the desk's backups holds this person")
    for backup in report.backups:
        taken = f"{backup.taken_at:%Y-%m-%d}"
        until = (
            f"rotates out by {backup.rotates_out_by:%Y-%m-%d}"
            if backup.rotates_out_by is not None
            else "not rotated: delete it by hand once no longer needed"
        )
        print(f"backup still holding them: {backup.path} (taken {taken}, {until})")
    return EXIT_OK


def _gdpr_review(services: Services) -> int:
    settings = services.gdpr.settings.get()
    rows = services.gdpr.retention.review()
    for r in rows:
        last = (
            f"last {r.last_interaction_kind.value} {r.last_interaction_at:%Y-%m-%d}"
            if r.last_interaction_at and r.last_interaction_kind
            else f"collected {r.collected_at:%Y-%m-%d}, no interaction"
        )
        kept = f"; kept {r.kept_at:%Y-%m-%d}: {r.kept_reason}" if r.kept_at else ""
        flags = "".join(
            f" [{flag}]"
            for flag, on in (("archived", r.archived), ("opted out", r.opted_out))
            if on
        )
        org = f" ({r.organisation})" if r.organisation else ""
        print(f"{r.contact_id}\t{r.name}{org}\t{last}{kept}{flags}")
    years = settings.retention_years
    print(
        f"gdpr review: {len(rows)} contact(s) with no interaction for {years} year(s); keep "
        "(with a reason), archive or erase them in the window, or `gdpr erase ID`"
    )
    return EXIT_OK


_COMMANDS["gdpr"] = cmd_gdpr


def _print_opt_outs(result: Any, dry_run: bool) -> None:
    for proposal in result.opt_outs:
        when = f"{proposal.at:%Y-%m-%d}"
        who = f"{proposal.name} <{proposal.address}> (#{proposal.contact_id})"
        if proposal in result.opted_out:
            print(f"{proposal.source}: unsubscribe request: {who} opted out, dated {when}")
        elif proposal.already_opted_out:
            print(f"{proposal.source}: unsubscribe request: {who} had already opted out")
        elif dry_run:
            print(f"{proposal.source}: unsubscribe request: {who} would be opted out ({when})")
