"""Two app processes and a real Redis: an event triggered through process A's API reaches a
Socket.IO client connected to process B, a write-only emitter (a background job) reaches it too,
and B replays what A logged (one shared database).

Needs Debian's ``redis-server`` (skipped with the reason when missing) and python-socketio's
client (``requests`` + ``websocket-client``). Everything listens on 127.0.0.1 on free ports; the
processes are stopped at the end whatever happens.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
pytestmark = [
    pytest.mark.skipif(
        not os.access(REDIS, os.X_OK),
        reason="redis-server not installed (apt-get install redis-server): multi-process test "
        "skipped",
    ),
]

SETUP = """
import json
from medinfo import create_app
from medinfo.extensions import db
from medinfo.auth.services import create_user, create_token
app = create_app()
with app.app_context():
    db.create_all()
    agent = create_user("alice", "correct-horse-battery", "agent", full_name="Alice Roux")
    pbx = create_user("pbx", "correct-horse-battery", "agent", full_name="Phone system")
    print(json.dumps({"agent_id": agent.id, "agent": create_token(agent, "desk")[1],
                      "pbx": create_token(pbx, "pbx")[1]}))
"""


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 20) -> None:
    """Wait until something listens on the port (or the process died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


@pytest.fixture
def cluster(tmp_path):
    """Redis + two `python wsgi.py` processes sharing one SQLite database."""
    pytest.importorskip("requests", reason="python-socketio's client needs requests")
    pytest.importorskip("websocket", reason="python-socketio's client needs websocket-client")
    procs: list[subprocess.Popen] = []
    files = []
    redis_port, port_a, port_b = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "MEDINFO_CONFIG": "development",
        "MEDINFO_INSTANCE_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "SECRET_KEY": "multiprocess-test-secret-key-0123456789",
        "MEDINFO_AUDIT_KEY": "multiprocess-test-audit-key-0123456789",
        "SOCKETIO_MESSAGE_QUEUE": f"redis://127.0.0.1:{redis_port}/0",
        "MEDINFO_REALTIME_TICK": "0",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("MEDINFO_TEST_DATABASE_URL", None)
    logs = tmp_path / "logs"
    logs.mkdir()

    def start(name: str, args: list[str], extra: dict | None = None) -> subprocess.Popen:
        out = (logs / f"{name}.log").open("w")
        files.append(out)
        proc = subprocess.Popen(  # noqa: S603 - fixed argv of our own programs
            args, cwd=ROOT, env={**env, **(extra or {})}, stdout=out, stderr=subprocess.STDOUT
        )
        procs.append(proc)
        return proc

    try:
        redis = start(
            "redis",
            [
                REDIS,
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
        )
        wait_for_port(redis_port, redis)
        setup = subprocess.run(  # noqa: S603
            [sys.executable, "-c", SETUP],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        secrets = json.loads(setup.stdout.strip().splitlines()[-1])
        a = start("a", [sys.executable, "wsgi.py"], {"MEDINFO_PORT": str(port_a)})
        b = start("b", [sys.executable, "wsgi.py"], {"MEDINFO_PORT": str(port_b)})
        wait_for_port(port_a, a)
        wait_for_port(port_b, b)
        yield {
            "a": f"http://127.0.0.1:{port_a}",
            "b": f"http://127.0.0.1:{port_b}",
            "queue": env["SOCKETIO_MESSAGE_QUEUE"],
            "env": env,
            **secrets,
        }
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for out in files:
            out.close()
        for log in sorted(logs.glob("*.log")):
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")


class Listener:
    """A python-socketio client that records every event it receives."""

    def __init__(self) -> None:
        import socketio

        self.client = socketio.Client(reconnection=False)
        self.received: list[tuple[str, object]] = []
        self.arrived = threading.Condition()
        self.client.on("*", self._on_any)

    def _on_any(self, name, data=None):
        with self.arrived:
            self.received.append((name, data))
            self.arrived.notify_all()

    def wait_for(self, name: str, timeout: float = 10):
        """The first payload of this event, waiting for it."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for got, data in self.received:
                    if got == name:
                        return data
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{name} not received; got {self.received}")
                self.arrived.wait(left)


def test_event_triggered_on_a_reaches_a_client_on_b(cluster):
    import requests

    listener = Listener()
    listener.client.connect(
        cluster["b"], auth={"token": cluster["agent"]}, transports=["websocket"]
    )
    try:
        hello = listener.wait_for("desk.hello")
        assert f"user:{cluster['agent_id']}" in hello["rooms"]
        res = requests.post(
            f"{cluster['a']}/api/v1/telephony/events",
            json={"event": "ringing", "call_id": "mp-1", "ani": "+33612345678", "agent": "alice"},
            headers={"Authorization": f"Bearer {cluster['pbx']}"},
            timeout=10,
        )
        assert res.status_code == 202, res.text
        pop = listener.wait_for("call.ringing")
        assert pop["data"]["call_id"] == "mp-1"
        assert pop["seq"] == res.json()["seq"]

        # A background job (no socket server of its own) emits through the queue, write-only.
        job = (
            "from flask_socketio import SocketIO;"
            f"SocketIO(message_queue={cluster['queue']!r}).emit("
            f"'job.done', {{'ok': True}}, to='user:{cluster['agent_id']}')"
        )
        subprocess.run([sys.executable, "-c", job], cwd=ROOT, check=True, timeout=30)  # noqa: S603
        assert listener.wait_for("job.done") == {"ok": True}
    finally:
        listener.client.disconnect()


def test_b_replays_what_a_logged_while_the_client_was_away(cluster):
    import requests

    headers = {"Authorization": f"Bearer {cluster['pbx']}"}
    for n in range(3):
        res = requests.post(
            f"{cluster['a']}/api/v1/telephony/events",
            json={
                "event": "ringing",
                "call_id": f"away-{n}",
                "ani": "0612345678",
                "agent": "alice",
            },
            headers=headers,
            timeout=10,
        )
        assert res.status_code == 202
    first_seq = None
    listener = Listener()
    listener.client.connect(
        cluster["b"], auth={"token": cluster["agent"]}, transports=["websocket"]
    )
    try:
        listener.wait_for("desk.hello")
        ack = listener.client.call("replay", {"since": 1}, timeout=10)
        calls = [e["data"]["call_id"] for e in ack["events"] if e["name"] == "call.ringing"]
        assert calls == ["away-1", "away-2"]  # seq 1 was away-0, already seen
        first_seq = ack["events"][0]["seq"]
        assert first_seq == 2 and ack["reset"] is False
    finally:
        listener.client.disconnect()
