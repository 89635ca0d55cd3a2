"""Article Markdown to sanitised HTML (markdown-it-py + nh3), plain text and readable diffs."""

from __future__ import annotations

import difflib
import hashlib
import html
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}


def render_markdown(body: str) -> str:
    """Markdown to HTML safe to insert in a page (raw HTML is never passed through)."""
    html = _md.render(body or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain_text(body: str) -> str:
    """The words of a Markdown body without markup, for the search index."""
    return html.unescape(nh3.clean(_md.render(body or ""), tags=set()))


def body_hash(body: str) -> str:
    """SHA-256 of the body, to tell whether two versions say the same thing."""
    return hashlib.sha256((body or "").encode()).hexdigest()


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff: kind is "same", "added", "removed" or "gap"."""

    kind: str
    old_no: int | None
    new_no: int | None
    text: str


def diff_lines(old: str, new: str, context: int = 2) -> list[DiffLine]:
    """A line diff between two texts, with a little context (the template escapes the text)."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    lines: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("gap", None, None, "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [
                    DiffLine("same", i + 1, j1 + k + 1, a[i]) for k, i in enumerate(range(i1, i2))
                ]
                continue
            if tag in ("replace", "delete"):
                lines += [DiffLine("removed", i + 1, None, a[i]) for i in range(i1, i2)]
            if tag in ("replace", "insert"):
                lines += [DiffLine("added", None, j + 1, b[j]) for j in range(j1, j2)]
    return lines
