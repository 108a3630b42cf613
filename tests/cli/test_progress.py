"""Long work shows a progress bar on a terminal, never in pipes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.helpers import SEEDS


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    text = (SEEDS / "000_ef633acc338f5415.txt").read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def run_with_stderr(args: list[str], tty: bool) -> tuple[int, str, str]:
    cmd = [sys.executable, "-m", "refs", *args]
    if not tty:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return proc.returncode, proc.stdout, proc.stderr
    controller, terminal = pty.openpty()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=terminal, text=True)
    os.close(terminal)
    chunks = []
    while True:
        try:
            data = os.read(controller, 4096)
        except OSError:  # the terminal closed
            break
        if not data:
            break
        chunks.append(data)
    out, _ = child.communicate()
    os.close(controller)
    return child.returncode, out, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(tmp_path: Path, library_url: str) -> None:
    folder = corpus(tmp_path / "many", 25)
    code, out, err = run_with_stderr(["parse", str(folder), "--format", "table"], tty=True)
    assert code == 0 and "reading" in err and "100%" in err
    assert "reading" not in out
    code, out, err = run_with_stderr(["parse", str(folder), "--format", "table"], tty=False)
    assert code == 0 and "reading" not in err and "\x1b" not in err
    code, _, err = run_with_stderr(["add", str(folder), "--library", library_url], tty=True)
    assert code == 0 and "reading" in err


def test_few_files_show_no_bar(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "few", 3)
    code, _, err = run_with_stderr(["parse", str(folder)], tty=True)
    assert code == 0 and "reading" not in err
