"""The chain head checkpointed outside the database, so truncation of the trail is detected."""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
from collections.abc import Callable
from pathlib import Path


def _sign(seq: int, mac: str, key: str) -> str:
    return hmac.new(key.encode(), f"checkpoint:{seq}:{mac}".encode(), hashlib.sha256).hexdigest()


def read(path: str | os.PathLike) -> dict | None:
    """Return the stored checkpoint, or None when there is none."""
    try:
        return json.loads(Path(path).read_text())
    except FileNotFoundError:
        return None


def write(path: str | os.PathLike, seq: int, mac: str, key: str) -> None:
    """Record (seq, mac) unless a later head is already recorded; atomic and process-safe."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        current = read(target)
        if current is not None and current.get("seq", 0) >= seq:
            return
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"seq": seq, "mac": mac, "sig": _sign(seq, mac, key)}))
        os.replace(tmp, target)


def check(
    path: str | os.PathLike,
    last_seq: int,
    last_mac: str,
    key: str,
    mac_at: Callable[[int], str | None],
) -> str | None:
    """Compare the trail's end with the checkpoint; return a problem description or None."""
    stored = read(path)
    if stored is None:
        return f"no checkpoint at {path}" if last_seq > 0 else None
    seq, mac = int(stored.get("seq", 0)), str(stored.get("mac", ""))
    if not hmac.compare_digest(_sign(seq, mac, key), str(stored.get("sig", ""))):
        return "the checkpoint file was altered"
    if seq > last_seq:
        return f"trail truncated: checkpoint records event #{seq}, trail ends at #{last_seq}"
    if mac_at(seq) != mac:
        return f"event #{seq} differs from the checkpointed one"
    return None
