"""Compiled lexicons and the language guess: what can match, before any context is weighed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from . import (
    lexicon_en,
    lexicon_en_more,
    lexicon_en_symptoms,
    lexicon_fr,
    lexicon_fr_more,
    lexicon_fr_symptoms,
)
from .speller import Speller
from .text import gap

# Cue lists matched against a fragment of text that they anchor themselves to (^ or $).
_ANCHORED_CUES = frozenset({"indirect_question", "condition", "question_start", "topic_head"})


@dataclass(frozen=True)
class Term:
    """One compiled family of event terms."""

    category: str
    strong: bool
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    """A language's compiled terms, exclusions and context cues."""

    language: str
    terms: tuple[Term, ...]
    cues: dict[str, re.Pattern[str]]
    vocabulary: frozenset[str] = frozenset()

    def cue(self, name: str) -> re.Pattern[str]:
        """Return the compiled cue ``name`` (never matching when the language lacks it)."""
        return self.cues.get(name, _NEVER)


_NEVER = re.compile(r"(?!)")


def has_cue(lexicons: Sequence[Lexicon], cue: str, text: str) -> bool:
    """True when cue ``cue`` of any of ``lexicons`` matches in ``text``."""
    return any(lex.cue(cue).search(text) for lex in lexicons)


def cue_spans(lexicons: Sequence[Lexicon], cue: str, text: str) -> list[tuple[int, int]]:
    """Where cue ``cue`` of any of ``lexicons`` matches in ``text``."""
    return [m.span() for lex in lexicons for m in lex.cue(cue).finditer(text)]


_PLACEHOLDER = re.compile(r"@(\w+)@")
_GAP = re.compile(r"~(\d+)~")
_SPECIAL = "special_situation:"
_CODES = {"AE": "adverse_event", "PC": "product_complaint"}


def parse_table(table: str, head_words: int) -> list[tuple[tuple[str, ...], str]]:
    """Parse a lexicon table into (head words, body); indented lines continue an entry."""
    entries: list[tuple[tuple[str, ...], str]] = []
    for line in table.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            head, body = entries[-1]
            entries[-1] = (head, body + line.strip())
            continue
        parts = line.split(None, head_words)
        entries.append((tuple(parts[:head_words]), parts[head_words].strip()))
    return entries


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    """Replace ``@NAME@`` by its fragment (recursively) and ``~N~`` by a gap of N words."""
    while "@" in pattern and _PLACEHOLDER.search(pattern):
        pattern = _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], pattern)
    return _GAP.sub(lambda m: gap(int(m.group(1))), pattern)


def _category(code: str) -> str:
    return _CODES.get(code, _SPECIAL + code)


def _compile_cue(name: str, patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    if name in _ANCHORED_CUES:
        return re.compile(body)
    return re.compile(rf"\b(?:{body})\b")


def _compile(language: str, *modules: ModuleType) -> Lexicon:
    """Compile a language's tables: the main module first, then its extensions in order."""
    fragments = {
        head[0]: body for module in modules for head, body in parse_table(module.FRAGMENTS, 1)
    }
    terms = tuple(
        Term(
            _category(code),
            strength == "strong",
            re.compile(rf"\b(?:{_expand(body, fragments)})\b"),
        )
        for module in modules
        for (code, strength), body in parse_table(module.TERMS, 2)
    )
    grouped: dict[str, list[str]] = {}
    for module in modules:
        for (name,), body in parse_table(module.CUES, 1):
            grouped.setdefault(name, []).append(_expand(body, fragments))
    cues = {name: _compile_cue(name, patterns) for name, patterns in grouped.items()}
    vocabulary = frozenset(
        w for module in modules for w in getattr(module, "VOCABULARY", "").split()
    )
    return Lexicon(language, terms, cues, vocabulary)


LEXICONS: dict[str, Lexicon] = {
    "en": _compile("en", lexicon_en, lexicon_en_symptoms, lexicon_en_more),
    "fr": _compile("fr", lexicon_fr, lexicon_fr_symptoms, lexicon_fr_more),
}
_SPELLERS: dict[tuple[str, ...], Speller] = {}


def speller(lexicons: tuple[Lexicon, ...]) -> Speller:
    """Return the (cached) typo corrector for the vocabulary of ``lexicons``."""
    key = tuple(lex.language for lex in lexicons)
    if key not in _SPELLERS:
        _SPELLERS[key] = Speller(w for lex in lexicons for w in lex.vocabulary)
    return _SPELLERS[key]


_STOP_EN = re.compile(
    r"\b(?:the|and|is|was|were|with|of|to|my|she|he|has|have|had|been|after|on|it|this|"
    r"what|can|does|patient|her|his|took|taking|since|for|a|an|are|in|be|there)\b"
)
_STOP_FR = re.compile(
    r"\b(?:le|la|les|des|est|et|une|un|du|avec|pour|il|elle|au|aux|que|qui|pas|sur|dans|"
    r"ce|cette|mon|ma|mes|depuis|apres|a|ete|ne|se|sa|son|chez|quel|quelle|l|d)\b"
)


def pick_lexicons(folded: str, language: str | None) -> tuple[Lexicon, ...]:
    """Return the lexicons for ``language``, or for the guessed language(s) when it is None."""
    if language in LEXICONS:
        return (LEXICONS[language],)
    sample = folded[:4000]
    en = len(_STOP_EN.findall(sample))
    fr = len(_STOP_FR.findall(sample))
    if en >= 2 * fr + 2:
        return (LEXICONS["en"],)
    if fr >= 2 * en + 2:
        return (LEXICONS["fr"],)
    return (LEXICONS["en"], LEXICONS["fr"])


for _key in (("en",), ("fr",), ("en", "fr")):
    speller(tuple(LEXICONS[code] for code in _key))
