"""Start-up: arguments, database, translator, main window. The one place that wires the parts.

With a command (demo, import, export, backup, check) it runs headless and never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from fiac_press_desk import cli


def main(argv: Sequence[str] | None = None) -> int:
    """The ``fiac-press-desk`` command: a subcommand runs headless (no Qt imported), none
    opens the window. Its exit status."""
    if getattr(sys, "frozen", False):  # the bundled application: its child processes (the
        import multiprocessing  # binary-workbook probe) start through this same program

        multiprocessing.freeze_support()
    try:
        args = cli.parse_args(argv)
    except cli.UsageError as exc:
        print(f"fiac-press-desk: {exc}", file=sys.stderr)
        return cli.EXIT_NOTHING
    if args.command is not None:
        return cli.run(args)
    from fiac_press_desk.ui.launch import run_gui

    return run_gui(args)
