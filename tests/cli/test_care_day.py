"""A day of caring for a library, command by command, as a new user runs it: each step
ends as the user expects."""

from __future__ import annotations

import json
from pathlib import Path

from refs.library.connection import location
from refs.library.journal import content_dump
from refs.library.store import Library
from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run

LATE = DATA / "care" / "late_issue.txt"
SEED0 = SEEDS / "000_ef633acc338f5415.txt"


def dump(lib: str) -> list[str]:
    with Library(location(lib)) as opened:
        return content_dump(opened)


def field(lib: str, key: str, name: str) -> object:
    code, out, err = run("show", key, "--format", "json", "--library", lib)
    assert code == 0, err
    return json.loads(out)[name]


def exports(lib: str) -> str:
    out = []
    for fmt in ("bibtex", "biblatex", "csljson", "ris"):
        code, text, err = run("export", "--format", fmt, "--library", lib)
        assert code == 0, err
        out.append(text)
    return "\n".join(out)


def test_a_day_with_the_library(tmp_path: Path, library_url: str) -> None:
    lib = library_url
    # morning: the articles go in; the late issue's Yonhap entry is 2001-03-01, flagged
    code, _, err = run("add", str(SEEDS), str(LATE), "--library", lib)
    assert code == 0 and "S008 warning" in err and "Yonhap, March 1" in err
    yonhap = next(k for k in json.loads(run("list", "-f", "json", "--library", lib)[1])
                  if k["outlet"] == "Yonhap")["key"]  # fmt: skip
    assert field(lib, yonhap, "issued") == "2001-03-01"
    # find things: aliases work in the filter and in search
    _, ap, _ = run("list", "--outlet", "AP", "-f", "json", "--library", lib)
    _, ap_long, _ = run("list", "--outlet", "Associated Press", "-f", "json", "--library", lib)
    assert ap == ap_long and len(json.loads(ap)) == 8
    code, out, _ = run("search", "gore", "--library", lib)
    assert code == 0 and "ap2000gore" in out

    # a wrong merge: a Reuters and an AP story of one source list is refused, forced, undone
    before = dump(lib)
    code, _, err = run("merge", "reuters2000us", "ap2000gore", "--library", lib)
    assert code == 2 and "outlets differ" in err and "one source list" in err
    assert run("merge", "reuters2000us", "ap2000gore", "--force", "--library", lib)[0] == 0
    assert field(lib, "ap2000gore", "key") == "reuters2000us"
    code, out, _ = run("history", "ap2000gore", "--library", lib)
    entry = next(line for line in out.splitlines() if " merge " in line).split()[0][1:]
    assert run("undo", entry, "--library", lib)[0] == 0
    assert dump(lib) == before
    assert field(lib, "ap2000gore", "outlet") == "Associated Press"

    # the title typo: an edit by hand survives a re-add and a merge
    code, _, err = run("edit", "ap2000gore", "--set", "title=Gore aide discusses North Korea",
                       "--library", lib)  # fmt: skip
    assert code == 0, err
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    assert field(lib, "ap2000gore", "title") == "Gore aide discusses North Korea"
    assert run("merge", "ap2000kim", "ap2000gore", "--force", "--library", lib)[0] == 0
    assert field(lib, "ap2000kim", "title") == "Gore aide discusses North Korea"
    assert "Gore aide discusses North Korea" in exports(lib)
    assert run("undo", "--library", lib)[0] == 0

    # the guessed year, fixed by hand
    assert run("edit", yonhap, "--set", "issued=2001-03-02", "--library", lib)[0] == 0
    assert field(lib, yonhap, "issued") == "2001-03-02"

    # an article removed: none of its entries stays in any export
    code, _, err = run("remove", "--article", str(SEED0), "--library", lib)
    assert code == 2 and "--yes" in err
    assert run("remove", "--article", str(SEED0), "--yes", "--library", lib)[0] == 0
    text = exports(lib)
    assert "Kim indicates he would halt missiles" not in text
    assert "Gore aide discusses North Korea" in text  # edited by hand: kept
    code, out, _ = run("history", "--library", lib)
    lines = out.splitlines()
    assert [line.split()[1] for line in lines] == [
        "add",
        "merge",
        "edit",
        "merge",
        "edit",
        "remove",
    ]
    assert [line.endswith("[undone]") for line in lines].count(True) == 2
    # end of the day: everything undone, newest first, gives back the empty library
    while run("undo", "--library", lib)[0] == 0:
        pass
    assert json.loads(run("list", "-f", "json", "--library", lib)[1]) == []


