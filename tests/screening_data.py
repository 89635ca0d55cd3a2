"""Labelled screening sentences shared by the screening tests."""

from __future__ import annotations

import json
from pathlib import Path

from medinfo.safety.screening import screen

DATA = Path(__file__).resolve().parent / "data"
DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "screening" / "dev.jsonl"
OWN_SETS = ("screening_cases.jsonl", "screening_round2.jsonl")
MODEL = Path(__file__).resolve().parents[1] / "medinfo" / "safety" / "screening" / "model.json"
# Every set the rules were developed on and the model was trained on: model.json records them.
DEVELOPED_SETS = tuple(
    Path(source["file"]).name
    for source in json.loads(MODEL.read_text(encoding="utf-8"))["trained_on"]
)
SS = "special_situation:"


def load_rows(path: Path) -> list[dict]:
    """The JSON-lines rows of a labelled set."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def rates(rows: list[dict], language_given: bool = True) -> tuple[float, float]:
    """(recall on reportable rows, share of non-reportable rows left unflagged)."""
    tp = fn = tn = fp = 0
    for row in rows:
        got = screen(row["text"], row["language"] if language_given else None).reportable
        if row["reportable"]:
            tp, fn = (tp + 1, fn) if got else (tp, fn + 1)
        else:
            tn, fp = (tn, fp + 1) if got else (tn + 1, fp)
    return tp / (tp + fn), tn / (tn + fp)
