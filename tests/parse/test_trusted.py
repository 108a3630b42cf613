"""Models built on the hot path without validation equal the validated ones."""

from __future__ import annotations

from refs.models import Article, Reference
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
