"""Query shaping shared by every engine: parse, drop stop words, expand synonyms, AND then relax."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from .analysis import WORD_RE, fold, is_stop
from .types import Hit

MAX_QUERY_CHARS = 512
MAX_CLAUSES = 10
MAX_WORD_CHARS = 40
FEW_HITS = 3
_QUOTED = re.compile(r'"([^"]*)"')

Words = tuple[str, ...]


@dataclass(frozen=True)
class Clause:
    """One required concept: any alternative (a word or a phrase, synonyms included) may match."""

    text: str
    alternatives: tuple[Words, ...]
    quoted: bool = False


@dataclass(frozen=True)
class Plan:
    """A shaped query: clauses ANDed first, plus an optional phrase used only to boost."""

    clauses: tuple[Clause, ...]
    boost_phrase: Words = ()
    optional: tuple[Clause, ...] = ()
    filters: dict[str, str] = field(default_factory=dict)


@dataclass
class RawResult:
    """What an engine returns for one executed plan."""

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]


class EngineReader(Protocol):
    """What the shaping strategy needs from an engine's reader."""

    def doc_freq(self, words: Words, language: str | None) -> int:
        """Documents containing all of words (as analysed), in the languages searched."""
        ...

    def correct(self, word: str) -> str | None:
        """Closest indexed word within a small edit distance, or None."""
        ...

    def execute(self, plan: Plan, mode: str, limit: int, facets: bool) -> RawResult:
        """Run plan with mode 'and' or 'or'."""
        ...


def _synonym_table(synonyms: Sequence[Sequence[str]]) -> dict[Words, tuple[Words, ...]]:
    table: dict[Words, tuple[Words, ...]] = {}
    for group in synonyms:
        terms = tuple(
            dict.fromkeys(
                t for t in (tuple(fold(w) for w in WORD_RE.findall(g)) for g in group) if t
            )
        )
        for term in terms:
            table[term] = tuple(dict.fromkeys(table.get(term, ()) + terms))
    return table


def shape(
    query: str,
    *,
    language: str | None = None,
    synonyms: Sequence[Sequence[str]] = (),
    filters: dict[str, str] | None = None,
) -> Plan:
    """Turn a user's query string into a Plan; never raises, whatever the input."""
    query = query[:MAX_QUERY_CHARS]
    table = _synonym_table(synonyms)
    longest = max((len(k) for k in table), default=1)
    quoted = [q for q in _QUOTED.findall(query) if WORD_RE.search(q)]
    loose = [fold(w) for w in WORD_RE.findall(_QUOTED.sub(" ", query)) if len(w) <= MAX_WORD_CHARS]
    kept = [w for w in loose if not is_stop(w, language)] or loose
    clauses: list[Clause] = [
        Clause(q, (tuple(fold(w) for w in WORD_RE.findall(q)),), quoted=True) for q in quoted
    ]
    i = 0
    while i < len(kept):
        for n in range(min(longest, len(kept) - i), 0, -1):
            key = tuple(kept[i : i + n])
            if key in table:
                clauses.append(Clause(" ".join(key), table[key]))
                i += n
                break
        else:
            clauses.append(Clause(kept[i], ((kept[i],),)))
            i += 1
    unique = list({c.alternatives: c for c in clauses}.values())[:MAX_CLAUSES]
    boost = tuple(kept) if 1 < len(kept) <= 6 and not quoted else ()
    return Plan(tuple(unique), boost_phrase=boost, filters=dict(filters or {}))


def _alt_df(reader: EngineReader, alt: Words, language: str | None) -> int:
    return reader.doc_freq(alt, language)


def run(
    reader: EngineReader, plan: Plan, *, language: str | None, limit: int
) -> tuple[RawResult, str | None]:
    """Run a plan: fix unknown words, AND all clauses, then relax; return results, suggestion."""
    if not plan.clauses:
        return RawResult(0, [], {}), None
    dfs: list[int] = []
    clauses: list[Clause] = []
    fixes: dict[str, str] = {}
    for clause in plan.clauses:
        df = max(_alt_df(reader, alt, language) for alt in clause.alternatives)
        if (
            df == 0
            and not clause.quoted
            and len(clause.alternatives) == 1
            and len(clause.text.split()) == 1
        ):
            fix = reader.correct(clause.text)
            if fix:
                fixes[clause.text] = fix
                clause = Clause(fix, ((fix,),))
                df = _alt_df(reader, (fix,), language)
        if df > 0:
            clauses.append(clause)
            dfs.append(df)
    if not clauses:
        return RawResult(0, [], {}), _suggest(reader, plan, fixes, language)
    boost = tuple(fixes.get(w, w) for w in plan.boost_phrase)
    order = sorted(range(len(clauses)), key=lambda k: dfs[k])
    # AND everything; if nothing matches, require only the rarest clauses and let the
    # others (the most common words) only boost. Never a plain OR of every word: it is slow.
    n = len(clauses)
    attempts = sorted({n, max(1, n - 1), math.ceil(n / 2), 1}, reverse=True)
    result = RawResult(0, [], {})
    for keep in attempts:
        chosen = tuple(clauses[k] for k in sorted(order[:keep]))
        rest = tuple(clauses[k] for k in sorted(order[keep:]))
        shaped = replace(plan, clauses=chosen, optional=rest, boost_phrase=boost)
        result = reader.execute(shaped, "and", limit, True)
        if result.total:
            break
    suggestion = None
    if fixes or result.total < FEW_HITS:
        suggestion = _suggest(reader, plan, fixes, language)
    return result, suggestion


def _suggest(
    reader: EngineReader, plan: Plan, fixes: dict[str, str], language: str | None
) -> str | None:
    """Whole corrected query ('did you mean'), or None when nothing would change."""
    words = []
    changed = False
    for clause in plan.clauses:
        for w in clause.text.split():
            fix = fixes.get(w)
            if fix is None and not clause.quoted and not reader.doc_freq((w,), language):
                fix = reader.correct(w)
            if fix and fix != w:
                changed = True
                words.append(fix)
            else:
                words.append(w)
    return " ".join(words) if changed else None
