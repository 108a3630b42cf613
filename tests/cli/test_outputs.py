"""``-o FILE``: never onto an input or the library; the replaced file's mode and group
kept (else the umask's); symlinks written through; FIFOs written to, not replaced."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

import pytest

from refs.formats.atomic import write_text_atomic
from tests.helpers import SEEDS
from tests.helpers.cli_run import run

SEED = SEEDS / "000_ef633acc338f5415.txt"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "t.db"
    code, _, err = run("add", str(SEED), "--library", str(db))
    assert code == 0, err
    return db


def test_export_onto_the_library_is_refused(library: Path) -> None:
    before = library.read_bytes()
    code, out, err = run("export", "--library", str(library), "-o", str(library))
    assert code == 2 and out == ""
    assert "would overwrite the library" in err
    assert library.read_bytes() == before


@pytest.mark.parametrize("command", ["export", "render", "check"])
def test_output_onto_an_input_article_is_refused(tmp_path: Path, command: str) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(SEED, article)
    code, _, err = run(command, str(article), "-o", str(article))
    assert code == 2 and "would overwrite the input" in err
    assert article.read_bytes() == SEED.read_bytes()


def test_output_onto_an_article_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    code, _, err = run("export", str(tmp_path), "-o", str(tmp_path / "a.txt"))
    assert code == 2 and "would overwrite the input" in err


def test_output_through_a_symlink_to_an_input_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(SEED, article)
    (tmp_path / "link.bib").symlink_to(article)
    code, _, err = run("export", str(article), "-o", str(tmp_path / "link.bib"))
    assert code == 2 and "would overwrite the input" in err


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    code, _, err = run("export", str(SEED), "-o", str(target))
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("@")


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.bib"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.bib"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_text_atomic(fifo, "through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
