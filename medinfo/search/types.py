"""Plain data passed across the search seam (no engine, Flask or database types)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IndexedDoc:
    """One knowledge-base article version as the search index sees it."""

    article_id: str
    version: int
    title: str
    product: str
    language: str
    doc_type: str
    body: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One matching article, with a safe HTML snippet."""

    article_id: str
    version: int
    title: str
    product: str
    language: str
    doc_type: str
    score: float
    snippet: str


@dataclass(frozen=True)
class SearchResults:
    """The answer to one search: hits, total, facets and an optional spelling suggestion."""

    query: str
    total: int
    took_ms: float
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None


class SearchIndexBusyError(TimeoutError):
    """Raised when the index write lock cannot be taken within the lock timeout."""
