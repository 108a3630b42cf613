"""The documents of ``refs parse --format json`` and ``refs check --format json|text``
written one article at a time (see :mod:`refs.pipeline.stream`): the head, each article's text,
the separator between two articles and the tail. Joined, they are the document that
``refs.report.json_doc.dumps`` (JSON, two-space indent) and ``check_text`` give."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from refs.check.coverage import Checked
    from refs.pipeline import ParsedArticle

SEPARATOR = {"parse-json": ",\n", "check-json": ",\n", "check-text": "\n\n"}
_HEAD = '{\n  "articles": [\n'


def indented(value: Any, depth: int) -> str:
    """``value`` as two-space-indented JSON, nested ``depth`` levels deep (JSON text
    holds no raw line break, so every line can be shifted)."""
    from refs.report.json_doc import json_text

    text = json_text(value)
    pad = "  " * depth
    return pad + text.replace("\n", "\n" + pad)


def head(fmt: str) -> str:
    return "" if fmt == "check-text" else _HEAD


def tail(fmt: str, articles: int, claims: int, supported: int, unused: int) -> str:
    if fmt == "parse-json":
        return "\n  ]\n}\n"
    if fmt == "check-json":
        from refs.report.check_json import coverage_counts

        return (
            '\n  ],\n  "coverage": ' + indented(coverage_counts(claims, supported), 1)[2:] + "\n}\n"
        )
    from refs.report.check_text import summary

    return "\n\n" + summary(articles, claims, supported, unused) + "\n"


def parse_article(parsed: ParsedArticle) -> str:
    from refs.report.json_doc import article_json

    return indented(article_json(parsed), 2)


def check_article(parsed: ParsedArticle, checked: Checked) -> str:
    from refs.report.check_json import check_article_json

    return indented(check_article_json(parsed, checked), 2)


def check_block(parsed: ParsedArticle, checked: Checked) -> str:
    from refs.report.check_text import article_block

    return article_block(parsed, checked)
