"""Search benchmark: latency with snippets, build rate and relevance vs SQLite FTS5 (see README)."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from medinfo.search import SearchIndex

from .corpus import docs_for, load, query_mix, questions
from .fts5 import Fts5Index

REFERENCE = Path(__file__).with_name("reference.json")
METRICS = ("p50_ms", "p95_ms", "p99_ms", "build_s", "docs_per_s", "recall_at_5", "mrr_at_10")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def measure(search, mix, qs, warmup: int = 30) -> dict[str, float]:
    """Latency over the query mix and relevance over the questions for one search callable."""
    for _kind, q in mix[:warmup]:
        search(q)
    latencies = []
    by_kind: dict[str, list[float]] = {}
    for kind, q in mix:
        started = time.perf_counter()
        search(q)
        latencies.append((time.perf_counter() - started) * 1000)
        by_kind.setdefault(kind, []).append(latencies[-1])
    hits5 = 0
    rr = 0.0
    for question in qs:
        ids = search(question.text)
        for rank, article_id in enumerate(ids[:10], 1):
            if article_id in question.relevant:
                hits5 += rank <= 5
                rr += 1 / rank
                break
    return {
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "mean_ms": statistics.fmean(latencies),
        "recall_at_5": hits5 / len(qs),
        "mrr_at_10": rr / len(qs),
        "p95_by_kind": {k: round(percentile(v, 95), 1) for k, v in sorted(by_kind.items())},
    }


def bench_size(records, size: int, engines: list[str], n_queries: int, n_questions: int) -> dict:
    """All engines and FTS5 at one corpus size."""
    docs = docs_for(records, size)
    mix = query_mix(records, docs, n_queries)
    qs = questions(records, docs, n_questions)
    out: dict[str, dict[str, float]] = {}
    fts = Fts5Index()
    seconds = fts.build(docs)
    out["fts5"] = {"build_s": seconds, "docs_per_s": size / seconds}
    out["fts5"].update(measure(lambda q: fts.search(q), mix, qs))
    for engine in engines:
        with tempfile.TemporaryDirectory() as tmp:
            index = SearchIndex(tmp, engine=engine)
            started = time.perf_counter()
            index.rebuild(docs, total=size)
            seconds = time.perf_counter() - started
            out[engine] = {"build_s": seconds, "docs_per_s": size / seconds}

            def search(q: str, index: SearchIndex = index) -> list[str]:
                return [h.article_id for h in index.search(q).hits]

            out[engine].update(measure(search, mix, qs))
            index.close()
        print(f"  {size:>6} {engine:<8} p95 by kind {out[engine]['p95_by_kind']}", file=sys.stderr)
    print(f"  {size:>6} fts5     p95 by kind {out['fts5']['p95_by_kind']}", file=sys.stderr)
    return out


def table(results: dict, reference: dict | None) -> str:
    """Markdown table with app/FTS5 ratios and, when present, now/reference ratios."""
    head = (
        "| docs | engine | p50 ms | p95 ms | p99 ms | build s | docs/s | R@5 | MRR@10 "
        "| p95/FTS5 | R@5/FTS5 |"
    )
    if reference:
        head += " ref p95 | p95/ref | ref R@5 |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for size, engines in results.items():
        base = engines["fts5"]
        for engine, m in engines.items():
            row = (
                f"| {size} | {engine} | {m['p50_ms']:.1f} | {m['p95_ms']:.1f} | {m['p99_ms']:.1f} "
                f"| {m['build_s']:.1f} | {m['docs_per_s']:.0f} | {m['recall_at_5']:.3f} "
                f"| {m['mrr_at_10']:.3f} | {m['p95_ms'] / base['p95_ms']:.2f} "
                f"| {m['recall_at_5'] / max(base['recall_at_5'], 1e-9):.2f} |"
            )
            if reference:
                ref = reference.get("results", {}).get(str(size), {}).get(engine)
                if ref:
                    ratio = m["p95_ms"] / ref["p95_ms"]
                    row += f" {ref['p95_ms']:.1f} | {ratio:.2f} | {ref['recall_at_5']:.3f} |"
                else:
                    row += " – | – | – |"
            lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run every size, print the table, optionally save the reference."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,16407")
    parser.add_argument("--big", type=int, default=0, help="also run this size by repetition")
    parser.add_argument("--engines", default="whoosh,tantivy")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--save-reference", action="store_true")
    args = parser.parse_args(argv)
    records = load()
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([args.big] if args.big else [])
    engines = [e for e in args.engines.split(",") if e]
    results = {}
    for size in sizes:
        results[str(size)] = bench_size(records, size, engines, args.queries, args.questions)
    reference = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else None
    print(table(results, reference))
    if args.save_reference:
        REFERENCE.write_text(
            json.dumps({"saved": time.strftime("%Y-%m-%d %H:%M"), "results": results}, indent=1)
        )
        print(f"reference saved to {REFERENCE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
