"""Benchmark: 200 Socket.IO clients, an escalation emitted, latency until each receives it.

Run: `.venv/bin/python -m bench.realtime.run [--clients 200] [--rounds 20] [--save-reference]`.
Starts the app server (bench/realtime/server.py: the app under Flask-SocketIO's threading server,
as `python wsgi.py` runs it) on a free loopback port with a throwaway SQLite database, connects
N python-socketio clients (WebSocket, bearer-token auth as medical reviewers), then fires
`rounds` escalations through the real signal → event log → room path and measures, for every
client, the time from the trigger to the event's arrival (CLOCK_MONOTONIC, shared by the two
processes). Target: p95 ≤ 250 ms. Prints a table, with ratios against reference.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REFERENCE = Path(__file__).with_name("reference.json")
ROOT = Path(__file__).resolve().parents[2]
TARGET_P95_MS = 250.0


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SETUP = """
import json
from medinfo import create_app
from medinfo.extensions import db
from medinfo.auth.services import create_user, create_token
app = create_app()
with app.app_context():
    db.create_all()
    tokens = []
    for n in range(int({users})):
        user = create_user(f"reviewer{{n}}", "bench-password-1", "medical_reviewer")
        tokens.append(create_token(user, "bench")[1])
    print(json.dumps(tokens))
"""


class Receiver:
    """One client: records when each escalation arrives."""

    def __init__(self, url: str, token: str) -> None:
        import socketio

        self.arrivals: dict[int, float] = {}
        self.client = socketio.Client(reconnection=False)
        self.client.on("escalation.changed", self._on_escalation)
        self.client.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=30)

    def _on_escalation(self, envelope) -> None:
        self.arrivals[envelope["data"]["id"]] = time.monotonic()


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    """Wait until the server listens."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def run(clients: int, rounds: int) -> dict[str, dict[str, float]]:
    """Start the server, connect the clients, fire the escalations; latencies in ms."""
    tmp = Path(tempfile.mkdtemp(prefix="medinfo-bench-rt-"))
    port = free_port()
    env = {
        **os.environ,
        "MEDINFO_CONFIG": "development",
        "MEDINFO_INSTANCE_DIR": str(tmp),
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "SECRET_KEY": "bench-realtime-secret-key-0123456789",
        "MEDINFO_AUDIT_KEY": "bench-realtime-audit-key-0123456789",
        "MEDINFO_REALTIME_TICK": "0",
        "MEDINFO_PORT": str(port),
    }
    env.pop("SOCKETIO_MESSAGE_QUEUE", None)
    users = min(clients, 20)  # several tabs per reviewer, as on a real desk
    setup = subprocess.run(  # noqa: S603 - fixed argv of our own program
        [sys.executable, "-c", SETUP.format(users=users)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    tokens = json.loads(setup.stdout.strip().splitlines()[-1])
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "bench.realtime.server"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    receivers: list[Receiver] = []
    try:
        wait_for_port(port, server)
        url = f"http://127.0.0.1:{port}"
        t0 = time.perf_counter()
        lock = threading.Lock()

        def connect_some(share: int) -> None:
            for i in range(share):
                r = Receiver(url, tokens[i % len(tokens)])
                with lock:
                    receivers.append(r)

        workers = [
            threading.Thread(target=connect_some, args=(clients // 8 + (i < clients % 8),))
            for i in range(8)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        connect_s = time.perf_counter() - t0
        time.sleep(1.0)
        fired: dict[int, float] = {}
        for n in range(1, rounds + 1):
            fired[n] = time.monotonic()
            server.stdin.write(f"fire {n}\n")
            server.stdin.flush()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and any(n not in r.arrivals for r in receivers):
                time.sleep(0.005)
            time.sleep(0.1)
        latencies = [
            (r.arrivals[n] - fired[n]) * 1000 for r in receivers for n in fired if n in r.arrivals
        ]
        missing = len(receivers) * rounds - len(latencies)
    finally:
        # Stop the server first: the clients' read loops then end at once instead of each
        # waiting for its own close handshake.
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        closers = [
            threading.Thread(target=r.client.eio.disconnect, kwargs={"abort": True})
            for r in receivers
        ]
        for c in closers:
            c.start()
        for c in closers:
            c.join(timeout=10)
        log.close()
    return {
        "delivery": {
            "p50": percentile(latencies, 50),
            "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99),
            "max": max(latencies),
            "deliveries": float(len(latencies)),
            "missing": float(missing),
        },
        "connect_all_s": {
            "p50": connect_s,
            "p95": connect_s,
            "p99": connect_s,
            "max": connect_s,
            "deliveries": float(len(receivers)),
            "missing": 0.0,
        },
    }


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--save-reference", action="store_true")
    args = parser.parse_args()
    results = run(args.clients, args.rounds)
    reference = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}
    d = results["delivery"]
    print(
        f"{args.clients} clients, {args.rounds} escalations, "
        f"{int(d['deliveries'])} deliveries, {int(d['missing'])} missing; "
        f"connected all in {results['connect_all_s']['p50']:.1f} s"
    )
    print(
        f"{'case':<16}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'ref p95':>9}"
        f"{'ratio':>8}"
    )
    ref = reference.get("delivery", {}).get("p95")
    ratio = f"{d['p95'] / ref:.2f}x" if ref else "—"
    print(
        f"{'escalation':<16}{d['p50']:>9.1f}{d['p95']:>9.1f}{d['p99']:>9.1f}{d['max']:>9.1f}"
        f"{(f'{ref:.1f}' if ref else '—'):>9}{ratio:>8}"
    )
    verdict = "OK" if d["p95"] <= TARGET_P95_MS and not d["missing"] else "MISSED"
    print(f"target p95 ≤ {TARGET_P95_MS:.0f} ms: {verdict}")
    if args.save_reference:
        REFERENCE.write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nreference saved to {REFERENCE}")
    if verdict != "OK":
        raise SystemExit(1)


if __name__ == "__main__":
    main()
