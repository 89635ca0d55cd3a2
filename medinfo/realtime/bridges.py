"""Signal → room: the domain signals (sent after commit) become logged, numbered live events.

Senders are read by attribute so that domains added later (escalations, safety reports, KB
versions) need no change here; payloads carry ids and labels only, never case text — the screen
reloads the details from the server, which stays the source of truth.
"""

from __future__ import annotations

import logging

from flask import has_request_context, url_for
from flask_login import current_user

from medinfo.realtime import rooms
from medinfo.realtime.events import publish
from medinfo.signals import (
    article_changed,
    escalation_changed,
    interaction_assigned,
    interaction_changed,
    safety_report_changed,
)

logger = logging.getLogger(__name__)


def _url(endpoint: str, **values) -> str | None:
    try:
        return url_for(endpoint, **values)
    except Exception:  # endpoint not built yet (another domain) or no request context
        return None


def _actor_id() -> int | None:
    """Who made the change (so their own screen does not call its page stale)."""
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id
    return None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def interaction_summary(interaction, action: str) -> dict:
    """The ids and labels a desk screen needs to show and refresh a case."""
    return {
        "id": interaction.id,
        "reference": interaction.reference,
        "status": interaction.status,
        "queue": interaction.queue,
        "priority": interaction.priority,
        "owner_id": interaction.owner_id,
        "sla_due_at": _iso(interaction.sla_due_at),
        "action": action,
        "url": _url("interactions.show", interaction_id=interaction.id),
        "by": _actor_id(),
    }


def on_interaction_changed(interaction, action: str = "changed", **_kw) -> None:
    """New cases go to their queue; every change goes to the case's own room and its owner."""
    data = interaction_summary(interaction, action)
    if action == "opened":
        publish("interaction.opened", rooms.queue_room(interaction.queue), data)
    publish("interaction.changed", rooms.interaction_room(interaction.id), data)
    if interaction.owner_id and action != "opened":
        publish("interaction.changed", rooms.user_room(interaction.owner_id), data)


def on_interaction_assigned(interaction, queue: str | None = None, owner_id=None, **_kw) -> None:
    """Assignments: the new owner, the queue, and the case's screens."""
    data = interaction_summary(interaction, "assigned")
    data["queue"] = queue or interaction.queue
    data["owner_id"] = owner_id if owner_id is not None else interaction.owner_id
    publish("interaction.assigned", rooms.queue_room(data["queue"]), data)
    if data["owner_id"]:
        publish("interaction.assigned", rooms.user_room(data["owner_id"]), data)
    publish("interaction.assigned", rooms.interaction_room(interaction.id), data)


def _interaction_id_of(obj) -> int | None:
    value = getattr(obj, "interaction_id", None)
    if value is None and getattr(obj, "interaction", None) is not None:
        value = obj.interaction.id
    return value


def on_escalation_changed(escalation, action: str = "changed", **_kw) -> None:
    """Escalations: medical reviewers hear of new ones; the case and its escalating agent too."""
    interaction_id = _interaction_id_of(escalation)
    data = {
        "id": escalation.id,
        "action": action,
        "interaction_id": interaction_id,
        "reference": getattr(escalation, "reference", None)
        or getattr(getattr(escalation, "interaction", None), "reference", None),
        "url": _url("interactions.show", interaction_id=interaction_id) if interaction_id else None,
    }
    publish("escalation.changed", rooms.role_room("medical_reviewer"), data)
    if interaction_id:
        publish("escalation.changed", rooms.interaction_room(interaction_id), data)
    for attr in ("escalated_by_id", "requested_by_id", "created_by_id"):
        user_id = getattr(escalation, attr, None)
        if user_id and action != "escalated":
            publish("escalation.changed", rooms.user_room(user_id), data)
            break


def on_safety_report_changed(report, action: str = "changed", **_kw) -> None:
    """Safety reports: PV officers hear of every change, the reporting case's screens too."""
    interaction_id = _interaction_id_of(report)
    data = {
        "id": report.id,
        "reference": getattr(report, "reference", None),
        "action": action,
        "due_at": _iso(getattr(report, "due_at", None)),
        "interaction_id": interaction_id,
    }
    publish("safety_report.changed", rooms.role_room("pv_officer"), data)
    if interaction_id:
        publish("safety_report.changed", rooms.interaction_room(interaction_id), data)


def on_article_changed(version, action: str = "changed", **_kw) -> None:
    """KB articles approved or retired: everyone on the desk."""
    article = getattr(version, "article", None)
    data = {
        "id": version.id,
        "action": action,
        "article_id": getattr(article, "slug", None) or getattr(version, "article_id", None),
        "title": getattr(version, "title", None) or getattr(article, "title", None),
        "version": getattr(version, "version", None) or getattr(version, "number", None),
    }
    publish(f"article.{action}", rooms.DESK, data)


BRIDGES = (
    (interaction_changed, on_interaction_changed),
    (interaction_assigned, on_interaction_assigned),
    (escalation_changed, on_escalation_changed),
    (safety_report_changed, on_safety_report_changed),
    (article_changed, on_article_changed),
)


def _guarded(receiver):
    def receive(sender, **kwargs) -> None:
        # The domain change is committed already: a failure here must not fail the request.
        try:
            receiver(sender, **kwargs)
        except Exception:
            logger.exception("live event for %r (%s) not sent", sender, receiver.__name__)

    receive.__name__ = receiver.__name__
    return receive


_connected: list = []


def connect_bridges() -> None:
    """Subscribe the receivers (once per process)."""
    if _connected:
        return
    for signal, receiver in BRIDGES:
        guarded = _guarded(receiver)
        signal.connect(guarded, weak=False)
        _connected.append((signal, guarded))
