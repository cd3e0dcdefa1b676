"""services.hub: every service on one database, each made when first asked for."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from fiac_press_desk.services import Services


def test_a_service_is_made_when_first_asked_for_and_then_kept(tmp_path: Path) -> None:
    # Opening a desk imports no mail, import or report module: the window's first page
    # needs none of them (a tenth of a second of its start).
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    code = (
        "import sys\n"
        "from fiac_press_desk.services import Services\n"
        f"services = Services.open({url!r})\n"
        "lazy = ('fiac_press_desk.services.sending', 'fiac_press_desk.services.press_report')\n"
        "assert not [m for m in lazy if m in sys.modules], sorted(sys.modules)\n"
        "sending = services.sending\n"
        "assert 'fiac_press_desk.services.sending' in sys.modules\n"
        "assert services.sending is sending\n"
        "services.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_threads_asking_at_once_get_one_service(services: Services) -> None:
    fresh = Services(services.db, actor="someone")
    start = threading.Barrier(8, timeout=10)
    got: list[object] = []

    def ask() -> None:
        start.wait()
        got.append(fresh.reports)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and all(g is got[0] for g in got)


def test_services_that_use_others_share_them(services: Services) -> None:
    fresh = Services(services.db, actor="someone")
    assert fresh.imports.backups is fresh.backups
    assert fresh.merges.backups is fresh.backups
    assert fresh.gdpr.erasure.backups is fresh.backups
    assert fresh.contacts.actor == "someone"
