"""The PV outbox: webhook to a local HTTP server, e-mail, retries with backoff, giving up."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from medinfo.audit.models import AuditEvent
from medinfo.database import utcnow
from medinfo.errors import Conflict
from medinfo.safety import services
from medinfo.safety.models import OutboxMessage, PvInboxMessage
from medinfo.safety.outbox import _claim, backoff, dispatch_due, retry_message
from medinfo.safety.reconciliation import reconcile
from tests.test_safety_support import full_report


class FakePv:
    """A safety database on 127.0.0.1 answering with the queued statuses, then 200."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.received: list[tuple[dict, dict]] = []
        pv = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                pv.received.append((dict(self.headers), body))
                status = pv.statuses.pop(0) if pv.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/pv/inbound"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_pv(app, monkeypatch):
    pv = FakePv()
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "webhook")
    monkeypatch.setitem(app.config, "PV_WEBHOOK_URL", pv.url)
    monkeypatch.setitem(app.config, "PV_WEBHOOK_TOKEN", "pv-secret")
    monkeypatch.setitem(app.config, "PV_TRANSPORT_TIMEOUT", 3)
    yield pv
    pv.close()


def _events(db, action):
    return db.session.scalar(select(func.count()).where(AuditEvent.action == action))


def test_backoff_doubles_and_is_capped(app):
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(30) == timedelta(hours=1)


def test_webhook_delivers_at_once_with_headers_and_payload(db, make_interaction, fake_pv):
    report = services.create_report(make_interaction(), full_report())
    db.session.refresh(report)
    assert report.status == "transferred"
    headers, body = fake_pv.received[0]
    assert headers["Idempotency-Key"] == f"medinfo-outbox-{report.messages[0].id}"
    assert headers["Authorization"] == "Bearer pv-secret"
    assert body["kind"] == "initial"
    assert body["report"]["reference"] == report.reference
    assert body["report"]["minimum_criteria_met"] is True
    assert body["report"]["products"][0]["batch_lot"] == "LOT-42"
    assert db.session.scalar(select(func.count()).select_from(PvInboxMessage)) == 0


def test_webhook_failures_are_retried_with_backoff(db, make_interaction, fake_pv):
    fake_pv.statuses = [503, 500]
    report = services.create_report(make_interaction(), full_report())
    message = db.session.scalars(select(OutboxMessage)).one()
    assert (message.status, message.attempts) == ("pending", 1)
    assert "HTTP 503" in message.last_error
    first_due = message.next_attempt_at
    assert dispatch_due(now=first_due - timedelta(seconds=1)).sent == 0  # not due yet
    summary = dispatch_due(now=first_due)
    assert (summary.sent, summary.retrying) == (0, 1)
    db.session.refresh(message)
    assert message.attempts == 2
    assert message.next_attempt_at == first_due + timedelta(seconds=60)
    assert dispatch_due(now=message.next_attempt_at).sent == 1
    db.session.refresh(message)
    db.session.refresh(report)
    assert (message.status, message.attempts, report.status) == ("sent", 3, "transferred")
    assert len(fake_pv.received) == 3
    assert _events(db, "safety_report.transfer_retry") == 2
    assert _events(db, "safety_report.transferred") == 1


def test_unreachable_webhook_gives_up_then_is_requeued(app, db, make_interaction, monkeypatch):
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "webhook")
    monkeypatch.setitem(app.config, "PV_WEBHOOK_URL", "http://127.0.0.1:9/closed")
    monkeypatch.setitem(app.config, "PV_OUTBOX_MAX_ATTEMPTS", 3)
    report = services.create_report(make_interaction(), full_report())
    later = utcnow() + timedelta(hours=2)
    dispatch_due(now=later)
    summary = dispatch_due(now=later + timedelta(hours=2))
    assert summary.failed == 1
    message = db.session.scalars(select(OutboxMessage)).one()
    assert (message.status, message.attempts) == ("failed", 3)
    assert "unreachable" in message.last_error
    db.session.refresh(report)
    assert report.status == "submitted" and report.transferred_at is None
    assert _events(db, "safety_report.transfer_failed") == 1
    gaps = {g.code for g in reconcile().gaps}
    assert "transfer_failed" in gaps
    assert dispatch_due(now=later + timedelta(hours=5)).sent == 0  # given up: left alone
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "inbox")  # not used: transport is per message
    retry_message(message)
    assert (message.status, message.attempts) == ("pending", 0)
    with pytest.raises(Conflict, match="failed"):
        retry_message(message)


def test_a_message_is_claimed_by_one_dispatcher_only(app, db, make_interaction, monkeypatch):
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "webhook")
    monkeypatch.setitem(app.config, "PV_WEBHOOK_URL", "http://127.0.0.1:9/closed")
    services.create_report(make_interaction(), full_report())
    message = db.session.scalars(select(OutboxMessage)).one()
    now = message.next_attempt_at
    assert _claim(message.id, message.attempts, now) is True
    assert _claim(message.id, message.attempts, now) is False


def test_email_transport_sends_json_to_the_pv_mailbox(app, db, make_interaction, monkeypatch):
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def send_message(self, message):
            sent.append(("message", message))

    monkeypatch.setattr("medinfo.safety.transports.smtplib.SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "email")
    monkeypatch.setitem(app.config, "PV_EMAIL_TO", "pv@example.org")
    monkeypatch.setitem(app.config, "PV_SMTP_HOST", "smtp.example.org")
    report = services.create_report(make_interaction(), full_report())
    db.session.refresh(report)
    assert report.status == "transferred"
    assert sent[0] == ("connect", "smtp.example.org", 25)
    email = sent[1][1]
    assert email["To"] == "pv@example.org" and report.reference in email["Subject"]
    attachment = next(email.iter_attachments())
    assert json.loads(attachment.get_content())["report"]["reference"] == report.reference


def test_email_without_recipient_is_a_retryable_failure(app, db, make_interaction, monkeypatch):
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "email")
    monkeypatch.setitem(app.config, "PV_EMAIL_TO", "")
    services.create_report(make_interaction(), full_report())
    message = db.session.scalars(select(OutboxMessage)).one()
    assert message.status == "pending" and "PV_EMAIL_TO" in message.last_error


def test_dispatch_command_delivers_due_messages(app, db, make_interaction, fake_pv, runner):
    fake_pv.statuses = [503]
    services.create_report(make_interaction(), full_report())
    message = db.session.scalars(select(OutboxMessage)).one()
    db.session.execute(
        OutboxMessage.__table__.update().values(next_attempt_at=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()
    result = runner.invoke(args=["safety", "dispatch"])
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.output
    db.session.refresh(message)
    assert message.status == "sent"
