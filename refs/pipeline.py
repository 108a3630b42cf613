"""The ordered stages: files -> Articles -> References (-> claims, links, coverage)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refs.diagnostics import Diagnostic
from refs.models import Article, Reference


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    references: tuple[Reference, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class ParseResult:
    articles: list[ParsedArticle] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # file-level (unreadable...)


def parse_paths(paths: Sequence[Path]) -> ParseResult:
    """Read every article under ``paths`` and parse its source list."""
    raise NotImplementedError  # being written
