"""Writing and verifying the HMAC-chained audit trail.

Each event's MAC covers its own fields and the previous event's MAC, keyed with
MEDINFO_AUDIT_KEY, which lives outside the database. Writers serialise on the single chain-head
row (an UPDATE … RETURNING takes its lock on PostgreSQL and the write lock on SQLite), so the
chain never forks under concurrency. After each commit the head is also checkpointed to a file
outside the database, so that deleting the newest events (truncation) is detected too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from flask import current_app, g, has_request_context
from flask_login import current_user
from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from medinfo.audit import checkpoint
from medinfo.audit.models import AuditChainHead, AuditEvent
from medinfo.database import utcnow
from medinfo.extensions import db

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
HEAD_ID = 1


class AuditError(RuntimeError):
    """Raised when an audit event cannot be written; the surrounding change must not commit."""


@dataclass(frozen=True)
class Actor:
    """Who did something, for events written outside a logged-in request (CLI, API tokens)."""

    user_id: int | None
    username: str
    role: str


SYSTEM = Actor(None, "system", "system")


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def _canonical(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _mac_fields(ev: AuditEvent) -> dict[str, Any]:
    return {
        "seq": ev.seq,
        "occurred_at": ev.occurred_at.isoformat(timespec="microseconds"),
        "user_id": ev.user_id,
        "username": ev.username,
        "role": ev.role,
        "action": ev.action,
        "entity_type": ev.entity_type,
        "entity_id": ev.entity_id,
        "old_values": ev.old_values,
        "new_values": ev.new_values,
        "reason": ev.reason,
        "request_id": ev.request_id,
        "prev_mac": ev.prev_mac,
    }


def compute_mac(ev: AuditEvent, key: str) -> str:
    """Return the HMAC-SHA256 of an event's fields and its predecessor's MAC."""
    return hmac.new(key.encode(), _canonical(_mac_fields(ev)), hashlib.sha256).hexdigest()


def _audit_key() -> str:
    key = current_app.config.get("MEDINFO_AUDIT_KEY")
    if not key:
        raise AuditError("MEDINFO_AUDIT_KEY is not configured")
    return key


def _current_actor() -> Actor:
    actor = g.get("audit_actor") if has_request_context() else None
    if actor is not None:
        return actor
    if has_request_context() and current_user and current_user.is_authenticated:
        return Actor(current_user.id, current_user.username, current_user.role)
    return SYSTEM


def _claim_next_seq(session: Session) -> tuple[int, str]:
    """Advance the chain head and return (seq, previous MAC), holding the writer lock."""
    stmt = (
        update(AuditChainHead)
        .where(AuditChainHead.id == HEAD_ID)
        .values(seq=AuditChainHead.seq + 1)
        .returning(AuditChainHead.seq, AuditChainHead.mac)
    )
    row = session.execute(stmt).first()
    if row is None:
        session.execute(insert(AuditChainHead).values(id=HEAD_ID, seq=1, mac=""))
        return 1, GENESIS
    seq, mac = row
    return seq, mac or GENESIS


def record_event(
    action: str,
    entity_type: str,
    entity_id: Any,
    *,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    reason: str | None = None,
    actor: Actor | None = None,
) -> AuditEvent:
    """Add an audit event to the current transaction (the caller commits)."""
    session = db.session
    actor = actor or _current_actor()
    seq, prev_mac = _claim_next_seq(session)
    ev = AuditEvent(
        seq=seq,
        occurred_at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        role=actor.role,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        old_values=_jsonable(old) if old is not None else None,
        new_values=_jsonable(new) if new is not None else None,
        reason=reason,
        request_id=g.get("request_id") if has_request_context() else None,
        prev_mac=prev_mac,
    )
    ev.mac = compute_mac(ev, _audit_key())
    session.add(ev)
    session.execute(update(AuditChainHead).where(AuditChainHead.id == HEAD_ID).values(mac=ev.mac))
    session.info["audit_head"] = (seq, ev.mac)
    return ev


@event.listens_for(Session, "after_commit")
def _checkpoint_after_commit(session: Session) -> None:
    head = session.info.pop("audit_head", None)
    if head is not None:
        try:
            checkpoint.write(current_app.config["MEDINFO_AUDIT_CHECKPOINT"], *head, _audit_key())
        except OSError:
            logger.exception("audit checkpoint could not be written (seq %s)", head[0])


@event.listens_for(Session, "after_rollback")
def _forget_head_after_rollback(session: Session) -> None:
    session.info.pop("audit_head", None)


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of a chain verification."""

    ok: bool
    checked: int
    problem: str | None = None
    bad_seq: int | None = None


def _events(batch: int = 2000) -> Iterator[AuditEvent]:
    last = -1
    while True:
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        db.session.expunge_all()


def verify_chain() -> VerifyResult:
    """Walk the whole trail; report the first edited, missing, inserted or reordered event."""
    key = _audit_key()
    expected_seq, prev_mac, checked, last_mac = 1, GENESIS, 0, GENESIS
    for ev in _events():
        if ev.seq != expected_seq:
            what = "missing" if ev.seq > expected_seq else "duplicated"
            return VerifyResult(False, checked, f"event #{expected_seq} is {what}", expected_seq)
        if ev.prev_mac != prev_mac:
            return VerifyResult(
                False, checked, f"event #{ev.seq} does not follow its predecessor", ev.seq
            )
        if not hmac.compare_digest(compute_mac(ev, key), ev.mac):
            return VerifyResult(False, checked, f"event #{ev.seq} was altered (id {ev.id})", ev.seq)
        prev_mac, last_mac = ev.mac, ev.mac
        expected_seq += 1
        checked += 1
    head = db.session.get(AuditChainHead, HEAD_ID)
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or (head.mac or GENESIS) != last_mac):
        return VerifyResult(
            False, checked, f"chain head says #{head.seq}, trail ends at #{last_seq}", last_seq + 1
        )
    problem = checkpoint.check(
        current_app.config["MEDINFO_AUDIT_CHECKPOINT"], last_seq, last_mac, key, _mac_at
    )
    if problem:
        return VerifyResult(False, checked, problem, last_seq + 1)
    return VerifyResult(True, checked)


def _mac_at(seq: int) -> str | None:
    return db.session.scalar(select(AuditEvent.mac).where(AuditEvent.seq == seq))
