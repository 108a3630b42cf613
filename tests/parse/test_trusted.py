"""Models built on the hot path without validation equal the validated ones."""

from __future__ import annotations

from refs.models import Article, Frozen, Reference
from refs.pipeline import parse_paths
from refs.report.json_doc import article_json
from tests.helpers import SEEDS


def test_trusted_models_equal_validated_models() -> None:
    parsed = parse_paths([SEEDS])
    for item in parsed.articles:
        article = item.article
        assert Article.model_validate(article.model_dump()) == article
        for ref in item.references:
            again = Reference.model_validate(ref.model_dump())
            assert again == ref and hash(again.span) == hash(ref.span)
            assert ref.model_dump_json()  # serialisable
        assert article_json(item)["references"]


def test_filled_is_model_construct() -> None:
    from refs.models import Claim, Fields, PartialDate, Span
    from refs.models.trusted import filled

    cases: list[tuple[type[Frozen], dict[str, object]]] = [
        (Fields, {"title": "Talks stall", "outlet": "AP", "issued": None}),
        (PartialDate, {"year": 2000, "month": 10, "day": None, "year_inferred": True}),
        (Claim, {"id": "c1", "text": "x", "span": Span(start=0, end=1, line=1)}),  # a factory
    ]
    for cls, values in cases:
        made, constructed = filled(cls, values), cls.model_construct(**values)  # type: ignore[arg-type]
        assert made == constructed == cls.model_validate(made.model_dump())
        assert made.model_fields_set == constructed.model_fields_set
        assert list(made.__dict__) == list(cls.model_fields)


def test_fields_of_a_reference_is_its_fields_as_model_construct_made_them() -> None:
    from refs.models.fields import FIELD_NAMES, Fields, fields_of

    for item in parse_paths([SEEDS]).articles:
        for ref in item.references:
            got = fields_of(ref)
            twin = Fields.model_construct(**{n: getattr(ref, n) for n in FIELD_NAMES})
            assert type(got) is Fields and got == twin
            assert got.model_fields_set == twin.model_fields_set
            assert got.model_dump() == twin.model_dump() and hash(got) == hash(twin)
