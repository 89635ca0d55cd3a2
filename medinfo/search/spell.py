"""Spelling correction helpers shared by the engines."""

from __future__ import annotations

from collections.abc import Iterable


def max_distance(word: str) -> int:
    """Edits allowed for a word of this length (none for very short words)."""
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, or limit + 1 as soon as it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def best(word: str, candidates: Iterable[tuple[str, int]]) -> str | None:
    """Closest candidate (term, doc frequency) to word: fewest edits, then most frequent."""
    limit = max_distance(word)
    if not limit:
        return None
    ranked = []
    size = len(word)
    for term, df in candidates:
        if abs(len(term) - size) > limit or term == word or not term.isalpha():
            continue
        d = distance(word, term, limit)
        if d <= limit:
            ranked.append((d, -df, term))
    return min(ranked)[2] if ranked else None


def prefix_for(word: str) -> str:
    """Candidate prefix: typos rarely hit the first letters of longer words."""
    return word[:2] if len(word) >= 6 else word[:1]
