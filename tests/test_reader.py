"""Finding article files: ``discover`` and its compact form ``article_names`` list the
files in ``Path`` order (part by part), each once, hidden folders and other suffixes left
out."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refs.reader import article_names, discover

_PART = st.text(alphabet="aA-_.0~ é", min_size=1, max_size=4).filter(
    lambda p: p not in (".", "..") and not p.startswith(".")
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PART, min_size=1, max_size=3), min_size=1, max_size=12))
def test_names_in_path_order(trees: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        made: set[Path] = set()
        for parts in trees:
            file = root.joinpath(*parts[:-1], parts[-1] + ".txt")
            if any(p in made for p in file.parents) or file.is_dir():
                continue  # a file where a folder is wanted
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):
                continue
            file.write_text("x", encoding="utf-8")
            made.add(file)
        names, found = article_names([root])
        assert names == [str(p) for p in sorted(made)]
        assert not found
        assert discover([root]) == ([Path(n) for n in names], [])


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b" / ".hidden").mkdir()
    (tmp_path / "b" / ".hidden" / "two.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "three.pdf").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "b" / "one.txt", tmp_path / "link.txt")
    one = str(tmp_path / "b" / "one.txt")
    names, found = article_names([tmp_path / "b", tmp_path / "link.txt", Path(one)])
    assert names == [one]
    assert not found
    names, found = article_names([tmp_path / "missing.txt"])
    assert names == [] and [d.code for d in found] == ["R001"]


def test_a_linked_folder_is_left_out_and_a_dot_folder_gives_bare_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.TXT").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "b")  # a linked folder: not walked, as rglob
    monkeypatch.chdir(tmp_path)
    names, found = article_names([Path(".")])
    assert names == [os.path.join("a", "one.TXT"), "a.txt"]  # "a" sorts before "a.txt"
    assert not found
    names, _ = article_names([tmp_path])
    assert names == [str(tmp_path / "a" / "one.TXT"), str(tmp_path / "a.txt")]


def test_a_linked_file_in_one_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "one.txt", tmp_path / "two.txt")
    names, _ = article_names([tmp_path])
    assert names == [str(tmp_path / "one.txt")]
