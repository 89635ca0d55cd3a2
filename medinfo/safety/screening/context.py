"""Sentence signals: does it describe a specific patient and a real event, or ask in general?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .rules import Lexicon, has_cue

_ACTION_CUES = ("event", "exposure", "onset", "onset_change", "administration", "deictic_time")


def _topic_label(sentence: str, lexicons: Sequence[Lexicon]) -> bool:
    """True for a log line naming what a call was about: "Call from Dr X (Cardiolex): pregnancy".

    A head word before the first colon, then a short label in which nothing is taken, given,
    happens or is dated: the words after the colon are a topic, not an event.
    """
    head, colon, label = sentence.partition(":")
    if not colon or not has_cue(lexicons, "topic_head", head.strip()):
        return False
    return len(label.split()) <= 6 and not any(has_cue(lexicons, c, label) for c in _ACTION_CUES)


@dataclass(frozen=True)
class SentenceContext:
    """What one sentence says about who, when and whether it asks or tells."""

    person: bool
    deictic_time: bool
    onset: bool
    event: bool
    report_intent: bool
    question: bool
    generic: bool
    exposure: bool
    prospective: bool
    coadmin: bool
    administration: bool
    quantity: bool
    asks: bool
    statistic: bool
    non_exposure: bool
    pre_treatment: bool
    onset_change: bool
    topic_label: bool

    @classmethod
    def of(cls, sentence: str, lexicons: Sequence[Lexicon]) -> SentenceContext:
        """Compute the signals of folded ``sentence``."""
        stripped = sentence.strip()
        return cls(
            person=has_cue(lexicons, "person", sentence),
            deictic_time=has_cue(lexicons, "deictic_time", sentence),
            onset=has_cue(lexicons, "onset", sentence),
            event=has_cue(lexicons, "event", sentence),
            report_intent=has_cue(lexicons, "report_intent", sentence),
            question="?" in sentence or has_cue(lexicons, "question_start", stripped),
            generic=has_cue(lexicons, "generic", sentence),
            exposure=has_cue(lexicons, "exposure", sentence),
            prospective=has_cue(lexicons, "prospective", sentence),
            coadmin=has_cue(lexicons, "coadmin", sentence),
            administration=has_cue(lexicons, "administration", sentence),
            quantity=has_cue(lexicons, "quantity", sentence),
            asks=has_cue(lexicons, "asks", sentence),
            statistic=has_cue(lexicons, "statistic", sentence),
            non_exposure=has_cue(lexicons, "non_exposure", sentence),
            pre_treatment=has_cue(lexicons, "pre_treatment", sentence),
            onset_change=has_cue(lexicons, "onset_change", sentence),
            topic_label=_topic_label(sentence, lexicons),
        )

    @property
    def anchored(self) -> bool:
        """True when the sentence ties the words to a specific patient or a real time."""
        return (
            self.person
            or self.deictic_time
            or self.report_intent
            or (self.event and not self.generic)
            or (self.onset and not self.question)
        )

    @property
    def clinical(self) -> bool:
        """True when someone is taking, receiving or reacting to something, or it is dated."""
        return (
            self.person
            or self.onset
            or self.onset_change
            or self.event
            or self.exposure
            or self.administration
            or self.report_intent
            or self.deictic_time
        )

    @property
    def general(self) -> bool:
        """True when the sentence reads as a general question or an information request."""
        return self.question or self.generic or self.asks

    def keeps_weak(self) -> bool:
        """True when a weak term in this sentence should be reported."""
        return self.anchored or not self.general
