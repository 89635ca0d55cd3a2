"""Whoosh engine: per-language stemmed fields, passages collapsed per article, pinpoint spans."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from whoosh import index as windex
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.query import And, AndMaybe, Or, Phrase, Query, Term
from whoosh.reading import TermNotFound
from whoosh.support.charset import accent_map

from . import spell
from .analysis import LANGUAGES, STOP_WORDS, split_passages, stem_variants, strip_markdown
from .highlight import window
from .query import Clause, Plan, RawResult, Words
from .types import Hit, IndexedDoc

logger = logging.getLogger(__name__)

TITLE_BOOST = 3.0
PHRASE_BOOST = 2.0
COMMON_RATIO = 0.2  # a clause in more than this share of documents only boosts, never filters
FACETS = ("product", "language", "doc_type")
TIME_LIMIT_S = 0.5


def analyzer(language: str | None):
    """Tokenize, lower-case, fold accents BEFORE stemming, drop stop words (never negations)."""
    chain = RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)
    if language is None:
        return chain
    return chain | StopFilter(stoplist=STOP_WORDS[language], minsize=1) | StemFilter(lang=language)


ANALYZERS = {lang: analyzer(lang) for lang in LANGUAGES}


@lru_cache(maxsize=20_000)
def analyze(word: str, language: str) -> tuple[str, ...]:
    """Index terms of a query word in a language (empty for a stop word)."""
    return tuple(t.text for t in ANALYZERS[language](word))


def schema() -> Schema:
    """Index schema: one passage per Whoosh document, text fields per language."""
    fields = {
        "pid": ID(unique=True),
        "article_id": ID(stored=True, sortable=True),
        "first": ID(),
        "version": STORED(),
        "title": STORED(),
        "keywords": STORED(),
        "text": STORED(),
        "product": ID(stored=True, sortable=True),
        "language": ID(stored=True, sortable=True),
        "doc_type": ID(stored=True, sortable=True),
        "spell": TEXT(analyzer=analyzer(None), phrase=False),
    }
    for lang in LANGUAGES:
        fields[f"title_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=False)
        fields[f"all_{lang}"] = TEXT(analyzer=analyzer(lang), chars=True)
    return Schema(**fields)


def _passage_docs(doc: IndexedDoc, passage_words: int) -> Iterable[dict]:
    lang = doc.language if doc.language in LANGUAGES else "en"
    plain = strip_markdown(doc.body)
    keywords = " ".join(doc.keywords)
    for n, passage in enumerate(split_passages(plain, passage_words)):
        yield {
            "pid": f"{doc.article_id}#{n}",
            "article_id": doc.article_id,
            "first": "1" if n == 0 else "0",
            "version": doc.version,
            "title": doc.title,
            "keywords": doc.keywords,
            "text": passage,
            "product": doc.product,
            "language": doc.language,
            "doc_type": doc.doc_type,
            "spell": f"{doc.title} {keywords}",
            f"title_{lang}": f"{doc.title}\n{keywords}",
            f"all_{lang}": f"{doc.title}\n{keywords}\n{passage}",
        }


class WhooshEngine:
    """Writes and opens Whoosh indexes in a generation directory."""

    name = "whoosh"

    def __init__(self, passage_words: int = 0, lock_timeout: float = 10.0) -> None:
        """Configure passage size (0 = whole articles) and the writer lock timeout."""
        self.passage_words = passage_words
        self.lock_timeout = lock_timeout

    def create(self, path: Path) -> None:
        """Create an empty index in path."""
        windex.create_in(str(path), schema())

    def write(self, path: Path, upserts: list[IndexedDoc], deletes: list[str]) -> None:
        """Apply upserts and deletes in one commit (caller holds the cross-process lock)."""
        ix = windex.open_dir(str(path))
        writer = ix.writer(timeout=self.lock_timeout)
        try:
            for article_id in [*deletes, *(d.article_id for d in upserts)]:
                writer.delete_by_term("article_id", article_id)
            for doc in upserts:
                for fields in _passage_docs(doc, self.passage_words):
                    writer.add_document(**fields)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=len(upserts) + len(deletes) >= 1000)

    def build(
        self,
        path: Path,
        docs: Iterable[IndexedDoc],
        total: int | None,
        progress: Callable[[int, int | None], None] | None,
    ) -> int:
        """Index docs into the empty index at path, optimise, return the article count."""
        ix = windex.create_in(str(path), schema())
        writer = ix.writer(timeout=self.lock_timeout, limitmb=256)
        count = 0
        try:
            for doc in docs:
                for fields in _passage_docs(doc, self.passage_words):
                    writer.add_document(**fields)
                count += 1
                if progress and count % 500 == 0:
                    progress(count, total)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=True)
        if progress:
            progress(count, total)
        return count

    def open(self, path: Path) -> WhooshReader:
        """Open a reader (one per thread)."""
        return WhooshReader(windex.open_dir(str(path)))


class WhooshReader:
    """A cached searcher with the primitives the query strategy needs."""

    def __init__(self, ix) -> None:
        """Keep the index and open a searcher."""
        self.ix = ix
        self.searcher = ix.searcher()
        self._corrections: dict[str, str | None] = {}
        self._columns: dict | None = None

    def refresh(self) -> None:
        """Reopen changed segments only (cheap when nothing changed)."""
        self.searcher = self.searcher.refresh()
        self._corrections = {}
        self._columns = None

    def close(self) -> None:
        """Release files."""
        self.searcher.close()

    def doc_count(self) -> int:
        """Number of articles (first passages)."""
        return sum(1 for _ in self.searcher.docs_for_query(Term("first", "1")))

    def _langs(self, language: str | None) -> tuple[str, ...]:
        return (language,) if language in LANGUAGES else LANGUAGES

    def doc_freq(self, words: Words, language: str | None) -> int:
        """Max over languages of the smallest document frequency of the words' terms."""
        best = 0
        for lang in self._langs(language):
            terms = [t for w in words for t in analyze(w, lang)]
            if terms:
                df = min(self.searcher.doc_frequency(f"all_{lang}", t) for t in terms)
                best = max(best, df)
        return best

    def correct(self, word: str) -> str | None:
        """Closest title/keyword word within the edit budget."""
        limit = spell.max_distance(word)
        if not limit:
            return None
        if word not in self._corrections:
            reader = self.searcher.reader()
            terms = reader.terms_within("spell", word, limit, prefix=len(spell.prefix_for(word)))
            found = spell.best(word, ((t, reader.doc_frequency("spell", t)) for t in terms))
            self._corrections[word] = found
        return self._corrections[word]

    def _alternative(self, words: Words, lang: str, field: str, boost: float) -> list[Query]:
        terms = [t for w in words for t in analyze(w, lang)]
        name = f"{field}_{lang}"
        if len(terms) > 1:
            return [] if field == "title" else [Phrase(name, terms, boost=boost)]
        found = self.searcher.doc_frequency
        variants = (terms[0], *stem_variants(terms[0], lang)) if terms else ()
        return [Term(name, v, boost=boost) for v in variants if found(name, v)]

    def _clause(self, clause: Clause, langs: tuple[str, ...], field: str, boost: float = 1.0):
        subs = [
            q
            for alt in clause.alternatives
            for lang in langs
            for q in self._alternative(alt, lang, field, boost)
        ]
        return Or(subs) if len(subs) > 1 else (subs[0] if subs else None)

    def _build(self, plan: Plan, mode: str, langs: tuple[str, ...]) -> tuple[Query, Query] | None:
        """(core, scored): core decides what matches (cheap), scored adds title/phrase boosts."""
        common = COMMON_RATIO * max(1, self.searcher.doc_count_all())
        required, optional = [], []
        for clause in plan.clauses:
            q = self._clause(clause, langs, "all")
            if q is None:
                continue
            if mode == "and" and q.estimate_size(self.searcher.reader()) > common:
                optional.append(q)
            else:
                required.append(q)
            title = self._clause(clause, langs, "title", TITLE_BOOST)
            if title is not None:
                optional.append(title)
        for clause in plan.optional:
            for field, boost in (("all", 1.0), ("title", TITLE_BOOST)):
                q = self._clause(clause, langs, field, boost)
                if q is not None:
                    optional.append(q)
        if mode == "and" and not required and optional:
            required = [q for q in optional if not _is_title(q)]
            optional = [q for q in optional if _is_title(q)]
        if not required:
            return None
        filters = [Term(k, v) for k, v in plan.filters.items()]
        if mode == "and":
            core: Query = (
                And(required + filters) if len(required) + len(filters) > 1 else required[0]
            )
        else:
            core = And([Or(required), *filters]) if filters else Or(required)
        for lang in langs:
            terms = [t for w in plan.boost_phrase for t in analyze(w, lang)]
            if len(terms) > 1:
                optional.append(Phrase(f"all_{lang}", terms, boost=PHRASE_BOOST))
        return core, (AndMaybe(core, Or(optional)) if optional else core)

    def execute(self, plan: Plan, mode: str, limit: int, facets: bool) -> RawResult:
        """Run the plan: top passages collapsed per article, pinpoint snippets, article facets."""
        langs = self._langs(plan.filters.get("language"))
        built = self._build(plan, mode, langs)
        if built is None:
            return RawResult(0, [], {})
        core, q = built
        s = self.searcher
        collector = TimeLimitCollector(
            s.collector(limit=limit * 3), timelimit=TIME_LIMIT_S, use_alarm=False
        )
        try:
            s.search_with_collector(q, collector)
        except TimeLimit:
            logger.warning("search time limit hit for %r", plan.clauses)
        results = collector.results()
        terms: dict[str, set[bytes]] = {}
        for fieldname, text in q.iter_all_terms():
            if fieldname.startswith("all_"):
                terms.setdefault(fieldname, set()).add(
                    text if isinstance(text, bytes) else text.encode()
                )
        hits: list[Hit] = []
        seen: set[str] = set()
        for hit in results:
            stored = hit.fields()
            if stored["article_id"] in seen:
                continue
            seen.add(stored["article_id"])
            lang = stored["language"] if stored["language"] in LANGUAGES else "en"
            skip = len(stored["title"]) + len(" ".join(stored.get("keywords", ()))) + 2
            spans = [
                (start - skip, end - skip)
                for start, end in self._chars(
                    f"all_{lang}", terms.get(f"all_{lang}", ()), hit.docnum
                )
                if start >= skip
            ]
            hits.append(
                Hit(
                    stored["article_id"],
                    stored["version"],
                    stored["title"],
                    stored["product"],
                    stored["language"],
                    stored["doc_type"],
                    hit.score or 0.0,
                    window(stored["text"], spans),
                )
            )
            if len(hits) >= limit:
                break
        total, counts = self._facets(core) if facets else (results.estimated_length(), {})
        return RawResult(max(total, len(hits)), hits, counts)

    def _chars(self, field: str, terms: Iterable[bytes], docnum: int) -> list[tuple[int, int]]:
        """Pinpoint spans of the query terms in one document, from the postings (chars=True)."""
        spans: list[tuple[int, int]] = []
        for term in terms:
            try:
                m = self.searcher.postings(field, term)
            except TermNotFound:
                continue
            m.skip_to(docnum)
            if m.is_active() and m.id() == docnum:
                spans.extend((start, end) for _pos, start, end in m.value_as("characters"))
        return spans

    def _facets(self, q: Query) -> tuple[int, dict[str, dict[str, int]]]:
        """Distinct matching articles and their counts per facet (no scoring)."""
        if self._columns is None:
            reader = self.searcher.reader()
            self._columns = {f: reader.column_reader(f) for f in ("article_id", *FACETS)}
        ids = self._columns["article_id"]
        columns = {f: self._columns[f] for f in FACETS}
        articles: dict[str, int] = {}
        for docnum in self.searcher.docs_for_query(q):
            articles.setdefault(ids[docnum], docnum)
        counts = {f: dict(Counter(col[d] for d in articles.values())) for f, col in columns.items()}
        return len(articles), counts


def _is_title(q: Query) -> bool:
    return all(name.startswith("title_") for name, _ in q.iter_all_terms())
