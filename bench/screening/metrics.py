"""Scoring of the screener against labelled cases: decision, categories and latency."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from medinfo.safety.screening import ScreeningResult


@dataclass(frozen=True)
class Case:
    """One labelled sentence."""

    language: str
    text: str
    reportable: bool
    categories: frozenset[str]


def load_cases(path: Path) -> list[Case]:
    """Read a JSON-lines file of labelled cases."""
    cases = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                categories = frozenset(row["categories"])
                cases.append(Case(row["language"], row["text"], row["reportable"], categories))
    return cases


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def evaluate(
    cases: Iterable[Case],
    screen: Callable[[str, str | None], ScreeningResult],
    auto_language: bool = False,
    repeats: int = 3,
) -> dict:
    """Score ``screen`` on ``cases``; return figures and the misclassified cases."""
    tp = fn = tn = fp = 0
    per_cat: dict[str, list[int]] = {}  # category -> [tp, fn, fp]
    latencies: list[float] = []
    cpu: list[float] = []  # process CPU time: robust when other jobs share the cores
    errors: list[dict] = []
    for case in cases:
        language = None if auto_language else case.language
        result = screen(case.text, language)
        for _ in range(repeats):
            started, cpu_started = time.perf_counter(), time.process_time()
            screen(case.text, language)
            latencies.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        if case.reportable and result.reportable:
            tp += 1
        elif case.reportable:
            fn += 1
        elif result.reportable:
            fp += 1
        else:
            tn += 1
        got = set(result.categories())
        for cat in case.categories | got:
            counts = per_cat.setdefault(cat, [0, 0, 0])
            if cat in case.categories and cat in got:
                counts[0] += 1
            elif cat in case.categories:
                counts[1] += 1
            else:
                counts[2] += 1
        if case.reportable != result.reportable or set(case.categories) != got:
            errors.append(
                {
                    "text": case.text,
                    "expected": sorted(case.categories),
                    "got": sorted(got),
                    "decision": "ok" if case.reportable == result.reportable else "WRONG",
                }
            )
    categories = {
        cat: {
            "support": c[0] + c[1],
            "recall": _ratio(c[0], c[0] + c[1]),
            "precision": _ratio(c[0], c[0] + c[2]),
        }
        for cat, c in sorted(per_cat.items())
    }
    return {
        "n": tp + fn + tn + fp,
        "positives": tp + fn,
        "negatives": tn + fp,
        "recall": _ratio(tp, tp + fn),
        "specificity": _ratio(tn, tn + fp),
        "precision": _ratio(tp, tp + fp),
        "p50_ms": statistics.median(latencies) if latencies else 0.0,
        "p95_ms": percentile(latencies, 95) if latencies else 0.0,
        "max_ms": max(latencies) if latencies else 0.0,
        "cpu_p50_ms": statistics.median(cpu) if cpu else 0.0,
        "cpu_p95_ms": percentile(cpu, 95) if cpu else 0.0,
        "categories": categories,
        "errors": errors,
    }
