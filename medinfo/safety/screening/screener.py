"""The screener: find event terms, weigh their sentence, and return flags on the original text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .context import SentenceContext
from .model import load_model
from .negation import Scope
from .rules import Lexicon, cue_spans, has_cue, pick_lexicons, speller
from .text import SentenceIndex, normalise, sentence_spans

AE = "adverse_event"
PC = "product_complaint"
SS = "special_situation:"
LOE = SS + "lack_of_efficacy"
OVERDOSE = SS + "overdose"
INTERACTION = SS + "interaction"
ACCIDENTAL = SS + "accidental_exposure"
# How sure the model must be to flag a sentence whose terms the rules found denied,
# hypothetical or planned (DENIED_BAR), or one the rules have another reason to leave alone:
# a topic label, good news, a question about what to do next, nothing taken or given.
DENIED_BAR = 0.85
UNANCHORED_BAR = 0.9

# Weak terms of these categories only count when the drug was actually taken or given.
_NEEDS_EXPOSURE = frozenset({SS + "pregnancy", SS + "breastfeeding", SS + "off_label"})
# Weak terms of this category can name a pre-existing condition or an indication.
_CONDITION_PRONE = frozenset({AE})
_ACCIDENT_OVERRIDES = frozenset({SS + "misuse", SS + "medication_error"})
# (outer, inner): a flag of `inner` lying inside a flag of `outer` is dropped.
_SUPPRESSES = frozenset(
    {(PC, LOE), (PC, AE), (LOE, AE), (OVERDOSE, AE), (SS + "misuse", SS + "off_label")}
)

_NUMBER_WORDS = {
    "once": 1, "one": 1, "un": 1, "une": 1, "single": 1, "twice": 2, "two": 2,
    "deux": 2, "double": 2, "three": 3, "trois": 3, "thrice": 3, "four": 4, "quatre": 4,
    "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8,
    "nine": 9, "neuf": 9, "ten": 10, "dix": 10, "twenty": 20, "vingt": 20,
}  # fmt: skip
_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_INSTEAD = re.compile(
    rf"\b({_NUMBER})\b(?:\s+(?!\d)\S+){{0,3}}?\s+(?:instead of|rather than|au lieu d[e']|"
    rf"a la place d[e'])\s*(?:the |la |le )?({_NUMBER})\b"
)


@dataclass(frozen=True)
class Flag:
    """One screened mention: its category and where it is in the original text."""

    category: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ScreeningResult:
    """The screening answer for one text: reportable or not, and why."""

    reportable: bool
    flags: tuple[Flag, ...]

    def categories(self) -> list[str]:
        """Return the sorted unique categories of the flags."""
        return sorted({flag.category for flag in self.flags})


def _number(token: str) -> float:
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    return float(token.replace(",", "."))


@dataclass
class _Hit:
    category: str
    start: int  # folded offsets, relative to the sentence
    end: int
    strong: bool


def _judge(hit: _Hit, ctx: SentenceContext, scope: Scope) -> bool:
    """Decide whether one term in its sentence reports something."""
    span = (hit.start, hit.end)
    if scope.negated(span) or scope.hypothetical(span):
        return False
    if hit.strong:
        return True
    if ctx.topic_label and (hit.category != AE or scope.topic_word(span)):
        return False  # "Call from Dr X: pregnancy / renal impairment" names a topic
    if ctx.statistic or (hit.category == AE and ctx.pre_treatment and not ctx.onset):
        return False
    if hit.category == AE and ctx.non_exposure and not (ctx.onset or ctx.onset_change):
        # "she read 'ankle swelling' in the leaflet and hasn't started it yet"
        return False
    if (
        hit.category in _CONDITION_PRONE
        and scope.in_condition(span)
        and not (ctx.deictic_time or ctx.onset or ctx.report_intent)
    ):
        return False
    if hit.category in _NEEDS_EXPOSURE:
        if scope.planned(span):
            return False  # "she is on Cardiolex and planning a pregnancy": not pregnant yet
        if ctx.non_exposure and (ctx.question or ctx.asks or ctx.prospective):
            return False
        if ctx.prospective and not ctx.exposure:
            return False
        if hit.category == SS + "off_label" and not (
            ctx.exposure or (ctx.person and not ctx.question)
        ):
            return False
    return ctx.keeps_weak()


def _derived(
    sentence: str, kept: list[_Hit], ctx: SentenceContext, lexicons: Sequence[Lexicon], scope: Scope
) -> list[_Hit]:
    """Flags that follow from combinations: interactions, overdoses by count."""
    extra: list[_Hit] = []
    categories = {hit.category for hit in kept}
    if ctx.coadmin and (AE in categories or LOE in categories) and INTERACTION not in categories:
        for lex in lexicons:
            match = lex.cue("coadmin").search(sentence)
            if match and not scope.negated(match.span()):
                extra.append(_Hit(INTERACTION, match.start(), match.end(), False))
                break
    if OVERDOSE not in categories and ctx.administration:
        for match in _INSTEAD.finditer(sentence):
            if _number(match.group(1)) > _number(match.group(2)):
                extra.append(_Hit(OVERDOSE, match.start(), match.end(), False))
                break
    if ACCIDENTAL in categories and OVERDOSE not in categories and ctx.quantity:
        first = next(hit for hit in kept if hit.category == ACCIDENTAL)
        extra.append(_Hit(OVERDOSE, first.start, first.end, False))
    return extra


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits inside a longer hit of the same category or of a category that overrides."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        covered = any(
            other is not hit
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.category == hit.category or (other.category, hit.category) in _SUPPRESSES)
            and (other.end - other.start, -other.start) > (hit.end - hit.start, -hit.start)
            for other in hits
        )
        if not covered:
            kept.append(hit)
    return kept


def _fallback(sentence: str, lexicons: Sequence[Lexicon], ctx: SentenceContext) -> list[_Hit]:
    """A specific patient and a change since starting the product, even with no known term."""
    if (
        not (ctx.person and ctx.onset_change)
        or ctx.prospective
        or ctx.statistic
        or ctx.pre_treatment
    ):
        return []
    if ctx.non_exposure or ctx.question or ctx.asks or has_cue(lexicons, "wellbeing", sentence):
        return []
    for lex in lexicons:
        for match in lex.cue("onset_change").finditer(sentence):
            scope = Scope(sentence, lexicons, [match.span()])
            if not (scope.negated(match.span()) or scope.hypothetical(match.span())):
                return [_Hit(AE, match.start(), match.end(), False)]
    return []


def _screen_sentence(
    sentence: str,
    hits: list[_Hit],
    lexicons: Sequence[Lexicon],
    ctx: SentenceContext,
    scope: Scope | None,
) -> list[_Hit]:
    """The rules' flags for one sentence (``scope`` is None when it has no term)."""
    if scope is None:
        return _fallback(sentence, lexicons, ctx)
    kept = [hit for hit in hits if _judge(hit, ctx, scope)]
    if (ctx.question or ctx.asks or ctx.prospective) and not (ctx.onset or ctx.onset_change):
        # "she has diabetes and asthma, which dose?": a chronic condition, not an event;
        # "the leaflet mentions dizziness; should she drive?": a label question
        if has_cue(lexicons, "documented", sentence) and not ctx.deictic_time:
            kept = [hit for hit in kept if hit.strong or hit.category != AE]
        chronic = cue_spans(lexicons, "chronic", sentence)
        kept = [
            hit
            for hit in kept
            if hit.strong
            or hit.category != AE
            or not any(c0 <= hit.start and hit.end <= c1 for c0, c1 in chronic)
        ]
    kept += _derived(sentence, kept, ctx, lexicons, scope)
    if any(hit.category == ACCIDENTAL for hit in kept):
        # "a boy inadvertently ate his mother's tablets" is an accidental exposure, not misuse
        kept = [hit for hit in kept if hit.category not in _ACCIDENT_OVERRIDES]
    return _resolve(kept) or _fallback(sentence, lexicons, ctx)


