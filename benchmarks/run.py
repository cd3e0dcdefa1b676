"""Run the benchmarks and print one line each: name, measured, floor, ratio.

    python -m benchmarks                      # every benchmark at its default size
    python -m benchmarks --only vcard --size 5000

Every ``benchmarks/bench_*.py`` module exposes ``run(size: int | None) -> list[Result]``.
A floor is the bare cost of the same work measured in the same run (raw library parse, raw
SQLite insert, a bare Qt window), so a ratio means the same on a slow or a busy machine.
Not part of the test suite: these machines are noisy, the suite never times anything.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Result:
    name: str
    measured: float  # seconds (or MB when unit says so)
    floor: float
    unit: str = "s"
    goal: float | None = None  # ratio to stay under, shown for reference
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.measured / self.floor if self.floor else float("inf")

    def line(self) -> str:
        goal = f"  (goal < {self.goal:g}x)" if self.goal else ""
        note = f"  {self.note}" if self.note else ""
        return (
            f"{self.name:<48} {self.measured:>10.4f}{self.unit:<2} {self.floor:>10.4f}"
            f"{self.unit:<2} {self.ratio:>7.2f}x{goal}{note}"
        )


def best_of(fn: object, repeat: int = 3) -> float:
    """Fastest of ``repeat`` runs of ``fn()``: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def modules(only: list[str]) -> list[str]:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if only:
        names = [n for n in names if any(o in n for o in only)]
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", action="append", default=[], help="substring of module name")
    parser.add_argument("--size", type=int, default=None, help="number of contacts")
    args = parser.parse_args(argv)
    print(f"{'name':<48} {'measured':>12} {'floor':>12} {'ratio':>8}")
    for name in modules(args.only):
        module = importlib.import_module(f"benchmarks.{name}")
        try:
            results = module.run(args.size)
        except Exception as exc:  # one broken benchmark does not hide the others
            print(f"{name}: failed: {exc!r}", file=sys.stderr)
            continue
        for result in results:
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
