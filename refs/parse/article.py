"""Article text -> Article: header, issue and its date, title, body paragraphs and the
source list, with character spans and 1-based lines.

Three layouts of the archive are read: the text-only pages (navigation lines, blank-line
paragraphs, copyright footer), the flattened pages (everything glued on one line) and
pages that start mid-article with no header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from refs import diagnostics as diag
from refs.dates import read_issue_date
from refs.diagnostics import Diagnostic
from refs.models import Article, Paragraph, PartialDate, SourceList, Span
from refs.models.trusted import trusted
from refs.parse.line_index import LineIndex
from refs.parse.list_bounds import BLANK_LINE_RE, FOOTER_RE, find_label, find_list_end, footer_start
from refs.patterns import compiled

KNOWN_PUBLICATIONS = ("Disarmament Diplomacy", "Disarmament Documentation")

_SEASON = r"(?:Spring|Summer|Autumn|Fall|Winter)"
ISSUE_RE = compiled(
    r"(?:Issues?\s+(?:No[s]?\.?|Number[s]?|#)?|Nos?\.)\s*"
    r"(?P<number>\d+[A-Za-z]?(?:\s*(?:[-–/&]|and)\s*\d+)?)\s*(?:[,.:(]|[-–]\s)?\s*"
    r"(?P<date>(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s*"
    r"(?:(?:19|20)\d\d)?\s*[-–/]?\s*){1,2}(?:19|20)\d\d"
    rf"|{_SEASON}(?:\s*[-–/]\s*{_SEASON})?\s*,?\s*(?:19|20)\d\d)(?:\s*\))?",
    re.IGNORECASE,
)
_PUB_NO_RE = compiled(r"[\s,.:|–-]*(?=Nos?\.)")
_ISSUE_JOIN_RE = compiled(r"\s*(?:[-–/&]|and)\s*")
# Where text was glued: a word end followed at once by a capitalised word ("PolicySpeaking",
# "DPRKSpeaking"), not a name such as "McCain" or "MacArthur".
_GLUE_RE = compiled(
    r"(?<!\bM[ac])(?<!\bMa[c])(?:(?<=[a-z0-9)?!'\"”’])|(?<=[A-Z]{2}))(?=[A-Z][a-z])"
    r"|(?<=[a-z])(?=[\"“][A-Z])|(?<=[a-z]{2})(?=\d)"
)
_SENTENCE_GLUE_RE = compiled(
    r"(?<=[a-z0-9)\]][.!?…])(?=[A-Z]|[\"“][A-Z])|(?<=[.!?…][\"”])(?=[A-Z])"
    r"|(?<=[.!?…]['’][\"”])(?=[A-Z])"  # a quote closing inside a quote: ...'interpretations.'"In
)
_SENTENCE_END_RE = compiled(r"[a-z]{2}[.!?][\"”’]?\s+\S")
_PROSE_RE = compiled(r"\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")
_HEADER_PREFIX_MAX = 400  # a nav bar glued before the issue line is shorter than this
_TITLE_MAX = 250  # a "title" longer than this is the first paragraph of the body


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _find_any(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    found = [p for p in (text.find(word, start, end) for word in words) if p >= 0]
    return min(found) if found else -1


_ISSUE_WORDS = ("Issue", "ISSUE", "issue")


def find_issue(text: str, end: int) -> re.Match[str] | None:
    """The first ``Issue No. N, Month Year`` before ``end``."""
    pos = _find_any(text, _ISSUE_WORDS, 0, end)
    while pos >= 0:
        match = ISSUE_RE.match(text, pos, end)
        if match:
            return match
        pos = _find_any(text, _ISSUE_WORDS, pos + 5, end)
    # no "Issue": "Disarmament Diplomacy No. 52, November 2000" (only after the name)
    for name in KNOWN_PUBLICATIONS:
        pos = text.find(name, 0, end)
        while pos >= 0:
            after = _PUB_NO_RE.match(text, pos + len(name), end)
            match = ISSUE_RE.match(text, after.end(), end) if after else None
            if match:
                return match
            pos = text.find(name, pos + len(name), end)
    return None


def _is_header_position(text: str, pos: int, end: int) -> bool:
    """An issue line is the page header only where no body text comes before it (no long
    line above it, no sentence before it on its own line) and a title or line end, not
    the rest of a sentence, follows it (``..., the talks had stalled``)."""
    line_start = text.rfind("\n", 0, pos) + 1
    if pos - line_start > _HEADER_PREFIX_MAX:
        return False
    if _SENTENCE_END_RE.search(text, line_start, pos) and _PROSE_RE.search(text, line_start, pos):
        return False
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after < len(text) and (text[after] in ",;)" or text[after].islower()):
        return False
    start = 0
    while start < line_start:
        nl = text.find("\n", start, line_start)
        nl = line_start if nl < 0 else nl
        if nl - start > _HEADER_PREFIX_MAX:
            return False
        start = nl + 1
    return True


def _publication(text: str, issue_start: int) -> str | None:
    line_start = text.rfind("\n", 0, issue_start) + 1
    prefix = text[line_start:issue_start].strip()
    if not prefix:  # publication on a line of its own above the issue line
        before = text[:line_start].rstrip()
        prefix = before[before.rfind("\n") + 1 :].strip()
    prefix = prefix.rstrip(",.:;-–— \t")
    for name in KNOWN_PUBLICATIONS:
        if prefix.endswith(name):
            return name
    prefix = prefix.rsplit("|", 1)[-1].strip()
    glue = list(_GLUE_RE.finditer(prefix))
    if glue:
        prefix = prefix[glue[-1].start() :]
    return prefix or None


def _split_paragraphs(text: str, start: int, end: int, lines: LineIndex) -> tuple[Paragraph, ...]:
    """Paragraphs of text[start:end]: blank-line separated, or (on one glued line) split where
    a sentence end runs into the next capital."""
    region = text[start:end]
    splitter = BLANK_LINE_RE if "\n" in region.strip() else _SENTENCE_GLUE_RE
    paragraphs: list[Paragraph] = []
    cursor = start
    bounds = [m.start() + start for m in splitter.finditer(region)] + [end]
    for bound in bounds:
        para_start, para_end = _trim(text, cursor, bound)
        if para_end > para_start:
            span = lines.span(para_start, para_end)
            paragraphs.append(trusted(Paragraph, {"text": text[para_start:para_end], "span": span}))
        cursor = bound
    return tuple(paragraphs)


def _title_bounds(text: str, issue_end: int, body_end: int) -> tuple[str, int, int]:
    """The layout and [start, end) of the title after the issue line. On a flattened page
    the title ends where the body is glued to it; end is -1 where no glue is found."""
    line_end = text.find("\n", issue_end)
    line_end = len(text) if line_end < 0 else line_end
    title_start, rest_end = _trim(text, issue_end, min(line_end, body_end))
    if rest_end > title_start:  # flattened: the title is glued to the issue date and to the body
        limit = min(line_end, body_end, title_start + _TITLE_MAX)
        glue = _GLUE_RE.search(text, title_start + 1, limit)
        if glue is not None:
            return "flattened", title_start, _trim(text, title_start, glue.start())[1]
        if line_end <= title_start + _TITLE_MAX and line_end <= body_end:
            return "flattened", title_start, rest_end  # a short line of its own
        return "flattened", title_start, -1
    title_start, title_end = _trim(text, line_end, body_end)
    next_line = text.find("\n", title_start)
    title_end = min(title_end, next_line) if next_line >= 0 else title_end
    return ("text", *_trim(text, title_start, title_end))


@dataclass
class _Header:
    """What the issue header and the title after it give."""

    publication: str | None = None
    issue: str | None = None
    issue_date: PartialDate | None = None
    issue_start: PartialDate | None = None
    title: str | None = None
    title_span: Span | None = None
    layout: str = "headless"
    body_start: int = 0


def read_article(
    text: str, source: str, lines: LineIndex | None = None
) -> tuple[Article, list[Diagnostic]]:
    """Find the parts of an article. Never raises; what is missing is said in diagnostics."""
    found: list[Diagnostic] = []
    lines = lines or LineIndex(text)
    label = find_label(text)
    body_end = label.start() if label else footer_start(text)
    head = _header(text, source, lines, body_end, found)
    source_list = _source_list(text, source, lines, label, found)
    article = trusted(
        Article,
        {
            "source": source,
            "text": text,
            "layout": head.layout,
            "publication": head.publication,
            "issue": head.issue,
            "issue_date": head.issue_date,
            "issue_date_start": head.issue_start,
            "title": head.title,
            "title_span": head.title_span,
            "paragraphs": _split_paragraphs(text, head.body_start, body_end, lines),
            "source_list": source_list,
        },
    )
    return article, found


def _header(
    text: str, source: str, lines: LineIndex, body_end: int, found: list[Diagnostic]
) -> _Header:
    """The issue header (publication, issue, its date) and the title after it."""
    issue = find_issue(text, body_end)
    if issue is not None and not _is_header_position(text, issue.start(), issue.end()):
        found.append(
            diag.info(
                "A004",
                source,
                lines.line(issue.start()),
                f"{issue.group(0)!r} comes after body text: read as a citation, not the header",
            )
        )
        issue = None
    if issue is None:
        found.append(
            diag.warning(
                "A001",
                source,
                1,
                "no issue header found: publication and issue unknown, years not inferred",
                "a page that starts mid-article keeps dates without a year (--10-24)",
            )
        )
        return _Header()
    head = _Header(
        publication=_publication(text, issue.start()),
        issue=_ISSUE_JOIN_RE.sub("-", issue.group("number")),  # "28 & 29" -> "28-29"
        body_start=issue.end(),
    )
    dates = read_issue_date(issue.group("date"))
    if dates is None:
        found.append(
            diag.warning("A003", source, lines.line(issue.start()), "issue date not readable")
        )
    else:
        head.issue_start, head.issue_date = dates
    head.layout, title_start, title_end = _title_bounds(text, issue.end(), body_end)
    if title_end - title_start > _TITLE_MAX or (head.layout == "flattened" and title_end < 0):
        found.append(
            diag.info(
                "A005",
                source,
                lines.line(title_start),
                "no title found after the issue line: the text there is read as body",
            )
        )
    elif title_end > title_start:
        head.title = text[title_start:title_end]
        head.title_span = lines.span(title_start, title_end)
        head.body_start = title_end
    return head


def _source_list(
    text: str, source: str, lines: LineIndex, label: re.Match[str] | None, found: list[Diagnostic]
) -> SourceList | None:
    """The source list after its label, and a warning for text after it."""
    if label is None:
        found.append(
            diag.error(
                "A002",
                source,
                None,
                "no source list found (expected a 'Reports:' or 'Report:' label)",
                "the article gives no references; check that the page is complete",
            )
        )
        return None
    list_start, list_end = _trim(text, label.end(), find_list_end(text, label.end()))
    after = FOOTER_RE.search(text, list_end)
    rest_start, rest_end = _trim(text, list_end, after.start() if after else len(text))
    while rest_start < rest_end and text[rest_start] in "|.":
        rest_start, rest_end = _trim(text, rest_start + 1, rest_end)
    if rest_end > rest_start:
        found.append(
            diag.warning(
                "A006",
                source,
                lines.line(rest_start),
                f"text after the source list is not read as entries: "
                f"{text[rest_start : min(rest_end, rest_start + 60)]!r}",
                "a list broken by a blank line continues only after ';' or ','",
            )
        )
    label_text = text[label.start() : label.end()].rstrip(": \t").strip()
    span = lines.span(list_start, list_end)
    return trusted(
        SourceList, {"label": label_text, "text": text[list_start:list_end], "span": span}
    )
