"""The transactional outbox: messages to PV written with the change, delivered with retries.

A message is written in the same transaction as the report change that caused it, so it exists
exactly when the change does. Delivery claims a message with a conditional UPDATE (attempt
counted, next attempt pushed out by the backoff) and commits the claim before sending, so a
crash mid-send only delays the message until its backoff expires, and two dispatchers never
send the same attempt. Webhook and e-mail deliveries carry the message id for de-duplication.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.database import utcnow
from medinfo.errors import Conflict
from medinfo.extensions import db
from medinfo.safety.models import OutboxMessage, SafetyReport
from medinfo.safety.payload import report_payload
from medinfo.safety.transports import TransportError, deliver
from medinfo.signals import safety_report_changed

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)


@dataclass
class DispatchSummary:
    """What one dispatch run did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"sent {self.sent}, retrying {self.retrying}, failed {self.failed}"


def backoff(attempts: int) -> timedelta:
    """Delay before the next attempt after `attempts` tries: base × 2^(n−1), capped at 1 h."""
    base = float(current_app.config.get("PV_OUTBOX_BACKOFF_SECONDS", 30))
    return min(timedelta(seconds=base * 2 ** max(0, attempts - 1)), MAX_BACKOFF)


def enqueue(report: SafetyReport, kind: str, note: str = "") -> OutboxMessage:
    """Add a message for PV to the current transaction (the caller commits)."""
    db.session.flush()
    payload = report_payload(report)
    if note:
        payload["follow_up_note"] = note
    message = OutboxMessage(
        report=report,
        kind=kind,
        transport=current_app.config.get("PV_TRANSPORT", "inbox"),
        payload=payload,
        next_attempt_at=utcnow(),
    )
    db.session.add(message)
    db.session.flush()
    return message


def _claim(message_id: int, seen_attempts: int, now: datetime) -> bool:
    result = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == "pending",
            OutboxMessage.attempts == seen_attempts,
            OutboxMessage.next_attempt_at <= now,
        )
        .values(attempts=seen_attempts + 1, next_attempt_at=now + backoff(seen_attempts + 1))
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def _mark_sent(message: OutboxMessage, now: datetime, actor: Actor | None) -> SafetyReport:
    message.status = "sent"
    message.sent_at = now
    message.last_error = None
    report = message.report
    old_status = report.status
    if message.kind in ("initial", "resubmission") and report.status == "submitted":
        report.status = "transferred"
    if report.transferred_at is None:
        report.transferred_at = now
    record_event(
        "safety_report.transferred",
        "safety_report",
        report.id,
        old={"status": old_status},
        new={
            "status": report.status,
            "message_id": message.id,
            "kind": message.kind,
            "transport": message.transport,
            "attempt": message.attempts,
            "on_time": report.transferred_at <= report.due_at,
        },
        actor=actor,
    )
    return report


def _mark_failure(message: OutboxMessage, error: str, actor: Actor | None) -> bool:
    """Record a failed attempt; return True when the message gave up for good."""
    limit = int(current_app.config.get("PV_OUTBOX_MAX_ATTEMPTS", 8))
    message.last_error = error[:500]
    gave_up = message.attempts >= limit
    if gave_up:
        message.status = "failed"
    record_event(
        "safety_report.transfer_failed" if gave_up else "safety_report.transfer_retry",
        "safety_report",
        message.report_id,
        new={
            "message_id": message.id,
            "attempt": message.attempts,
            "error": message.last_error,
            "next_attempt_at": None if gave_up else message.next_attempt_at,
        },
        actor=actor,
    )
    return gave_up


def deliver_message(
    message_id: int, now: datetime | None = None, actor: Actor | None = None
) -> str:
    """Try one message once if it is due; return "sent", "retrying", "failed" or "skipped"."""
    now = now or utcnow()
    message = db.session.get(OutboxMessage, message_id)
    if message is None or message.status != "pending" or message.next_attempt_at > now:
        return "skipped"
    if not _claim(message_id, message.attempts, now):
        return "skipped"
    db.session.refresh(message)
    try:
        deliver(message, current_app.config)
    except TransportError as exc:
        db.session.rollback()
        message = db.session.get(OutboxMessage, message_id)
        logger.warning(
            "PV message %s (report %s) not delivered: %s", message_id, message.report_id, exc
        )
        gave_up = _mark_failure(message, str(exc), actor)
        db.session.commit()
        if gave_up:
            safety_report_changed.send(message.report, action="transfer_failed")
        return "failed" if gave_up else "retrying"
    report = _mark_sent(message, now, actor)
    db.session.commit()
    safety_report_changed.send(report, action="transferred")
    return "sent"


def dispatch_due(now: datetime | None = None, limit: int = 100) -> DispatchSummary:
    """Deliver every message that is due (the `flask safety dispatch` command)."""
    now = now or utcnow()
    ids = db.session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    ).all()
    summary = DispatchSummary()
    for message_id in ids:
        outcome = deliver_message(message_id, now)
        if outcome == "sent":
            summary.sent += 1
        elif outcome == "retrying":
            summary.retrying += 1
        elif outcome == "failed":
            summary.failed += 1
    return summary


def dispatch_report(report_id: int) -> None:
    """Right after a commit: try the report's pending messages now; never raise."""
    try:
        ids = db.session.scalars(
            select(OutboxMessage.id).where(
                OutboxMessage.report_id == report_id, OutboxMessage.status == "pending"
            )
        ).all()
        for message_id in ids:
            deliver_message(message_id)
    except Exception:  # the message is safe in the outbox; `flask safety dispatch` retries it
        db.session.rollback()
        logger.exception("immediate dispatch of report %s failed; left in the outbox", report_id)


def retry_message(message: OutboxMessage) -> None:
    """Put a message that gave up back in the queue (PV officer action)."""
    if message.status != "failed":
        raise Conflict("Only a failed message can be retried.")
    old_attempts = message.attempts
    message.status = "pending"
    message.attempts = 0
    message.next_attempt_at = utcnow()
    record_event(
        "safety_report.transfer_requeued",
        "safety_report",
        message.report_id,
        old={"message_id": message.id, "status": "failed", "attempts": old_attempts},
        new={"status": "pending"},
    )
    db.session.commit()
    safety_report_changed.send(message.report, action="requeued")
