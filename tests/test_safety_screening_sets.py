"""The screener measured on labelled sets: targets on the sets it was developed with, and a
regression floor on the blind holdout set (never used for tuning)."""

from __future__ import annotations

import statistics
import time

import pytest

from medinfo.safety.screening import screen
from tests.screening_data import DATA, DEV, OWN_SETS
from tests.screening_data import load_rows as _load
from tests.screening_data import rates as _rates


# ---------------------------------------------------------------- measured targets
@pytest.mark.parametrize("name", OWN_SETS)
def test_targets_on_own_sets(name: str) -> None:
    rows = _load(DATA / name)
    recall, specificity = _rates(rows)
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


# ---------------------------------------------------------------- blind sets (written blind)
BLIND_TUNE = DATA / "screening_blind_tune.jsonl"
BLIND_HOLDOUT = DATA / "screening_blind_holdout.jsonl"


def test_targets_on_blind_tune_set() -> None:
    """The tune set was used to develop the rules: this is a target, not an unbiased estimate."""
    recall, specificity = _rates(_load(BLIND_TUNE))
    assert recall >= 0.97, f"recall {recall:.3f} on the blind tune set"
    assert specificity >= 0.85, f"specificity {specificity:.3f} on the blind tune set"


def test_blind_holdout_regression_floor() -> None:
    """REGRESSION FLOOR, not a tuning target: never tune on the holdout sentences.

    The floors are the values measured once at the end of the work (recall 0.837, specificity
    0.879), rounded down. They are still below the product target (recall >= 0.97).
    """
    recall, specificity = _rates(_load(BLIND_HOLDOUT))
    assert recall >= 0.83, f"holdout recall {recall:.3f} fell below its regression floor"
    assert specificity >= 0.87, f"holdout specificity {specificity:.3f} fell below its floor"


def test_targets_on_synthetic_extra_set() -> None:
    """Hand-written extra phrasings (lay, formal, typos, both languages) used while developing."""
    recall, specificity = _rates(_load(DATA / "screening_synthetic_extra.jsonl"))
    assert recall >= 0.97, f"recall {recall:.3f}"
    assert specificity >= 0.85, f"specificity {specificity:.3f}"
