"""`refs parse`: stdout, stderr and exit codes, bad input included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run

SEED = str(SEEDS / "000_ef633acc338f5415.txt")


def test_json_contract() -> None:
    code, out, err = run("parse", SEED, "--format", "json")
    assert code == 0
    art = json.loads(out)["articles"][0]
    assert art["source"] == SEED and art["issue_date"] == "2000-11"
    ref = art["references"][1]
    assert ref["issued"] == "2000-10-24" and ref["outlet"] == "Associated Press"
    assert set(ref) >= {
        "key",
        "raw",
        "title",
        "outlet",
        "issued",
        "type",
        "publisher",
        "container_title",
    }
    assert "S003 warning" in err and f"{SEED}:35:" in err


def test_folder_is_read_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/b/z.txt", "a/y.txt"):
        (tmp_path / name).write_text((SEEDS / "001_71ef8663aa33fb13.txt").read_text())
    code, out, _ = run("parse", str(tmp_path))
    assert code == 0
    sources = [a["source"] for a in json.loads(out)["articles"]]
    assert sources == [str(tmp_path / "a/b/z.txt"), str(tmp_path / "a/y.txt")]


def test_table_format() -> None:
    code, out, _ = run("parse", str(SEEDS), "--format", "table")
    assert code == 0
    assert "reuters2000russia" in out and "Disarmament Diplomacy, issue 49, 2000-08" in out


def test_missing_file_exit_2(tmp_path: Path) -> None:
    code, out, err = run("parse", str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert f"{tmp_path / 'nope.txt'}: R001 error: no such file or folder" in err


def test_missing_file_beside_good_one_exit_2_output_kept(tmp_path: Path) -> None:
    code, out, err = run("parse", SEED, str(tmp_path / "nope.txt"))
    assert code == 2 and len(json.loads(out)["articles"]) == 1 and "R001" in err


def test_empty_binary_and_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    code, _, err = run("parse", str(tmp_path / "empty.txt"))
    assert code == 2 and "empty.txt: R003 error: file is empty" in err
    code, _, err = run("parse", str(tmp_path / "bin.txt"))
    assert code == 2 and "bin.txt: R004 error" in err
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.md").write_text("x")
    code, _, err = run("parse", str(tmp_path / "sub"))
    assert code == 2 and "R005 error: no article files" in err


def test_bad_file_among_good_ones_exit_1(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(Path(SEED).read_text())
    (tmp_path / "empty.txt").write_text("  \n")
    code, out, err = run("parse", str(tmp_path))
    assert code == 1 and len(json.loads(out)["articles"]) == 1 and "R003" in err


def test_non_utf8_read_with_fallback_and_warning(tmp_path: Path) -> None:
    text = Path(SEED).read_text().replace("Pyongyang' ballistic", "Pyongyang’s ballistic")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    code, out, err = run("parse", str(path))
    assert code == 0 and "R002 warning: not valid UTF-8" in err and ":13:" in err
    assert len(json.loads(out)["articles"][0]["references"]) == 8


def test_article_without_source_list_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "nolist.txt"
    path.write_text("Disarmament Diplomacy\n\nIssue No. 3, May 1996\n\nA Title\n\nBody text.\n")
    code, out, err = run("parse", str(path))
    assert code == 1 and f"{path}: A002 error: no source list found" in err
    assert json.loads(out)["articles"][0]["references"] == []


def test_no_traceback_for_user_mistakes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage")
    for args in (
        ["parse", str(bad)],
        ["parse"],
        ["parse", str(tmp_path / "none")],
        ["parse", SEED, "--format", "xml"],
    ):
        proc = subprocess.run([sys.executable, "-m", "refs", *args], capture_output=True, text=True)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr, args


def test_headless_page_warns_and_keeps_partial_dates() -> None:
    code, out, err = run("parse", str(DATA / "articles" / "headless_fragment.txt"))
    assert code == 0 and "A001 warning" in err
    assert json.loads(out)["articles"][0]["references"][0]["issued"] == "--03-05"


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("refs ")


def test_parse_keys_are_the_keys_refs_add_gives(library_url: str) -> None:
    code, out, _ = run("parse", str(SEEDS))
    parsed = sorted(r["key"] for a in json.loads(out)["articles"] for r in a["references"])
    lib = library_url
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    code, out, _ = run("list", "--library", lib, "--format", "json")
    assert code == 0 and sorted(r["key"] for r in json.loads(out)) == parsed
    assert len(set(parsed)) == 21


def test_one_source_cited_by_two_articles_has_one_key(tmp_path: Path) -> None:
    text = Path(SEED).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Associated Press, October 24", "AP, October 24"))
    code, out, _ = run("parse", str(tmp_path))
    assert code == 0
    a, b = (art["references"] for art in json.loads(out)["articles"])
    assert [r["key"] for r in a] == [r["key"] for r in b]
    assert len({r["key"] for r in a}) == 8


def test_empty_source_list_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Body text.\n\nReports:\n")
    code, out, err = run("parse", str(path))
    assert code == 1 and f"{path}:3: A007 error" in err
    assert json.loads(out)["articles"][0]["references"] == []
