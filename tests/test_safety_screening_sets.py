"""The screener measured on labelled sets.

Three kinds of sets (tests/data/README.md tells their history):
- developed sets: the rules were fixed against them and the sentence model was trained on them,
  so they are regression checks, held to the product target;
- the blind tune set: written blind, then used once to choose the model's two thresholds and for
  general lexicon fixes — a target, but an optimistic one;
- the blind holdout sets: written blind and never looked at sentence by sentence; each floor is
  the figure measured once at the end of the work, rounded down.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest

from medinfo.safety.screening import screen
from medinfo.safety.screening.model import load_model
from tests.screening_data import DATA, DEV, DEVELOPED_SETS, MODEL, OWN_SETS
from tests.screening_data import load_rows as _load
from tests.screening_data import rates as _rates

ROOT = Path(__file__).resolve().parent.parent
# Each holdout's floor: the figures measured on it once, at the end of the work that used the
# sets before it, rounded down (session-start screener on the same sentences in brackets).
HOLDOUT_FLOORS = {
    "screening_blind2_holdout.jsonl": (0.97, 0.89),  # 0.973 / 0.894 (0.770 / 0.938)
    "screening_blind5_holdout.jsonl": (0.97, 0.93),  # 0.972 / 0.930 (0.825 / 0.881)
}


@pytest.mark.parametrize("name", DEVELOPED_SETS)
def test_targets_on_developed_sets(name: str) -> None:
    recall, specificity = _rates(_load(DATA / name))
    assert recall >= 0.97, f"recall {recall:.3f} on {name}"
    assert specificity >= 0.85, f"specificity {specificity:.3f} on {name}"


def test_own_set_size_and_languages() -> None:
    rows = _load(DATA / "screening_cases.jsonl")
    assert len(rows) >= 200
    assert sum(row["language"] == "fr" for row in rows) >= 80
    assert any(row["reportable"] for row in rows) and not all(row["reportable"] for row in rows)


def test_targets_on_dev_set() -> None:
    if not DEV.exists():
        pytest.skip(f"shared development set not found at {DEV}")
    rows = _load(DEV)
    for language_given in (True, False):
        recall, specificity = _rates(rows, language_given)
        assert recall >= 0.97, f"recall {recall:.3f} (language given: {language_given})"
        assert specificity >= 0.85, f"specificity {specificity:.3f}"


def test_latency_per_sentence() -> None:
    rows = _load(DATA / "screening_cases.jsonl")
    timings = []
    for row in rows:
        started = time.perf_counter()
        screen(row["text"], row["language"])
        timings.append((time.perf_counter() - started) * 1000)
    assert statistics.median(timings) < 5.0


def test_targets_on_blind_tune_set() -> None:
    recall, specificity = _rates(_load(DATA / "screening_blind2_tune.jsonl"))
    assert recall >= 0.97, f"recall {recall:.3f} on the blind tune set"
    assert specificity >= 0.85, f"specificity {specificity:.3f} on the blind tune set"


@pytest.mark.parametrize("name", sorted(HOLDOUT_FLOORS))
def test_blind_holdout_regression_floor(name: str) -> None:
    """REGRESSION FLOOR, not a tuning target: never tune on the holdout sentences."""
    recall_floor, specificity_floor = HOLDOUT_FLOORS[name]
    recall, specificity = _rates(_load(DATA / name))
    assert recall >= recall_floor, f"{name}: recall {recall:.3f} below its floor"
    assert specificity >= specificity_floor, f"{name}: specificity {specificity:.3f}"


# ---------------------------------------------------------------- the shipped model
def test_model_is_trained_on_the_current_data() -> None:
    """model.json names each training file with its SHA-256: editing a set needs a retrain."""
    import hashlib

    model = json.loads(MODEL.read_text())
    # every labelled file is trained on, except the set that chose the thresholds and the holdouts
    labelled = {path.name for path in DATA.glob("screening_*.jsonl")}
    assert labelled - set(DEVELOPED_SETS) == {"screening_blind2_tune.jsonl", *HOLDOUT_FLOORS}
    assert set(OWN_SETS) <= set(DEVELOPED_SETS)
    for source in model["trained_on"]:
        digest = hashlib.sha256((ROOT / source["file"]).read_bytes()).hexdigest()
        assert digest == source["sha256"], f"{source['file']} changed: run make screening-model"


def test_model_retrains_to_the_shipped_weights() -> None:
    """The weights are reproducible from the data with the pinned scikit-learn."""
    pytest.importorskip("sklearn")
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from train_screening_model import same_model, train
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    shipped = json.loads(MODEL.read_text())
    fresh = train(shipped["threshold"], veto=shipped["veto"])
    assert same_model(fresh, shipped)
    nudged = json.loads(json.dumps(shipped))
    nudged["weights"]["w:rash"] += 0.01
    assert not same_model(nudged, shipped)  # the comparison does see a changed weight


def test_model_is_shipped_and_changes_decisions() -> None:
    model = load_model()
    assert model is not None and 0 < model.veto < model.threshold < 1
    # no lexicon term, but a specific person, a time and a change: only the model can tell
    assert model.probability("he hasn't been himself since the tablets, snappy and low") > 0.5
    assert model.probability("answered during the call, letter sent") < model.veto