def test_a_corrected_article_replaces_the_old_one_and_leaves_no_trace(
    tmp_path: Path, library_url: str
) -> None:
    lib = library_url
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    before = dump(lib)
    corrected = tmp_path / SEED0.name
    text = SEED0.read_text(encoding="utf-8")
    assert "Gore aid discusses" in text
    corrected.write_text(text.replace("Gore aid discusses", "Gore aide discusses"), "utf-8")
    code, _, err = run("add", str(corrected), "--library", lib)
    assert code == 1 and "--replace" in err and "not added" in err
    assert dump(lib) == before
    code, _, err = run("add", str(corrected), "--replace", "--library", lib)
    assert code == 0 and "replaces" in err
    text_out = exports(lib)
    assert "Gore aide discusses North Korea" in text_out and "Gore aid " not in text_out
    code, out, _ = run("list", "--format", "json", "--library", lib)
    cited = {c["article"] for r in json.loads(out) for c in r["citations"]}
    assert str(SEED0) not in cited and str(corrected) in cited
    assert run("undo", "--library", lib)[0] == 0
    assert dump(lib) == before


def test_two_corrections_of_one_article_at_once_replace_it_once(
    tmp_path: Path, library_url: str
) -> None:
    lib = library_url
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    text = SEED0.read_text(encoding="utf-8")
    for n, fix in enumerate(("Gore aide discusses", "Gore adviser discusses")):
        (tmp_path / f"v{n}").mkdir()
        (tmp_path / f"v{n}" / SEED0.name).write_text(text.replace("Gore aid discusses", fix))
    code, _, err = run("add", str(tmp_path), "--replace", "--library", lib)
    assert code == 0, err
    code, out, _ = run("list", "--format", "json", "--library", lib)
    cited = {c["article"] for r in json.loads(out) for c in r["citations"]}
    assert str(SEED0) not in cited


FOLLOWUP = DATA / "care" / "followup.txt"


def _corrected_seed(tmp_path: Path) -> Path:
    """The first seed corrected in another entry: its Gore entry comes back unchanged."""
    corrected = tmp_path / SEED0.name
    text = SEED0.read_text(encoding="utf-8")
    old = "US-North Korean missile talks end unresolved, Reuters, November 3"
    assert old in text
    corrected.write_text(text.replace(old, old.replace("November 3", "November 4")), "utf-8")
    return corrected


def candidates(lib: str) -> str:
    code, out, err = run("dedupe", "--library", lib)
    assert code == 0, err
    return out


def test_decisions_are_kept_for_the_variants_text(tmp_path: Path) -> None:
    lib = str(tmp_path / "refs.db")
    assert run("add", str(SEEDS), str(FOLLOWUP), "--library", lib)[0] == 0
    assert "ap2000gore ~ ap2000gorea" in candidates(lib)
    # two stories after all: told apart, and the correction of the first article does
    # not bring the pair back
    assert run("distinct", "ap2000gore", "ap2000gorea", "--library", lib)[0] == 0
    assert "no candidate duplicates" in candidates(lib)
    corrected = _corrected_seed(tmp_path)
    code, _, err = run("add", str(corrected), "--replace", "--library", lib)
    assert code == 0 and "ap2000gore" in err  # its reference went with the old text ...
    assert "no candidate duplicates" in candidates(lib)  # ... and came back, told apart
    gore = [r for r in json.loads(run("list", "-f", "json", "--library", lib)[1])
            if r["title"].startswith("Gore")]  # fmt: skip
    assert len(gore) == 2
    # undone, the library is as it was before the correction
    assert run("undo", "--library", lib)[0] == 0
    assert "no candidate duplicates" in candidates(lib)