def _vetoed(sentence: str, ctx: SentenceContext) -> bool:
    """True when the model is confident that a question with only weak terms reports nothing.

    Only sentences that ask, generalise, plan or count are open to the veto: that is where a
    weak term is most often a topic ("she has a known allergy, which excipients?"); a plain
    statement ("no side effects apart from nausea") keeps what the rules found.
    """
    model = load_model()
    if model is None:
        return False
    if not (ctx.question or ctx.asks or ctx.generic or ctx.prospective or ctx.statistic):
        return False
    if ctx.onset or ctx.onset_change:
        return False  # "dizzy since she started it, is that normal?" asks about an event
    return model.probability(sentence) < model.veto


def _questions_around(text: str, sentences: list[tuple[int, int]], number: int) -> list[str]:
    """The sentences just before and after sentence ``number`` that ask something."""
    around = [sentences[i] for i in (number - 1, number + 1) if 0 <= i < len(sentences)]
    return [text[start:end] for start, end in around if "?" in text[start:end]]


def _second_opinion(
    sentence: str,
    hits: list[_Hit],
    lexicons: Sequence[Lexicon],
    ctx: SentenceContext,
    scope: Scope | None,
    questions: Sequence[str] = (),
) -> list[_Hit]:
    """Flag the whole sentence when the model reads it as a report that no rule caught.

    The model must be surer (DENIED_BAR, UNANCHORED_BAR) where the rules have a reason to stay
    quiet: every term found is denied, hypothetical or planned ("no rash", "if she gets a
    rash"; the cue-scoped negation is more exact than a bag of words), the sentence is a topic
    label ("Call from Dr X: pregnancy"), it asks what to do next ("should he take two
    today?"), or it has no term and good news ("doing well since") or nothing taken, given or
    dated. The categories are those of the terms the rules found but did not keep and those the
    category models name; with none, "adverse_event", the category PV sorts out anyway.
    """
    model = load_model()
    if model is None:
        return []
    bar = model.threshold
    if scope is not None:
        spans = [(hit.start, hit.end) for hit in hits]
        if all(scope.negated(s) or scope.hypothetical(s) or scope.planned(s) for s in spans):
            # "no symptoms" after a needle-stick: the denial may not be the whole story
            bar = max(bar, DENIED_BAR)
    good_news = not hits and has_cue(lexicons, "wellbeing", sentence)
    what_next = ctx.prospective and not (ctx.onset or ctx.onset_change)
    if ctx.topic_label or good_news or what_next or not (hits or ctx.clinical):
        bar = max(bar, UNANCHORED_BAR)
    if model.probability(sentence) < bar:
        return []
    if any(model.probability(f"{sentence} {question}") < bar for question in questions):
        # "A patient forgot the morning dose. What should he do?": a question next to the
        # sentence says what it is for
        return []
    categories = [*dict.fromkeys(hit.category for hit in hits), *model.categories(sentence)]
    return _whole_sentence(sentence, categories or [AE])


