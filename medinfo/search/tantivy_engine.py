"""Tantivy engine: the same analysis (fold before Snowball, negations kept) in native Rust."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import tantivy

from . import spell
from .analysis import LANGUAGES, STOP_WORDS, stem_variants, strip_markdown
from .highlight import SNIPPET_CHARS, mark_html, window
from .query import Plan, RawResult, Words
from .types import Hit, IndexedDoc

FIELD_BOOSTS = {"title": 3.0, "kw": 2.0, "body": 1.0}
FACETS = ("product", "language", "doc_type")
_STEMMERS = {"en": "english", "fr": "french"}


def _analyzer(language: str | None) -> tantivy.TextAnalyzer:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if language is not None:
        builder = builder.filter(tantivy.Filter.custom_stopword(sorted(STOP_WORDS[language])))
        builder = builder.filter(tantivy.Filter.stemmer(_STEMMERS[language]))
    return builder.build()


ANALYZERS = {"fold": _analyzer(None), **{f"med_{lang}": _analyzer(lang) for lang in LANGUAGES}}


@lru_cache(maxsize=20_000)
def analyze(word: str, language: str) -> tuple[str, ...]:
    """Index terms of a query word in a language (empty for a stop word)."""
    return tuple(ANALYZERS[f"med_{language}"].analyze(word))


def schema() -> tantivy.Schema:
    """Index schema: one document per article, text fields per language."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("article_id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("version", stored=True)
    sb.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
    for facet in FACETS:
        sb.add_text_field(facet, stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("spell", tokenizer_name="fold", index_option="basic")
    for lang in LANGUAGES:
        sb.add_text_field(f"title_{lang}", tokenizer_name=f"med_{lang}")
        sb.add_text_field(f"kw_{lang}", tokenizer_name=f"med_{lang}", index_option="freq")
        sb.add_text_field(f"body_{lang}", stored=True, tokenizer_name=f"med_{lang}")
    return sb.build()


SCHEMA = schema()


def _open(path: Path) -> tantivy.Index:
    ix = tantivy.Index(SCHEMA, str(path))
    for name, analyzer in ANALYZERS.items():
        ix.register_tokenizer(name, analyzer)
    return ix


def _document(doc: IndexedDoc) -> tantivy.Document:
    lang = doc.language if doc.language in LANGUAGES else "en"
    body = strip_markdown(doc.body)
    keywords = " ".join(doc.keywords)
    return tantivy.Document(
        article_id=doc.article_id,
        version=doc.version,
        title=doc.title,
        product=doc.product,
        language=doc.language,
        doc_type=doc.doc_type,
        spell=f"{doc.title} {keywords} {body}",
        **{f"title_{lang}": doc.title, f"kw_{lang}": keywords, f"body_{lang}": body},
    )


class TantivyEngine:
    """Writes and opens tantivy indexes in a generation directory."""

    name = "tantivy"

    def __init__(self, heap_bytes: int = 64_000_000, threads: int = 1) -> None:
        """Writer memory budget and indexing threads."""
        self.heap_bytes = heap_bytes
        self.threads = threads

    def create(self, path: Path) -> None:
        """Create an empty index in path."""
        _open(path)

    def _writer(self, ix: tantivy.Index):
        return ix.writer(self.heap_bytes, self.threads)

    def write(self, path: Path, upserts: list[IndexedDoc], deletes: list[str]) -> None:
        """Apply upserts and deletes in one commit (caller holds the cross-process lock)."""
        writer = self._writer(_open(path))
        try:
            for article_id in [*deletes, *(d.article_id for d in upserts)]:
                writer.delete_documents_by_term("article_id", article_id)
            for doc in upserts:
                writer.add_document(_document(doc))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()

    def build(
        self,
        path: Path,
        docs: Iterable[IndexedDoc],
        total: int | None,
        progress: Callable[[int, int | None], None] | None,
    ) -> int:
        """Index docs into the empty index at path, merge, return the article count."""
        writer = self._writer(_open(path))
        count = 0
        try:
            for doc in docs:
                writer.add_document(_document(doc))
                count += 1
                if progress and count % 500 == 0:
                    progress(count, total)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        if progress:
            progress(count, total)
        return count

    def open(self, path: Path) -> TantivyReader:
        """Open a reader."""
        return TantivyReader(_open(path))


class TantivyReader:
    """A cached searcher with the primitives the query strategy needs."""

    def __init__(self, ix: tantivy.Index) -> None:
        """Keep the index and take a searcher."""
        self.ix = ix
        self.searcher = ix.searcher()
        self._corrections: dict[str, str | None] = {}

    def refresh(self) -> None:
        """Pick up the last commit."""
        self.ix.reload()
        self.searcher = self.ix.searcher()
        self._corrections = {}

    def close(self) -> None:
        """Nothing to release explicitly."""

    def doc_count(self) -> int:
        """Number of live articles."""
        return self.searcher.num_docs

    def _langs(self, language: str | None) -> tuple[str, ...]:
        return (language,) if language in LANGUAGES else LANGUAGES

    def doc_freq(self, words: Words, language: str | None) -> int:
        """Max over languages of the smallest document frequency of the words' terms."""
        best = 0
        for lang in self._langs(language):
            terms = [t for w in words for t in analyze(w, lang)]
            if terms:
                df = min(
                    max(self.searcher.doc_freq(f"{f}_{lang}", t) for f in ("title", "body", "kw"))
                    for t in terms
                )
                best = max(best, df)
        return best

    def correct(self, word: str) -> str | None:
        """Closest indexed word (same first letters) within the edit budget, cached per commit."""
        if not spell.max_distance(word):
            return None
        if word not in self._corrections:
            candidates = self.searcher.terms_with_prefix("spell", spell.prefix_for(word))
            self._corrections[word] = spell.best(word, candidates)
        return self._corrections[word]

    def _term(self, field: str, term: str, boost: float) -> tantivy.Query:
        q = tantivy.Query.term_query(SCHEMA, field, term)
        return tantivy.Query.boost_query(q, boost) if boost != 1.0 else q

    def _alternative(self, words: Words, lang: str) -> list[tantivy.Query]:
        terms = [t for w in words for t in analyze(w, lang)]
        out: list[tantivy.Query] = []
        if not terms:
            return out
        for field, boost in FIELD_BOOSTS.items():
            name = f"{field}_{lang}"
            if len(terms) == 1:
                variants = [
                    v for v in stem_variants(terms[0], lang) if self.searcher.doc_freq(name, v)
                ]
                out.extend(self._term(name, v, boost) for v in (terms[0], *variants))
            elif field != "kw":
                phrase = tantivy.Query.phrase_query(SCHEMA, name, list(terms), 1)
                out.append(tantivy.Query.boost_query(phrase, boost))
        return out

    def _clause(self, clause, langs: tuple[str, ...]) -> tantivy.Query | None:
        """Any alternative of a clause, in any searched language; None when nothing applies."""
        subs = [
            q for alt in clause.alternatives for lang in langs for q in self._alternative(alt, lang)
        ]
        if not subs:
            return None
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in subs])

    def _build(self, plan: Plan, mode: str, langs: tuple[str, ...]) -> tantivy.Query | None:
        should, must = tantivy.Occur.Should, tantivy.Occur.Must
        clauses, extra = [], []
        for clause in plan.clauses:
            if (query := self._clause(clause, langs)) is not None:
                clauses.append(query)
        if not clauses:
            return None
        for clause in plan.optional:
            if (query := self._clause(clause, langs)) is not None:
                extra.append((should, query))
        filters = [(must, tantivy.Query.term_query(SCHEMA, k, v)) for k, v in plan.filters.items()]
        if mode == "and":
            parts = [(must, c) for c in clauses]
        else:
            parts = [(must, tantivy.Query.boolean_query([(should, c) for c in clauses]))]
        for lang in langs:
            terms = [t for w in plan.boost_phrase for t in analyze(w, lang)]
            if len(terms) > 1:
                for field, boost in (("title", 4.0), ("body", 2.0)):
                    phrase = tantivy.Query.phrase_query(SCHEMA, f"{field}_{lang}", terms, 1)
                    parts.append((should, tantivy.Query.boost_query(phrase, boost)))
        return tantivy.Query.boolean_query(parts + extra + filters)

    def execute(self, plan: Plan, mode: str, limit: int, facets: bool) -> RawResult:
        """Run the plan: top articles, native snippets re-rendered as safe HTML, facet counts."""
        q = self._build(plan, mode, self._langs(plan.filters.get("language")))
        if q is None:
            return RawResult(0, [], {})
        s = self.searcher
        found = s.search(q, limit, count=True)
        generators: dict[str, tantivy.SnippetGenerator] = {}
        hits = []
        for score, address in found.hits:
            doc = s.doc(address)
            lang = doc["language"][0] if doc["language"][0] in LANGUAGES else "en"
            field = f"body_{lang}"
            if field not in generators:
                generators[field] = tantivy.SnippetGenerator.create(s, q, SCHEMA, field)
                generators[field].set_max_num_chars(SNIPPET_CHARS)
            hits.append(
                Hit(
                    doc["article_id"][0],
                    doc["version"][0],
                    doc["title"][0],
                    doc["product"][0],
                    doc["language"][0],
                    doc["doc_type"][0],
                    score,
                    _snippet_html(generators[field].snippet_from_doc(doc), doc[field]),
                )
            )
        counts: dict[str, dict[str, int]] = {}
        if facets and found.count:
            agg = s.aggregate(q, {f: {"terms": {"field": f, "size": 100}} for f in FACETS})
            counts = {f: {b["key"]: b["doc_count"] for b in agg[f]["buckets"]} for f in FACETS}
        return RawResult(found.count, hits, counts)


def _snippet_html(snippet: tantivy.Snippet, body: list[str]) -> str:
    """Safe HTML from a tantivy snippet (byte offsets), or the article's opening words."""
    fragment = snippet.fragment()
    if not snippet.highlighted():
        return window(body[0] if body else "", [])
    raw = fragment.encode("utf-8")
    spans = [
        (len(raw[: h.start].decode("utf-8", "ignore")), len(raw[: h.end].decode("utf-8", "ignore")))
        for h in snippet.highlighted()
    ]
    where = snippet.fragment_range()
    more = where.end < len(body[0].encode("utf-8")) if body else False
    return ("… " if where.start else "") + mark_html(fragment, spans) + (" …" if more else "")
