"""Headless commands (DESIGN.md contract): demo, import, export, backup, check.

Exit status: 0 done; 1 done but some records were refused; 2 nothing done (one-line reason
on stderr).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fiac_press_desk import APP_NAME, __version__
from fiac_press_desk.cli_messages import t
from fiac_press_desk.config import resolve_database_url
from fiac_press_desk.domain.text import printable, valid_unicode

if TYPE_CHECKING:  # imported by the commands that use them: `--help` answers at once
    from fiac_press_desk.services.contact_queries import ContactFilter
    from fiac_press_desk.services.hub import Services

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
EXPORT_FORMATS = ("vcard", "xlsx", "csv", "json")


class UsageError(Exception):
    """Bad arguments or unreadable input: nothing was done."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from fiac_press_desk.cli_messages import usage_error

        hint = any(word in message for word in ("unrecognized arguments", "one argument", "FILE"))
        message = usage_error(message)  # in the language chosen (cli.choose_language)
        if hint:
            message += t("usage_dash_hint")
        raise UsageError(message)


LAWFUL_BASES = ("legitimate_interest", "consent", "contract", "public_task")


def build_parser() -> argparse.ArgumentParser:
    """The DESIGN.md command line; argparse errors raise ``UsageError`` (exit 2) instead
    of printing usage and exiting, so that callers decide."""
    parser = _Parser(prog="fiac-press-desk", description=f"{APP_NAME}: press relations desk.")
    parser.add_argument(
        "--db",
        help="database file path or SQLAlchemy URL "
        "(default: $FIAC_PRESS_DESK_DB, else the user data directory)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    parser.add_argument("--screenshot", metavar="DIR", help=argparse.SUPPRESS)
    # scripts/build_app.py --measure: the window prints when it is painted and opened, then quits
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
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
    imp.add_argument(
        "--lawful-basis",
        choices=LAWFUL_BASES,
        default=None,
        help="GDPR basis recorded on new contacts whose file gives none "
        "(default: the one chosen in the window's Preferences, else legitimate_interest, "
        "a journalist's professional contact)",
    )
    imp.add_argument(
        "--unmapped",
        choices=("ignore", "notes"),
        default="ignore",
        help="spreadsheet columns that map to no field: listed and left out (ignore), or kept "
        "in the notes as 'Header : value' lines (notes)",
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

    dup = sub.add_parser("duplicates", help="list groups of probable duplicate contacts")
    dup.add_argument(
        "--min-score",
        type=int,
        default=0,
        metavar="N",
        help="only pairs scoring N (0-100) or more link contacts into groups",
    )
    dup.add_argument("--json", metavar="OUT", help="write the groups as JSON to OUT (- for stdout)")

    _gdpr_parser(sub)
    _report_parser(sub)
    _move_parser(sub)
    _password_parser(sub)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments of ``argv`` (the process's when None); ``UsageError`` if they do not parse."""
    choose_language(sys.argv[1:] if argv is None else argv)  # a refusal speaks it already
    return build_parser().parse_args(argv)


def choose_language(argv: Sequence[str]) -> str:
    """The command line's language: ``--lang``, else the system's (French on a French
    system, English otherwise); set for every message rendered from now on."""
    from fiac_press_desk.config import system_language
    from fiac_press_desk.domain.messages import set_language

    words = list(argv)
    lang = ""
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words):
            lang = words[i + 1]
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
    lang = lang if lang in ("fr", "en") else system_language()
    set_language(lang)
    return lang


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` names; its exit status."""
    from fiac_press_desk.cli_messages import file_error, os_error
    from fiac_press_desk.config import system_language
    from fiac_press_desk.domain.errors import PressDeskError
    from fiac_press_desk.domain.messages import set_language

    set_language(args.lang or system_language())  # French on a French system, or --lang
    handler = _COMMANDS[args.command]
    try:
        return handler(args)
    except UsageError as exc:
        fail(str(exc))
        return EXIT_NOTHING
    except PressDeskError as exc:
        fail(str(exc))
        return EXIT_NOTHING
    except OSError as exc:
        fail(os_error(exc))
        return EXIT_NOTHING
    except MemoryError:
        fail(t("memory"))
        return EXIT_NOTHING
    except Exception as exc:  # never a traceback to the user; a write is one transaction
        files = getattr(args, "files", None) or []
        known = file_error(exc, shown(files[0])) if len(files) == 1 else None
        # Not the exception's text: Python's or a library's English, and maybe a file's data.
        fail(known or t("unexpected", kind=type(exc).__name__))
        return EXIT_NOTHING


def say(text: str) -> None:
    """One line on standard output, shown safely (``domain.text.printable``): names and
    file names come from files, and an escape sequence in them must not drive the terminal."""
    print(printable(text))


def warn(text: str) -> None:
    """``say`` on standard error: a refusal, a warning, a skipped record."""
    print(printable(text), file=sys.stderr)


def fail(text: str) -> None:
    """The one-line reason of a command that did nothing."""
    warn(f"fiac-press-desk: {text}")


def shown(path: Path | str) -> str:
    """A file name as the user can read it: bytes that are not UTF-8 as U+FFFD."""
    return valid_unicode(str(path))


def input_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as an input file, None when it can: missing, a folder, a
    named pipe (opening one would wait forever for a writer), a device or socket."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return t("no_such_file", file=shown(path))
    except OSError as exc:
        from fiac_press_desk.cli_messages import os_error

        return os_error(exc, shown(path))
    if stat.S_ISDIR(mode):
        return t("is_folder", file=shown(path))
    if stat.S_ISFIFO(mode):
        return t("is_pipe", file=shown(path))
    if not stat.S_ISREG(mode):
        return t("not_regular", file=shown(path))
    if not os.access(path, os.R_OK):
        return t("permission_denied", file=shown(path))
    return None


def open_services(args: argparse.Namespace, *, must_exist: bool = False) -> Services:
    """Open (and migrate) the database; ``must_exist`` refuses to create an empty one."""
    url = resolve_database_url(args.db)
    if must_exist:
        from fiac_press_desk.config import sqlite_path

        path = sqlite_path(url)
        if path is not None and not path.exists():
            raise UsageError(t("no_such_database", file=path))
    from fiac_press_desk.services.hub import Services

    return Services.open(url)


def cmd_demo(args: argparse.Namespace) -> int:
    """``demo``: fictional contacts, releases and enquiries, once per database."""
    if args.contacts < 0:
        raise UsageError(t("contacts_negative"))
    from fiac_press_desk.services.demo import fill

    services = open_services(args)
    try:
        summary = fill(services, args.contacts)
    finally:
        services.close()
    if summary.already_present:
        print(t("demo_present"))
        return EXIT_OK
    print(
        t(
            "demo_done",
            contacts=summary.contacts,
            organisations=summary.organisations,
            lists=summary.lists,
            releases=summary.releases,
            distributions=summary.distributions,
            enquiries=summary.enquiries,
        )
        + "".join(", " + t(f"demo_extra_{what}", n=n) for what, n in summary.extra.items())
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Contacts files through the pipeline (one batch); .eml files become enquiries."""
    from fiac_press_desk.interchange.import_sources import kind_of

    paths = [Path(name) for name in args.files]
    for path in paths:
        problem = input_problem(path)
        if problem is not None:
            raise UsageError(problem)
        if kind_of(path) is None:
            raise UsageError(
                t(
                    "not_importable",
                    file=shown(path),
                    suffixes=".vcf .vcard .ldif .xlsx .xls .ods .csv .txt .eml",
                )
            )
    if args.charset:
        from fiac_press_desk.interchange.vcard_decode import codec_name

        if codec_name(args.charset) is None:
            raise UsageError(t("unknown_charset", name=args.charset))
    args.files = paths  # named in an error about the one file
    contact_files = [p for p in paths if kind_of(p) != "eml"]
    eml_files = [p for p in paths if kind_of(p) == "eml"]
    sources = _contact_sources(contact_files, args)  # every file checked before any write
    if eml_files:
        from fiac_press_desk.interchange.eml_import import import_eml_files
    services = open_services(args)
    try:
        statuses = []
        if contact_files:
            statuses.append(_import_contacts(services, contact_files, sources, args))
        if eml_files:
            result = import_eml_files(
                services, eml_files, dry_run=args.dry_run, apply_opt_outs=True
            )
            _print_opt_outs(result, args.dry_run)
            if args.dry_run:
                for file, subject, sender, new in result.planned:
                    who = t("eml_new_contact", sender=sender) if new else sender
                    say(t("eml_would_record", file=shown(file), subject=subject, sender=who))
                say(t("eml_dry_summary", count=len(result.planned)))
            else:
                say(
                    t(
                        "eml_summary",
                        enquiries=len(result.enquiry_ids),
                        contacts=len(result.contact_ids),
                    )
                )
            for file, message in result.problems:
                warn(f"{shown(file)}: {message}")
            done = len(result.planned) if args.dry_run else len(result.enquiry_ids)
            if not result.problems:
                statuses.append(EXIT_OK)
            else:
                statuses.append(EXIT_PARTIAL if done else EXIT_NOTHING)
    finally:
        services.close()
    # Nothing done only when no file gave anything; one that did makes it "done, but".
    if all(code == EXIT_NOTHING for code in statuses):
        return EXIT_NOTHING
    return EXIT_PARTIAL if EXIT_PARTIAL in statuses or EXIT_NOTHING in statuses else EXIT_OK


def _contact_sources(paths: list[Path], args: argparse.Namespace) -> list[Any]:
    from fiac_press_desk.interchange.import_sources import contact_items

    mapping = None
    out = []
    try:
        if args.mapping and any(p.suffix.lower() not in (".vcf", ".vcard", ".ldif") for p in paths):
            from fiac_press_desk.interchange.spreadsheet_mapping import load_mapping

            mapping = load_mapping(Path(args.mapping))
        from fiac_press_desk.domain.enums import LawfulBasis
        from fiac_press_desk.workstation import default_lawful_basis

        basis = LawfulBasis(args.lawful_basis) if args.lawful_basis else default_lawful_basis()
        for path in paths:
            out.append(
                contact_items(
                    path,
                    sheet=args.sheet,
                    mapping=mapping,
                    charset=args.charset,
                    unmapped=args.unmapped,
                    lawful_basis=basis,
                )
            )
    except ValueError as exc:  # a mapping that does not fit the sheet
        raise UsageError(str(exc)) from None
    except Exception as exc:  # an unreadable spreadsheet: nothing done
        message = getattr(exc, "message", None)
        if message is None:
            raise
        raise UsageError(str(exc)) from None
    return out


def _import_contacts(
    services: Services, paths: list[Path], sources: list[Any], args: argparse.Namespace
) -> int:
    import itertools

    from fiac_press_desk.domain.enums import Decision, MatchKind
    from fiac_press_desk.interchange.import_sources import import_format
    from fiac_press_desk.interchange.pipeline import (
        apply_plan,
        build_plan,
        match_text,
        write_report,
    )

    plan = build_plan(
        services,
        itertools.chain.from_iterable(sources),
        sources=[shown(p) for p in paths],
        format=import_format(paths),
        on_duplicate=args.on_duplicate,
    )
    if args.dry_run:
        for item in plan.items:
            if item.kind is MatchKind.ERROR:
                continue
            what = t(f"kind_{item.kind.value}")
            if item.kind is MatchKind.UPDATE and item.changes:
                what += f" ({', '.join(item.changes)})"
            elif item.kind is MatchKind.DUPLICATE:
                what = t("duplicate_of", what=what, match=match_text(plan, item))
            decision = (
                ""
                if item.decision is Decision.SKIP
                else f" -> {t(f'decision_{item.decision.value}')}"
            )
            say(f"{_place(item.place)}: {item.name}: {what}{decision}")
    for notice in plan.notices:  # the export recognised, columns left out, groups
        say(f"{_place(notice.place)}: {notice.message}")
    for item in plan.items:
        for warning in item.warnings:
            warn(t("import_warning", place=_place(item.place), text=warning))
        for remark in item.remarks:
            warn(t("import_note", place=_place(item.place), text=remark))
    result = None if args.dry_run else apply_plan(services, plan)
    if result is not None:
        # what the write itself found (a record another import wrote meanwhile)
        planned = sum(len(item.warnings) for item in plan.items)
        for place, warning in result.warnings[planned:]:
            warn(t("import_warning", place=_place(place), text=warning))
    for item in plan.errors:
        warn(f"{_place(item.place)}: {item.message}")
    if result is not None:
        # No record is skipped without a word: each says which contact it would duplicate.
        for item in plan.items:
            if item.kind is MatchKind.DUPLICATE and item.decision is Decision.SKIP:
                warn(
                    t(
                        "import_skipped",
                        place=_place(item.place),
                        name=item.name,
                        match=match_text(plan, item),
                    )
                )
    counts = plan.counts()
    if result is None:
        say(t("import_dry_summary", **counts))
    else:
        batch = t("import_batch", batch=result.batch_id) if result.batch_id else t("import_nothing")
        say(
            t(
                "import_summary",
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                skipped=result.skipped,
                refused=len(result.refused),
                batch=batch,
            )
        )
    if args.report:
        write_report(plan, result, Path(args.report))
        say(t("report_written", file=shown(args.report)))
    if not plan.errors:
        return EXIT_OK
    # Not one record read from any file (a .vcf holding no card, an empty file): nothing done.
    return EXIT_PARTIAL if any(i.data is not None for i in plan.items) else EXIT_NOTHING


def _place(place: Any) -> str:
    """``file:line`` for text files, ``file [sheet], row N`` for spreadsheets."""
    return shown(str(place))


def selection_filter(services: Services, args: argparse.Namespace) -> ContactFilter:
    """The contacts ``--list`` and ``--tag`` select (all of them, archived too, by default)."""
    from fiac_press_desk.services.contact_queries import ContactFilter

    flt = ContactFilter(archived=None)
    if args.list_name:
        list_id = services.lists.id_for(args.list_name)
        if list_id is None:
            raise UsageError(t("no_list", name=args.list_name))
        flt.list_id = list_id
    if args.tag:
        tag_id = services.tags.id_for(args.tag)
        if tag_id is None:
            raise UsageError(t("no_tag", name=args.tag))
        flt.tag_id = tag_id
    return flt


def cmd_export(args: argparse.Namespace) -> int:
    """``export``: the selected contacts to a file or standard output, written whole or not
    at all."""
    from fiac_press_desk.interchange.exporters import ExportOptions, export_contacts

    out: IO[bytes] | Path
    if args.out == "-":
        out = sys.stdout.buffer
    else:
        out = Path(args.out)
        if not out.parent.is_dir():
            raise UsageError(t("no_such_folder", folder=out.parent))
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
        say(t("export_done", format=args.format, count=count, file=shown(args.out)))
    else:
        sys.stdout.flush()
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """``backup``: a consistent copy of the database file while it may be in use."""
    target = Path(args.out)
    if not target.parent.is_dir():
        raise UsageError(t("no_such_folder", folder=target.parent))
    services = open_services(args, must_exist=True)
    how = ""
    try:
        if services.db.path is None:  # a shared database (issue 14)
            from fiac_press_desk.services.moving import backup_shared

            how = f" ({backup_shared(services.db, target)})"
        else:
            services.db.backup_to(target)
    finally:
        services.close()
    say(t("backup_done", file=shown(target)) + how)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """``check``: integrity and schema version, without migrating anything (exit 1 on a problem)."""
    from fiac_press_desk.config import sqlite_path
    from fiac_press_desk.storage.database import Database, head_revision

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UsageError(t("no_such_database", file=path))
    db = Database(url, migrate=False)
    try:
        current = db.current_revision()
        head = head_revision()
        with db.engine.connect() as conn:
            problems = db.adapter.integrity_check(conn)
    finally:
        db.dispose()
    print(t("check_schema", current=current or t("check_empty"), head=head))
    if current != head:
        problems.append(t("check_differs", current=current or t("check_empty"), head=head))
    for problem in problems:
        print(t("check_problem", text=problem))
    print(t("check_ok") if not problems else t("check_problems", count=len(problems)))
    return EXIT_OK if not problems else EXIT_PARTIAL


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "backup": cmd_backup,
    "check": cmd_check,
}


def cmd_duplicates(args: argparse.Namespace) -> int:
    """Groups of probable duplicates: readable text, or JSON (README, "Command line")."""
    import json

    from fiac_press_desk.domain.duplicate_keys import describe_reason

    if not 0 <= args.min_score <= 100:
        raise UsageError(t("min_score_range"))
    out = None if args.json in (None, "-") else Path(args.json)
    if out is not None and not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such directory")
    services = open_services(args, must_exist=True)
    try:
        groups = services.duplicates.find(min_score=args.min_score)
    finally:
        services.close()
    if args.json is not None:
        document = {
            "min_score": args.min_score,
            "groups": [
                {
                    "score": group.score,
                    "contacts": [
                        {
                            "id": m.id,
                            "name": m.name,
                            "organisation": m.organisation,
                            "emails": list(m.emails),
                            "phones": list(m.phones),
                            "archived": m.archived,
                            "opted_out": m.opted_out,
                        }
                        for m in group.members
                    ],
                    "pairs": [
                        {
                            "ids": [p.first_id, p.second_id],
                            "score": p.score,
                            "reasons": [
                                {
                                    "code": r.code,
                                    "value": r.value,
                                    "score": r.score,
                                    "text": describe_reason(r.code, r.value),
                                }
                                for r in p.reasons
                            ],
                        }
                        for p in group.pairs
                    ],
                }
                for group in groups
            ],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if out is None:
            sys.stdout.write(text)
            return EXIT_OK
        out.write_text(text, encoding="utf-8")
        say(t("duplicates_written", groups=len(groups), file=shown(out)))
        return EXIT_OK
    for n, group in enumerate(groups, 1):
        print(t("duplicates_group", n=n, score=group.score, count=len(group.members)))
        for i, m in enumerate(group.members):
            details = " · ".join(p for p in (m.organisation, *m.emails[:2]) if p)
            flags = "".join(
                f" [{flag}]"
                for flag, on in (
                    (t("flag_keep"), i == 0),
                    (t("flag_archived"), m.archived),
                    (t("flag_opted_out"), m.opted_out),
                )
                if on
            )
            print(f"  #{m.id} {m.name}" + (f" — {details}" if details else "") + flags)
        for p in group.pairs:
            why = "; ".join(describe_reason(r.code, r.value) for r in p.reasons)
            print(f"  #{p.first_id} & #{p.second_id} ({p.score}): {why}")
        print()
    people = sum(len(g.members) for g in groups)
    print(t("duplicates_summary", groups=len(groups), people=people, score=args.min_score))
    return EXIT_OK


_COMMANDS["duplicates"] = cmd_duplicates


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
    """Run ``gdpr access|erase|review|register``: the DPO's requests answered from a terminal."""
    if args.gdpr_command in ("access", "register"):
        out = Path(args.out)
        if not out.parent.is_dir():
            raise UsageError(t("no_such_folder", folder=out.parent))
    services = open_services(args, must_exist=True)
    try:
        if args.gdpr_command == "access":
            return _gdpr_access(services, args.id, Path(args.out))
        if args.gdpr_command == "erase":
            return _gdpr_erase(services, args.id)
        if args.gdpr_command == "review":
            return _gdpr_review(services)
        services.gdpr.record.write(Path(args.out))
        say(t("gdpr_register", file=args.out))
        return EXIT_OK
    finally:
        services.close()


def _gdpr_access(services: Services, contact_id: int, out: Path) -> int:
    from fiac_press_desk.services.gdpr_access import FORMATS

    if out.suffix.lower() not in FORMATS:
        raise UsageError(t("access_format", file=out))
    services.gdpr.access.write(contact_id, out)
    dossier = services.gdpr.access.dossier(contact_id)
    rows = sum(len(r) for r in dossier.tables.values())
    say(
        t(
            "gdpr_access",
            name=dossier.name,
            id=contact_id,
            file=out,
            rows=rows,
            tables=len(dossier.tables),
        )
    )
    return EXIT_OK


def _gdpr_erase(services: Services, contact_id: int) -> int:
    report = services.gdpr.erasure.erase(contact_id)
    say(t("gdpr_erased", name=report.name, id=contact_id))
    deleted = ", ".join(f"{table} {n}" for table, n in report.deleted.items() if n)
    say(f"  deleted: {deleted}")
    say(
        f"  kept anonymised: {report.enquiries_anonymised} enquiries, "
        f"{report.lines_anonymised} distribution lines ({report.lines_dropped} queued dropped)"
    )
    say(f"  audit log: {report.audit_entries_scrubbed} entries about them scrubbed")
    say(
        f"  suppression list: {report.suppressed} email(s)/phone(s) added; an import or a "
        "captured email of them is refused"
    )
    for value in report.shared_addresses:
        say(f"  not on the list (another contact holds it too): {value}")
    for mention in report.mentions:
        say(f"  to read: {mention.table} #{mention.row_id} {mention.column} names them")
    say(f"  database file: {', '.join(report.storage) or 'not cleaned (not SQLite)'}")
    if not report.backups:
        say("backups: none of the desk's backups holds this person")
    for backup in report.backups:
        taken = f"{backup.taken_at:%Y-%m-%d}"
        until = (
            f"rotates out by {backup.rotates_out_by:%Y-%m-%d}"
            if backup.rotates_out_by is not None
            else "not rotated: delete it by hand once no longer needed"
        )
        say(f"backup still holding them: {backup.path} (taken {taken}, {until})")
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
        # tab-separated for scripts; the texts from the base shown safely (``printable``)
        print(f"{r.contact_id}\t{printable(r.name + org)}\t{printable(last + kept)}{flags}")
    years = settings.retention_years
    say(t("gdpr_review", count=len(rows), years=years))
    return EXIT_OK


_COMMANDS["gdpr"] = cmd_gdpr


def _print_opt_outs(result: Any, dry_run: bool) -> None:
    for proposal in result.opt_outs:
        when = f"{proposal.at:%Y-%m-%d}"
        who = f"{proposal.name} <{proposal.address}> (#{proposal.contact_id})"
        if proposal in result.opted_out:
            say(t("optout_done", source=proposal.source, who=who, date=when))
        elif proposal.already_opted_out:
            say(t("optout_already", source=proposal.source, who=who))
        elif dry_run:
            say(t("optout_would", source=proposal.source, who=who, date=when))


# -- report (issue 16) --------------------------------------------------------------------------


from datetime import date as _date  # noqa: E402  (the report section's own import)


def _report_parser(sub: Any) -> None:
    report = sub.add_parser(
        "report", help="press report of a period (releases, enquiries, coverage) as PDF or xlsx"
    )
    report.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="first day: YYYY-MM-DD, or YYYY-MM / YYYY-Qn / YYYY for its first day "
        "(default: the first of the month of --to)",
    )
    report.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="last day, same forms (their last day); default: today",
    )
    report.add_argument("out", metavar="OUT.pdf|OUT.xlsx")


def report_bound(text: str, *, last: bool) -> _date:
    """A day from "2026-03-15", or the first (last) day of "2026-03", "2026-Q1", "2026"."""
    import re

    from fiac_press_desk.domain.press_report import Period

    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return _date.fromisoformat(value)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            period = Period.month(int(m[1]), int(m[2]))
        elif m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", value):
            period = Period.quarter(int(m[1]), int(m[2]))
        elif re.fullmatch(r"\d{4}", value):
            period = Period.year(int(value))
        else:
            raise ValueError(value)
    except ValueError:
        raise UsageError(f"{text!r}: not a date (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY)") from None
    return period.end if last else period.start


def cmd_report(args: argparse.Namespace) -> int:
    """The press report for a period, as PDF or xlsx."""
    from fiac_press_desk.domain.press_report import Period
    from fiac_press_desk.interchange.press_report_files import FORMATS, period_label, write_report

    out = Path(args.out)
    if out.suffix.lower().lstrip(".") not in FORMATS:
        raise UsageError(f"{shown(out)}: choose a .pdf or .xlsx file")
    if not out.parent.is_dir():
        raise UsageError(f"{shown(out.parent)}: no such directory")
    services = open_services(args, must_exist=True)
    try:
        today = services.reports.clock.today()
        end = report_bound(args.date_to, last=True) if args.date_to else today
        start = report_bound(args.date_from, last=False) if args.date_from else end.replace(day=1)
        if end < start:
            raise UsageError(f"--to {end:%Y-%m-%d} is before --from {start:%Y-%m-%d}")
        period = Period(start, end)
        report = services.reports.report(period)
        organisation = services.gdpr.settings.get().controller
        write_report(report, out, organisation=organisation, now=services.reports.clock.now())
    finally:
        services.close()
    say(
        f"report: {period_label(period)} written to {shown(out)} ({report.releases_sent} "
        f"releases, {report.enquiries_received} enquiries, {report.coverage_total} coverage items)"
    )
    return EXIT_OK


_COMMANDS["report"] = cmd_report


# -- move-to (issue 14) ---------------------------------------------------------------------------


def _move_parser(sub: Any) -> None:
    move = sub.add_parser(
        "move-to", help="copy the whole desk into an empty database (PostgreSQL URL or file)"
    )
    move.add_argument("target", metavar="URL_OR_FILE")


def cmd_move_to(args: argparse.Namespace) -> int:
    """``move-to``: every table, ids kept, into an empty database; counts verified."""
    from fiac_press_desk.config import resolve_database_url, sqlite_path
    from fiac_press_desk.services.moving import move_desk
    from fiac_press_desk.storage.shared_database import refuse_password_in_url

    target = resolve_database_url(args.target)
    refuse_password_in_url(target)
    path = sqlite_path(target)
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise UsageError(f"{path}: already exists; a desk moves only into a new file")
    if target == resolve_database_url(args.db):
        raise UsageError("the target is the desk itself")
    services = open_services(args, must_exist=True)
    try:
        report = move_desk(services.db, target)
    finally:
        services.close()
    for name, rows in report.counts.items():
        if rows:
            print(f"  {name}: {rows}")
    tables = len(report.counts)
    print(f"moved to {report.target}: {report.rows} rows in {tables} tables, counts verified")
    return EXIT_OK


_COMMANDS["move-to"] = cmd_move_to


def _password_parser(sub: Any) -> None:
    password = sub.add_parser(
        "db-password", help="store a shared database's password in the system keyring"
    )
    password.add_argument("target", metavar="URL")


def cmd_db_password(args: argparse.Namespace) -> int:
    """``db-password URL``: asks the password (not echoed) and keeps it in the keyring only."""
    import getpass

    from fiac_press_desk.storage.shared_database import is_postgresql, store_password

    if not is_postgresql(args.target):
        raise UsageError(f"{args.target}: not a postgresql:// URL")
    store_password(args.target, getpass.getpass("password: "))
    print("password stored in the system keyring")
    return EXIT_OK


_COMMANDS["db-password"] = cmd_db_password
