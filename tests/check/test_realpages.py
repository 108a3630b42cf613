"""Real archive pages nobody tuned the parser or the linker for (tests/data/realpages):
the parse of every listed entry, and claim links at 90 % of the claims linked to a right
source with a precision of 0.9 at least, scored as the shared scorer scores them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from refs.check.coverage import check_article
from refs.pipeline import parse_paths
from refs.report.check_json import check_article_json
from tests.helpers import DATA

PAGES = DATA / "realpages"


def _norm(s: object) -> str | None:
    if s is None:
        return None
    return " ".join(str(s).split()).replace("\u2019", "'").replace("\u2018", "'").strip()


def _page(name: str) -> dict[str, Any]:
    parsed = parse_paths([PAGES / "pages" / name]).articles[0]
    return check_article_json(parsed, check_article(parsed.article, parsed.references))


@dataclass
class Score:
    refs: int = 0
    exact: int = 0
    need: int = 0
    need_ok: int = 0
    pred: int = 0
    pred_ok: int = 0
    problems: list[str] = field(default_factory=list)


def _score_refs(name: str, art: dict[str, Any], want: list[dict[str, Any]], s: Score) -> None:
    got = art["references"]
    for i, ref in enumerate(want):
        s.refs += 1
        have = got[i] if i < len(got) else {}
        ok = True
        for f in ("title", "outlet", "issued"):
            if ref.get(f) is None:
                continue
            alts = ref[f] if isinstance(ref[f], list) else [ref[f]]
            hv = _norm(have.get(f))
            if f == "issued" and alts[0].startswith("--") and hv:
                hv = "--" + hv[-5:]
            if hv not in [_norm(x) for x in alts]:
                ok = False
                s.problems.append(f"{name} ref {i}: {f} {have.get(f)!r}")
        s.exact += ok


def _score_claims(name: str, art: dict[str, Any], claims: list[dict[str, Any]], s: Score) -> None:
    keys = [r["key"] for r in art["references"]]
    for c in claims:
        hits = [x for x in art["claims"] if (_norm(c["anchor"]) or "") in (_norm(x["text"]) or "")]
        linked = {src["key"] for x in hits for src in x["sources"]}
        good = {keys[i] for i in c["need_any"] + c["may"] if i < len(keys)}
        if c["need_any"]:
            s.need += 1
            if linked & {keys[i] for i in c["need_any"] if i < len(keys)}:
                s.need_ok += 1
            else:
                s.problems.append(f"{name}: {c['anchor'][:50]!r} has no right source")
        for k in sorted(linked):
            s.pred += 1
            s.pred_ok += k in good
            if k not in good:
                s.problems.append(f"{name}: {c['anchor'][:50]!r} wrongly linked to {k}")


def score() -> Score:
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))["pages"]
    claims = json.loads((PAGES / "claims.json").read_text(encoding="utf-8"))["pages"]
    s = Score()
    for name in sorted(gold):
        art = _page(name)
        _score_refs(name, art, gold[name]["refs"], s)
        _score_claims(name, art, claims.get(name, []), s)
    return s


@pytest.fixture(scope="module")
def scored() -> Score:
    return score()


def test_every_listed_entry_parses_exactly(scored: Score) -> None:
    assert scored.refs == 38
    assert scored.exact == scored.refs, scored.problems


def test_claims_are_linked_to_a_right_source(scored: Score) -> None:
    assert scored.need == 48
    assert scored.need_ok / scored.need >= 0.9, scored.problems


def test_links_are_precise(scored: Score) -> None:
    assert scored.pred > 0
    assert scored.pred_ok / scored.pred >= 0.9, scored.problems


def test_source_label_alone_starts_the_list() -> None:
    """Page 114 gives its one source after ``Source:`` (no ``Reports:`` on the page)."""
    art = _page("114.txt")
    assert [r["outlet"] for r in art["references"]] == ["United States Information Service"]


def test_evidence_is_in_whole_words() -> None:
    """No stems or internal markers in the evidence a person reads."""
    for name in ("101.txt", "104.txt", "112.txt"):
        for claim in _page(name)["claims"]:
            for src in claim["sources"]:
                for why in src["evidence"]:
                    assert "=" not in why and "'missil'" not in why, why
