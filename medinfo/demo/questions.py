"""What healthcare professionals ask about the five demo products, in English and French.

The questions and answers live in data/topics.yaml, read on first use; answers summarise the
fictional knowledge-base articles under knowledge_base/ and name the document sent, the way an
agent writes them in the case log.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from medinfo.demo.datafiles import read_data

# brand, INN, therapeutic area, aliases (exactly as the catalogue should hold them)
DEMO_PRODUCTS = (
    ("Cardiolex", "tervasartan", "Cardiology", ["CLX"]),
    ("Veranel", "velparixaban", "Haematology", ["VPX"]),
    ("Neurovan", "zelmitrigine", "Neurology", ["NRV", "zelmitrigine PR"]),
    ("Insuvia", "glupeglatide", "Endocrinology", ["GPG pen"]),
    ("Dermavel", "lotiprednol", "Dermatology", ["LTP cream"]),
)
SAFETY_CATEGORIES = ("adverse_event", "product_complaint")


@dataclass(frozen=True)
class Topic:
    """One kind of question about one product (product None: any product)."""

    product: str | None
    category: str
    label: tuple[str, str]  # short English / French label for call notes
    en: tuple[str, ...]
    fr: tuple[str, ...]
    answer: tuple[str, str]  # English / French answer


@dataclass(frozen=True)
class Topics:
    """Everything in data/topics.yaml, in file order (the order seeded draws depend on)."""

    medical: tuple[Topic, ...]  # medical_info questions, several per product
    off_label: tuple[Topic, ...]  # one per product, all with the same answer
    safety: tuple[Topic, ...]  # adverse events, then product complaints
    other: tuple[Topic, ...]  # about any product: {brand} is filled in


def _pair(texts: dict[str, str]) -> tuple[str, str]:
    return texts["en"], texts["fr"]


def _topic(row: dict[str, Any], category: str) -> Topic:
    """A topic with its own label, wordings and answer (medical_info, other)."""
    return Topic(
        row["product"],
        category,
        _pair(row["label"]),
        tuple(row["en"]),
        tuple(row["fr"]),
        _pair(row["answer"]),
    )


def _group(group: dict[str, Any], category: str) -> tuple[Topic, ...]:
    """One topic per question of a group that shares one label and answer."""
    label, answer = _pair(group["label"]), _pair(group["answer"])
    return tuple(
        Topic(q["product"], category, label, (q["en"],), (q["fr"],), answer)
        for q in group["questions"]
    )


@cache
def topics() -> Topics:
    """The demo topics, read from data/topics.yaml once."""
    raw = read_data("topics")
    return Topics(
        medical=tuple(_topic(row, "medical_info") for row in raw["medical_info"]),
        off_label=_group(raw["off_label"], "off_label"),
        safety=tuple(t for cat in SAFETY_CATEGORIES for t in _group(raw[cat], cat)),
        other=tuple(_topic(row, "other") for row in raw["other"]),
    )
