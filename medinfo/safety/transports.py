"""How an outbox message reaches PV: the in-app PV inbox (default), e-mail, or an HTTP webhook."""

from __future__ import annotations

import json
import smtplib
import urllib.error
import urllib.request
from collections.abc import Mapping
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

from medinfo.extensions import db
from medinfo.safety.models import OutboxMessage, PvInboxMessage

TRANSPORTS = ("inbox", "email", "webhook")


class TransportError(RuntimeError):
    """The message could not be delivered this time; the outbox will retry."""


def _body(message: OutboxMessage) -> bytes:
    return json.dumps(
        {"message_id": message.id, "kind": message.kind, "report": message.payload},
        sort_keys=True,
        ensure_ascii=False,
    ).encode()


def deliver_inbox(message: OutboxMessage, config: Mapping[str, Any]) -> None:  # noqa: ARG001
    """Put the message in the in-app PV inbox (same transaction as marking it sent)."""
    db.session.add(
        PvInboxMessage(
            outbox_id=message.id,
            report_id=message.report_id,
            kind=message.kind,
            payload=message.payload,
        )
    )


def deliver_email(message: OutboxMessage, config: Mapping[str, Any]) -> None:
    """Send the report as JSON by e-mail to the safety department's mailbox."""
    recipient = config.get("PV_EMAIL_TO")
    if not recipient:
        raise TransportError("PV_EMAIL_TO is not configured")
    email = EmailMessage()
    reference = message.payload.get("reference", "")
    email["Subject"] = f"[PV] {reference} {message.kind} (message {message.id})"
    email["From"] = config.get("PV_EMAIL_FROM") or "medinfo@localhost"
    email["To"] = recipient
    email["Message-ID"] = f"<medinfo-outbox-{message.id}@medinfo>"
    email.set_content(f"Safety report {reference} ({message.kind}). The report is attached.")
    email.add_attachment(
        _body(message), maintype="application", subtype="json", filename=f"{reference}.json"
    )
    try:
        with smtplib.SMTP(
            config.get("PV_SMTP_HOST", "localhost"),
            int(config.get("PV_SMTP_PORT", 25)),
            timeout=float(config.get("PV_TRANSPORT_TIMEOUT", 10)),
        ) as smtp:
            if config.get("PV_SMTP_USER"):
                smtp.starttls()
                smtp.login(config["PV_SMTP_USER"], config.get("PV_SMTP_PASSWORD", ""))
            smtp.send_message(email)
    except (OSError, smtplib.SMTPException) as exc:
        raise TransportError(f"e-mail not sent: {exc.__class__.__name__}: {exc}") from exc


def deliver_webhook(message: OutboxMessage, config: Mapping[str, Any]) -> None:
    """POST the report as JSON; any 2xx answer counts as delivered."""
    url = config.get("PV_WEBHOOK_URL") or ""
    if urlsplit(url).scheme not in ("http", "https"):
        raise TransportError("PV_WEBHOOK_URL must be an http(s) URL")
    headers = {
        "Content-Type": "application/json",
        "Idempotency-Key": f"medinfo-outbox-{message.id}",
    }
    if config.get("PV_WEBHOOK_TOKEN"):
        headers["Authorization"] = f"Bearer {config['PV_WEBHOOK_TOKEN']}"
    request = urllib.request.Request(url, data=_body(message), headers=headers, method="POST")  # noqa: S310 - scheme checked above
    timeout = float(config.get("PV_TRANSPORT_TIMEOUT", 10))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        raise TransportError(f"webhook answered HTTP {exc.code}") from exc
    except (OSError, urllib.error.URLError) as exc:
        raise TransportError(f"webhook unreachable: {exc}") from exc
    if not 200 <= status < 300:
        raise TransportError(f"webhook answered HTTP {status}")


_DELIVERERS = {"inbox": deliver_inbox, "email": deliver_email, "webhook": deliver_webhook}


def deliver(message: OutboxMessage, config: Mapping[str, Any]) -> None:
    """Deliver one message with its transport; raise TransportError on failure."""
    try:
        deliverer = _DELIVERERS[message.transport]
    except KeyError:
        raise TransportError(f"unknown transport {message.transport!r}") from None
    deliverer(message, config)
