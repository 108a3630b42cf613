"""Fuzzing the article reader: damaged seed text never raises and keeps every entry's
raw text inside the article; old Mac line ends (CR alone) keep the title."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from refs.pipeline import build, parse_text
from refs.reader import decode
from tests.helpers import SEEDS
from tests.helpers.fuzz import article_text

SEED = SEEDS / "000_ef633acc338f5415.txt"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text())
def test_damaged_articles_never_raise(text: str) -> None:
    article, raws, notes = parse_text(text, "fuzzed.txt")
    (parsed,) = build([(article, raws, notes)])
    assert len(parsed.references) == len(raws)
    for d in notes:
        assert "\n" not in d.format()


def test_cr_only_line_ends_keep_the_title() -> None:
    data = SEED.read_bytes()
    plain, _ = decode(data, "lf.txt")
    old_mac, notes = decode(data.replace(b"\n", b"\r"), "cr.txt")
    assert notes == [] and old_mac == plain
    assert plain is not None
    article, raws, _ = parse_text(plain, "cr.txt")
    assert article.title == "US-North Korea Talks Remain on Verge of Breakthrough"
    assert len(raws) == 8


def test_crlf_is_kept_as_it_is() -> None:
    text, _ = decode(b"a\r\nb\rc\n", "x.txt")
    assert text == "a\r\nb\nc\n"
