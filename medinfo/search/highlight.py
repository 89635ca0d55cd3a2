"""Safe HTML snippets: text escaped, matches wrapped in <mark>, built from character spans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .analysis import WORD_RE

SNIPPET_CHARS = 220


def mark_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape text and wrap each (start, end) span in <mark>; overlapping spans are merged."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(escape(text[pos:start], quote=False))
        out.append(f"<mark>{escape(text[start:end], quote=False)}</mark>")
        pos = end
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def window(text: str, spans: list[tuple[int, int]], size: int = SNIPPET_CHARS) -> str:
    """Best window of about size chars around the densest spans, as safe HTML with ellipses."""
    if not spans:
        cut = text[:size]
        if len(text) > size:
            cut = cut.rsplit(" ", 1)[0] + " …"
        return escape(cut, quote=False)
    spans = sorted(spans)
    best, best_count = 0, 0
    j = 0
    for i, (start, _end) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= start + size:
            j += 1
        if j - i > best_count:
            best, best_count = i, j - i
    first = spans[best][0]
    begin = max(0, first - size // 4)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space != -1 else begin
    end = min(len(text), begin + size)
    if end < len(text):
        space = text.rfind(" ", begin + size // 2, end)
        end = space if space != -1 else end
    inside = [
        (max(s, begin) - begin, min(e, end) - begin) for s, e in spans if s < end and e > begin
    ]
    html = mark_html(text[begin:end], inside)
    return ("… " if begin else "") + html + (" …" if end < len(text) else "")


def snippet(text: str, is_match: Callable[[str], bool], size: int = SNIPPET_CHARS) -> str:
    """Snippet of text where each word for which is_match(word) is true is marked."""
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text) if is_match(m.group())]
    return window(text, spans, size)
