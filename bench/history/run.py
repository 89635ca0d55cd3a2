"""Benchmark: a contact's history page with 2,000 events (target p95 ≤ 150 ms).

Run: `.venv/bin/python -m bench.history.run [--events 2000] [--runs 200] [--save-reference]`.
Builds a throwaway SQLite database (or MEDINFO_BENCH_DATABASE_URL), one contact with
interactions, calls and answers adding up to the requested number of history events, then
times the history service (page 1, a deep page, a filtered page) and the full contact page
rendered through the Flask test client. Prints a table, with ratios against
bench/history/reference.json when present.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

REFERENCE = Path(__file__).with_name("reference.json")


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def build(app, events: int) -> tuple[int, object]:
    """One contact with `events` history events (each interaction: itself, a call, an answer)."""
    from medinfo.auth.services import create_user
    from medinfo.contacts.services import ContactData, create_contact
    from medinfo.extensions import db
    from medinfo.interactions.models import Call, InfoRequest, Interaction

    agent = create_user("benchagent", "bench-password-1", "agent")
    contact = create_contact(
        ContactData(
            first_name="Bench",
            last_name="Mark",
            profession="physician",
            country="FR",
            language="fr",
            phones=["+33142000000"],
        )
    )
    n = events // 3
    start = datetime.now(UTC) - timedelta(days=365)
    rows = [
        {
            "reference": f"MI-2026-{900000 + i:06d}",
            "channel": "phone",
            "contact_id": contact.id,
            "received_at": start + timedelta(hours=4 * i),
            "owner_id": agent.id,
            "queue": "general",
            "priority": "normal",
            "status": "closed",
            "language": "fr",
            "country": "FR",
            "unsolicited": True,
            "requester_name": "",
            "requester_relation": "",
            "version": 1,
            "created_at": start,
            "updated_at": start,
        }
        for i in range(n)
    ]
    db.session.execute(insert(Interaction), rows)
    ids = [
        i
        for (i,) in db.session.execute(
            db.select(Interaction.id).where(Interaction.contact_id == contact.id)
        )
    ]
    db.session.execute(
        insert(Call),
        [
            {
                "interaction_id": iid,
                "direction": "inbound",
                "ani": "+33142000000",
                "agent_id": agent.id,
                "started_at": start + timedelta(hours=4 * k, minutes=1),
                "ended_at": start + timedelta(hours=4 * k, minutes=6),
                "duration_seconds": 300,
                "notes": "Question about renal dosing.",
                "outcome": "answered",
                "created_at": start,
            }
            for k, iid in enumerate(ids)
        ],
    )
    db.session.execute(
        insert(InfoRequest),
        [
            {
                "interaction_id": iid,
                "position": 1,
                "category": "medical_info",
                "question": "Posologie chez l'insuffisant rénal ?",
                "answer": "Voir SRD-CLX-RENAL-FR.",
                "answered_at": start + timedelta(hours=4 * k, minutes=5),
                "created_at": start,
            }
            for k, iid in enumerate(ids)
        ],
    )
    db.session.commit()
    return contact.id, agent


def timed(fn, runs: int) -> list[float]:
    """Milliseconds of each run after two warm-ups."""
    fn()
    fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    """Build, measure, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--save-reference", action="store_true")
    args = parser.parse_args()

    from config import TestingConfig
    from medinfo import create_app
    from medinfo.contacts.history import contact_history
    from medinfo.extensions import db

    tmp = tempfile.mkdtemp(prefix="medinfo-bench-")

    class Config(TestingConfig):
        SQLALCHEMY_DATABASE_URI = os.environ.get(
            "MEDINFO_BENCH_DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3"
        )
        MEDINFO_AUDIT_CHECKPOINT = f"{tmp}/checkpoint.json"

    app = create_app(Config)
    with app.app_context():
        db.drop_all()
        db.create_all()
        from sqlalchemy import text

        db.session.execute(text("INSERT INTO audit_chain_heads (id, seq, mac) VALUES (1, 0, '')"))
        db.session.commit()
        contact_id, agent = build(app, args.events)
        total = contact_history(contact_id).total
        client = app.test_client()
        with client.session_transaction() as sess:
            now = datetime.now(UTC).isoformat()
            sess.update(
                {"_user_id": agent.get_id(), "_fresh": True, "login_at": now, "last_seen": now}
            )

        def page_view() -> None:
            resp = client.get(f"/contacts/{contact_id}")
            assert resp.status_code == 200

        cases = {
            "service: page 1": lambda: contact_history(contact_id, page=1),
            "service: page 40": lambda: contact_history(contact_id, page=40),
            "service: calls only": lambda: contact_history(contact_id, types=["call"]),
            "HTTP: contact page": page_view,
        }
        results = {name: timed(fn, args.runs) for name, fn in cases.items()}
        dialect = db.engine.dialect.name

    reference = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}
    print(
        f"\nContact history, {total} events, {args.runs} runs each, {dialect}"
        f" (target: contact page p95 ≤ 150 ms)\n"
    )
    print(f"{'case':<22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'ref p95':>9}{'ratio':>8}")
    summary = {}
    for name, values in results.items():
        p50, p95 = statistics.median(values), percentile(values, 95)
        summary[name] = {"p50": p50, "p95": p95}
        ref = reference.get(name, {}).get("p95")
        ratio = f"{p95 / ref:.2f}x" if ref else "—"
        print(
            f"{name:<22}{p50:>9.1f}{p95:>9.1f}{max(values):>9.1f}"
            f"{(f'{ref:.1f}' if ref else '—'):>9}{ratio:>8}"
        )
    if args.save_reference:
        REFERENCE.write_text(json.dumps(summary, indent=2))
        print(f"\nreference saved to {REFERENCE}")


if __name__ == "__main__":
    main()
