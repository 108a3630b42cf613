"""`refs report`: the library at a glance (a self-contained HTML page, JSON or text)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import LibraryOpt, OutputOpt, app, fail, library_path
from refs.cli.outputs import check_output, write_output
from refs.errors import RefsError

if TYPE_CHECKING:
    from refs.library.store import Library
    from refs.report.library_charts import IssueCoverage


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def issue_coverage(lib: Library) -> list[IssueCoverage]:
    """Claims supported per issue, over the library's articles with kept text."""
    from refs.check.coverage import check_article
    from refs.check.stored import library_articles
    from refs.library.texts import stored_articles
    from refs.report.library_charts import IssueCoverage

    parsed, _ = library_articles(stored_articles(lib))
    per: dict[str, list[int]] = {}
    for item in parsed:
        art = item.article
        name = " ".join(x for x in (art.publication, art.issue) if x) or Path(art.source).name
        checked = check_article(art, item.references)
        counts = per.setdefault(name, [0, 0])
        counts[0] += len(checked.report.supported)
        counts[1] += len(checked.claims)
    return [IssueCoverage(name, s, n) for name, (s, n) in sorted(per.items(), key=_issue_order)]


def _issue_order(item: tuple[str, list[int]]) -> tuple[str, int, str]:
    name = item[0]
    head, _, number = name.rpartition(" ")
    return (head, int(number), name) if number.isdigit() else (name, 0, name)


@app.command()
def report(
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ReportFormat.text
    ),
    output: OutputOpt = None,
    story: Annotated[
        str | None,
        typer.Option("--story", metavar="WORDS", help="The story to follow (title words)."),
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """The library at a glance: outlets per year, coverage per issue, one story over time.

    Example: refs report --format html -o library.html --story korea
    """
    from refs.library.store import Library
    from refs.report.library_page import (
        LibraryReport,
        default_story,
        library_html,
        library_json,
        library_text,
    )

    check_output(output)
    try:
        with Library(library_path(library), readonly=True) as lib:
            refs = tuple(lib.references())
            coverage = tuple(issue_coverage(lib))
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    chosen = LibraryReport(refs, coverage, story or default_story(refs))
    render = {"html": library_html, "json": library_json, "text": library_text}[fmt.value]
    write_output(render(chosen), output)
    if output is not None and str(output) != "-":
        typer.echo(f"refs: wrote {output}", err=True)
