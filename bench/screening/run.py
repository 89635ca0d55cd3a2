"""Safety-screening benchmark: recall, specificity, categories and latency (see README)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medinfo.safety.screening import screen, screener

from .metrics import evaluate, load_cases

ROOT = Path(__file__).resolve().parents[2]
DATASETS = {
    "dev": ROOT.parent / "shared" / "data" / "screening" / "dev.jsonl",
    "own": ROOT / "tests" / "data" / "screening_cases.jsonl",
    "round2": ROOT / "tests" / "data" / "screening_round2.jsonl",
    "blind2-tune": ROOT / "tests" / "data" / "screening_blind2_tune.jsonl",
    "blind2-holdout": ROOT / "tests" / "data" / "screening_blind2_holdout.jsonl",
    "blind3": ROOT / "tests" / "data" / "screening_blind3.jsonl",
    "blind4": ROOT / "tests" / "data" / "screening_blind4.jsonl",
    "blind5-holdout": ROOT / "tests" / "data" / "screening_blind5_holdout.jsonl",
}
REFERENCE = Path(__file__).with_name("reference.json")
HEADLINE = (
    "n",
    "recall",
    "specificity",
    "precision",
    "p50_ms",
    "p95_ms",
    "max_ms",
    "cpu_p50_ms",
    "cpu_p95_ms",
)


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _ratio(now: float | int | None, ref: float | int | None) -> str:
    if now is None or not ref:
        return "-"
    return f"x{now / ref:.2f}"


def print_run(name: str, run: dict, ref: dict | None) -> None:
    """Print the headline and per-category tables for one dataset run."""
    print(f"\n== {name}: {run['positives']} reportable / {run['negatives']} not ==")
    head = f"{'metric':<14}{'now':>10}"
    if ref:
        head += f"{'reference':>12}{'ratio':>9}"
    print(head)
    for key in HEADLINE:
        line = f"{key:<14}{_fmt(run[key]):>10}"
        if ref:
            line += f"{_fmt(ref.get(key)):>12}{_ratio(run[key], ref.get(key)):>9}"
        print(line)
    print(f"{'category':<44}{'support':>8}{'recall':>8}{'prec.':>8}")
    for cat, fig in run["categories"].items():
        line = f"{cat:<44}{fig['support']:>8}{_fmt(fig['recall']):>8}{_fmt(fig['precision']):>8}"
        old = (ref or {}).get("categories", {}).get(cat)
        if old:
            line += f"   (ref {_fmt(old['recall'])} / {_fmt(old['precision'])})"
        print(line)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--save-reference", action="store_true", help="store this run")
    parser.add_argument("--auto", action="store_true", help="let the screener guess language")
    parser.add_argument("--errors", action="store_true", help="list misclassified sentences")
    parser.add_argument("--only", choices=sorted(DATASETS), help="run one dataset")
    parser.add_argument("--rules-only", action="store_true", help="screen without the model")
    args = parser.parse_args(argv)
    if args.rules_only:
        screener.load_model = lambda: None
    reference = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}
    results = {}
    for name, path in DATASETS.items():
        if args.only and name != args.only:
            continue
        if not path.exists():
            print(f"\n== {name}: {path} not found, skipped ==")
            continue
        run = evaluate(load_cases(path), screen, auto_language=args.auto)
        key = f"{name}{'-auto' if args.auto else ''}{'-rules' if args.rules_only else ''}"
        print_run(key, run, reference.get(key))
        if args.errors:
            for err in run["errors"]:
                print(f"  [{err['decision']}] {err['text']}")
                print(f"      want {err['expected']} got {err['got']}")
        results[key] = {k: v for k, v in run.items() if k != "errors"}
    if args.save_reference:
        reference.update(results)
        REFERENCE.write_text(json.dumps(reference, indent=2, sort_keys=True) + "\n")
        print(f"\nreference saved to {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
