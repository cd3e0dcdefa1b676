"""Hostile and broken files through ``fiac-press-desk import`` (issue 18), each in a child
process under a memory limit (address space, ``RLIMIT_AS``) and a time limit: a clean outcome
is an exit status of 0, 1 or 2 as the case allows, one line of reason for 2, no traceback,
never a signal (python-calamine aborted the process on forged workbooks) nor a hang; each
case's own check holds (nobody lost, nothing merged that should not be).

The files are made at test time by ``make_hostile.py`` (nothing committed); the sizes are
those at which the faults showed, scaled down where they show already smaller.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from make_hostile import CASES, Case, problems, run_case

MEMORY_MB = 2048  # the limit
TIME_LIMIT = 120.0  # seconds; every case takes a few on an idle machine


@pytest.mark.hostile
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX resource limits and FIFOs")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_gives_a_clean_outcome(case: Case, tmp_path: Path) -> None:
    outcome = run_case(case, tmp_path / case.name, memory_mb=MEMORY_MB, timeout=TIME_LIMIT)
    found = problems(case, outcome, tmp_path / case.name / "desk.sqlite3")
    assert not found, (
        f"{case.name}: {found}\nstdout: {outcome.out[-800:]}\nstderr: {outcome.err[-800:]}"
    )
