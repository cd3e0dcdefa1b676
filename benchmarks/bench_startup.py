"""How fast the command line answers before it does any work.

    python -m benchmarks --only startup

* ``--help`` and ``--version``: ``python -m fiac_press_desk --help`` (then ``--version``) in a
  fresh interpreter, against the floor ``python -c pass`` in the same interpreter. Nothing
  but argparse should load: the services, SQLAlchemy, Alembic and the formats are imported
  by the commands that use them. The goal is 0.3 s at most, whatever the machine; the ratio
  to a bare interpreter says how much of it is ours.
* ``import app``: the same for ``import fiac_press_desk.app`` (what every start pays).

Each time is the best of ``RUNS`` runs (the least disturbed by the rest of the machine), the
commands and the floor taken in turns, so that a slow spell of the machine touches them all.
"""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.run import Result

RUNS = 15
GOAL_SECONDS = 0.3


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(size: int | None = None) -> list[Result]:
    python = sys.executable
    commands = {
        "floor": [python, "-c", "pass"],
        "--help": [python, "-m", "fiac_press_desk", "--help"],
        "--version": [python, "-m", "fiac_press_desk", "--version"],
        "import app": [python, "-c", "import fiac_press_desk.app"],
    }
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(RUNS):
        for what, command in commands.items():
            best[what] = min(best[what], _time(command))
    results = []
    for what in list(commands)[1:]:
        verdict = "within" if best[what] <= GOAL_SECONDS else "OVER"
        results.append(
            Result(
                f"startup: {what} vs python -c pass",
                best[what],
                best["floor"],
                note=f"best of {RUNS}; {verdict} the {GOAL_SECONDS:g} s goal",
            )
        )
    return results