def _whole_sentence(sentence: str, categories: list[str]) -> list[_Hit]:
    start = len(sentence) - len(sentence.lstrip())
    end = len(sentence.rstrip(" .;:!?\n\t"))
    if end <= start:
        return []
    return [_Hit(category, start, end, False) for category in dict.fromkeys(categories)]


def _more_categories(sentence: str, hits: list[_Hit]) -> list[_Hit]:
    """Categories the model names for a flagged sentence that its terms did not (rare kinds)."""
    model = load_model()
    if model is None or not hits:
        return []
    named = {hit.category for hit in hits}
    return _whole_sentence(sentence, [c for c in model.categories(sentence) if c not in named])


def screen(text: str, language: str | None = None) -> ScreeningResult:
    """Screen call notes for adverse events, special situations and product complaints."""
    if not text or not text.strip():
        return ScreeningResult(False, ())
    folded = normalise(text)
    lexicons = pick_lexicons(folded.text, language)
    folded = speller(lexicons).correct(folded)
    sentences = sentence_spans(folded.text)
    index = SentenceIndex(sentences)
    per_sentence: dict[int, list[_Hit]] = defaultdict(list)
    for lex in lexicons:
        for term in lex.terms:
            for match in term.regex.finditer(folded.text):
                number = index.find(match.start())
                if number < 0:
                    continue
                s_start, s_end = sentences[number]
                end = min(match.end(), s_end)
                per_sentence[number].append(
                    _Hit(term.category, match.start() - s_start, end - s_start, term.strong)
                )
    flags: list[Flag] = []
    for number in range(len(sentences)):
        s_start, s_end = sentences[number]
        sentence = folded.text[s_start:s_end]
        exclusions = cue_spans(lexicons, "exclusion", sentence)
        raw = [
            hit
            for hit in per_sentence[number]
            if not any(e0 <= hit.start and hit.end <= e1 for e0, e1 in exclusions)
        ]
        # one context and one negation scope per sentence, shared by the rules and the model
        ctx = SentenceContext.of(sentence, lexicons)
        scope = Scope(sentence, lexicons, [(hit.start, hit.end) for hit in raw]) if raw else None
        hits = _screen_sentence(sentence, raw, lexicons, ctx, scope)
        if hits and not any(hit.strong for hit in hits) and _vetoed(sentence, ctx):
            hits = []
        if hits:
            hits += _more_categories(sentence, hits)
        else:
            questions = _questions_around(folded.text, sentences, number)
            hits = _second_opinion(sentence, raw, lexicons, ctx, scope, questions)
        for hit in hits:
            start = folded.original(s_start + hit.start)
            end = folded.original(s_start + hit.end - 1) + 1
            flags.append(Flag(hit.category, start, end, text[start:end]))
    unique = tuple(sorted(set(flags), key=lambda f: (f.start, f.end, f.category)))
    return ScreeningResult(bool(unique), unique)
