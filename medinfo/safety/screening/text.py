"""Text normalisation with an offset map, and sentence/clause segmentation."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Characters that expand to two letters when folded; everything else folds 1:1.
_EXPANDING = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}
_EXPANDING_RE = re.compile("[" + "".join(_EXPANDING) + "]")


def _build_table() -> dict[int, str]:
    """Map ASCII capitals and accented Latin letters to one lowercase ASCII letter."""
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if char in _EXPANDING:
            continue
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[code] = base
    for quote in "\u2019\u2018\u02bc\u00b4\u0060":
        table[ord(quote)] = "'"
    for dash in "\u2010\u2011\u2012\u2013\u2014":
        table[ord(dash)] = "-"
    for space in "\u00a0\u202f\u2009":
        table[ord(space)] = " "
    return table


_TABLE = _build_table()


@dataclass(frozen=True)
class Normalised:
    """Folded text (lowercase, no accents) and the map back to original offsets."""

    text: str
    offsets: tuple[int, ...] | None  # None when folding kept every offset unchanged

    def original(self, pos: int) -> int:
        """Return the original offset of folded position ``pos`` (an end offset works too)."""
        if self.offsets is None:
            return pos
        return self.offsets[pos]


def normalise(text: str) -> Normalised:
    """Fold ``text`` to lowercase unaccented ASCII letters while tracking offsets."""
    if not _EXPANDING_RE.search(text):
        return Normalised(text.translate(_TABLE), None)
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _EXPANDING.get(char) or char.translate(_TABLE)
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return Normalised("".join(pieces), tuple(offsets))


# A sentence ends at . ! ? or a newline; "Dr. X", "e.g." and decimals do not end one.
_SENTENCE_END = re.compile(
    r"(?<!\bdr)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bpr)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)"
    r"(?<!\betc)[.!?]+(?=\s|$)|\n+"
)


MAX_SENTENCE = 600  # longer run-on text is cut into pieces so work per piece stays bounded


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``start..end`` to ``spans``, cut at a comma or space when it is too long."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(",", start, limit), text.rfind(" ", start, limit))
        cut = cut + 1 if cut > start else limit
        if text[start:cut].strip():
            spans.append((start, cut))
        start = cut
    if text[start:end].strip():
        spans.append((start, end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split folded ``text`` into (start, end) sentence spans covering it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _cut(text, start, match.end(), spans)
        start = match.end()
    _cut(text, start, len(text), spans)
    return spans


class SentenceIndex:
    """Find the sentence that holds a folded offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [start for start, _ in spans]

    def find(self, pos: int) -> int:
        """Return the index of the sentence containing ``pos`` (-1 when none)."""
        index = bisect_right(self._starts, pos) - 1
        if index < 0 or pos >= self.spans[index][1]:
            return -1
        return index


def gap(words: int) -> str:
    """Regex for up to ``words`` whole words (each followed by spaces) between two terms."""
    return rf"\s*(?:\S+\s+){{0,{words}}}"
