"""The Linux menu entry and icons install for the user, pointing at the built program."""

from __future__ import annotations

import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "install_desktop_entry.py"


def run(*args: str) -> None:
    main = runpy.run_path(str(SCRIPT))["main"]
    assert main(list(args)) == 0


def test_entry_and_icons_install_and_uninstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    program = tmp_path / "FIAC Press Desk" / "fiac-press-desk"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)

    run("--exec", str(program))

    entry = home / "applications" / "fiac-press-desk.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{program}"\n' in text and f"TryExec={program}\n" in text
    assert "Icon=fiac-press-desk\n" in text and "Name=FIAC Press Desk\n" in text
    for size in (16, 48, 256):
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "fiac-press-desk.png"
        assert icon.read_bytes().startswith(b"\x89PNG")
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "fiac-press-desk.svg").exists()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert checked.returncode == 0, checked.stdout

    run("--uninstall")
    assert not entry.exists()
    assert not list((home / "icons").rglob("fiac-press-desk.*"))


def test_a_missing_program_is_refused_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    main = runpy.run_path(str(SCRIPT))["main"]
    with pytest.raises(SystemExit) as exit_:
        main(["--exec", str(tmp_path / "absent")])
    assert exit_.value.code == 2
    assert "no such program" in capsys.readouterr().err
    assert not (tmp_path / "share" / "applications").exists()
