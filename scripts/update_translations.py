"""Refresh the Qt Linguist sources (.ts) from the code and compile them (.qm).

    python scripts/update_translations.py            # lupdate + lrelease, every area
    python scripts/update_translations.py --check    # list unfinished French translations

Source strings are English (``self.tr("...")``); French is a translation. One .ts per area so
that the people working on different parts of the window never edit the same file:
``resources/translations/fiac_press_desk_fr_<area>.ts``. A file belongs to the first area
whose path prefix it matches (paths relative to ``fiac_press_desk/ui/``); the rest is "core".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "fiac_press_desk" / "ui"
OUT = ROOT / "resources" / "translations"
AREAS: dict[str, tuple[str, ...]] = {
    "coverage": (
        "views/coverage",
        "views/chart",
        "dialogs/coverage",
        "dialogs/report",
        "qtmodels/coverage",
    ),
    "releases": (
        "views/releases",
        "views/release",
        "dialogs/release",
        "dialogs/sending",
        "dialogs/smtp",
        "qtmodels/release",
        "qtmodels/recipient",
    ),
    "enquiries": ("views/enquir", "views/dashboard", "dialogs/enquir", "qtmodels/enquir"),
    "contact_forms": (
        "views/contact_detail",
        "views/contact_form",
        "views/contact_history",
        "views/organisation",
        "views/chips",
        "qtmodels/organisation",
        "dialogs/organisation",
        "dialogs/merge",
    ),
    "imports": (
        "dialogs/import",
        "dialogs/mapping",
        "dialogs/export",
        "qtmodels/import",
        "qtmodels/mapping",
    ),
    # The duplicates page, the contacts' merge dialog and the form's warning (issue 12).
    "duplicates": ("views/duplicate", "dialogs/duplicate", "duplicate_"),
    # How the window runs its work and says what went wrong (ui/operations.py, ui/errors.py).
    "operations": ("operations", "errors", "thread_guard"),
    # Personal data (issue 13, window half): the register tab, the GDPR dialogs and menu.
    "gdpr": ("views/gdpr", "dialogs/gdpr", "gdpr"),
    # Issue 19's conveniences: undo of the card's saves, the message preview, the review of
    # several .eml, the keyboard (shortcuts dialog, accessible names).
    "features": (
        "undo_edits",
        "keyboard",
        "dialogs/message_preview",
        "dialogs/eml_review",
        "dialogs/shortcuts",
    ),
    # What the window says about itself (issue 19's "wrong on screen"): undo feedback, the
    # guidance of empty pages.
    "screens": ("undo_feedback", "views/empty_guidance"),
    # The workstation: preferences, crash dialog, drafts, window state, one window per base.
    # File > Shared database… (issue 14): the PostgreSQL connection, its test, the switch.
    "shared_database": ("dialogs/shared_database",),
    "desk": (
        "crash",
        "drafts",
        "dialogs/preferences",
        "single_instance",
        "window_state",
        "first_run",
    ),
    # The automatic backups: restoring one, the start-up check (issue 15).
    "backups": ("dialogs/backup", "qtmodels/backup", "backup_"),
}
LANGUAGES = ("fr",)


def area_of(path: Path) -> str:
    rel = path.relative_to(UI).as_posix()
    for area, prefixes in AREAS.items():
        if rel.startswith(prefixes):
            return area
    return "core"


def sources_by_area() -> dict[str, list[Path]]:
    areas: dict[str, list[Path]] = {name: [] for name in (*AREAS, "core")}
    for path in sorted(UI.rglob("*.py")):
        areas[area_of(path)].append(path)
    return areas


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return found


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    out = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None:
            continue
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        forms = translation.findall("numerusform")
        if forms:
            done = all((n.text or "").strip() for n in forms)
        else:
            done = bool((translation.text or "").strip())
        if translation.get("type") == "unfinished" or not done:
            out.append(source)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    problems = 0
    for lang in LANGUAGES:
        for area, files in sources_by_area().items():
            ts = OUT / f"fiac_press_desk_{lang}_{area}.ts"
            if not args.check:
                if not files:
                    continue
                subprocess.run(
                    [
                        tool("lupdate"),
                        "-silent",
                        "-no-obsolete",
                        "-locations",
                        "none",
                        *map(str, files),
                        "-ts",
                        str(ts),
                    ],
                    check=True,
                )
                subprocess.run(
                    [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                    check=True,
                )
            if ts.exists():
                missing = unfinished(ts)
                problems += len(missing)
                for source in missing:
                    print(f"{ts.name}: untranslated: {source!r}")
    return 1 if problems and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
