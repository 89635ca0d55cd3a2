"""SearchIndex: the one object the app talks to, whatever engine sits behind it."""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .query import run, shape
from .storage import Layout, doc_from_json, doc_to_json
from .types import IndexedDoc, SearchResults

logger = logging.getLogger(__name__)

ENGINES = ("whoosh", "tantivy")
FACET_FIELDS = ("product", "language", "doc_type")
MAX_LIMIT = 100


def _engine(name: str, options: dict[str, Any]):
    if name == "whoosh":
        from .whoosh_engine import WhooshEngine

        return WhooshEngine(**options)
    if name == "tantivy":
        from .tantivy_engine import TantivyEngine

        return TantivyEngine(**options)
    raise ValueError(f"unknown search engine {name!r}; choose one of {ENGINES}")


class SearchIndex:
    """A knowledge-base index in a directory: search, upsert, delete, rebuild (atomic swap)."""

    def __init__(
        self,
        index_dir: str | os.PathLike[str],
        *,
        engine: str = "whoosh",
        lock_timeout: float = 30.0,
        **engine_options: Any,
    ) -> None:
        """Bind to index_dir (created when missing) with the named engine."""
        self.engine = _engine(engine, engine_options)
        self.layout = Layout(index_dir, engine)
        self.lock_timeout = lock_timeout
        self._local = threading.local()

    # -- reading -----------------------------------------------------------------------------

    def _ensure_generation(self) -> str:
        gen = self.layout.current()
        if gen is not None:
            return gen
        with self.layout.write_lock(self.lock_timeout):
            gen = self.layout.current()
            if gen is None:
                gen = self.layout.new_generation()
                self.engine.create(self.layout.root / gen)
                self.layout.bump(gen)
                self.layout.publish(gen)
        return gen

    def _reader(self):
        """This thread's cached reader, reopened after a swap and refreshed after a commit."""
        local = self._local
        token = self.layout.current_token()
        if token is None or getattr(local, "token", None) != token:
            gen = self._ensure_generation()
            token = self.layout.current_token()
            if getattr(local, "reader", None) is not None:
                local.reader.close()
            local.reader = self.engine.open(self.layout.root / gen)
            local.gen, local.token = gen, token
            local.stamp = self.layout.stamp_token(gen)
            return local.reader
        stamp = self.layout.stamp_token(local.gen)
        if stamp != local.stamp:
            local.reader.refresh()
            local.stamp = stamp
        return local.reader

    def search(
        self,
        query: str,
        *,
        language: str | None = None,
        product: str | None = None,
        doc_type: str | None = None,
        limit: int = 10,
        synonyms: Sequence[Sequence[str]] = (),
    ) -> SearchResults:
        """Search articles; empty queries return nothing, hostile ones never raise."""
        started = time.perf_counter()
        empty = {f: {} for f in FACET_FIELDS}
        if not query or not query.strip():
            return SearchResults(query, 0, 0.0, (), empty, None)
        filters = {
            k: v
            for k, v in (("language", language), ("product", product), ("doc_type", doc_type))
            if v
        }
        plan = shape(query, language=language, synonyms=synonyms, filters=filters)
        result, suggestion = run(
            self._reader(), plan, language=language, limit=max(1, min(limit, MAX_LIMIT))
        )
        hits = tuple(result.hits)
        facets = {**empty, **result.facets}
        took = (time.perf_counter() - started) * 1000
        return SearchResults(query, result.total, round(took, 3), hits, facets, suggestion)

    def doc_count(self) -> int:
        """Number of articles in the live index."""
        return self._reader().doc_count()

    def close(self) -> None:
        """Close this thread's reader."""
        reader = getattr(self._local, "reader", None)
        if reader is not None:
            reader.close()
            self._local.reader = None
            self._local.token = None

    # -- writing -----------------------------------------------------------------------------

    def _write(self, upserts: list[IndexedDoc], deletes: list[str]) -> None:
        if not upserts and not deletes:
            return
        self._ensure_generation()
        with self.layout.write_lock(self.lock_timeout):
            gen = self.layout.current()
            if gen is None:  # pragma: no cover - only if CURRENT was removed by hand
                raise RuntimeError("search index has no live generation")
            self.engine.write(self.layout.root / gen, upserts, deletes)
            self.layout.bump(gen)
            building = self.layout.rebuilding()
            if building and building != gen:
                if deletes:
                    self.layout.journal(building, "delete", deletes)
                if upserts:
                    self.layout.journal(building, "upsert", [doc_to_json(d) for d in upserts])

    def upsert(self, docs: Iterable[IndexedDoc]) -> None:
        """Add docs, replacing any document with the same article_id."""
        docs = list({d.article_id: d for d in docs}.values())
        self._write(docs, [])
        logger.info("search index: upserted %d article(s)", len(docs))

    def delete(self, article_ids: Iterable[str]) -> None:
        """Remove the articles with these ids (unknown ids are ignored)."""
        ids = list(dict.fromkeys(article_ids))
        self._write([], ids)
        logger.info("search index: deleted %d article(s)", len(ids))

    def rebuild(
        self,
        docs: Iterable[IndexedDoc],
        *,
        total: int | None = None,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> int:
        """Build a fresh index aside, replay writes made meanwhile, swap it in atomically."""
        layout = self.layout
        with layout.rebuild_lock(self.lock_timeout):
            with layout.write_lock(self.lock_timeout):
                gen = layout.new_generation()
                layout.start_rebuild(gen)
            path = layout.root / gen
            try:
                count = self.engine.build(path, docs, total, progress)
                with layout.write_lock(self.lock_timeout):
                    for op, payload in layout.read_journal(gen):
                        if op == "upsert":
                            self.engine.write(path, [doc_from_json(d) for d in payload], [])
                        else:
                            self.engine.write(path, [], payload)
                    layout.bump(gen)
                    layout.publish(gen)
                    layout.end_rebuild()
            except BaseException:
                with layout.write_lock(self.lock_timeout):
                    layout.end_rebuild()
                shutil.rmtree(path, ignore_errors=True)
                raise
        logger.info("search index: rebuilt %s with %d article(s)", gen, count)
        return count
