"""Start-up: arguments, database, translator, main window. The one place that wires the parts.

With a command (demo, import, export, backup, check) it runs headless and never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from fiac_press_desk import cli


def main(argv: Sequence[str] | None = None) -> int:
    """The ``fiac-press-desk`` command: a subcommand runs headless (no Qt imported), none
    opens the window. Its exit status."""
    if getattr(sys, "frozen", False):  # the bundled application: its child processes (the
        import multiprocessing  # binary-workbook probe) start through this same program

        multiprocessing.freeze_support()
    argv, files = split_files(sys.argv[1:] if argv is None else list(argv))
    try:
        args = cli.parse_args(argv)
        if files and args.command is not None:
            raise cli.UsageError(f"unrecognized arguments: {' '.join(files)}")
        args.open_files = files  # the window opens them (the import, the enquiry capture)
    except cli.UsageError as exc:
        print(f"fiac-press-desk: {exc}", file=sys.stderr)
        return cli.EXIT_NOTHING
    if args.command is not None:
        return cli.run(args)
    from fiac_press_desk.ui.launch import run_gui

    return run_gui(args)


_VALUED_OPTIONS = ("--db", "--lang", "--screenshot")


def split_files(argv: list[str]) -> tuple[list[str], list[str]]:
    """``fiac-press-desk [options] FILE...`` opens the window with files (a desktop entry's
    ``%F``, a file manager's "Open with"): the arguments after the options, when the first of
    them names no command and an existing file, are files; a command's arguments are left
    to the command."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            return argv[:index], argv[index + 1 :]
        if word in _VALUED_OPTIONS:
            index += 2
            continue
        if word.startswith("-"):
            index += 1
            continue
        if word in _command_names() or not Path(word).exists():
            return argv, []  # a command, or a typing slip argparse will explain
        return argv[:index], argv[index:]
    return argv, []


def _command_names() -> set[str]:
    """The commands the parser knows (whoever added them)."""
    import argparse

    for action in cli.build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()
