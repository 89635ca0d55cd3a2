"""Typo tolerance: fix words of 6+ letters one edit from a lexicon word, keeping offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import Normalised

_TOKEN = re.compile(r"[a-z]{6,}")
MIN_LENGTH = 6


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


class Speller:
    """Fix one-edit typos towards a fixed vocabulary (first letter must match)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if len(w) >= MIN_LENGTH)
        self.deletes: dict[str, list[str]] = {}
        for word in sorted(self.words):
            for i in range(len(word)):
                self.deletes.setdefault(word[:i] + word[i + 1 :], []).append(word)

    def fix(self, token: str) -> str | None:
        """Return the vocabulary word ``token`` is a typo of, or None."""
        if token in self.words:
            return None
        candidates = set(self.deletes.get(token, ()))
        for i in range(len(token)):
            shorter = token[:i] + token[i + 1 :]
            if shorter in self.words:
                candidates.add(shorter)
            candidates.update(self.deletes.get(shorter, ()))
        # a letter more or less at the end is an inflection ("needle"/"needles"), not a typo:
        # the lexicon's patterns handle endings, and "correcting" them breaks other terms
        good = sorted(
            c
            for c in candidates
            if c[0] == token[0]
            and _one_edit(c, token)
            and not (c.startswith(token) or token.startswith(c))
        )
        return good[0] if good else None

    def correct(self, folded: Normalised) -> Normalised:
        """Return ``folded`` with typos replaced; offsets still map to the original text."""
        text = folded.text
        fixes = []
        for match in _TOKEN.finditer(text):
            fixed = self.fix(match.group())
            if fixed:
                fixes.append((match.start(), match.end(), fixed))
        if not fixes:
            return folded
        base = folded.offsets or tuple(range(len(text) + 1))
        pieces: list[str] = []
        offsets: list[int] = []
        last = 0
        for start, end, fixed in fixes:
            pieces.append(text[last:start])
            offsets.extend(base[last:start])
            pieces.append(fixed)
            offsets.extend(base[min(start + i, end - 1)] for i in range(len(fixed)))
            last = end
        pieces.append(text[last:])
        offsets.extend(base[last:])
        return Normalised("".join(pieces), tuple(offsets))
