"""Streamed runs (refs.pipeline.stream): the same documents as the in-memory stages, byte for
byte, whatever the number of workers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.corpus import generate
from refs.pipeline import check, parse_paths
from refs.pipeline.workers import PARALLEL_MIN_ITEMS
from refs.report.check_json import check_json
from refs.report.check_text import check_text
from refs.report.json_doc import article_json, dumps
from tests.helpers import SEEDS
from tests.helpers.cli_run import run

KOREA = (
    "Disarmament Diplomacy\n\nIssue No. 50, October 2000\n\nTalks\n\n"
    "The talks stalled on October 5 in Geneva, officials said.\n\n"
    "Reports: Korea{sep} talks stall in Geneva, Reuters, October 5; "
    "Putin says test ban vital, AP, October 6.\n\n© 2000 The Acronym Institute.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds, 40 synthetic articles, the Korea pair, a NUL inside a title (past the
    part the reader looks at for binary files) and an empty file."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for name, text in generate(40, seed=7):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "korea-a.txt").write_text(KOREA.format(sep=":"), encoding="utf-8")
    (folder / "korea-b.txt").write_text(KOREA.format(sep=" -"), encoding="utf-8")
    nul = KOREA.format(sep=" \x00").replace("Talks\n\n", "Talks\n\n" + "Padding. " * 600 + "\n\n")
    (folder / "nul.txt").write_text(nul, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_parse_json_is_the_document_of_the_stages(corpus: Path) -> None:
    code, out, err = run("parse", str(corpus), "--jobs", "1")
    assert code == 1  # the empty file is an error
    assert "empty.txt: R003 error" in err
    expected = dumps({"articles": [article_json(p) for p in parse_paths([corpus]).articles]})
    assert out == expected
    assert '"reuters2000korea"' in out and "reuters2000koreaa" not in out


def test_check_is_the_document_of_the_stages(corpus: Path) -> None:
    pairs = [(p, check(p)) for p in parse_paths([corpus]).articles]
    _, out, _ = run("check", str(corpus), "--format", "json", "--jobs", "1")
    assert out == dumps(check_json(pairs))
    _, out, _ = run("check", str(corpus), "--jobs", "1")
    assert out == check_text(pairs)


@pytest.mark.parametrize(
    "args",
    [["parse"], ["check", "--format", "json"], ["check"], ["check", "--article", "korea-b"]],
)
def test_two_workers_give_the_same_bytes_as_one(corpus: Path, args: list[str]) -> None:
    assert len(list(corpus.glob("*.txt"))) >= PARALLEL_MIN_ITEMS  # so workers do start
    one = run(*args, str(corpus), "--jobs", "1")
    two = run(*args, str(corpus), "--jobs", "2")
    assert one == two
    assert one[1]


def test_article_filter_keeps_the_keys_of_the_whole_run(corpus: Path) -> None:
    _, whole, _ = run("check", str(corpus), "--format", "json")
    _, one, _ = run("check", str(corpus), "--format", "json", "--article", "korea-b")
    assert '"source": ' in one and one.count('"source": ') == 1
    assert '"key": "reuters2000korea"' in one and '"key": "reuters2000korea"' in whole


def test_nothing_readable_stops_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run("parse", str(tmp_path))
    assert (code, out) == (2, "")
    assert "R003" in err and "no readable article" in err


@pytest.mark.parametrize("extra", [[], ["--issue", "No. 52, November 2000"]])
def test_add_with_two_workers_makes_the_same_library(
    corpus: Path, tmp_path: Path, extra: list[str]
) -> None:
    from refs.library.store import Library

    one = run("add", str(corpus), "--jobs", "1", "--library", str(tmp_path / "1.db"), *extra)
    two = run("add", str(corpus), "--jobs", "2", "--library", str(tmp_path / "2.db"), *extra)
    assert one == two and one[0] == 1  # the empty file is an error
    with Library(tmp_path / "1.db") as a, Library(tmp_path / "2.db") as b:
        assert a.dump() == b.dump()
        assert a.counts()["records"] > 100
