"""MedQuAD as a knowledge base, and the fixed seeded query mix."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from medinfo.search import IndexedDoc

CORPUS = Path(__file__).resolve().parents[3] / "shared/data/medquad/medquad_answered.jsonl"

FRENCH_QUERIES = [
    "grossesse et allaitement",
    "insuffisance rénale posologie",
    "effets indésirables hépatiques",
    "contre-indications chez l'enfant",
    "interaction avec les anticoagulants",
    "sans lactose",
    "surdosage que faire",
    "conservation au réfrigérateur",
    "diabète de type 2 traitement",
    "hypertension artérielle sujet âgé",
    "allergie aux pénicillines",
    "vaccin grippe femme enceinte",
    "douleurs articulaires et fièvre",
    "maladie génétique héréditaire",
    "cancer du sein symptômes",
]


@dataclass(frozen=True)
class Question:
    """A MedQuAD question and the ids of the answers that count as relevant."""

    text: str
    relevant: frozenset[str]


def load(path: Path = CORPUS) -> list[dict]:
    """All MedQuAD records."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def to_doc(rec: dict, suffix: str = "") -> IndexedDoc:
    """One answer as a KB article (title from focus + qtype, product = source)."""
    return IndexedDoc(
        article_id=rec["id"] + suffix,
        version=1,
        title=f"{rec['focus']} – {rec['qtype']}",
        product=rec["source"],
        language="en",
        doc_type="faq",
        body=rec["answer"],
    )


def docs_for(records: list[dict], size: int, seed: int = 7) -> list[IndexedDoc]:
    """size docs: a seeded sample, or repetitions with varied ids/titles beyond the corpus."""
    if size <= len(records):
        return [to_doc(r) for r in random.Random(seed).sample(records, size)]
    out = [to_doc(r) for r in records]
    copy = 1
    while len(out) < size:
        for r in records[: size - len(out)]:
            words = r["answer"].split()
            random.Random(copy).shuffle(words[: len(words) // 3])
            out.append(to_doc({**r, "answer": " ".join(words)}, suffix=f"~{copy}"))
        copy += 1
    return out


def questions(
    records: list[dict], docs: list[IndexedDoc], n: int, seed: int = 11
) -> list[Question]:
    """n seeded questions whose answer is indexed; any id sharing the answer text counts."""
    by_answer: dict[str, set[str]] = {}
    for r in records:
        by_answer.setdefault(r["answer"], set()).add(r["id"])
    indexed = {d.article_id for d in docs}
    pool = [r for r in records if r["id"] in indexed]
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return [Question(r["question"], frozenset(by_answer[r["answer"]] & indexed)) for r in chosen]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice("dst")
    if kind == "d":
        return word[:i] + word[i + 1 :]
    if kind == "s":
        return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def query_mix(
    records: list[dict], docs: list[IndexedDoc], n: int = 400, seed: int = 3
) -> list[tuple[str, str]]:
    """(kind, query) pairs: questions, single terms, AND, phrases, misspellings, French."""
    rng = random.Random(seed)
    pool = [r for r in records if r["id"] in {d.article_id for d in docs}]
    mix: list[tuple[str, str]] = []
    kinds = (
        ["question"] * 8 + ["term"] * 4 + ["and"] * 3 + ["phrase"] * 2 + ["typo"] * 2 + ["french"]
    )
    while len(mix) < n:
        kind = rng.choice(kinds)
        rec = rng.choice(pool)
        focus = re.findall(r"[A-Za-z]{4,}", rec["focus"])
        body = re.findall(r"[A-Za-z]{4,}", rec["answer"])
        if kind == "question":
            mix.append((kind, rec["question"]))
        elif kind == "term" and body:
            mix.append((kind, rng.choice(body).lower()))
        elif kind == "and" and body:
            mix.append((kind, f"{rng.choice(focus or body)} {rng.choice(body)}".lower()))
        elif kind == "phrase":
            seq = rec["answer"].split()
            pairs = [
                (a, b) for a, b in zip(seq, seq[1:], strict=False) if a.isalpha() and b.isalpha()
            ]
            if pairs:
                first, second = rng.choice(pairs)
                mix.append((kind, f'"{first} {second}"'))
        elif kind == "typo" and focus:
            word = max(focus, key=len)
            if len(word) >= 6:
                mix.append((kind, _typo(word.lower(), rng)))
        elif kind == "french":
            mix.append((kind, rng.choice(FRENCH_QUERIES)))
    return mix