def test_a_merge_is_kept_for_the_variants_text(tmp_path: Path) -> None:
    lib = str(tmp_path / "refs.db")
    assert run("add", str(SEEDS), str(FOLLOWUP), "--library", lib)[0] == 0
    assert run("merge", "ap2000gorea", "ap2000gore", "--library", lib)[0] == 0
    corrected = _corrected_seed(tmp_path)
    assert run("add", str(corrected), "--replace", "--library", lib)[0] == 0
    # the Gore entry of the corrected article joins the reference it was merged into
    assert "no candidate duplicates" in candidates(lib)
    ref = json.loads(run("show", "ap2000gorea", "--format", "json", "--library", lib)[1])
    assert sorted(c["article"] for c in ref["citations"]) == sorted([str(corrected), str(FOLLOWUP)])


def _claims(lib: str, stem: str) -> list[dict[str, object]]:
    code, out, err = run("check", "--library", lib, "--article", stem, "--format", "json")
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)["articles"][0]["claims"]
    return found


def test_a_correction_of_the_body_alone_replaces_the_text(tmp_path: Path) -> None:
    lib = str(tmp_path / "refs.db")
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    claims = _claims(lib, SEED0.stem)
    holum = next(c for c in claims if str(c["text"]).startswith("In an October interview"))
    fuerth = next(c for c in claims if "Leon S. Fuerth" in str(c["text"]))
    for claim in (holum, fuerth):
        code, _, err = run("link", "add", SEED0.stem, str(claim["id"]), "ap2000gore",
                           "--library", lib)  # fmt: skip
        assert code == 0, err
    before = dump(lib)
    keys = [r["key"] for r in json.loads(run("list", "-f", "json", "--library", lib)[1])]
    # the same issue, title and source list; one sentence of the body rewritten
    old, new = (
        "Leon S. Fuerth, chief foreign policy advisor",
        "Leon Fuerth, the foreign policy aide",
    )
    assert old in str(fuerth["text"])
    corrected = tmp_path / "corrected" / SEED0.name
    corrected.parent.mkdir()
    text = SEED0.read_text(encoding="utf-8")
    corrected.write_text(text.replace(old, new), "utf-8")
    code, _, err = run("add", str(corrected), "--library", lib)
    assert code == 1 and "--replace" in err and dump(lib) == before
    code, _, err = run("add", str(corrected), "--replace", "--library", lib)
    assert code == 0 and "replaces" in err, err
    # the references, keys and citations stay (now of the new file); the old text is gone
    listed = json.loads(run("list", "-f", "json", "--library", lib)[1])
    assert [r["key"] for r in listed] == keys
    cited = {c["article"] for r in listed for c in r["citations"]}
    assert str(SEED0) not in cited and str(corrected) in cited
    assert not any(old in line for line in dump(lib))
    assert old not in exports(lib) and new in "".join(dump(lib))
    # claims re-linked from the new text; the decision on the unchanged claim stays
    status = {
        str(c["text"]): {s["key"]: s["status"] for s in c["sources"]}  # type: ignore[attr-defined]
        for c in _claims(lib, SEED0.stem)
    }
    assert status[str(holum["text"])]["ap2000gore"] == "confirmed"
    rewritten = next(s for t, s in status.items() if new in t)
    assert rewritten.get("ap2000gore") != "confirmed"
    # the same file again is known; undo gives back the library before
    assert run("add", str(corrected), "--library", lib)[0] == 0
    assert run("undo", "--library", lib)[0] == 0 and dump(lib) == before
