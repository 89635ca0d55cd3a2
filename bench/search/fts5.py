"""SQLite FTS5 (porter, BM25) baseline over the same documents, query shaped the same way."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence

from medinfo.search import IndexedDoc
from medinfo.search.analysis import strip_markdown
from medinfo.search.query import shape


class Fts5Index:
    """An in-memory FTS5 table searched like SearchIndex: AND first, then OR; snippet and facets."""

    def __init__(self) -> None:
        """Create the table."""
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE kb USING fts5(article_id UNINDEXED, product UNINDEXED, "
            "title, body, tokenize='porter unicode61 remove_diacritics 2')"
        )

    def build(self, docs: Sequence[IndexedDoc]) -> float:
        """Insert all docs; return seconds taken."""
        started = time.perf_counter()
        with self.db:
            self.db.executemany(
                "INSERT INTO kb VALUES (?, ?, ?, ?)",
                ((d.article_id, d.product, d.title, strip_markdown(d.body)) for d in docs),
            )
            self.db.execute("INSERT INTO kb(kb) VALUES ('optimize')")
        return time.perf_counter() - started

    @staticmethod
    def _match(clauses: list[list[str]], op: str) -> str:
        parts = []
        for alternatives in clauses:
            quoted = ['"' + " ".join(alt) + '"' for alt in alternatives]
            parts.append("(" + " OR ".join(quoted) + ")")
        return f" {op} ".join(parts)

    def search(self, query: str, limit: int = 10) -> list[str]:
        """Ids of the top hits, computing snippets, total and product facets like the app."""
        plan = shape(query)
        clauses = [[list(a) for a in c.alternatives] for c in plan.clauses]
        if not clauses:
            return []
        for op in ("AND", "OR"):
            match = self._match(clauses, op)
            rows = self.db.execute(
                "SELECT article_id, snippet(kb, 3, '<mark>', '</mark>', '…', 24) FROM kb "
                "WHERE kb MATCH ? ORDER BY bm25(kb, 3.0, 1.0) LIMIT ?",
                (match, limit),
            ).fetchall()
            if rows or len(clauses) == 1:
                break
        if rows:
            self.db.execute(
                "SELECT product, count(*) FROM kb WHERE kb MATCH ? GROUP BY product", (match,)
            ).fetchall()
        return [r[0] for r in rows]
