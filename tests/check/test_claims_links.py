"""Claims and links against known answers: the seeds (the same scores as the project's
seed scorer) and invented articles covering relative dates, a body date that
contradicts its source, two sources for one claim and a source that supports nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from refs.check.coverage import Checked, check_article
from refs.models import Claim
from refs.models.dump import dumped
from refs.models.valid import validated
from refs.pipeline import ParsedArticle, parse_paths
from refs.report.check_json import check_article_json

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CLAIMS = ROOT / "tests" / "data" / "claims"


def _norm(s: str) -> str:
    return " ".join(s.split())


def _checked(folder: Path, name: str) -> tuple[ParsedArticle, Checked]:
    parsed = parse_paths([folder / name]).articles[0]
    return parsed, check_article(parsed.article, parsed.references)


def check_json_of(folder: Path, name: str) -> dict[str, Any]:
    """The `refs check --format json` object of one article file (PATH mode)."""
    return check_article_json(*_checked(folder, name))


def score_articles(
    gold: dict[str, Any], article_of: Callable[[str], dict[str, Any]]
) -> dict[str, Any]:
    """must-links found, precision over annotated claims, unsupported found, problems;
    ``article_of(file name)`` gives that article's object of the check JSON."""
    tot: dict[str, Any] = {"must": 0, "must_ok": 0, "pred": 0, "pred_ok": 0, "uns": 0, "uns_ok": 0}
    problems: list[str] = []
    for g in gold["articles"]:
        art = article_of(g["file"])
        keys = [r["key"] for r in art["references"]]
        for c in g["claims"]:
            anchor = _norm(c["anchor"])
            hits = [cl for cl in art["claims"] if anchor in _norm(cl["text"])]
            if not hits:
                problems.append(f"no claim contains {anchor!r}")
            linked = {src["key"] for cl in hits for src in cl["sources"]}
            ok = {keys[i] for i in c["must"] + c["may"]}
            for i in c["must"]:
                tot["must"] += 1
                if keys[i] in linked:
                    tot["must_ok"] += 1
                else:
                    problems.append(f"{anchor!r} lacks reference {i}")
            for k in linked:
                tot["pred"] += 1
                if k in ok:
                    tot["pred_ok"] += 1
                else:
                    problems.append(f"{anchor!r} wrongly linked to {k}")
            if c.get("unsupported"):
                tot["uns"] += 1
                if hits and all(cl["status"] == "unsupported" for cl in hits):
                    tot["uns_ok"] += 1
                else:
                    problems.append(f"{anchor!r} should be unsupported")
            for want in c.get("outlets", []):
                if not any(want in cl["cues"]["outlets"] for cl in hits):
                    problems.append(f"{anchor!r}: outlet {want} not named")
            for want in c.get("dates", []):
                got = {d for cl in hits for d in cl["cues"]["dates"]}
                if want not in got:
                    problems.append(f"{anchor!r}: date {want} not in {sorted(got)}")
        for i in g.get("unused", []):
            if keys[i] not in art["unused_references"]:
                problems.append(f"{g['file']}: reference {i} should be unused")
    tot["precision"] = tot["pred_ok"] / tot["pred"] if tot["pred"] else 1.0
    tot["problems"] = problems
    return tot


def assert_gold(tot: dict[str, Any]) -> None:
    assert tot["must_ok"] == tot["must"], tot["problems"]
    assert tot["precision"] >= 0.9, tot["problems"]
    assert tot["uns_ok"] == tot["uns"], tot["problems"]
    assert not [p for p in tot["problems"] if "lacks" in p or "no claim" in p or "unused" in p]
    assert not [p for p in tot["problems"] if "date" in p or "outlet" in p]


@pytest.mark.parametrize(
    ("gold_file", "folder"),
    [(ROOT / "tests" / "data" / "gold_seeds.json", SEEDS), (CLAIMS / "gold.json", CLAIMS)],
    ids=["seeds", "invented"],
)
def test_links_match_gold(gold_file: Path, folder: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert_gold(score_articles(gold, lambda name: check_json_of(folder, name)))


def test_seed_santer_claim_is_unsupported() -> None:
    _, checked = _checked(SEEDS, "000_ef633acc338f5415.txt")
    santer = [c for c in checked.claims if "On November 4, telling reporters" in c.text]
    assert len(santer) == 1
    assert checked.status(santer[0].id) == "unsupported"
    assert santer[0].cues.dates[0].iso() == "2000-11-04"


def test_claim_texts_are_exact_substrings_with_lines() -> None:
    parsed, checked = _checked(SEEDS, "001_71ef8663aa33fb13.txt")
    text = parsed.article.text
    for claim in checked.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        assert text.count("\n", 0, claim.span.start) + 1 == claim.span.line


def test_colon_sentence_owns_following_quote() -> None:
    _, checked = _checked(SEEDS, "001_71ef8663aa33fb13.txt")
    owner = [c for c in checked.claims if c.text.startswith("The following day")]
    assert len(owner) == 1
    assert owner[0].text.rstrip().endswith('premise of NMD."')
    assert owner[0].cues.relative == "The following day"
    assert owner[0].cues.dates[0].iso() == "2000-07-21"


def test_slip_evidence_is_reported() -> None:
    _, checked = _checked(SEEDS, "001_71ef8663aa33fb13.txt")
    june = next(c for c in checked.claims if "on June 19" in c.text)
    links = checked.sources(june.id)
    assert links and any("not the month" in e for e in links[0].evidence)


def test_evidence_kinds_outlet_and_title_date() -> None:
    _, checked = _checked(CLAIMS, "101_arms_fair.txt")
    claim = next(c for c in checked.claims if c.text.startswith("She repeated"))
    assert claim.cues.outlets == ("Associated Press",)
    assert claim.cues.kinds == ("interview",)
    best = checked.sources(claim.id)[0]
    assert best.key.startswith("ap")
    assert any("outlet" in e for e in best.evidence)
    _, pacific = _checked(CLAIMS, "100_pacific_talks.txt")
    forum = next(c for c in pacific.claims if c.text.startswith("Two days later"))
    assert any("title names the date" in e for lk in pacific.sources(forum.id) for e in lk.evidence)


def test_flattened_seeds_link_as_the_seeds_do(tmp_path: Path) -> None:
    """The seeds in the flattened layout (every line glued to the next, so paragraphs run
    together: `...'interpretations.'"In Bangkok`) find every must-link, at the seed
    scorer's precision (the splitter cuts the glued quotes into sentences of their own,
    so the claims are not quite those of the seeds)."""
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        flat = "".join(line.strip() for line in text.splitlines())
        (tmp_path / seed.name).write_text(flat, encoding="utf-8")
    gold = json.loads((ROOT / "tests" / "data" / "gold_seeds.json").read_text(encoding="utf-8"))
    tot = score_articles(gold, lambda name: check_json_of(tmp_path, name))
    assert_gold(tot)


def test_claims_equal_their_validated_twins() -> None:
    """Claims are built without validation: each equals the model pydantic validates
    from its own values (tuples where the model has tuples)."""
    checked = [check_article(p.article, p.references) for p in parse_paths([SEEDS]).articles]
    claims = [c for ch in checked for c in ch.claims]
    assert claims
    for claim in claims:
        twin = validated(Claim, dumped(claim))
        assert claim == twin
        assert claim.cues == twin.cues and claim.span == twin.span
        assert all(isinstance(v, tuple) for v in (claim.cues.people, claim.cues.dates))
