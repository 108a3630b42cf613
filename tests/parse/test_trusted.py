"""Models built on the hot path without validation equal the validated ones."""

from __future__ import annotations

import dataclasses

from refs.models import Article, Frozen, Reference
from refs.models.dump import dumped
from refs.models.valid import validated
from refs.pipeline import parse_paths
from refs.report.json_doc import article_json
from tests.helpers import SEEDS


def test_trusted_models_equal_validated_models() -> None:
    parsed = parse_paths([SEEDS])
    for item in parsed.articles:
        article = item.article
        assert validated(Article, dumped(article)) == article
        for ref in item.references:
            again = validated(Reference, dumped(ref))
            assert again == ref and hash(again.span) == hash(ref.span)
        assert article_json(item)["references"]


def test_filled_is_init() -> None:
    from refs.models import Claim, Fields, PartialDate, Span
    from refs.models.trusted import filled

    cases: list[tuple[type[Frozen], dict[str, object]]] = [
        (Fields, {"title": "Talks stall", "outlet": "AP", "issued": None}),
        (PartialDate, {"year": 2000, "month": 10, "day": None, "year_inferred": True}),
        (Claim, {"id": "c1", "text": "x", "span": Span(start=0, end=1, line=1)}),  # a factory
    ]
    for cls, values in cases:
        made, constructed = filled(cls, values), cls(**values)
        assert made == constructed == validated(cls, dumped(made))
        assert hash(made) == hash(constructed)
        assert list(made.__dict__) == [f.name for f in dataclasses.fields(made)]  # type: ignore[arg-type]


def test_fields_of_a_reference_is_its_fields() -> None:
    from refs.models.fields import FIELD_NAMES, Fields, fields_of

    for item in parse_paths([SEEDS]).articles:
        for ref in item.references:
            got = fields_of(ref)
            twin = Fields(**{n: getattr(ref, n) for n in FIELD_NAMES})
            assert type(got) is Fields and got == twin
            assert dumped(got) == dumped(twin) and hash(got) == hash(twin)
