"""Scope of negation, hypothetical and pre-existing-condition cues around a term."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .rules import Lexicon, cue_spans, has_cue

_WORD = re.compile(r"[\w'/-]+")
_HARD_STOP = re.compile(r"[;:()\[\]]|\.\s|\s-\s")
_CLAUSE_END = re.compile(r"[,;:()\[\]]|\.\s|$")

NEGATION_WINDOW = 6  # words between a negation cue and the term it denies
POST_NEGATION_WINDOW = 4


def _inside(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    start, end = span
    return any(o_start <= start and end <= o_end for o_start, o_end in others)


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    start, end = span
    return any(start < o_end and o_start < end for o_start, o_end in others)


class Scope:
    """Negation and hypothetical cues of one sentence, ready to test term spans against."""

    def __init__(
        self, sentence: str, lexicons: Sequence[Lexicon], protected: list[tuple[int, int]]
    ) -> None:
        self.sentence = sentence
        self.lexicons = lexicons
        pseudo = cue_spans(lexicons, "pseudo_negation", sentence)
        blocked = protected + pseudo
        self.negations = [
            span
            for span in cue_spans(lexicons, "negation", sentence)
            if not _overlaps(span, blocked)
        ]
        self.post_negations = cue_spans(lexicons, "negation_post", sentence)
        self.breakers = cue_spans(lexicons, "breaker", sentence)
        self.hypotheticals = [
            span
            for span in cue_spans(lexicons, "hypothetical", sentence)
            if not _overlaps(span, protected)
            and not has_cue(lexicons, "indirect_question", sentence[: span[0]])
        ]

    def _clear_between(self, start: int, end: int, window: int) -> bool:
        """True when ``start..end`` holds at most ``window`` words and no clause break."""
        between = self.sentence[start:end]
        if len(_WORD.findall(between)) > window or _HARD_STOP.search(between):
            return False
        return not any(start <= b_start and b_end <= end for b_start, b_end in self.breakers)

    def negated(self, span: tuple[int, int]) -> bool:
        """True when a negation cue before the term, or a denial after it, covers it."""
        start, end = span
        for n_start, n_end in self.negations:
            if n_end <= start and self._clear_between(n_end, start, NEGATION_WINDOW):
                return True
            if n_start < start and n_end > start:
                return True
        for p_start, _ in self.post_negations:
            if p_start >= end and self._clear_between(end, p_start, POST_NEGATION_WINDOW):
                return True
        return False

    def hypothetical(self, span: tuple[int, int]) -> bool:
        """True when the term sits in an 'if…', 'in case of…', 'si…' clause."""
        start, _ = span
        for _h_start, h_end in self.hypotheticals:
            if h_end > start:
                continue
            clause_end = _CLAUSE_END.search(self.sentence, h_end)
            limit = clause_end.start() if clause_end else len(self.sentence)
            if start < limit and not any(h_end <= b0 < start for b0, _ in self.breakers):
                return True
        return False

    def planned(self, span: tuple[int, int]) -> bool:
        """True when the term is what someone plans ("planning a pregnancy")."""
        return _inside(span, cue_spans(self.lexicons, "prospective", self.sentence))

    def topic_word(self, span: tuple[int, int]) -> bool:
        """True when the term lies in a word that names a question's topic ("allergy")."""
        return _inside(span, cue_spans(self.lexicons, "topic_words", self.sentence)) or _inside(
            span, cue_spans(self.lexicons, "chronic", self.sentence)
        )

    def in_condition(self, span: tuple[int, int]) -> bool:
        """True when the term names a pre-existing condition ('patients with X', 'history of X')."""
        prefix = self.sentence[max(0, span[0] - 60) : span[0]]
        return has_cue(self.lexicons, "condition", prefix)
