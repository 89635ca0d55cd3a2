"""A second opinion on a whole sentence: a linear model over words, word pairs and word pieces.

The rules find the words of a report and say why; they miss reports worded in ways nobody wrote
a rule for ("he hasn't been himself since", a symptom the lexicon lacks). The model reads the
sentence's shape instead: it was trained (scripts/train_screening_model.py, scikit-learn's
logistic regression) on the labelled sentences listed in model.json, and scores a sentence as the
probability that it reports something. Scoring needs nothing but this module and the weights:
the features are computed here, for training and screening alike, so they cannot drift apart.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib.resources import files

_TOKEN = re.compile(r"[a-z]+|\d+")
_PIECE_SIZES = (3, 4, 5)
# A category model names its category at probability 0.7 (log-odds 0.847): on the blind tune
# set that kept category recall near 0.5's while cutting the extra categories by a third.
_KIND_LOGIT = math.log(0.7 / 0.3)


def tokens(folded: str) -> list[str]:
    """Words of folded text, every number replaced by "0" (a dose is a dose)."""
    return ["0" if token[0].isdigit() else token for token in _TOKEN.findall(folded)]


@lru_cache(maxsize=512)
def features(folded: str) -> dict[str, float]:
    """Binary features of a folded sentence, each block scaled to unit length.

    Blocks: words ("w:"), neighbouring word pairs with sentence edges ("b:"), and the 3- to
    5-letter pieces of each space-padded word ("c:"), which let a typo or an inflection share
    weight with the word it comes from.
    """
    words = tokens(folded)
    pairs = {f"b:{a}_{b}" for a, b in zip(["^", *words], [*words, "$"], strict=True)}
    pieces = set()
    for word in words:
        padded = f" {word} "
        for size in _PIECE_SIZES:
            pieces.update(f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1))
    out: dict[str, float] = {}
    for block in ({f"w:{word}" for word in words}, pairs, pieces):
        if block:
            value = 1.0 / math.sqrt(len(block))
            out.update(dict.fromkeys(block, value))
    return out


def _logistic(intercept: float, weights: dict[str, float], values: dict[str, float]) -> float:
    score = intercept + sum(value * weights.get(name, 0.0) for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True, eq=False)
class Model:
    """Weights of a trained model and the probabilities at which its opinion counts.

    ``threshold``: at or above it, a sentence no rule flagged is flagged. ``veto``: below it, a
    sentence that only weak rule terms flagged (a "rash" that might be a topic) is left alone;
    strong terms ("died", "by mistake") are never vetoed.
    """

    weights: dict[str, float]
    intercept: float
    threshold: float
    veto: float = 0.0
    kinds: dict[str, tuple[float, dict[str, float]]] = field(default_factory=dict)

    def probability(self, folded: str) -> float:
        """Return the probability that folded sentence ``folded`` reports something."""
        return _logistic(self.intercept, self.weights, features(folded))

    def categories(self, folded: str) -> list[str]:
        """Categories whose own (sparse) model gives the sentence a probability of 0.7 or more."""
        scores = dict.fromkeys(self.kinds, 0.0)
        for name, value in features(folded).items():
            for category, weight in self._by_feature.get(name, ()):
                scores[category] += value * weight
        return [
            c for c, (intercept, _) in self.kinds.items() if scores[c] + intercept >= _KIND_LOGIT
        ]

    @cached_property
    def _by_feature(self) -> dict[str, list[tuple[str, float]]]:
        """The category weights turned inside out: feature -> [(category, weight)]."""
        index: dict[str, list[tuple[str, float]]] = {}
        for category, (_, weights) in self.kinds.items():
            for name, weight in weights.items():
                index.setdefault(name, []).append((category, weight))
        return index


MODEL_FILE = "model.json"


@cache
def load_model() -> Model | None:
    """The shipped model, or None when the package has none (the rules then work alone)."""
    resource = files(__package__) / MODEL_FILE
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    kinds = {
        category: (part["intercept"], part["weights"])
        for category, part in data.get("categories", {}).items()
    }
    return Model(data["weights"], data["intercept"], data["threshold"], data["veto"], kinds)
