"""The knowledge base's search index: the only module of the app that calls medinfo.search.

The index is a derived copy of the database holding exactly the versions agents may see
(approved and in force). It is rebuilt from the database at any time (`flask kb reindex`) and
updated after commit when a version is approved or retired. Search results are checked against
the database again, so a version that expired since the last rebuild is never shown.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from medinfo.catalog.models import Product
from medinfo.extensions import db
from medinfo.kb.models import ArticleVersion
from medinfo.kb.rendering import plain_text
from medinfo.kb.services import desk_today, visible_version, visible_versions
from medinfo.search import Hit, IndexedDoc, SearchIndex, SearchResults

logger = logging.getLogger(__name__)

_indexes: dict[tuple[str, str], SearchIndex] = {}
_lock = threading.Lock()


def current_index() -> SearchIndex:
    """The SearchIndex for this app's MEDINFO_INDEX_DIR and MEDINFO_SEARCH_ENGINE (cached)."""
    key = (
        str(current_app.config["MEDINFO_INDEX_DIR"]),
        current_app.config.get("MEDINFO_SEARCH_ENGINE", "tantivy"),
    )
    with _lock:
        index = _indexes.get(key)
        if index is None:
            index = _indexes[key] = SearchIndex(key[0], engine=key[1])
        return index


def indexed_doc(v: ArticleVersion) -> IndexedDoc:
    """How the search index sees one article version."""
    return IndexedDoc(
        article_id=v.article_id,
        version=v.version,
        title=v.title,
        product=v.article.product.name,
        language=v.article.language,
        doc_type=v.article.doc_type,
        body=plain_text(v.body),
        keywords=tuple(v.keywords or ()),
    )


def product_synonyms() -> list[tuple[str, ...]]:
    """Brand ↔ INN ↔ aliases of every product, passed to every search."""
    return [p.synonyms for p in db.session.scalars(select(Product)) if len(p.synonyms) > 1]


def rebuild_index(progress: Callable[[int, int | None], None] | None = None) -> int:
    """Rebuild the whole index from the database (atomic swap; searches go on meanwhile)."""
    versions = visible_versions()
    docs = [indexed_doc(v) for v in versions]
    return current_index().rebuild(docs, total=len(docs), progress=progress)


def refresh_articles(article_ids: Iterable[str]) -> None:
    """Make the index entries of these articles match the database (called after commit)."""
    upserts, deletes = [], []
    for article_id in dict.fromkeys(article_ids):
        version = visible_version(article_id)
        if version is None:
            deletes.append(article_id)
        else:
            upserts.append(indexed_doc(version))
    try:
        index = current_index()
        if deletes:
            index.delete(deletes)
        if upserts:
            index.upsert(upserts)
    except Exception:  # the database is the truth; `flask kb reindex` repairs the index
        logger.exception("search index not updated for %s", ", ".join(map(str, article_ids)))


@dataclass(frozen=True)
class KbHit:
    """A search hit that the database confirms agents may see."""

    hit: Hit
    version_id: int


@dataclass(frozen=True)
class KbResults:
    """Search results restricted to visible versions."""

    results: SearchResults
    hits: tuple[KbHit, ...]

    @property
    def total(self) -> int:
        """Matches, less any the database no longer shows."""
        return max(len(self.hits), self.results.total - self.dropped)

    @property
    def dropped(self) -> int:
        """Hits removed because the version is no longer in force."""
        return len(self.results.hits) - len(self.hits)


def search_articles(
    query: str,
    *,
    language: str | None = None,
    product: str | None = None,
    doc_type: str | None = None,
    limit: int = 10,
    synonyms: Sequence[Sequence[str]] | None = None,
) -> KbResults:
    """Search the knowledge base; only approved, in-force versions come back."""
    results = current_index().search(
        query,
        language=language,
        product=product,
        doc_type=doc_type,
        limit=limit,
        synonyms=product_synonyms() if synonyms is None else synonyms,
    )
    if not results.hits:
        return KbResults(results, ())
    day = desk_today()
    pairs = {(h.article_id, h.version) for h in results.hits}
    rows = db.session.execute(
        select(ArticleVersion.id, ArticleVersion.article_id, ArticleVersion.version).where(
            ArticleVersion.article_id.in_({a for a, _ in pairs}),
            ArticleVersion.visible_on(day),
        )
    ).all()
    ids = {(r.article_id, r.version): r.id for r in rows}
    hits = tuple(
        KbHit(h, ids[(h.article_id, h.version)])
        for h in results.hits
        if (h.article_id, h.version) in ids
    )
    return KbResults(results, hits)
