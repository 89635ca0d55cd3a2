"""Never lost: safety reports survive SIGKILLs of a real server, exactly once, each audited.

One command: ``.venv/bin/pytest -q -p no:cacheprovider tests/durability -s`` (marker ``slow``).

A real ``python wsgi.py`` serves a temporary SQLite database on a free loopback port. Client
threads open an interaction and then file a safety report through the JSON API, each request
with its own Idempotency-Key, retrying a request until it is acknowledged (HTTP 201); the
server is killed with SIGKILL several times mid-run and restarted. At the end every
acknowledged report is in the database exactly once with its "safety_report.created" audit
event, nothing was created twice, `flask audit verify` passes, and after `flask safety
dispatch` every report sits in the PV inbox exactly once. The figures are printed.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 6
REPORTS_PER_CLIENT = 20
KILLS = 4
KILL_EVERY = (1.5, 3.0)  # seconds between kills, alternating
REQUEST_TIMEOUT = 5.0
DEADLINE = 80.0

SETUP = """
import json
from medinfo import create_app
from medinfo.extensions import db
from medinfo.auth.services import create_token, create_user
from medinfo.catalog.services import ProductData, create_product
from medinfo.contacts.services import ContactData, create_contact
app = create_app()
with app.app_context():
    db.create_all()
    agent = create_user("durable", "correct-horse-battery", "agent", full_name="Durable Agent")
    create_product(ProductData("Cardiolex", "tervasartan", "Cardiology", ["CLX"]))
    contact = create_contact(ContactData(first_name="Claire", last_name="Martin",
        profession="physician", country="FR", language="fr", phones=["+33142000001"]))
    print(json.dumps({"token": create_token(agent, "durability")[1], "contact": contact.id}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Figures:
    """What happened during the run."""

    acknowledged: dict[str, int] = field(default_factory=dict)  # report key -> report id
    retries: int = 0
    retried_keys: set[str] = field(default_factory=set)
    kills: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Server:
    """The real server process, killable and restartable."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log, self.proc = env, log, None
        self.base = f"http://127.0.0.1:{env['MEDINFO_PORT']}"

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "wsgi.py"], cwd=ROOT, env=self.env, stdout=out, stderr=out
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=1) as r:  # noqa: S310
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"server did not start; see {self.log}")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def _post(base: str, path: str, body: dict, token: str, key: str) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 - loopback URL built here
        base + path,
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": key,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as r:  # noqa: S310
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def _until_acknowledged(
    base: str, path: str, body: dict, token: str, key: str, figures: Figures, stop_at: float
) -> dict:
    """POST with one key until HTTP 201; count the retries (backing off to 0.5 s)."""
    attempt = 0
    while time.monotonic() < stop_at:
        try:
            status, data = _post(base, path, body, token, key)
        except (OSError, http.client.HTTPException, ValueError):
            # refused, reset, timed out, cut mid-body: the server is down or was killed
            status, data = 0, {}
        if status == 201:
            return data
        if 400 <= status < 500:
            raise AssertionError(f"{path} refused with {status} for {key}")
        with figures.lock:
            figures.retries += 1
            figures.retried_keys.add(key)
        attempt += 1
        time.sleep(min(0.5, 0.05 * 2**attempt))
    raise AssertionError(f"{key} never acknowledged")


def _client(n: int, base: str, token: str, contact: int, figures: Figures, stop_at: float):
    try:
        for i in range(REPORTS_PER_CLIENT):
            key = f"c{n}-r{i}"
            interaction = _until_acknowledged(
                base, "/api/v1/interactions",
                {"contact_id": contact, "channel": "phone", "unsolicited": True,
                 "language": "en", "requests": [{"product": "Cardiolex",
                 "category": "adverse_event", "question": f"Dizzy on Cardiolex? ({key})"}]},
                token, f"interaction-{key}", figures, stop_at,
            )  # fmt: skip
            report = _until_acknowledged(
                base, "/api/v1/safety-reports",
                {"interaction_id": interaction["id"], "adverse_event": True,
                 "patient_initials": "JD", "event_verbatim": f"durability {key}: dizziness",
                 "products": [{"product": "Cardiolex", "batch_lot": f"L{n}{i}"}]},
                token, f"report-{key}", figures, stop_at,
            )  # fmt: skip
            with figures.lock:
                figures.acknowledged[key] = report["id"]
    except AssertionError as exc:
        with figures.lock:
            figures.errors.append(str(exc))


def _flask(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_acknowledged_reports_survive_sigkill_exactly_once(tmp_path):
    started = time.monotonic()
    db_file = tmp_path / "durable.sqlite3"
    env = {
        **os.environ,
        "MEDINFO_CONFIG": "development",
        "SECRET_KEY": "durability-secret-key-0123456789abcdef",
        "MEDINFO_AUDIT_KEY": "durability-audit-key-0123456789abcdef",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "MEDINFO_AUDIT_CHECKPOINT": str(tmp_path / "audit-checkpoint.json"),
        "MEDINFO_INDEX_DIR": str(tmp_path / "index"),
        "MEDINFO_INSTANCE_DIR": str(tmp_path),
        "MEDINFO_HOST": "127.0.0.1",
        "MEDINFO_PORT": str(_free_port()),
        "MEDINFO_PV_TRANSPORT": "inbox",
        # A delivery claimed just before a kill waits out its backoff (the claim's lease);
        # keep it short so the final dispatch can pick those up.
        "MEDINFO_PV_OUTBOX_BACKOFF": "1",
        "MEDINFO_REALTIME_TICK": "0",
    }
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    seed = json.loads(setup.stdout.strip().splitlines()[-1])
    server = Server(env, tmp_path / "server.log")
    server.start()
    figures = Figures()
    stop_at = started + DEADLINE
    threads = [
        threading.Thread(
            target=_client, args=(n, server.base, seed["token"], seed["contact"], figures, stop_at)
        )
        for n in range(CLIENTS)
    ]
    for t in threads:
        t.start()
    try:
        while any(t.is_alive() for t in threads) and figures.kills < KILLS:
            time.sleep(KILL_EVERY[figures.kills % 2])
            if not any(t.is_alive() for t in threads):
                break
            server.kill()
            figures.kills += 1
            server.start()
        for t in threads:
            t.join(timeout=max(1.0, stop_at - time.monotonic()))
    finally:
        server.stop()

    expected = CLIENTS * REPORTS_PER_CLIENT
    assert not figures.errors, figures.errors[:3]
    assert len(figures.acknowledged) == expected
    assert figures.kills == KILLS, "the clients finished before every kill: raise the load"

    with sqlite3.connect(db_file) as con:
        rows = con.execute("SELECT id, event_verbatim FROM safety_reports").fetchall()
        audited = dict(
            con.execute(
                "SELECT entity_id, COUNT(*) FROM audit_events "
                "WHERE action = 'safety_report.created' GROUP BY entity_id"
            ).fetchall()
        )
        interactions = con.execute("SELECT COUNT(*) FROM interactions").fetchone()[0]
        pending = con.execute(
            "SELECT COUNT(*) FROM safety_outbox WHERE status = 'pending'"
        ).fetchone()[0]
    by_key: dict[str, list[int]] = {}
    for report_id, verbatim in rows:
        key = verbatim.split()[1].rstrip(":")
        by_key.setdefault(key, []).append(report_id)
    duplicates = sum(len(ids) - 1 for ids in by_key.values())
    lost = sum(1 for key, rid in figures.acknowledged.items() if by_key.get(key) != [rid])
    unaudited = sum(1 for rid in figures.acknowledged.values() if audited.get(str(rid)) != 1)

    verify = _flask(env, "audit", "verify")
    time.sleep(1.5)  # let the leases of deliveries cut short by a kill expire
    dispatch = _flask(env, "safety", "dispatch")
    with sqlite3.connect(db_file) as con:
        inbox = dict(
            con.execute("SELECT report_id, COUNT(*) FROM safety_pv_inbox GROUP BY report_id")
        )
    not_in_inbox = sum(1 for rid in figures.acknowledged.values() if inbox.get(rid) != 1)
    elapsed = time.monotonic() - started

    print(
        f"\nnever-lost: reports sent={expected} acknowledged={len(figures.acknowledged)} "
        f"kills={figures.kills} retries={figures.retries} (requests retried="
        f"{len(figures.retried_keys)}) duplicates={duplicates} lost={lost} "
        f"unaudited={unaudited} interactions={interactions} outbox pending after the kills="
        f"{pending} (then {dispatch.stdout.strip()}) not in PV inbox={not_in_inbox} "
        f"audit verify: {verify.stdout.strip() or verify.stderr.strip()} elapsed={elapsed:.1f}s"
    )
    assert duplicates == 0 and lost == 0 and unaudited == 0
    assert len(rows) == expected and interactions == expected
    assert verify.returncode == 0, verify.stderr
    assert dispatch.returncode == 0, dispatch.stderr + dispatch.stdout
    assert not_in_inbox == 0
